import { eventConsumer } from '../../shared/adapters/events/consumer';
import { lambdaRoot } from '../../shared/composition/lambda';
import { followSyndicatedSource } from '../../shared/application/content-syndication';

/**
 * Syndicated copies follow their source (issue 8 §6): each content workflow step arrives here; a
 * publication or withdrawal of an item that has copies in the provincial portal updates, withdraws
 * or flags them, in one transaction with this consumer's record of the event (once per event).
 */
export const handler = lambdaRoot((s) =>
  eventConsumer(
    'followSyndication',
    ['WorkflowTransitioned'],
    async ({ detail }, meta) => followSyndicatedSource(s, detail, meta.requestId),
    s,
  ),
);
