import { CommentRepository } from '../adapters/dynamo/consultation-comments';
import { ConsultationRepository } from '../adapters/dynamo/consultations';
import type { Services } from '../composition/services';
import type { CommentServices, ConsultationsForComments } from './consultation-comments';

/** What comments read of a consultation: its window, scope, state and the articles of the version in force. */
export const consultationsForComments = (
  consultations: Pick<ConsultationRepository, 'get'>,
): ConsultationsForComments => ({
  get: async (id) => {
    const c = await consultations.get(id);
    return (
      c && {
        id: c.id,
        unitPath: c.unitPath,
        state: c.state,
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        version: c.draft.draftVersion,
        articles: c.draft.articles.map((a) => ({ number: a.number, digest: a.digest })),
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
