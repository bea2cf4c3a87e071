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
