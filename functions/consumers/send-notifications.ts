import { eventConsumer } from '../../shared/adapters/events/consumer';
import { sesMail } from '../../shared/adapters/mail/ses';
import { kmsAskerKeys } from '../../shared/adapters/kms/asker-keys';
import { notifyOfQuestionEvent } from '../../shared/application/question-notifications';
import { lambdaRoot } from '../../shared/composition/lambda';

/**
 * Tells askers and staff of question steps and escalations by e-mail (issue 9 #6), once per event
 * and recipient (shared/application/question-notifications.ts). Other workflow steps reach this
 * queue too (the rule matches the event type) and are dropped here. On AWS e-mail goes through SES;
 * the local stack wires its outbox folder instead (infra/local/mail-root.ts).
 */
export const handler = lambdaRoot(
  (s) => {
    // Fail at cold start, naming the variable, rather than on the first message.
    void s.mail;
    return eventConsumer(
      'sendNotifications',
      ['QuestionReceived', 'WorkflowTransitioned', 'QuestionEscalated'],
      async (event, meta) => {
        await notifyOfQuestionEvent(s, event, meta);
      },
      s,
    );
  },
  // The asker's address is sealed with the askers' data key (KMS on AWS; the local stack wires its own).
  () => ({ mail: sesMail, askerKeys: kmsAskerKeys }),
);
