// The period keys that have published values.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export async function listObservationPeriods(db: Db): Promise<{ periodKey: string }[]> {
  const result = await rows<{ period_key: string }>(db, sql`select distinct period_key from observations where workflow_state = 'published'`);
  return result.map((r) => ({ periodKey: r.period_key }));
}

/** Whether any published value is in the period (stops at the first). */
export async function hasPublishedValuesIn(db: Db, periodKey: string): Promise<boolean> {
  const [r] = await rows<{ any: boolean }>(db, sql`select exists (select 1 from observations where period_key = ${periodKey} and workflow_state = 'published') as any`);
  return Boolean(r?.any);
}
