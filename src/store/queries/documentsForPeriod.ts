// The reports already imported into a plan for a period: a second one is refused unless replacing.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitments, documents, entries } from '../schema.js';

export async function documentsForPeriod(db: Db, planId: string, periodKey: string): Promise<{ id: string; name: string; sha256: string }[]> {
  return db.select({ id: documents.id, name: documents.name, sha256: documents.sha256 }).from(documents)
    .where(and(eq(documents.planId, planId), eq(documents.periodKey, periodKey)));
}

/** Removes an imported report with its entries (and so their facts and places) and commitments. */
export async function deleteImportedDocument(db: Db, documentId: string): Promise<void> {
  await db.delete(commitments).where(eq(commitments.documentId, documentId));
  await db.delete(entries).where(eq(entries.documentId, documentId));
  await db.delete(documents).where(eq(documents.id, documentId));
}
