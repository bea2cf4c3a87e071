// A plan's entries with their places and extracted facts, in report order: what the report model reads.
import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db.js';
import { entries, entryPlaces, facts } from '../schema.js';

export type ReportEntryRow = typeof entries.$inferSelect & {
  places: { name: string; areaCode: string | null }[];
  facts: { kind: string; text: string; start: number | null }[];
};

export async function listReportEntries(db: Db, planId: string): Promise<ReportEntryRow[]> {
  // Imported items a reviewer excluded never reach a report, draft or published.
  const kept = and(eq(entries.planId, planId), or(isNull(entries.importDecision), ne(entries.importDecision, 'excluded')));
  const rows = await db.select().from(entries).where(kept).orderBy(asc(entries.position), asc(entries.createdAt));
  const ofPlan = db.select({ id: entries.id }).from(entries).where(kept);
  const places = await db.select().from(entryPlaces).where(inArray(entryPlaces.entryId, ofPlan));
  const fs = await db.select({ entryId: facts.entryId, kind: facts.kind, text: facts.text, start: facts.start }).from(facts)
    .where(inArray(facts.entryId, ofPlan)).orderBy(asc(facts.start));
  const placesBy = new Map<string, ReportEntryRow['places']>();
  for (const p of places) placesBy.set(p.entryId, [...(placesBy.get(p.entryId) ?? []), { name: p.name, areaCode: p.areaCode }]);
  const factsBy = new Map<string, ReportEntryRow['facts']>();
  for (const f of fs) factsBy.set(f.entryId, [...(factsBy.get(f.entryId) ?? []), { kind: f.kind, text: f.text, start: f.start }]);
  return rows.map((r) => ({ ...r, places: placesBy.get(r.id) ?? [], facts: factsBy.get(r.id) ?? [] }));
}
