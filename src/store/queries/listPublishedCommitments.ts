// Published commitments of a plan: what was promised, when it is due, its status, and where it was said.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface PublicCommitmentFilter {
  planId: string;
  outcomeId?: string;
  status?: string;
}

export interface PublicCommitmentRow {
  id: string;
  text: string;
  dueText: string | null;
  dueStart: string | null;
  dueEnd: string | null;
  status: string;
  /** The day the status was published, and the note published beside it ("opened 15 months late"). */
  statusSetOn: string | null;
  statusNote: string | null;
  /** The period of the report that made the promise. */
  periodKey: string | null;
  outcomeId: string | null;
  outcomeSlug: string | null;
  outcomeTitle: string | null;
  /** The entry it was stated in, when that entry is published. */
  entryId: string | null;
  entryTitle: string | null;
  /** Published entries that show it was kept. */
  evidence: { id: string; title: string }[];
}

export async function listPublishedCommitments(db: Db, f: PublicCommitmentFilter): Promise<PublicCommitmentRow[]> {
  const where: SQL[] = [sql`c.plan_id = ${f.planId}`, sql`c.workflow_state = 'published'`];
  if (f.outcomeId) where.push(sql`c.outcome_id = ${f.outcomeId}`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  const r = await rows<PublicCommitmentRow>(db, sql`
    select c.id, c.text, c.due_text as "dueText", c.due_start as "dueStart", c.due_end as "dueEnd", c.status,
           c.status_set_on::text as "statusSetOn", c.status_note as "statusNote",
           c.period_key as "periodKey",
           c.outcome_id as "outcomeId", o.slug as "outcomeSlug", o.title as "outcomeTitle",
           e.id as "entryId", e.title as "entryTitle",
           coalesce((select json_agg(json_build_object('id', ev.id, 'title', ev.title) order by ev.date desc nulls last)
                     from commitment_evidence ce join entries ev on ev.id = ce.entry_id
                     where ce.commitment_id = c.id and ev.workflow_state = 'published'), '[]'::json) as evidence
    from commitments c
    left join outcomes o on o.id = c.outcome_id
    left join entries e on e.id = c.entry_id and e.workflow_state = 'published'
    where ${sql.join(where, sql` and `)}
    order by c.due_end nulls last, c.due_start nulls last, o.position nulls last, c.text, c.id`);
  return r.map((x) => ({ ...x, evidence: typeof x.evidence === 'string' ? JSON.parse(x.evidence) : x.evidence }));
}
