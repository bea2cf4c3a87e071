// The indicators the public site shows for a plan: those under its outcomes, and any not yet placed
// under an outcome, with the outcome and theme they belong to.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface PlanIndicatorRow {
  id: string;
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  polarity: string;
  frequency: string;
  source: string | null;
  definition: string | null;
  outcomeId: string | null;
  outcomeSlug: string | null;
  outcomeTitle: string | null;
  themeId: string | null;
  themeTitle: string | null;
}

export async function listPlanIndicators(db: Db, planId: string, code?: string): Promise<PlanIndicatorRow[]> {
  return rows<PlanIndicatorRow>(db, sql`
    select i.id, i.code, i.title, i.unit, i.decimal_places as "decimalPlaces", i.polarity, i.frequency, i.source, i.definition,
           i.outcome_id as "outcomeId", o.slug as "outcomeSlug", o.title as "outcomeTitle",
           i.theme_id as "themeId", t.title as "themeTitle"
    from indicators i
    left join outcomes o on o.id = i.outcome_id
    left join themes t on t.id = i.theme_id
    where (o.plan_id = ${planId} or i.outcome_id is null) ${code === undefined ? sql`` : sql`and lower(i.code) = lower(${code})`}
    order by o.position nulls last, t.position nulls last, i.code`);
}
