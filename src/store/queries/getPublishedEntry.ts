// One published entry with everything its public page shows: figures, places, partners, the
// document it came from and the commitments stated in it. Undefined when it is not published.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { normaliseEntryRow, type PublicEntryRow } from './listPublishedEntries.js';

export interface PublicFactRow {
  kind: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  text: string;
  approximate: boolean;
}

export interface PublicEntryDetail extends PublicEntryRow {
  /** The plan the entry was reported under. */
  planId: string;
  sourceSection: string | null;
  document: { id: string; name: string; mediaType: string; importedAt: string } | null;
  facts: PublicFactRow[];
  commitments: { id: string; text: string; dueText: string | null; status: string }[];
}

/** The published entry with this id, of the plan given or of any plan. */
export async function getPublishedEntry(db: Db, planId: string | undefined, id: string): Promise<PublicEntryDetail | undefined> {
  const [row] = await rows<PublicEntryDetail & { documentId: string | null; documentName: string | null; documentType: string | null; documentAt: string | null }>(db, sql`
    select e.id, e.kind, e.title, e.body, e.date, e.period_key as "periodKey", e.service, e.status, e.partners,
           e.outcome_id as "outcomeId", o.slug as "outcomeSlug", o.title as "outcomeTitle",
           e.theme_id as "themeId", t.slug as "themeSlug", t.title as "themeTitle",
           e.published_at::text as "publishedAt", e.plan_id as "planId", e.source_section as "sourceSection",
           d.id as "documentId", d.name as "documentName", d.media_type as "documentType", d.imported_at::text as "documentAt",
           coalesce((select json_agg(json_build_object('name', p.name, 'areaCode', p.area_code) order by p.name)
                     from entry_places p where p.entry_id = e.id), '[]'::json) as places
    from entries e
    left join outcomes o on o.id = e.outcome_id
    left join themes t on t.id = e.theme_id
    left join documents d on d.id = e.document_id
    where e.id = ${id} ${planId ? sql`and e.plan_id = ${planId}` : sql``} and e.workflow_state = 'published'`);
  if (!row) return undefined;
  const facts = await rows<PublicFactRow>(db, sql`
    select kind, value, value_max as "valueMax", unit, text, approximate
    from facts where entry_id = ${id} order by start nulls last, text`);
  const commitments = await rows<PublicEntryDetail['commitments'][number]>(db, sql`
    select id, text, due_text as "dueText", status from commitments
    where entry_id = ${id} and workflow_state = 'published' order by due_start nulls last, text`);
  const { documentId, documentName, documentType, documentAt, ...entry } = normaliseEntryRow(row);
  return {
    ...entry,
    document: documentId ? { id: documentId, name: documentName ?? '', mediaType: documentType ?? '', importedAt: documentAt ?? '' } : null,
    facts,
    commitments,
  };
}
