// Indicator values as staff enter them: the council's own observation for a period, with its workflow state.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { indicators, observations, users } from '../schema.js';

export type IndicatorRow = typeof indicators.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;

export interface ValueKey {
  indicatorId: string;
  areaCode: string;
  periodKey: string;
}

export interface ValueListItem extends ValueKey {
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  outcomeId: string | null;
  ownerId: string | null;
  value: number | null;
  status: string;
  note: string | null;
  workflowState: string;
  updatedAt: string;
  updatedByName: string | null;
}

export async function getIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function listIndicatorRows(db: Db): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.code));
}

export async function getObservation(db: Db, key: ValueKey): Promise<ObservationRow | undefined> {
  const [row] = await db.select().from(observations).where(and(
    eq(observations.indicatorId, key.indicatorId), eq(observations.areaCode, key.areaCode), eq(observations.periodKey, key.periodKey)));
  return row;
}

export async function upsertObservation(db: Db, row: typeof observations.$inferInsert): Promise<void> {
  await db.insert(observations).values(row).onConflictDoUpdate({
    target: [observations.indicatorId, observations.areaCode, observations.periodKey],
    set: { value: row.value, status: row.status, note: row.note, workflowState: row.workflowState, updatedBy: row.updatedBy, updatedAt: sql`now()` },
  });
}

export async function deleteObservation(db: Db, key: ValueKey): Promise<void> {
  await db.delete(observations).where(and(
    eq(observations.indicatorId, key.indicatorId), eq(observations.areaCode, key.areaCode), eq(observations.periodKey, key.periodKey)));
}

export async function setObservationState(db: Db, key: ValueKey, workflowState: string, updatedBy: string | null): Promise<void> {
  await db.update(observations).set({ workflowState, updatedBy, updatedAt: sql`now()` }).where(and(
    eq(observations.indicatorId, key.indicatorId), eq(observations.areaCode, key.areaCode), eq(observations.periodKey, key.periodKey)));
}

export interface ValueListFilter {
  areaCode: string;
  states?: string[];
  indicatorId?: string;
  scope?: { userId: string | null; outcomeIds: string[] };
  limit?: number;
}

/** One area's values (the council's own), newest change first, with the indicator's name and who changed it. */
export async function listValueItems(db: Db, filter: ValueListFilter): Promise<ValueListItem[]> {
  const where: SQL[] = [eq(observations.areaCode, filter.areaCode)];
  if (filter.states?.length) where.push(inArray(observations.workflowState, filter.states));
  if (filter.indicatorId) where.push(eq(observations.indicatorId, filter.indicatorId));
  if (filter.scope) {
    const parts: SQL[] = [];
    if (filter.scope.userId) parts.push(eq(indicators.ownerId, filter.scope.userId));
    if (filter.scope.outcomeIds.length) parts.push(inArray(indicators.outcomeId, filter.scope.outcomeIds));
    where.push(parts.length ? or(...parts)! : sql`false`);
  }
  return db.select({
    indicatorId: observations.indicatorId, areaCode: observations.areaCode, periodKey: observations.periodKey,
    code: indicators.code, title: indicators.title, unit: indicators.unit, decimalPlaces: indicators.decimalPlaces,
    outcomeId: indicators.outcomeId, ownerId: indicators.ownerId, value: observations.value, status: observations.status,
    note: observations.note, workflowState: observations.workflowState, updatedAt: observations.updatedAt, updatedByName: users.name,
  }).from(observations).innerJoin(indicators, eq(indicators.id, observations.indicatorId)).leftJoin(users, eq(users.id, observations.updatedBy))
    .where(and(...where)).orderBy(desc(observations.updatedAt), asc(indicators.code), desc(observations.periodKey)).limit(filter.limit ?? 200);
}
