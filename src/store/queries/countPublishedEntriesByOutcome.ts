// How many published entries each outcome of a plan has, all told and dated within a span (home page figures).
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface OutcomeEntryCount {
  outcomeId: string;
  total: number;
  inSpan: number;
}

/** `inSpan` counts entries dated in [from, to], and those of the period `periodKey` when one is given. */
export async function countPublishedEntriesByOutcome(db: Db, planId: string, from: string, to: string, periodKey?: string): Promise<OutcomeEntryCount[]> {
  const r = await rows<OutcomeEntryCount>(db, sql`
    select o.id as "outcomeId",
           count(e.id)::int as total,
           count(e.id) filter (where e.date between ${from} and ${to} ${periodKey ? sql`or e.period_key = ${periodKey}` : sql``})::int as "inSpan"
    from outcomes o
    left join entries e on e.outcome_id = o.id and e.workflow_state = 'published'
    where o.plan_id = ${planId}
    group by o.id`);
  return r.map((x) => ({ outcomeId: x.outcomeId, total: Number(x.total), inSpan: Number(x.inSpan) }));
}
