// Targets for an indicator, an area and a period: set (insert or replace), list and remove.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { indicators, targets } from '../schema.js';

export type TargetRow = typeof targets.$inferSelect;

export async function upsertTarget(db: Db, row: typeof targets.$inferInsert): Promise<TargetRow | undefined> {
  const [before] = await db.select().from(targets)
    .where(and(eq(targets.indicatorId, row.indicatorId), eq(targets.areaCode, row.areaCode), eq(targets.periodKey, row.periodKey)));
  await db.insert(targets).values(row).onConflictDoUpdate({
    target: [targets.indicatorId, targets.areaCode, targets.periodKey],
    set: { value: row.value, tolerance: row.tolerance, toleranceKind: row.toleranceKind },
  });
  return before;
}

export async function listTargets(db: Db, filter: { indicatorId?: string; areaCode?: string } = {}): Promise<(TargetRow & { indicatorCode: string })[]> {
  const where: SQL[] = [];
  if (filter.indicatorId) where.push(eq(targets.indicatorId, filter.indicatorId));
  if (filter.areaCode) where.push(eq(targets.areaCode, filter.areaCode));
  const result = await db.select({ target: targets, indicatorCode: indicators.code }).from(targets)
    .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(indicators.code), asc(targets.areaCode), asc(targets.periodKey));
  return result.map((r) => ({ ...r.target, indicatorCode: r.indicatorCode }));
}

/** Removes one target; returns it as it was, or undefined when there was none. */
export async function deleteTarget(db: Db, key: { indicatorId: string; areaCode: string; periodKey: string }): Promise<TargetRow | undefined> {
  const [removed] = await db.delete(targets)
    .where(and(eq(targets.indicatorId, key.indicatorId), eq(targets.areaCode, key.areaCode), eq(targets.periodKey, key.periodKey)))
    .returning();
  return removed;
}
