import { defineRoute } from '../../shared/http/contract';
import { createUploadBody, uploadFormSchema, uploadIdParam, uploadStatusSchema } from './schemas';

/** The uploads area's route contracts: attachments go straight to S3, then are checked from their bytes. */
export const uploadsRoutes = {
  createUpload: defineRoute({
    id: 'createUpload',
    method: 'POST',
    path: '/uploads',
    function: 'uploads',
    auth: 'signed-in',
    action: 'upload.create',
    machineScopes: ['portal/content.submit'],
    summary: 'Declare an attachment and get a presigned POST form for it (one of the CB 13.2 file types)',
    description:
      'POST the returned `fields`, then the file as the last field `file`, as multipart/form-data to `url`. S3 accepts only ' +
      'this key, this exact Content-Type and exactly `size` bytes, until `expiresAt`. The bytes are then checked: ' +
      '`GET /uploads/{uploadId}` says `clean` or `quarantined`.',
    tags: ['uploads'],
    body: createUploadBody,
    responses: { 201: { description: 'The upload form', schema: uploadFormSchema } },
  }),
  getUpload: defineRoute({
    id: 'getUpload',
    method: 'GET',
    path: '/uploads/{uploadId}',
    function: 'uploads',
    auth: 'signed-in',
    action: 'upload.read',
    machineScopes: ['portal/read', 'portal/content.submit'],
    summary: "An upload's check status: pending, clean (served and publishable) or quarantined (never published)",
    tags: ['uploads'],
    params: uploadIdParam,
    responses: {
      200: { description: 'Status', schema: uploadStatusSchema },
      404: { description: 'No such upload in your unit' },
    },
  }),
} as const;
