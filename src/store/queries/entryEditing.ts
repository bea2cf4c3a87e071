// Entries as the workspace edits them: one entry with its places, facts and commitments, and lists by state.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { commitments, entries, entryPlaces, facts, outcomes, users } from '../schema.js';

export type EntryRow = typeof entries.$inferSelect;
export type EntryPlaceRow = typeof entryPlaces.$inferSelect;
export type FactRow = typeof facts.$inferSelect;
export type CommitmentRow = typeof commitments.$inferSelect;

export interface EntryRecord {
  entry: EntryRow;
  places: EntryPlaceRow[];
  facts: FactRow[];
  commitments: CommitmentRow[];
}

export interface EntryListFilter {
  planId?: string;
  states?: string[];
  outcomeId?: string;
  /** Entries for any of these services or outcomes (a contributor's own). */
  scope?: { services: string[]; outcomeIds: string[] };
  createdBy?: string;
  limit?: number;
  offset?: number;
}

export interface EntryListItem {
  id: string;
  title: string;
  kind: string;
  service: string | null;
  outcomeId: string | null;
  outcomeTitle: string | null;
  periodKey: string | null;
  workflowState: string;
  reviewComment: string | null;
  updatedAt: string;
  /** Who last changed it: for a submitted entry, who submitted it. */
  updatedByName: string | null;
}

export async function getEntryRecord(db: Db, id: string): Promise<EntryRecord | undefined> {
  const [entry] = await db.select().from(entries).where(eq(entries.id, id));
  if (!entry) return undefined;
  const [places, factRows, commitmentRows] = [
    await db.select().from(entryPlaces).where(eq(entryPlaces.entryId, id)).orderBy(asc(entryPlaces.name)),
    await db.select().from(facts).where(eq(facts.entryId, id)).orderBy(asc(facts.start)),
    await db.select().from(commitments).where(eq(commitments.entryId, id)).orderBy(asc(commitments.dueStart)),
  ];
  return { entry, places, facts: factRows, commitments: commitmentRows };
}

export async function listEntryItems(db: Db, filter: EntryListFilter): Promise<{ items: EntryListItem[]; total: number }> {
  const where: SQL[] = [];
  if (filter.planId) where.push(eq(entries.planId, filter.planId));
  if (filter.states?.length) where.push(inArray(entries.workflowState, filter.states));
  if (filter.outcomeId) where.push(eq(entries.outcomeId, filter.outcomeId));
  if (filter.createdBy !== undefined) where.push(eq(entries.createdBy, filter.createdBy));
  if (filter.scope) {
    const { services, outcomeIds } = filter.scope;
    const parts: SQL[] = [];
    if (services.length) parts.push(inArray(entries.service, services));
    if (outcomeIds.length) parts.push(inArray(entries.outcomeId, outcomeIds));
    where.push(parts.length ? or(...parts)! : sql`false`);
  }
  const cond = where.length ? and(...where) : undefined;
  // The page and the count of all that match in one query; a page past the end asks for the count alone.
  const page = await db.select({
    id: entries.id, title: entries.title, kind: entries.kind, service: entries.service, outcomeId: entries.outcomeId,
    outcomeTitle: outcomes.title, periodKey: entries.periodKey, workflowState: entries.workflowState,
    reviewComment: entries.reviewComment, updatedAt: entries.updatedAt, updatedByName: users.name,
    total: sql<number>`count(*) over ()`.mapWith(Number),
  }).from(entries).leftJoin(outcomes, eq(outcomes.id, entries.outcomeId)).leftJoin(users, eq(users.id, entries.updatedBy)).where(cond)
    .orderBy(desc(entries.updatedAt), asc(entries.title)).limit(filter.limit ?? 50).offset(filter.offset ?? 0);
  const items: EntryListItem[] = page.map(({ total: _total, ...item }) => item);
  if (page.length) return { items, total: page[0].total };
  if (!filter.offset) return { items, total: 0 };
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(entries).where(cond);
  return { items, total: Number(n) };
}

/** Distinct service names in use, for pickers. */
export async function listEntryServices(db: Db): Promise<string[]> {
  const r = await db.selectDistinct({ service: entries.service }).from(entries).where(sql`${entries.service} is not null`).orderBy(asc(entries.service));
  return r.map((x) => x.service!);
}

export async function insertEntry(db: Db, entry: typeof entries.$inferInsert): Promise<void> {
  await db.insert(entries).values(entry);
}

export async function updateEntry(db: Db, id: string, changes: Partial<typeof entries.$inferInsert>): Promise<void> {
  await db.update(entries).set({ ...changes, updatedAt: sql`now()` }).where(eq(entries.id, id));
}

export async function deleteEntry(db: Db, id: string): Promise<void> {
  await db.delete(entries).where(eq(entries.id, id));
}

export async function replaceEntryPlaces(db: Db, entryId: string, places: { name: string; areaCode: string | null }[]): Promise<void> {
  await db.delete(entryPlaces).where(eq(entryPlaces.entryId, entryId));
  if (places.length) await db.insert(entryPlaces).values(places.map((p) => ({ entryId, ...p })));
}

/** Moves or drops facts after the entry's text changed: each keeps its new offsets, or goes when its words went. */
export async function realignFacts(db: Db, entryId: string, moves: { id: string; start: number | null; end: number | null }[], removed: string[]): Promise<void> {
  for (const m of moves) await db.update(facts).set({ start: m.start, end: m.end }).where(eq(facts.id, m.id));
  if (removed.length) await db.delete(facts).where(inArray(facts.id, removed));
}

export async function insertFacts(db: Db, rows: (typeof facts.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(facts).values(rows);
}

/** Adds a figure, or corrects one with the same id. */
export async function upsertFact(db: Db, row: typeof facts.$inferInsert): Promise<void> {
  const { id: _id, entryId: _entry, ...changes } = row;
  await db.insert(facts).values(row).onConflictDoUpdate({ target: facts.id, set: changes });
}

export async function deleteFact(db: Db, id: string): Promise<void> {
  await db.delete(facts).where(eq(facts.id, id));
}

/** Commitments stated in an entry follow its workflow state: published with it, withdrawn with it. */
export async function setEntryCommitmentsState(db: Db, entryId: string, workflowState: string): Promise<void> {
  await db.update(commitments).set({ workflowState, updatedAt: sql`now()` }).where(eq(commitments.entryId, entryId));
}

/** Finds current reference areas whose name or short name matches a place name (case aside), to link places to areas. */
export async function matchAreaCodes(db: Db, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const list = sql.join(names.map((n) => sql`${n.toLowerCase()}`), sql`, `);
  const found = await rows<{ code: string; name: string; short: string }>(db, sql`
    select code, lower(name) as name, lower(short_name) as short from areas
    where (lower(name) in (${list}) or lower(short_name) in (${list})) and end_date is null order by code`);
  const byName = new Map<string, string>();
  for (const a of found) for (const key of [a.name, a.short]) if (!byName.has(key)) byName.set(key, a.code);
  return byName;
}
