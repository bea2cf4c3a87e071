// The periods each plan has published delivery for, with how many entries: the public plan pages'
// list of a plan's reporting years.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface PlanPeriodCount {
  planId: string;
  periodKey: string;
  entries: number;
}

export async function listPublishedPlanPeriods(db: Db, planId?: string): Promise<PlanPeriodCount[]> {
  const r = await rows<PlanPeriodCount>(db, sql`
    select e.plan_id as "planId", e.period_key as "periodKey", count(*)::int as entries
    from entries e
    where e.workflow_state = 'published' and e.period_key is not null ${planId ? sql`and e.plan_id = ${planId}` : sql``}
    group by e.plan_id, e.period_key
    order by e.plan_id, e.period_key`);
  return r.map((x) => ({ ...x, entries: Number(x.entries) }));
}
