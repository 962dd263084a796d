import { CommentRepository } from '../adapters/dynamo/consultation-comments';
import { ConsultationRepository } from '../adapters/dynamo/consultations';
import type { Services } from '../composition/services';
import type { CommentServices, ConsultationsForComments } from './consultation-comments';

/** What comments read of a consultation: its window, scope, state and the articles of the version in force. */
export const consultationsForComments = (
  consultations: Pick<ConsultationRepository, 'get' | 'currentDraft'>,
): ConsultationsForComments => ({
  get: async (id) => {
    const c = await consultations.get(id);
    // The articles of the version in force, from the draft's own items (the consultation holds its heading).
    const draft = c && (await consultations.currentDraft(c));
    return (
      c &&
      draft && {
        id: c.id,
        unitPath: c.unitPath,
        state: c.state,
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        version: c.draft.draftVersion,
        articles: draft.articles.map((a) => ({ number: a.number, digest: a.digest })),
      }
    );
  },
});

/** The comment use cases' services, from a root's (shared/composition/services.ts): built once per root. */
export function commentServices(s: Services): CommentServices {
  return {
    config: s.config,
    uow: s.uow,
    get askerKeys() {
      return s.askerKeys;
    },
    comments: new CommentRepository(s.db, s.table),
    consultationsForComments: consultationsForComments(new ConsultationRepository(s.db, s.table)),
  };
}
