// Plans with their outcomes and themes: the structure every page and report hangs from.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { outcomes, plans, themes } from '../schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type OutcomeRow = typeof outcomes.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
export interface PlanStructure {
  plan: PlanRow;
  outcomes: (OutcomeRow & { themes: ThemeRow[] })[];
}

export async function listPlans(db: Db): Promise<PlanRow[]> {
  return db.select().from(plans).orderBy(asc(plans.startDate), asc(plans.createdAt), asc(plans.id));
}

export async function getPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

/** The plan with its outcomes and their themes, in position order: one query (plan, outcomes and themes joined). */
export async function getPlanStructure(db: Db, planId: string): Promise<PlanStructure | undefined> {
  const r = await db.select({ plan: plans, outcome: outcomes, theme: themes }).from(plans)
    .leftJoin(outcomes, eq(outcomes.planId, plans.id))
    .leftJoin(themes, eq(themes.outcomeId, outcomes.id))
    .where(eq(plans.id, planId))
    .orderBy(asc(outcomes.position), asc(outcomes.id), asc(themes.position));
  if (!r.length) return undefined;
  const byId = new Map<string, OutcomeRow & { themes: ThemeRow[] }>();
  for (const { outcome, theme } of r) {
    if (!outcome) continue;
    let o = byId.get(outcome.id);
    if (!o) byId.set(outcome.id, (o = { ...outcome, themes: [] }));
    if (theme) o.themes.push(theme);
  }
  return { plan: r[0].plan, outcomes: [...byId.values()] };
}

/** The plan the workspace works on: the one named in settings when it exists, else the latest to start. One query. */
export async function getCurrentPlanId(db: Db): Promise<string | undefined> {
  const [row] = await rows<{ id: string | null }>(db, sql`
    select coalesce(
      (select p.id from plans p where p.id = (select s.value #>> '{}' from settings s where s.key = 'currentPlanId')),
      (select p.id from plans p order by p.start_date desc, p.created_at desc, p.id desc limit 1)) as id`);
  return row?.id ?? undefined;
}

export async function insertPlan(db: Db, plan: typeof plans.$inferInsert): Promise<void> {
  await db.insert(plans).values(plan);
}

export async function insertOutcome(db: Db, outcome: typeof outcomes.$inferInsert): Promise<void> {
  await db.insert(outcomes).values(outcome);
}

export async function insertTheme(db: Db, theme: typeof themes.$inferInsert): Promise<void> {
  await db.insert(themes).values(theme);
}
