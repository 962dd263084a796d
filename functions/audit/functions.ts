import type { FunctionDefinition } from '../function-definition';

/** The audit log, for auditors and operators. */
export const auditFunctions = {
  audit: {
    entry: 'functions/audit/handler.ts',
    kind: 'http',
    description: 'Audit log queries for auditors and operators',
    table: 'read',
    readsAudit: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
