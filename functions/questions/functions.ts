import { resolvesPrincipal, idempotencyRecords, appendsAudit, readsUnits, readsCalendar, indexPrefix } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** Q&A: the asker's side, the staff side, escalations, notifications and the public list. */
export const questionsFunctions = {
  questionsPublic: {
    entry: 'functions/questions/public.ts',
    kind: 'http',
    description: "Q&A, the asker's side: ask a question (anonymous), follow it with its tracking code and secret",
    tableItems: [
      // The question (rated, erased), the clock's work item (reopened on a rating), the guards of asking.
      { actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.question('').pk, keys.work('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      // The asker's data, sealed (never opened here): written when asking, deleted with its duplicate guard on erasure.
      { actions: ['GetItem', 'PutItem', 'DeleteItem'], partitionPrefixes: [keys.questionAsker('').pk] },
      // Read before a number is taken, so a duplicate is refused without burning one.
      {
        actions: ['GetItem', 'PutItem', 'DeleteItem'],
        partitionPrefixes: [keys.questionDuplicate('', '').pk.replace(/#+$/, '#')],
      },
      // A published question reopened on the asker's rating leaves the public list.
      { actions: ['DeleteItem'], partitionPrefixes: [keys.publishedQuestion('').pk] },
      // The portal's "received" figure, frozen with the question.
      { actions: ['PutItem'], partitionPrefixes: [keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#')] },
      {
        actions: ['GetItem', 'UpdateItem'],
        partitionPrefixes: [keys.questionDayCounter('').pk, keys.questionAskRate('', '').pk],
      },
      // The portal asked (units are public directory data) and the calendar in force for the clock.
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.unit('').pk, keys.calendarConfig().pk] },
      // Idempotency-Key records of anonymous callers.
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
    ],
    writesOutbox: true,
    askerKey: 'seal',
  },
  questions: {
    entry: 'functions/questions/staff.ts',
    kind: 'http',
    description:
      "Q&A, staff side: read and list questions (the asker's data for the board, and the unit it shares it with), classify, refuse, route, return, reopen, erase on demand (audited)",
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      readsCalendar,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.question('').pk, keys.work('').pk],
      },
      // The asker's data (sealed) and its duplicate guard: read, and destroyed on erasure.
      {
        actions: ['GetItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.questionAsker('').pk, keys.questionDuplicate('', '').pk.replace(/#+$/, '#')],
      },
      // The unit's facts (issue 9 §9), the redacted public copy, and published content an answer cites.
      {
        actions: ['PutItem', 'Query'],
        partitionPrefixes: [keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#')],
      },
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.publishedQuestion('').pk],
      },
      { actions: ['GetItem'], partitionPrefixes: [keys.publishedContent('').pk] },
      // The escalations the job raised, for the staff view (issue 25).
      { actions: ['Query'], partitionPrefixes: [keys.questionEscalationsOf('').pk] },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.questionsOfPortal('x').gsi1pk),
          indexPrefix(keys.openWorkOfAssignee('x').gsi1pk),
        ],
        indexes: ['gsi1'],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.questionsOfUnit('x').gsi2pk),
          indexPrefix(keys.openWorkOfUnit('x').gsi2pk),
        ],
        indexes: ['gsi2'],
      },
      // Answer authorisations (CB 11.5): kept, revoked and read when an officer answers; listed per unit.
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
        partitionPrefixes: [keys.answerAuthorisation('', '').pk.replace(/#+$/, '#')],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [indexPrefix(keys.answerAuthorisationsOfUnit('x').gsi1pk)],
        indexes: ['gsi1'],
      },
    ],
    writesOutbox: true,
    askerKey: 'open',
  },
  escalateQuestions: {
    entry: 'functions/jobs/escalate-questions.ts',
    kind: 'job',
    description:
      'Escalates open question clocks near or past their due instant (reminder, overdue, very overdue), once per level (audited)',
    timeoutSeconds: 300,
    tableItems: [
      // Question clocks on the due index only; then each clock's mark (the record of what was raised) and its entries in the question's log.
      {
        actions: ['Query'],
        partitionPrefixes: [keys.openWorkDue('Question', 0).duePk.replace(/\d+$/, '')],
        indexes: ['due'],
      },
      {
        actions: ['UpdateItem'],
        partitionPrefixes: [keys.work(keys.workflowClockWorkId('Question', '', '')).pk.replace(/#+$/, '#')],
      },
      { actions: ['PutItem'], partitionPrefixes: [keys.questionEscalationsOf('').pk, keys.auditOf('').pk] },
      // Each level's frozen fact for the reports (issue 27), in the unit's fact partition.
      { actions: ['PutItem'], partitionPrefixes: [keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#')] },
      // The portal of a clock opened before work items kept it; the calendar in force.
      { actions: ['GetItem'], partitionPrefixes: [keys.question('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] },
    ],
    writesOutbox: true,
  },
  sendNotifications: {
    entry: 'functions/consumers/send-notifications.ts',
    kind: 'consumer',
    description: 'E-mails askers and staff about question steps and escalations, once per event and recipient (SES)',
    timeoutSeconds: 30,
    tableItems: [
      // The question (its public facts) and the asker item (the address only; never written).
      { actions: ['GetItem'], partitionPrefixes: [keys.question('').pk, keys.questionAsker('').pk] },
      // The staff of the unit to tell.
      { actions: ['Query'], partitionPrefixes: [keys.accountsOfUnit('').gsi1pk], indexes: ['gsi1'] },
      // Its claims and marks per (event, recipient), and its record of processed events.
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.notification('', '').pk],
      },
      { actions: ['GetItem', 'PutItem'], partitionPrefixes: [keys.consumedEvent('sendNotifications', '').pk] },
    ],
    sendsMail: true,
    // Opens the asker item for the address only.
    askerKey: 'open',
  },
  questionsPublished: {
    entry: 'functions/questions/published.ts',
    kind: 'http',
    description: 'Q&A, public list: published questions and answers (redacted copies only), by field, with search',
    // The redacted copies and their portal and field listings: never a question, an asker or anything else.
    tableItems: [
      {
        actions: ['Query'],
        partitionPrefixes: [keys.publishedQuestionsOfPortal('').gsi1pk.replace(/#+$/, '#')],
        indexes: ['gsi1', 'gsi2'],
      },
    ],
  },
} as const satisfies Record<string, FunctionDefinition>;
