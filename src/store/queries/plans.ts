// Plans with their outcomes and themes: the structure every page and report hangs from.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { outcomes, plans, themes } from '../schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type OutcomeRow = typeof outcomes.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
export interface PlanStructure {
  plan: PlanRow;
  outcomes: (OutcomeRow & { themes: ThemeRow[] })[];
}

export async function listPlans(db: Db): Promise<PlanRow[]> {
  return db.select().from(plans).orderBy(asc(plans.startDate));
}

export async function getPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

export async function getPlanStructure(db: Db, planId: string): Promise<PlanStructure | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const outs = await db.select().from(outcomes).where(eq(outcomes.planId, planId)).orderBy(asc(outcomes.position));
  const ths = outs.length
    ? await db.select().from(themes).where(inArray(themes.outcomeId, outs.map((o) => o.id))).orderBy(asc(themes.position))
    : [];
  return { plan, outcomes: outs.map((o) => ({ ...o, themes: ths.filter((t) => t.outcomeId === o.id) })) };
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
