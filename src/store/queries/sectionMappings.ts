// Remembered answers to "which outcome is this report section?", per plan.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { sectionMappings } from '../schema.js';

export type SectionMappingRow = typeof sectionMappings.$inferSelect;

export async function getSectionMappings(db: Db, planId: string): Promise<SectionMappingRow[]> {
  return db.select().from(sectionMappings).where(eq(sectionMappings.planId, planId));
}

export async function putSectionMappings(db: Db, rows: SectionMappingRow[]): Promise<void> {
  if (!rows.length) return;
  await db.insert(sectionMappings).values(rows).onConflictDoUpdate({
    target: [sectionMappings.planId, sectionMappings.section],
    set: { outcomeId: sql`excluded.outcome_id`, themeId: sql`excluded.theme_id` },
  });
}
