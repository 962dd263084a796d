import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';
import { appendsAudit, idempotencyRecords, readsCalendar, resolvesPrincipal } from '../grants';

/**
 * The participation area's functions (issue 28): consultations on drafts. Spread into
 * `functionDefinitions` (functions/manifest.ts); each names the partitions it uses and nothing else.
 */
const CONSULT = keys.consultation('').pk;
const CONSULT_LISTINGS = keys.consultationsOfPortal('', 'open').gsi1pk.replace(/#.*$/, '#');
const CONSULT_DUE = keys.consultationDue(0).duePk.replace(/\d+$/, '');

export const participationFunctions = {
  consultationsPublic: {
    entry: 'functions/participation/consultations-public.ts',
    kind: 'http',
    description:
      'Public consultations on drafts (issue 28): open and closed ones with their articles, and the RSS of open ones',
    // Consultations and their listings only (scheduled ones are refused by state): never comments, accounts or content.
    tableItems: [
      { actions: ['GetItem', 'Query'], partitionPrefixes: [CONSULT, CONSULT_LISTINGS], indexes: ['gsi1'] },
      // The feed's channel names the portal; the calendar in force counts a window's working days.
      { actions: ['GetItem'], partitionPrefixes: [keys.unit('').pk] },
      readsCalendar,
    ],
  },
  consultations: {
    entry: 'functions/participation/consultations-staff.ts',
    kind: 'http',
    description:
      'Consultations on drafts (issue 28): schedule, open, close, new versions, the summary written, approved and published (audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsCalendar,
      // The consultation, its draft versions; the published draft it reads its text from (never written).
      { actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], partitionPrefixes: [CONSULT] },
      { actions: ['GetItem'], partitionPrefixes: [keys.contentItem('').pk] },
    ],
    writesOutbox: true,
  },
  consultationDocuments: {
    entry: 'functions/participation/consultations-documents.ts',
    kind: 'http',
    description:
      'A published consultation summary as CSV or as the Word table "tổng hợp, tiếp thu, giải trình" (the docx package lives only here and in reportDocuments)',
    memoryMb: 1024,
    timeoutSeconds: 29,
    tableItems: [
      // The consultation and its current draft's items (the summary's rows name its articles).
      { actions: ['GetItem', 'Query'], partitionPrefixes: [CONSULT] },
      { actions: ['GetItem'], partitionPrefixes: [keys.unit('').pk] },
    ],
  },
  consultationSchedule: {
    entry: 'functions/jobs/consultation-schedule.ts',
    kind: 'job',
    description: 'Opens and closes consultations at their announced instants, as the system identity (audited)',
    timeoutSeconds: 120,
    tableItems: [
      { actions: ['Query'], partitionPrefixes: [CONSULT_DUE], indexes: ['due'] },
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [CONSULT] },
      readsCalendar,
      appendsAudit,
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
