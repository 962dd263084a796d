import type { RouteDefinition } from '../shared/http/contract';
import { accountsRoutes } from './accounts/routes';
import { auditRoutes } from './audit/routes';
import { calendarRoutes } from './calendar/routes';
import { operationsRoutes } from './operations/routes';
import { unitsRoutes } from './units/routes';
import { contentRoutes } from './content/routes';
import { uploadsRoutes } from './uploads/routes';
import { questionsRoutes } from './questions/routes';
import { incidentsRoutes } from './incidents/routes';
import { reportsRoutes } from './reports/routes';
import { commentsRoutes } from './participation/comments-routes';
import { consultationRoutes } from './participation/consultations-routes';
import { ratingsRoutes } from './ratings/routes';
import { outagesRoutes } from './outages/routes';

/**
 * Every route of the public API, concatenated from the areas (functions/<area>/routes.ts). The API
 * stack creates these resources, the local gateway serves them and /openapi.json is generated from
 * them. Handlers import only their own area's table, so each bundle holds only its own area.
 */
const areas = [
  operationsRoutes,
  calendarRoutes,
  unitsRoutes,
  accountsRoutes,
  auditRoutes,
  contentRoutes,
  uploadsRoutes,
  questionsRoutes,
  incidentsRoutes,
  reportsRoutes,
  commentsRoutes,
  consultationRoutes,
  ratingsRoutes,
  outagesRoutes,
] as const;

export const routes = {
  ...operationsRoutes,
  ...calendarRoutes,
  ...unitsRoutes,
  ...accountsRoutes,
  ...auditRoutes,
  ...contentRoutes,
  ...uploadsRoutes,
  ...questionsRoutes,
  ...incidentsRoutes,
  ...reportsRoutes,
  ...commentsRoutes,
  ...consultationRoutes,
  ...ratingsRoutes,
  ...outagesRoutes,
} as const;

export const allRoutes: readonly RouteDefinition[] = areas.flatMap((area) => Object.values(area));
