// One area's published values of every indicator over every period: its own history, for
// direction of travel and trend without loading every other council's values. With unpublished, its
// values still in the approval workflow instead (a draft report shows them).
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface AreaSeriesValue {
  indicatorId: string;
  periodKey: string;
  value: number | null;
  provisional: boolean;
}

export async function loadAreaSeries(db: Db, areaCode: string, options: { unpublished?: boolean } = {}): Promise<AreaSeriesValue[]> {
  const state = options.unpublished ? sql`workflow_state <> 'published'` : sql`workflow_state = 'published'`;
  const result = await rows<{ indicator_id: string; period_key: string; value: number | null; provisional: boolean }>(db, sql`
    select indicator_id, period_key, value, status = 'provisional' as provisional
    from observations where area_code = ${areaCode} and ${state}`);
  return result.map((r) => ({ indicatorId: r.indicator_id, periodKey: r.period_key, value: r.value === null ? null : Number(r.value), provisional: r.provisional }));
}
