import { resolvesPrincipal, idempotencyRecords, appendsAudit, readsUnits } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import { uploadPrefixes } from '../../shared/domain/uploads/upload';
import type { FunctionDefinition } from '../function-definition';

/** Attachments: presigned uploads and the check of each file. */
export const uploadsFunctions = {
  uploads: {
    entry: 'functions/uploads/handler.ts',
    kind: 'http',
    description: 'Attachments: presigned POST forms into incoming/ and their check status',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      { actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.upload('').pk] },
    ],
    writesOutbox: true,
    // The form is signed with this role's credentials: S3 authorises the browser's POST as a
    // PutObject by this role, so the role may put under incoming/ and nowhere else.
    objects: [{ bucket: 'media', actions: ['PutObject'], prefixes: [uploadPrefixes.incoming] }],
  },
  checkUpload: {
    entry: 'functions/uploads/check-upload.ts',
    kind: 'consumer',
    description: 'Checks each uploaded file from its bytes: clean files move to clean/, the others to quarantine/',
    timeoutSeconds: 30,
    // Its upload record, the audit entry and the event of the verdict: nothing else.
    tableItems: [
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [keys.upload('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
    writesOutbox: true,
    objects: [
      {
        bucket: 'media',
        actions: ['GetObject', 'DeleteObject'],
        prefixes: [uploadPrefixes.incoming, uploadPrefixes.checking],
      },
      {
        bucket: 'media',
        actions: ['PutObject'],
        prefixes: [uploadPrefixes.clean, uploadPrefixes.quarantine, uploadPrefixes.checking],
      },
    ],
  },
} as const satisfies Record<string, FunctionDefinition>;
