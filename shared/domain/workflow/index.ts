/** The workflow engine: declarative tables, one pure `decide()`, and the plan a unit of work commits. */
export { decide } from './engine';
export { tableProblems } from './check-table';
export type * from './types';
export {
  participantRoles,
  participantDid,
  withParticipants,
  rolesOf,
  type Participant,
  type ParticipantRole,
} from './participants';
export {
  contentWorkflow,
  contentStates,
  AUTHOR_PROXY,
  contentEditing,
  type ContentEditRule,
  type ContentAction,
  type ContentClock,
  type ContentState,
  type ContentWorkflowItem,
} from './tables/content';
export {
  questionWorkflow,
  questionStates,
  type QuestionAction,
  type QuestionClock,
  type QuestionState,
  type QuestionWorkflowItem,
} from './tables/questions';
