// Editing a plan's outcomes and themes: titles, summaries, order, and removal when nothing hangs from them.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { entries, indicators, outcomes, themes } from '../schema.js';
import type { OutcomeRow, ThemeRow } from './plans.js';

export async function getOutcome(db: Db, id: string): Promise<OutcomeRow | undefined> {
  const [row] = await db.select().from(outcomes).where(eq(outcomes.id, id));
  return row;
}

export async function getTheme(db: Db, id: string): Promise<ThemeRow | undefined> {
  const [row] = await db.select().from(themes).where(eq(themes.id, id));
  return row;
}

export async function updateOutcome(db: Db, id: string, changes: Partial<Pick<OutcomeRow, 'title' | 'slug' | 'summary' | 'position' | 'ownerId'>>): Promise<void> {
  await db.update(outcomes).set(changes).where(eq(outcomes.id, id));
}

export async function updateTheme(db: Db, id: string, changes: Partial<Pick<ThemeRow, 'title' | 'slug' | 'summary' | 'position'>>): Promise<void> {
  await db.update(themes).set(changes).where(eq(themes.id, id));
}

export async function deleteOutcome(db: Db, id: string): Promise<void> {
  await db.delete(outcomes).where(eq(outcomes.id, id));
}

export async function deleteTheme(db: Db, id: string): Promise<void> {
  await db.delete(themes).where(eq(themes.id, id));
}

/** How many entries and indicators are filed under an outcome or theme. */
export async function countAttached(db: Db, column: 'outcome' | 'theme', id: string): Promise<number> {
  const e = column === 'outcome' ? entries.outcomeId : entries.themeId;
  const i = column === 'outcome' ? indicators.outcomeId : indicators.themeId;
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(entries).where(eq(e, id));
  const [b] = await db.select({ n: sql<number>`count(*)::int` }).from(indicators).where(eq(i, id));
  return Number(a.n) + Number(b.n);
}
