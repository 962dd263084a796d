import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** Reports (issue 27): generation, downloads and the periodic job. */
/** The partitions of the frozen facts a report sums (units, items, Q&A, accounts, jobs, checks, attributions, ratings). */
const FACT_PARTITIONS = [
  keys.unit('').pk,
  keys.contentItem('').pk,
  keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#'),
  keys.accountFact('', '', '', '', 0).pk.replace(/#+$/, '#'),
  keys.jobRunsOf('').pk,
  keys.securityChecks().pk,
  keys.attributionOf('', '', '').pk.replace(/#+$/, '#'),
  // Ratings of information (issue 28 §5), per unit and month.
  keys.ratingFact('', '', '', '').pk.replace(/#+$/, '#'),
];

export const reportsFunctions = {
  reports: {
    entry: 'functions/reports/handler.ts',
    kind: 'http',
    description:
      'Reports (issue 27): generated from frozen facts, stored with their digest, written, approved, sent; royalty tallies',
    memoryMb: 512,
    timeoutSeconds: 29,
    tableItems: [
      // The frozen facts it sums, by key range (never the audit log: it writes, so it may not read audit partitions).
      {
        actions: ['GetItem', 'Query'],
        partitionPrefixes: [...FACT_PARTITIONS, keys.calendarConfig().pk],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          keys.unitsUnder(null).gsi1pk.replace(/ROOT$/, ''),
          keys.contentOfUnit('').gsi1pk,
          keys.accountsOfUnit('').gsi1pk,
          keys.incidentsByTime().gsi1pk,
        ],
        indexes: ['gsi1'],
      },
      // Its own reports, their audit entries.
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
        partitionPrefixes: [keys.report('').pk, keys.reportsOfUnit('').gsi1pk],
        indexes: ['gsi1'],
      },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      // The caller's account and delegations (principal resolution) and idempotency records.
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
    ],
    writesOutbox: true,
    // Figures under reports/ in the versioned media bucket, nothing else there.
    objects: [{ bucket: 'media', actions: ['GetObject', 'PutObject'], prefixes: ['reports/'] }],
  },
  reportDocuments: {
    entry: 'functions/reports/documents.ts',
    kind: 'http',
    description:
      'Report downloads (issue 27): CSV and the Word document of each seed (the docx package lives only here)',
    memoryMb: 1024,
    timeoutSeconds: 29,
    tableItems: [
      // The report and its units (names for the header block): read only.
      { actions: ['GetItem'], partitionPrefixes: [keys.report('').pk, keys.unit('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
    ],
    objects: [{ bucket: 'media', actions: ['GetObject'], prefixes: ['reports/'] }],
  },
  generateReports: {
    entry: 'functions/jobs/generate-reports.ts',
    kind: 'job',
    description:
      'Generates each periodic report of the preset as a draft once its period has closed (issue 27), once per kind and period',
    memoryMb: 512,
    timeoutSeconds: 300,
    tableItems: [
      {
        actions: ['GetItem', 'Query'],
        partitionPrefixes: [...FACT_PARTITIONS],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          keys.unitsUnder(null).gsi1pk.replace(/ROOT$/, ''),
          keys.contentOfUnit('').gsi1pk,
          keys.accountsOfUnit('').gsi1pk,
          keys.incidentsByTime().gsi1pk,
        ],
        indexes: ['gsi1'],
      },
      { actions: ['GetItem', 'PutItem'], partitionPrefixes: [keys.report('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
    writesOutbox: true,
    objects: [{ bucket: 'media', actions: ['PutObject'], prefixes: ['reports/'] }],
  },
} as const satisfies Record<string, FunctionDefinition>;
