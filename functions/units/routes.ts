import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import { pageOf } from '../../shared/api/common-schemas';
import { mergeBody, newUnitBody, renameBody, splitBody, unitCodeParam, unitSchema, unitsQuery } from './schemas';

/** The units area's route contracts. */
export const unitsRoutes = {
  listUnits: defineRoute({
    id: 'listUnits',
    method: 'GET',
    path: '/units',
    function: 'unitsPublic',
    auth: 'public',
    summary: 'Units (sub-portals) under a parent, with their domains',
    tags: ['units'],
    query: unitsQuery,
    responses: { 200: { description: 'A page of units', schema: pageOf(unitSchema) } },
  }),
  getUnit: defineRoute({
    id: 'getUnit',
    method: 'GET',
    path: '/units/{code}',
    function: 'unitsPublic',
    auth: 'public',
    summary: 'A unit; a merged or split unit also names the unit that carries its work now',
    tags: ['units'],
    params: unitCodeParam,
    responses: {
      200: { description: 'The unit', schema: z.object({ unit: unitSchema, current: unitSchema }) },
      404: { description: 'No such unit' },
    },
  }),
  unitHistory: defineRoute({
    id: 'getUnitHistory',
    method: 'GET',
    path: '/units/{code}/history',
    function: 'unitsPublic',
    auth: 'public',
    summary: 'Creation, renames, merges and splits of a unit',
    tags: ['units'],
    params: unitCodeParam,
    responses: {
      200: {
        description: 'History, oldest first',
        schema: z.object({
          items: z.array(z.object({ at: z.string(), event: z.string(), detail: z.record(z.string(), z.unknown()) })),
        }),
      },
      404: { description: 'No such unit' },
    },
  }),
  createUnit: defineRoute({
    id: 'createUnit',
    method: 'POST',
    path: '/units',
    function: 'units',
    auth: 'signed-in',
    action: 'unit.manage',
    summary: 'Create a unit under a parent; its sub-portal domain is derived (QN 4, TG 4)',
    tags: ['units'],
    body: newUnitBody,
    responses: { 201: { description: 'Created', schema: unitSchema } },
  }),
  renameUnit: defineRoute({
    id: 'renameUnit',
    method: 'PATCH',
    path: '/units/{code}',
    function: 'units',
    auth: 'signed-in',
    action: 'unit.manage',
    summary: 'Rename a unit (history kept; a new slug moves its domain and keeps the old one)',
    tags: ['units'],
    params: unitCodeParam,
    body: renameBody,
    responses: {
      200: { description: 'Renamed', schema: unitSchema },
      404: { description: 'No such unit' },
      412: { description: 'If-Match names a version of the unit that is no longer current' },
    },
  }),
  mergeUnits: defineRoute({
    id: 'mergeUnits',
    method: 'POST',
    path: '/unit-merges',
    function: 'units',
    auth: 'signed-in',
    action: 'unit.manage',
    summary: 'Merge units into one: their open work and accounts move to it (QN 11.5)',
    tags: ['units'],
    body: mergeBody,
    responses: {
      200: {
        description: 'Merged',
        schema: z.object({ target: z.string(), movedWork: z.int(), movedAccounts: z.int() }),
      },
    },
  }),
  splitUnit: defineRoute({
    id: 'splitUnit',
    method: 'POST',
    path: '/units/{code}/split',
    function: 'units',
    auth: 'signed-in',
    action: 'unit.manage',
    summary: 'Split a unit into new units; its open work goes to one of them',
    tags: ['units'],
    params: unitCodeParam,
    body: splitBody,
    responses: {
      200: {
        description: 'Split',
        schema: z.object({ created: z.array(z.string()), movedWork: z.int(), movedAccounts: z.int() }),
      },
      404: { description: 'No such unit' },
    },
  }),
} as const;
