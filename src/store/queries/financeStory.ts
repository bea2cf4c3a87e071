// The council's finance story for a plan: savings plan, budget gap by year, one-off pressures and narrative.
import { and, asc, eq } from 'drizzle-orm';
import type { BudgetGap, FinanceStory, Pressure, Saving } from '../../domain/index.js';
import type { Db } from '../db.js';
import { financeBudgetGaps, financeNarratives, financePressures, financeSavings } from '../schema.js';

export async function getFinanceStory(db: Db, planId: string, periodKey: string): Promise<FinanceStory> {
  const savings = await db.select().from(financeSavings).where(eq(financeSavings.planId, planId)).orderBy(asc(financeSavings.periodKey), asc(financeSavings.position));
  const gaps = await db.select().from(financeBudgetGaps).where(eq(financeBudgetGaps.planId, planId)).orderBy(asc(financeBudgetGaps.periodKey));
  const pressures = await db.select().from(financePressures).where(eq(financePressures.planId, planId)).orderBy(asc(financePressures.periodKey), asc(financePressures.position));
  const [narrative] = await db.select().from(financeNarratives).where(and(eq(financeNarratives.planId, planId), eq(financeNarratives.periodKey, periodKey)));
  return {
    narrative: narrative?.body ?? '', fundingModel: narrative?.fundingModel ?? null,
    savings: savings.map((s) => ({ id: s.id, periodKey: s.periodKey, title: s.title, targetPence: s.targetPence, deliveredPence: s.deliveredPence, status: s.status as Saving['status'] })),
    gaps: gaps.map((g) => ({ periodKey: g.periodKey, gapPence: g.gapPence, note: g.note })),
    pressures: pressures.map((p) => ({ id: p.id, periodKey: p.periodKey, title: p.title, kind: p.kind as Pressure['kind'], amountPence: p.amountPence })),
  };
}

export async function putNarrative(db: Db, planId: string, periodKey: string, body: string, fundingModel: string | null): Promise<void> {
  await db.insert(financeNarratives).values({ planId, periodKey, body, fundingModel })
    .onConflictDoUpdate({ target: [financeNarratives.planId, financeNarratives.periodKey], set: { body, fundingModel } });
}

export async function insertSaving(db: Db, planId: string, s: Saving): Promise<void> {
  await db.insert(financeSavings).values({ ...s, planId });
}

export async function putBudgetGap(db: Db, planId: string, g: BudgetGap): Promise<void> {
  await db.insert(financeBudgetGaps).values({ ...g, planId })
    .onConflictDoUpdate({ target: [financeBudgetGaps.planId, financeBudgetGaps.periodKey], set: { gapPence: g.gapPence, note: g.note } });
}

export async function insertPressure(db: Db, planId: string, p: Pressure): Promise<void> {
  await db.insert(financePressures).values({ ...p, planId });
}

/** Removes one saving, pressure or year's budget gap of the plan; true when there was one. */
export async function deleteFinanceItem(db: Db, planId: string, kind: 'saving' | 'pressure' | 'gap', id: string): Promise<boolean> {
  const r = kind === 'saving' ? await db.delete(financeSavings).where(and(eq(financeSavings.planId, planId), eq(financeSavings.id, id))).returning()
    : kind === 'pressure' ? await db.delete(financePressures).where(and(eq(financePressures.planId, planId), eq(financePressures.id, id))).returning()
      : await db.delete(financeBudgetGaps).where(and(eq(financeBudgetGaps.planId, planId), eq(financeBudgetGaps.periodKey, id))).returning();
  return r.length > 0;
}
