// The confirmed outcome maps between plans, and the words reported under each outcome (for suggestions).
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../db.js';
import { entries, outcomes, planOutcomeMaps, themes } from '../schema.js';

export type PlanOutcomeMapRow = typeof planOutcomeMaps.$inferSelect;

export async function listOutcomeMaps(db: Db, planId?: string): Promise<PlanOutcomeMapRow[]> {
  const q = db.select().from(planOutcomeMaps);
  return (planId ? q.where(or(eq(planOutcomeMaps.fromPlanId, planId), eq(planOutcomeMaps.toPlanId, planId))) : q).orderBy(asc(planOutcomeMaps.confirmedAt));
}

/** Replaces the map from one plan to another with these pairs, inside the caller's transaction. */
export async function replaceOutcomeMap(db: Db, fromPlanId: string, toPlanId: string, rows: { fromOutcomeId: string; toOutcomeId: string; confirmedBy: string | null }[]): Promise<void> {
  await db.delete(planOutcomeMaps).where(and(eq(planOutcomeMaps.fromPlanId, fromPlanId), eq(planOutcomeMaps.toPlanId, toPlanId)));
  if (rows.length) await db.insert(planOutcomeMaps).values(rows.map((r) => ({ ...r, fromPlanId, toPlanId })));
}

/**
 * Each outcome's title, its themes' titles and its entries' titles and bodies, as one text; and the
 * same in parts: one per theme (its title and its entries) and one for entries under no theme.
 */
export async function outcomeTexts(db: Db, planId: string): Promise<{ id: string; title: string; text: string; parts: { title: string; text: string }[] }[]> {
  const outs = await db.select({ id: outcomes.id, title: outcomes.title, summary: outcomes.summary }).from(outcomes).where(eq(outcomes.planId, planId)).orderBy(asc(outcomes.position));
  const texts = new Map(outs.map((o) => [o.id, [o.title, o.summary]]));
  const parts = new Map<string, { outcomeId: string; title: string; text: string[] }>();
  const partOf = (outcomeId: string, themeId: string | null, title: string) => {
    const key = themeId ?? `outcome:${outcomeId}`;
    if (!parts.has(key)) parts.set(key, { outcomeId, title, text: [title] });
    return parts.get(key)!;
  };
  for (const t of await db.select({ id: themes.id, outcomeId: themes.outcomeId, title: themes.title }).from(themes).innerJoin(outcomes, eq(themes.outcomeId, outcomes.id)).where(eq(outcomes.planId, planId)).orderBy(asc(themes.position))) {
    texts.get(t.outcomeId)?.push(t.title);
    partOf(t.outcomeId, t.id, t.title);
  }
  const outcomeTitle = new Map(outs.map((o) => [o.id, o.title]));
  for (const e of await db.select({ outcomeId: entries.outcomeId, themeId: entries.themeId, title: entries.title, body: entries.body }).from(entries).where(eq(entries.planId, planId))) {
    if (!e.outcomeId || !texts.has(e.outcomeId)) continue;
    texts.get(e.outcomeId)!.push(e.title, e.body);
    partOf(e.outcomeId, e.themeId, outcomeTitle.get(e.outcomeId)!).text.push(e.title ?? '', e.body);
  }
  return outs.map((o) => ({
    id: o.id, title: o.title, text: texts.get(o.id)!.join('\n'),
    parts: [...parts.values()].filter((p) => p.outcomeId === o.id).map((p) => ({ title: p.title, text: p.text.join('\n') })),
  }));
}
