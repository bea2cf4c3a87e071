// Every group member's value of some indicators in one period, with the member's name: the data of the
// "where the council stands" charts. One query for all indicators of a report; published values only.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { areas, observations } from '../schema.js';

export interface PeerValueRow {
  indicatorId: string;
  code: string;
  name: string;
  value: number | null;
}

export async function listPeerValues(db: Db, q: { indicatorIds: string[]; areaCodes: string[]; periodKey: string }): Promise<PeerValueRow[]> {
  if (!q.indicatorIds.length || !q.areaCodes.length) return [];
  const where = and(
    inArray(observations.indicatorId, q.indicatorIds),
    inArray(observations.areaCode, q.areaCodes),
    eq(observations.periodKey, q.periodKey),
    eq(observations.workflowState, 'published'),
  );
  return db.select({ indicatorId: observations.indicatorId, code: observations.areaCode, name: areas.shortName, value: observations.value })
    .from(observations).innerJoin(areas, eq(areas.code, observations.areaCode)).where(where);
}
