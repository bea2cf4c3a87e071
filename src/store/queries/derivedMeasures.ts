// Derived indicators: their formulas, the published values of their inputs, and replacing their values.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { derivedMeasures, indicators, observations } from '../schema.js';

export interface DerivedMeasureRow {
  indicatorId: string;
  code: string;
  title: string;
  formula: string;
}

export async function listDerivedMeasures(db: Db): Promise<DerivedMeasureRow[]> {
  return db.select({ indicatorId: derivedMeasures.indicatorId, code: indicators.code, title: indicators.title, formula: derivedMeasures.formula })
    .from(derivedMeasures).innerJoin(indicators, eq(indicators.id, derivedMeasures.indicatorId)).orderBy(indicators.code);
}

export async function upsertDerivedMeasure(db: Db, indicatorId: string, formula: string): Promise<void> {
  await db.insert(derivedMeasures).values({ indicatorId, formula })
    .onConflictDoUpdate({ target: derivedMeasures.indicatorId, set: { formula, updatedAt: sql`now()` } });
}

export interface SeriesRow {
  indicatorId: string;
  areaCode: string;
  periodKey: string;
  value: number | null;
  note: string | null;
}

/** Every published value (missing ones too) of some indicators. */
export async function loadIndicatorValues(db: Db, indicatorIds: string[]): Promise<SeriesRow[]> {
  if (!indicatorIds.length) return [];
  const result = await rows<{ indicator_id: string; area_code: string; period_key: string; value: number | null; note: string | null }>(db, sql`
    select indicator_id, area_code, period_key, value, note from observations
    where workflow_state = 'published' and indicator_id in (${sql.join(indicatorIds.map((id) => sql`${id}`), sql`, `)})`);
  return result.map((r) => ({ indicatorId: r.indicator_id, areaCode: r.area_code, periodKey: r.period_key, value: r.value === null ? null : Number(r.value), note: r.note }));
}

/** Removes an indicator's values, before its derived values are written again. */
export async function deleteIndicatorValues(db: Db, indicatorId: string): Promise<void> {
  await db.delete(observations).where(eq(observations.indicatorId, indicatorId));
}
