// What "what changed" reads besides the plans: every commitment with the entries that evidence it,
// accepted links with both entries' figures, and how many entries each plan has in a period.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface ChangeCommitmentRow { id: string; text: string; dueEnd: string | null; dueText: string | null; status: string; evidence: string[] }

/** Every commitment, with the titles of the entries linked as evidence of it. */
export async function listCommitmentsWithEvidence(db: Db): Promise<ChangeCommitmentRow[]> {
  return rows<ChangeCommitmentRow>(db, sql`
    select c.id, c.text, c.due_end as "dueEnd", c.due_text as "dueText", c.status,
      coalesce((select json_agg(coalesce(nullif(e.title, ''), left(e.body, 80)) order by e.period_key) from commitment_evidence ce
        join entries e on e.id = ce.entry_id where ce.commitment_id = c.id), '[]'::json) as evidence
    from commitments c order by c.due_end nulls last, c.id`);
}

interface LinkSide { periodKey: string | null; title: string; facts: { kind: string; unit: string; value: number | null; text: string }[] }
export interface AcceptedLinkRow { scheme: string; slug: string; earlier: LinkSide; later: LinkSide }

/** Accepted links between two entries, in a scheme, with the facts of both. */
export async function listAcceptedEntryLinks(db: Db): Promise<AcceptedLinkRow[]> {
  const side = (alias: string) => sql.raw(`json_build_object('periodKey', ${alias}.period_key, 'title', coalesce(nullif(${alias}.title, ''), left(${alias}.body, 80)),
    'facts', coalesce((select json_agg(json_build_object('kind', f.kind, 'unit', f.unit, 'value', f.value, 'text', f.text) order by f.start)
      from facts f where f.entry_id = ${alias}.id), '[]'::json))`);
  return rows<AcceptedLinkRow>(db, sql`
    select s.name as scheme, s.slug, ${side('a')} as earlier, ${side('b')} as later
    from entry_links l join schemes s on s.id = l.scheme_id
      join entries a on a.id = l.earlier_entry_id join entries b on b.id = l.entry_id
    where l.state = 'accepted' order by s.name, l.id`);
}

/** Every period that has entries, in any plan. */
export async function listEntryPeriods(db: Db): Promise<string[]> {
  const r = await rows<{ periodKey: string }>(db, sql`select distinct period_key as "periodKey" from entries where period_key is not null`);
  return r.map((x) => x.periodKey);
}

