// The period keys that have published values.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export async function listObservationPeriods(db: Db): Promise<{ periodKey: string }[]> {
  const result = await rows<{ period_key: string }>(db, sql`select distinct period_key from observations where workflow_state = 'published'`);
  return result.map((r) => ({ periodKey: r.period_key }));
}
