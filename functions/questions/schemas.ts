import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import {
  complexities,
  questionFields,
  questionScopes,
  ratings,
  refusalGrounds,
  servedActions,
  TRACKING_CODE,
} from '../../shared/domain/questions';
import { questionStates } from '../../shared/domain/workflow';
import { escalationLadder, escalationLevels } from '../../shared/domain/questions/escalation';
import { pageQuery } from '../../shared/api/common-schemas';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { askerSchema } from '../../shared/api/asker-schema';

/**
 * Request and response schemas of Q&A (issue 9), written with zod/mini. Bodies are strict: an
 * unknown field (personal data sent where it does not belong, or a typo) is refused, not dropped.
 * Which asker fields are required depends on the preset: the use case checks that (BĐ 12.2, CB 11.2).
 */
export const askBody = z.strictObject({
  asker: askerSchema,
  field: z.enum(questionFields),
  title: humanText(200, 5),
  text: humanText(5000, 20),
  consent: z.strictObject({
    processing: z.literal(true, {
      error: bilingual(
        'Cần đồng ý cho xử lý dữ liệu cá nhân để gửi câu hỏi',
        'Consent to processing is required to ask',
      ),
    }),
    publication: z.boolean().check(z.describe('May the anonymised question and its answer be published?')),
  }),
});

export const portalParams = z.object({ portal: unitCodeSchema });
export const trackingParams = z.object({
  trackingCode: z.string().check(
    z.regex(TRACKING_CODE, {
      error: bilingual('Mã theo dõi có dạng HD.YYYYMMDD.NNNN', 'A tracking code looks like HD.YYYYMMDD.NNNN'),
    }),
  ),
});
export const questionIdParams = z.object({
  id: z.string().check(
    z.regex(TRACKING_CODE, {
      error: bilingual('Mã câu hỏi có dạng HD.YYYYMMDD.NNNN', 'A question id looks like HD.YYYYMMDD.NNNN'),
    }),
  ),
});

export const listQuery = z.object({
  ...pageQuery.shape,
  stage: z.optional(z.enum(questionStates)),
  overdue: z.optional(z.enum(['true', 'false'])),
  view: z.optional(
    z
      .enum(['portal', 'unit'])
      .check(z.describe('`portal`: questions asked on this portal (its board); `unit`: questions routed to this unit')),
  ),
});

const uuid = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: bilingual('Mã không hợp lệ', 'Invalid id'),
  }),
);
/** A legal document an answer relies on (CB 11.4): number/symbol, summary, date and issuer; linked when it is published here. */
const citation = z.strictObject({
  numberSymbol: humanText(100, 1),
  summary: humanText(1000, 2),
  issuedOn: z.iso.date({
    error: bilingual('Ngày ban hành có dạng YYYY-MM-DD', 'The issue date looks like YYYY-MM-DD'),
  }),
  issuer: humanText(300, 2),
  contentId: z.optional(uuid.check(z.describe('The legal document published through the content API, if it is'))),
});

export const transitionBody = z.strictObject({
  action: z.enum(servedActions),
  unit: z.optional(unitCodeSchema),
  complexity: z.optional(z.enum(complexities)),
  scope: z.optional(z.enum(questionScopes)),
  field: z.optional(z.enum(questionFields)),
  ground: z.optional(z.enum(refusalGrounds)),
  reason: z.optional(humanText(2000)),
  comment: z.optional(humanText(2000)),
  expectedBy: z.optional(
    z.iso.date({ error: bilingual('Ngày dự kiến có dạng YYYY-MM-DD', 'The expected date looks like YYYY-MM-DD') }),
  ),
  shareAskerData: z.optional(
    z
      .boolean()
      .check(
        z.describe(
          "route: show the asker's personal data to the unit's staff (the board's choice, audited); default false",
        ),
      ),
  ),
  answer: z.optional(
    z.strictObject({
      text: humanText(20_000, 20),
      citations: z.array(citation).check(z.maxLength(30)),
    }),
  ),
});

export const ratingBody = z.strictObject({
  rating: z
    .enum(ratings)
    .check(
      z.describe(
        '`not-answered` within the reopen window (policy qa.reopenWindow, 10 working days from sending by default) reopens the question for the board, once',
      ),
    ),
  comment: z.optional(humanText(2000)),
});

/** The board carries out an authority's demand to erase the asker's data. */
export const erasureDemandBody = z.strictObject({
  demandReference: humanText(200, 2).check(
    z.describe(
      "The number/symbol of the authority's document demanding erasure (never the asker's data): it goes into the audit entry",
    ),
  ),
});

/** Responses. */
const instant = z.string().check(z.describe('RFC 3339 instant (UTC)'));
const label = z.object({ vi: z.string(), en: z.string() });

export const askedSchema = z.object({
  trackingCode: z.string(),
  secret: z
    .string()
    .check(z.describe('Shown once: send it as X-Question-Secret to follow the question; only its hash is kept')),
  receivedAt: instant,
  classificationDueAt: instant,
});

const ratingSchema = z.object({
  rating: z.enum(ratings),
  comment: z.optional(z.string()),
  at: instant,
  reopened: z.boolean().check(z.describe('Did this rating reopen the question?')),
});

/** Without the comment: replays of this answer are kept, and must hold none of the asker's text. */
export const ratedSchema = z.object({
  trackingCode: z.string(),
  stage: z.enum(questionStates),
  rating: z.enum(ratings),
  at: instant,
  reopened: z.boolean().check(z.describe('Did this rating reopen the question?')),
  reopenWindowEndsAt: instant,
});

export const erasureSchema = z.object({
  trackingCode: z.string(),
  erasureRequestedAt: instant,
  erasedAt: instant.check(
    z.describe('Completed at once (NĐ 356/2025 allows 2 working days to acknowledge, 15 days to complete)'),
  ),
});

export const statusSchema = z.object({
  trackingCode: z.string(),
  stage: z.enum(questionStates),
  stageLabel: label,
  receivedAt: instant,
  classificationDueAt: instant,
  answerDueAt: z.optional(instant),
  dueAt: z.optional(instant.check(z.describe('When the stage now open is due'))),
  refusal: z.optional(z.object({ ground: z.enum(refusalGrounds), reason: z.string(), at: instant })),
  progressNotice: z.optional(
    z.object({
      at: instant,
      kind: z.optional(
        z
          .enum(['new-date', 'report-back'])
          .check(
            z.describe(
              '`report-back`: a complex question’s unit reported back within the clock (BĐ 12.4); otherwise a notice with a new date (CB 11.4)',
            ),
          ),
      ),
      expectedBy: z.optional(
        z
          .string()
          .check(z.describe('The local date the answer is expected by (CB 11.4; optional in a BĐ 12.4 report-back)')),
      ),
    }),
  ),
  answer: z.optional(
    z
      .object({
        text: z.string(),
        citations: z.array(
          z.looseObject({ numberSymbol: z.string(), summary: z.string(), issuedOn: z.string(), issuer: z.string() }),
        ),
        advisoryNotice: z.optional(label).check(z.describe('Only where the preset has one (CB 11.6)')),
        answeredAt: instant,
        sentAt: instant,
      })
      .check(z.describe('Shown once the board has sent it')),
  ),
  publishedAt: z.optional(instant.check(z.describe('When the redacted question and answer were published'))),
  rating: z.optional(ratingSchema),
  erasure: z.optional(
    z.object({ requestedAt: instant, erasedAt: instant }).check(z.describe("The asker's personal data was destroyed")),
  ),
});

const routingSchema = z.looseObject({
  unitCode: z.string(),
  routedAt: instant,
  answerDueAt: instant,
  returnDueAt: instant,
  routedOnTime: z.boolean(),
  unitWorkingDays: z.optional(
    z
      .int()
      .check(
        z.describe(
          "Where the answer clock counts from the portal's receipt (CB 11.4): the working days it left to this unit, beside the asker's answerDueAt",
        ),
      ),
  ),
  returnedAt: z.optional(instant),
  returnReason: z.optional(z.string()),
  returnedOnTime: z.optional(z.boolean()),
});

export const questionSchema = z.looseObject({
  id: z.string(),
  portal: z.string(),
  field: z.string(),
  title: z.string(),
  text: z.string(),
  askerKind: z.enum(['individual', 'organisation']),
  state: z.enum(questionStates),
  version: z.number(),
  receivedAt: instant,
  classificationDueAt: instant,
  routings: z.array(routingSchema),
  overdue: z.boolean(),
  asker: z.optional(
    z
      .looseObject({ kind: z.enum(['individual', 'organisation']) })
      .check(z.describe("The asker's personal data: only for the portal's board")),
  ),
  escalations: z
    .array(
      z.object({
        clock: z.enum(['classify', 'answer', 'return']),
        level: z.enum(escalationLevels),
        dueAt: instant.check(z.describe('The due instant of the clock it was raised on')),
        raisedAt: instant,
        unitCode: z.string().check(z.describe('The unit whose clock it is')),
        recipientRole: z.enum(escalationLadder).check(z.describe('Who was told (the escalation ladder)')),
      }),
    )
    .check(
      z.describe('What the escalation job raised on this question (reminder, overdue, very overdue), oldest first'),
    ),
  steps: z
    .array(
      z.object({
        action: z.string(),
        label,
        allowed: z.boolean(),
        reason: z.optional(label),
        requires: z.array(z.string()),
      }),
    )
    .check(
      z.describe(
        "The steps of the question's stage and whether the caller may take each now (with the reason if not); advisory: the transition still decides",
      ),
    ),
});

export const questionPageSchema = z.object({
  view: z.enum(['portal', 'unit']),
  items: z.array(
    z.object({
      id: z.string(),
      portal: z.string(),
      field: z.string(),
      title: z.string(),
      stage: z.enum(questionStates),
      version: z.number(),
      receivedAt: instant,
      dueAt: z.optional(instant),
      assignedTo: z.optional(z.string()),
      overdue: z.boolean(),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

export const transitionedSchema = z.object({
  id: z.string(),
  stage: z.enum(questionStates),
  version: z.number(),
  dueAt: z.optional(instant),
  answerDueAt: z.optional(instant),
  returnDueAt: z.optional(instant),
  unitShare: z.optional(
    z
      .object({ routedAt: instant, workingDays: z.int() })
      .check(
        z.describe(
          "`route`, where the answer clock counts from the portal's receipt (CB 11.4): answerDueAt is the asker's and does not restart at a re-routing; this is the unit's share of it",
        ),
      ),
  ),
});

/** The public list of published questions (issue 9 §8). */
export const publishedListQuery = z.object({
  ...pageQuery.shape,
  q: z.optional(
    humanText(200, 1).check(
      z.describe('Words to find, with or without diacritics ("thue dat" finds "thuế đất"); every word must match'),
    ),
  ),
  field: z.optional(z.enum(questionFields)),
});

const citationSchema = z.looseObject({
  numberSymbol: z.string(),
  summary: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  contentId: z.optional(z.string()),
});
export const publishedPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      portal: z.string(),
      field: z.enum(questionFields),
      title: z.string(),
      text: z.string().check(z.describe('The question, with personal data replaced by [đã ẩn]')),
      answer: z.object({
        text: z.string(),
        citations: z.array(citationSchema),
        advisoryNotice: z.optional(label),
        answeredAt: instant,
      }),
      receivedAt: instant,
      publishedAt: instant,
    }),
  ),
  nextCursor: z.optional(
    z.string().check(z.describe('Opaque: pass it back as `cursor` with the same portal and field')),
  ),
});

/** Per-unit figures (issue 9 §9). */
const localDate = (name: string) =>
  z.iso
    .date({ error: bilingual(`${name} có dạng YYYY-MM-DD`, `${name} looks like YYYY-MM-DD`) })
    .check(z.describe(`Local date (UTC+7), inclusive`));
export const figuresQuery = z.object({ from: localDate('from'), to: localDate('to') });
export const figuresSchema = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  received: z.number().check(z.describe('Questions asked on this portal, or routed to this unit')),
  routed: z.number().check(z.describe("The board's routings")),
  routedWithinOneWorkingDay: z
    .number()
    .check(z.describe('Routings within the classification clock, frozen when routed')),
  rerouted: z.number().check(z.describe('Routings after a unit returned the question')),
  returned: z.number().check(z.describe('Questions this unit returned as outside its competence')),
  answered: z.number(),
  answeredOnTime: z.number().check(z.describe('Frozen when answered')),
  medianWorkingDaysToAnswer: z.nullable(
    z.number().check(z.describe('From routing to answer, counted on the calendar in force when answered')),
  ),
  overdueNow: z
    .number()
    .check(z.describe('Questions whose open classification or answer clock at this unit is past due now')),
});
