// The period keys that have published values, and how many indicators each has.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export async function listObservationPeriods(db: Db): Promise<{ periodKey: string; indicators: number }[]> {
  const result = await rows<{ period_key: string; n: number }>(db, sql`
    select period_key, count(distinct indicator_id)::int as n from observations where workflow_state = 'published' group by period_key`);
  return result.map((r) => ({ periodKey: r.period_key, indicators: Number(r.n) }));
}
