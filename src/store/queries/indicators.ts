// Indicator definitions: list, find by code or id, insert and update.
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { indicators } from '../schema.js';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicatorRow = typeof indicators.$inferInsert;

export async function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.code));
}

/** By id, or by code ignoring case. */
export async function findIndicator(db: Db, codeOrId: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators)
    .where(or(eq(indicators.id, codeOrId), eq(sql`lower(${indicators.code})`, codeOrId.toLowerCase())))
    .limit(1);
  return row;
}

export async function insertIndicators(db: Db, rows: NewIndicatorRow[]): Promise<void> {
  if (rows.length) await db.insert(indicators).values(rows);
}

export async function updateIndicator(db: Db, id: string, changes: Partial<NewIndicatorRow>): Promise<void> {
  await db.update(indicators).set({ ...changes, updatedAt: sql`now()` }).where(eq(indicators.id, id));
}
