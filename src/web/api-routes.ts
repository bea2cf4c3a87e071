// The JSON API's operations: path, summary, parameters and response of each, from which the routes
// are served (api.ts) and the OpenAPI document is generated. Every operation is a read.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ApiCommitment, ApiCompendium, ApiEntry, ApiEntryList, ApiError, ApiIndicator, ApiIndicatorDetail, ApiPlaces, ApiPlan, ApiReport, ApiSearch,
  CommitmentQuery, CompendiumQuery, PlanQuery, EntryId, EntryQuery, IndicatorCode, IndicatorsQuery, IndicatorValuesQuery, PlacesQuery, SearchQuery,
} from './api-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const badRequest = json(ApiError, 'A parameter is not valid');
const notFound = json(ApiError, 'Not found or not published');

const operationId = (path: string) => path.replace(/[{}]/g, '').replace(/^\//, '').replace(/\/(.)/g, (_, c: string) => c.toUpperCase());

/** A GET operation: its 200 response, a 400 for bad parameters, and a 404 where the path names one thing. */
function read<R extends z.ZodType, Q extends z.ZodObject | undefined = undefined, P extends z.ZodObject | undefined = undefined>(
  path: string, summary: string, response: R, request: { query?: Q; params?: P } = {},
) {
  return createRoute({
    method: 'get', path, summary, operationId: operationId(path),
    request: request as { query: Q; params: P },
    responses: { 200: json(response, 'OK'), 400: badRequest, ...(request.params ? { 404: notFound } : {}) },
  });
}

export const routes = {
  plan: read('/plan', 'The Strategic Plan (the current one, or the one in force in a period), its outcomes and themes', ApiPlan, { query: PlanQuery }),
  entries: read('/entries', 'Published entries, newest first', ApiEntryList, { query: EntryQuery }),
  entry: read('/entries/{id}', 'One published entry', ApiEntry, { params: EntryId }),
  commitments: read('/commitments', 'Published commitments', z.array(ApiCommitment), { query: CommitmentQuery }),
  indicators: read('/indicators', "The plan's indicators (the current plan's, or those of the plan in force in a period)", z.array(ApiIndicator), { query: IndicatorsQuery }),
  indicator: read('/indicators/{code}', "An indicator with the council's published values (up to a period, when given)", ApiIndicatorDetail, { params: IndicatorCode, query: IndicatorValuesQuery }),
  compendium: read('/compendium', 'Every indicator for a period against a comparison group', ApiCompendium, { query: CompendiumQuery }),
  places: read('/places', 'Published entries of a period by district and named place', ApiPlaces, { query: PlacesQuery }),
  search: read('/search', 'Search published entries, indicators and commitments', ApiSearch, { query: SearchQuery }),
  reports: read('/reports', 'Published report files', z.array(ApiReport)),
};
