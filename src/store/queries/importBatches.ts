// Import batches and their draft rows: listing, reading one with its items, recording decisions,
// publishing the chosen items and removing a whole batch, each inside the caller's transaction.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitments, documents, entries, entryPlaces, facts, importBatches, users } from '../schema.js';

export type ImportBatchRow = typeof importBatches.$inferInsert;
export type ImportBatchRecord = typeof importBatches.$inferSelect & { createdByName: string | null };

export interface BatchItemRow {
  entry: typeof entries.$inferSelect;
  facts: (typeof facts.$inferSelect)[];
  places: (typeof entryPlaces.$inferSelect)[];
  commitments: (typeof commitments.$inferSelect)[];
}

export async function insertImportBatch(db: Db, row: ImportBatchRow): Promise<void> {
  await db.insert(importBatches).values(row);
}

/** Batches newest first, with the name of who imported each. */
export async function listImportBatches(db: Db, filter: { planId?: string; ids?: string[] } = {}): Promise<ImportBatchRecord[]> {
  const where = [];
  if (filter.planId) where.push(eq(importBatches.planId, filter.planId));
  if (filter.ids) where.push(inArray(importBatches.id, filter.ids.length ? filter.ids : ['']));
  const rowsOut = await db.select({ batch: importBatches, createdByName: users.name }).from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(importBatches.createdAt), asc(importBatches.fileName));
  return rowsOut.map((r) => ({ ...r.batch, createdByName: r.createdByName }));
}

export async function getImportBatch(db: Db, id: string): Promise<ImportBatchRecord | undefined> {
  return (await listImportBatches(db, { ids: [id] }))[0];
}

/** Row locks the batch for the rest of the transaction, so two reviewers' publish and undo take turns. */
export async function lockImportBatch(db: Db, id: string): Promise<typeof importBatches.$inferSelect | undefined> {
  const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id)).for('update');
  return row;
}

export async function updateImportBatch(db: Db, id: string, changes: Partial<ImportBatchRow>): Promise<void> {
  await db.update(importBatches).set(changes).where(eq(importBatches.id, id));
}

/** The batch's entries in the report's order, each with its facts, places and commitments. */
export async function listBatchItems(db: Db, batchId: string): Promise<BatchItemRow[]> {
  const entryRows = await db.select().from(entries).where(eq(entries.importBatchId, batchId)).orderBy(asc(entries.position), asc(entries.id));
  const ofBatch = db.select({ id: entries.id }).from(entries).where(eq(entries.importBatchId, batchId));
  const factRows = await db.select().from(facts).where(inArray(facts.entryId, ofBatch)).orderBy(asc(facts.start), asc(facts.id));
  const placeRows = await db.select().from(entryPlaces).where(inArray(entryPlaces.entryId, ofBatch)).orderBy(asc(entryPlaces.name));
  const commitmentRows = await db.select().from(commitments).where(eq(commitments.importBatchId, batchId)).orderBy(asc(commitments.sourceStart), asc(commitments.id));
  const group = <T extends { entryId: string | null }>(list: T[]) => {
    const by = new Map<string, T[]>();
    for (const r of list) if (r.entryId) by.set(r.entryId, [...(by.get(r.entryId) ?? []), r]);
    return by;
  };
  const factsBy = group(factRows);
  const placesBy = group(placeRows);
  const commitmentsBy = group(commitmentRows);
  return entryRows.map((entry) => ({ entry, facts: factsBy.get(entry.id) ?? [], places: placesBy.get(entry.id) ?? [], commitments: commitmentsBy.get(entry.id) ?? [] }));
}

export async function setImportDecision(db: Db, entryIds: string[], decision: string): Promise<void> {
  if (!entryIds.length) return;
  await db.update(entries).set({ importDecision: decision, updatedAt: sql`now()` }).where(inArray(entries.id, entryIds));
}

/** Publishes the given entries of a batch and their commitments. */
export async function publishBatchEntries(db: Db, entryIds: string[], by: { userId: string | null; at: string }): Promise<void> {
  if (!entryIds.length) return;
  await db.update(entries).set({ workflowState: 'published', publishedAt: by.at, updatedBy: by.userId, updatedAt: by.at, importDecision: 'accepted' })
    .where(inArray(entries.id, entryIds));
  await db.update(commitments).set({ workflowState: 'published', updatedAt: by.at }).where(inArray(commitments.entryId, entryIds));
}

/** Publishes the promises a batch found in the report's narrative (they belong to no entry): they go out with the batch. */
export async function publishBatchNarrativeCommitments(db: Db, batchId: string, at: string): Promise<void> {
  await db.update(commitments).set({ workflowState: 'published', updatedAt: at })
    .where(and(eq(commitments.importBatchId, batchId), isNull(commitments.entryId)));
}

/**
 * Removes every row the batch wrote: its entries (their facts, places and evidence links go with
 * them), its commitments, and its document when nothing else points at it. Returns what went.
 */
export async function deleteBatchRows(db: Db, batch: { id: string; documentId: string | null }): Promise<{ entries: number; commitments: number; documents: number }> {
  const goneCommitments = await db.delete(commitments).where(eq(commitments.importBatchId, batch.id)).returning({ id: commitments.id });
  const goneEntries = await db.delete(entries).where(eq(entries.importBatchId, batch.id)).returning({ id: entries.id });
  let goneDocuments = 0;
  if (batch.documentId) {
    const [still] = await db.select({ n: sql<number>`count(*)::int` }).from(entries).where(eq(entries.documentId, batch.documentId));
    if (!still || Number(still.n) === 0) {
      goneDocuments = (await db.delete(documents).where(eq(documents.id, batch.documentId)).returning({ id: documents.id })).length;
    }
  }
  return { entries: goneEntries.length, commitments: goneCommitments.length, documents: goneDocuments };
}

export async function updateFact(db: Db, id: string, changes: Partial<typeof facts.$inferInsert>): Promise<void> {
  await db.update(facts).set(changes).where(eq(facts.id, id));
}

/** Moves facts to another entry, shifting their offsets into its text. */
export async function moveFacts(db: Db, moves: { id: string; entryId: string; start: number | null; end: number | null }[]): Promise<void> {
  for (const m of moves) await db.update(facts).set({ entryId: m.entryId, start: m.start, end: m.end }).where(eq(facts.id, m.id));
}

export async function moveCommitments(db: Db, ids: string[], entryId: string, outcomeId: string | null): Promise<void> {
  if (!ids.length) return;
  await db.update(commitments).set({ entryId, outcomeId, updatedAt: sql`now()` }).where(inArray(commitments.id, ids));
}

export async function setCommitmentsOutcome(db: Db, entryId: string, outcomeId: string | null): Promise<void> {
  await db.update(commitments).set({ outcomeId, updatedAt: sql`now()` }).where(eq(commitments.entryId, entryId));
}

export async function insertEntryPlaces(db: Db, rowsIn: (typeof entryPlaces.$inferInsert)[]): Promise<void> {
  if (rowsIn.length) await db.insert(entryPlaces).values(rowsIn).onConflictDoNothing();
}

export async function deleteEntryPlaces(db: Db, entryId: string, names: string[]): Promise<void> {
  if (names.length) await db.delete(entryPlaces).where(and(eq(entryPlaces.entryId, entryId), inArray(entryPlaces.name, names)));
}
