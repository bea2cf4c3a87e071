// A plan's narrative blocks in the council's order, for the report and the workspace.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { narrativeBlocks } from '../schema.js';

export async function listNarrativeBlocks(db: Db, planId: string) {
  return db.select({
    id: narrativeBlocks.id, outcomeId: narrativeBlocks.outcomeId, themeId: narrativeBlocks.themeId, periodKey: narrativeBlocks.periodKey,
    position: narrativeBlocks.position, heading: narrativeBlocks.heading, paragraphs: narrativeBlocks.paragraphs,
  }).from(narrativeBlocks).where(eq(narrativeBlocks.planId, planId)).orderBy(asc(narrativeBlocks.position));
}

/** Rewrites one block's heading and paragraphs; the block as it was, or undefined when there is none. */
export async function updateNarrativeBlock(db: Db, id: string, change: { heading: string | null; paragraphs: string[]; updatedBy: string | null }) {
  const [before] = await db.select().from(narrativeBlocks).where(eq(narrativeBlocks.id, id));
  if (!before) return undefined;
  await db.update(narrativeBlocks).set({ ...change, updatedAt: new Date().toISOString() }).where(eq(narrativeBlocks.id, id));
  return before;
}
