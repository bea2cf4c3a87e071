// The reports already imported into a plan for a period: a second one is refused unless replacing.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
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

/** One side of an accepted link that belongs to a report about to be replaced, with the text the matcher reads. */
export interface ReplacedLinkSide {
  kind: 'entry' | 'commitment';
  id: string;
  title: string;
  body: string;
}

export interface LinkOfReplacedReport {
  id: string;
  entryId: string;
  earlierEntryId: string | null;
  commitmentId: string | null;
  score: number;
  reason: string;
  sharedNames: string[];
  schemeId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The sides that belong to the replaced reports (one or both). */
  replaced: ReplacedLinkSide[];
}

/** The accepted links from or to the entries and commitments of these documents, each with its replaced sides' text. */
export async function listAcceptedLinksOfDocuments(db: Db, documentIds: string[]): Promise<LinkOfReplacedReport[]> {
  if (!documentIds.length) return [];
  const ids = sql.join(documentIds.map((id) => sql`${id}`), sql`, `);
  const found = await rows<Omit<LinkOfReplacedReport, 'replaced'> & { laterDoc: string | null; earlierDoc: string | null; commitmentDoc: string | null;
    laterTitle: string; laterBody: string; earlierTitle: string | null; earlierBody: string | null; commitmentText: string | null }>(db, sql`
    select l.id, l.entry_id as "entryId", l.earlier_entry_id as "earlierEntryId", l.commitment_id as "commitmentId", l.score, l.reason,
      l.shared_names as "sharedNames", l.scheme_id as "schemeId", l.decided_by as "decidedBy", l.decided_at::text as "decidedAt",
      e.document_id as "laterDoc", e.title as "laterTitle", e.body as "laterBody",
      t.document_id as "earlierDoc", t.title as "earlierTitle", t.body as "earlierBody",
      c.document_id as "commitmentDoc", c.text as "commitmentText"
    from entry_links l
      join entries e on e.id = l.entry_id
      left join entries t on t.id = l.earlier_entry_id
      left join commitments c on c.id = l.commitment_id
    where l.state = 'accepted' and (e.document_id in (${ids}) or t.document_id in (${ids}) or c.document_id in (${ids}))
    order by l.id`);
  const replacedDoc = (d: string | null) => d !== null && documentIds.includes(d);
  return found.map((r) => {
    const replaced: ReplacedLinkSide[] = [];
    if (replacedDoc(r.laterDoc)) replaced.push({ kind: 'entry', id: r.entryId, title: r.laterTitle, body: r.laterBody });
    if (replacedDoc(r.earlierDoc)) replaced.push({ kind: 'entry', id: r.earlierEntryId!, title: r.earlierTitle ?? '', body: r.earlierBody ?? '' });
    if (replacedDoc(r.commitmentDoc)) replaced.push({ kind: 'commitment', id: r.commitmentId!, title: '', body: r.commitmentText ?? '' });
    return {
      id: r.id, entryId: r.entryId, earlierEntryId: r.earlierEntryId, commitmentId: r.commitmentId, score: r.score, reason: r.reason,
      sharedNames: r.sharedNames, schemeId: r.schemeId, decidedBy: r.decidedBy, decidedAt: r.decidedAt, replaced,
    };
  });
}
