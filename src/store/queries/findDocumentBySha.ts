// The document already imported into a plan with this content (SHA-256), if any: imports are idempotent.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db.js';
import { documents } from '../schema.js';

export type DocumentRow = typeof documents.$inferSelect;

export async function findDocumentBySha(db: Db, planId: string | null, sha256: string): Promise<Omit<DocumentRow, 'text'> | undefined> {
  const [row] = await db
    .select({ id: documents.id, name: documents.name, mediaType: documents.mediaType, sha256: documents.sha256, size: documents.size, planId: documents.planId, importedAt: documents.importedAt, importedBy: documents.importedBy, periodKey: documents.periodKey })
    .from(documents)
    .where(and(eq(documents.sha256, sha256), planId === null ? isNull(documents.planId) : eq(documents.planId, planId)));
  return row;
}
