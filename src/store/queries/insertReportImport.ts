// Writes one imported report (document, entries, facts, places, commitments, narrative) inside the caller's transaction.
import type { Db } from '../db.js';
import { commitments, documents, entries, entryPlaces, facts, narrativeBlocks } from '../schema.js';
import { insertRows } from './insertRows.js';

export interface ReportImportRows {
  document: typeof documents.$inferInsert;
  entries: (typeof entries.$inferInsert)[];
  facts: (typeof facts.$inferInsert)[];
  places: (typeof entryPlaces.$inferInsert)[];
  commitments: (typeof commitments.$inferInsert)[];
  /** The report's narrative (introductions, non-outcome sections), paragraph by paragraph. */
  narrative?: (typeof narrativeBlocks.$inferInsert)[];
}

/** `afterDocument` runs between the document and its entries (the import batch is written there). */
export async function insertReportImport(db: Db, rows: ReportImportRows, afterDocument?: () => Promise<void>): Promise<void> {
  await insertRows(db, documents, [rows.document]);
  await afterDocument?.();
  await insertRows(db, entries, rows.entries);
  await insertRows(db, facts, rows.facts);
  await insertRows(db, entryPlaces, rows.places);
  await insertRows(db, commitments, rows.commitments);
  if (rows.narrative?.length) await insertRows(db, narrativeBlocks, rows.narrative);
}
