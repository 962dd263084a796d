import { defineRoute } from '../../shared/http/contract';
import { unitCodeParam } from '../../shared/api/common-schemas';
import { contentIdParam, createdSchema, editContentBody, editedSchema, newContentBody } from './editing-schemas';

/**
 * The content routes that take rich text (./routes.ts lists them with the others). Their function,
 * `contentCreate`, is the only one that carries the HTML sanitiser, and imports only these.
 */
export const contentEditingRoutes = {
  createContentItem: defineRoute({
    id: 'createContentItem',
    method: 'POST',
    path: '/units/{code}/content',
    function: 'contentCreate',
    auth: 'signed-in',
    action: 'content.submit',
    machineScopes: ['portal/content.submit'],
    summary:
      'Create a content item in a portal (a draft, or submitted at once); its HTML is cleaned against an allow-list',
    tags: ['content'],
    params: unitCodeParam,
    body: newContentBody,
    responses: { 201: { description: 'Created', schema: createdSchema }, 404: { description: 'No such unit' } },
    idempotencyJoinsCommit: true,
  }),
  updateContentItem: defineRoute({
    id: 'updateContentItem',
    method: 'PATCH',
    path: '/content/{id}',
    // The body is cleaned like at creation: the sanitiser's bundle serves this route too.
    function: 'contentCreate',
    auth: 'signed-in',
    // Coarse check only: the workflow table says who may edit in which state (contentEditing).
    action: 'content.read',
    machineScopes: ['portal/content.submit'],
    summary:
      "Edit an item's title, body, summary, legal-document metadata, attachments or contributors: its author while draft or returned, the board's editors while editing; If-Match required; each edit appends a revision",
    tags: ['content'],
    params: contentIdParam,
    body: editContentBody,
    responses: {
      200: { description: 'Edited: the new version and its revision', schema: editedSchema },
      404: { description: 'No such item' },
      409: {
        description:
          'The item is not editable in its state (`state`), or its contributors were frozen at publication (`body.contributors`); or the same Idempotency-Key is in progress',
      },
      412: { description: 'If-Match names a version that is no longer current (`header.if-match`)' },
    },
  }),
};
