// Links across years: the documents the matcher reads (entries with their places, partners and
// money figures; commitments), the links suggested and decided, and the schemes they gather into.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { insertRows } from './insertRows.js';
import { rows } from '../db.js';
import { entryLinks, schemes } from '../schema.js';

export interface LinkableEntryRow {
  id: string;
  title: string;
  body: string;
  periodKey: string | null;
  date: string | null;
  workflowState: string;
  documentId: string | null;
  places: string[];
  partners: string[];
  amounts: string[];
}

export interface LinkableCommitmentRow {
  id: string;
  text: string;
  dueEnd: string | null;
  /** The period of the entry that states it, when it came from one. */
  periodKey: string | null;
  entryId: string | null;
}

/** Entries as the matcher reads them, every one or only those given; each with its places, partners and money figures. */
export async function listLinkableEntries(db: Db, filter: { ids?: string[]; periodKey?: string; documentId?: string } = {}): Promise<LinkableEntryRow[]> {
  const where: SQL[] = [];
  if (filter.ids) where.push(filter.ids.length ? sql`e.id in (${sql.join(filter.ids.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  if (filter.periodKey) where.push(sql`e.period_key = ${filter.periodKey}`);
  if (filter.documentId) where.push(sql`e.document_id = ${filter.documentId}`);
  return rows<LinkableEntryRow>(db, sql`
    select e.id, e.title, e.body, e.period_key as "periodKey", e.date, e.workflow_state as "workflowState", e.document_id as "documentId", e.partners,
      coalesce((select json_agg(p.name order by p.name) from entry_places p where p.entry_id = e.id), '[]'::json) as places,
      coalesce((select json_agg(f.text order by f.start) from facts f where f.entry_id = e.id and f.kind = 'money'), '[]'::json) as amounts
    from entries e ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by e.period_key nulls last, e.position, e.id`);
}

/** Every commitment, with the period of the entry that states it. */
export async function listLinkableCommitments(db: Db): Promise<LinkableCommitmentRow[]> {
  return rows<LinkableCommitmentRow>(db, sql`
    select c.id, c.text, c.due_end as "dueEnd", e.period_key as "periodKey", c.entry_id as "entryId"
    from commitments c left join entries e on e.id = c.entry_id order by c.id`);
}

export type EntryLinkRow = typeof entryLinks.$inferSelect;
export type NewEntryLink = typeof entryLinks.$inferInsert;

/** Writes new suggestions; a pair already suggested, accepted or rejected keeps what it has. Returns how many were new. */
export async function insertSuggestions(db: Db, links: NewEntryLink[]): Promise<number> {
  return insertRows(db, entryLinks, links, { onConflictDoNothing: true });
}

const LINK_PAIRS_SLICE = 10_000;

/** What is already recorded for these later entries: each entry's linked entries and commitments, whatever their state. */
export async function listLinkPairs(db: Db, entryIds: string[]): Promise<Map<string, Set<string>>> {
  const known = new Map<string, Set<string>>();
  // In slices: a batch of reports asks about thousands of entries, one bind parameter each (PostgreSQL takes 65,535).
  for (let i = 0; i < entryIds.length; i += LINK_PAIRS_SLICE) {
    const r = await db.select({ entryId: entryLinks.entryId, earlier: entryLinks.earlierEntryId, commitment: entryLinks.commitmentId })
      .from(entryLinks).where(inArray(entryLinks.entryId, entryIds.slice(i, i + LINK_PAIRS_SLICE)));
    for (const x of r) {
      const set = known.get(x.entryId) ?? new Set<string>();
      set.add((x.earlier ?? x.commitment)!);
      known.set(x.entryId, set);
    }
  }
  return known;
}

export interface LinkListRow extends EntryLinkRow {
  entryTitle: string;
  entryPeriodKey: string | null;
  targetTitle: string;
  targetPeriodKey: string | null;
  schemeSlug: string | null;
  schemeName: string | null;
}

/** Links with the titles of both ends and their scheme, best score first. */
export async function listLinks(db: Db, filter: { state?: string; entryId?: string; id?: string; schemeId?: string; laterEntryIds?: string[]; idPrefix?: string } = {}): Promise<LinkListRow[]> {
  const where: SQL[] = [];
  if (filter.laterEntryIds) where.push(filter.laterEntryIds.length ? sql`l.entry_id in (${sql.join(filter.laterEntryIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  if (filter.state) where.push(sql`l.state = ${filter.state}`);
  if (filter.entryId) where.push(sql`(l.entry_id = ${filter.entryId} or l.earlier_entry_id = ${filter.entryId})`);
  if (filter.id) where.push(sql`l.id = ${filter.id}`);
  if (filter.idPrefix) where.push(sql`l.id like ${`${filter.idPrefix.replace(/[%_\\]/g, '')}%`}`);
  if (filter.schemeId) where.push(sql`l.scheme_id = ${filter.schemeId}`);
  return rows<LinkListRow>(db, sql`
    select l.id, l.entry_id as "entryId", l.earlier_entry_id as "earlierEntryId", l.commitment_id as "commitmentId", l.score,
      l.reason, l.shared_names as "sharedNames", l.state, l.scheme_id as "schemeId", l.decided_by as "decidedBy",
      l.decided_at as "decidedAt", l.created_at as "createdAt",
      coalesce(nullif(e.title, ''), left(e.body, 100)) as "entryTitle", e.period_key as "entryPeriodKey",
      coalesce(nullif(t.title, ''), left(t.body, 100), c.text) as "targetTitle", coalesce(t.period_key, ce.period_key) as "targetPeriodKey",
      s.slug as "schemeSlug", s.name as "schemeName"
    from entry_links l
      join entries e on e.id = l.entry_id
      left join entries t on t.id = l.earlier_entry_id
      left join commitments c on c.id = l.commitment_id
      left join entries ce on ce.id = c.entry_id
      left join schemes s on s.id = l.scheme_id
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by l.score desc, e.title, l.id`);
}

export async function decideLink(db: Db, id: string, change: { state: string; schemeId: string | null; decidedBy: string | null }): Promise<void> {
  await db.update(entryLinks).set({ ...change, decidedAt: sql`now()` }).where(eq(entryLinks.id, id));
}

/** The scheme an entry already belongs to through an accepted link, if any. */
export async function schemeOfEntry(db: Db, entryId: string): Promise<string | null> {
  const [r] = await db.select({ schemeId: entryLinks.schemeId }).from(entryLinks)
    .where(and(eq(entryLinks.state, 'accepted'), sql`${entryLinks.schemeId} is not null`, sql`(${entryLinks.entryId} = ${entryId} or ${entryLinks.earlierEntryId} = ${entryId})`))
    .limit(1);
  return r?.schemeId ?? null;
}

export type SchemeRow = typeof schemes.$inferSelect;

export async function insertScheme(db: Db, scheme: { id: string; slug: string; name: string }): Promise<void> {
  await db.insert(schemes).values(scheme);
}

export async function findScheme(db: Db, key: { id?: string; slug?: string }): Promise<SchemeRow | undefined> {
  const [r] = await db.select().from(schemes).where(key.id ? eq(schemes.id, key.id) : eq(schemes.slug, key.slug ?? ''));
  return r;
}

export async function listSchemeSlugs(db: Db, like: string): Promise<string[]> {
  const r = await db.select({ slug: schemes.slug }).from(schemes).where(sql`${schemes.slug} like ${`${like}%`}`);
  return r.map((x) => x.slug);
}

export interface SchemeSummaryRow extends SchemeRow { entries: number; firstPeriod: string | null; lastPeriod: string | null }

/** Every scheme with how many entries its accepted links join, and the first and last period they span. */
export async function listSchemes(db: Db): Promise<SchemeSummaryRow[]> {
  return rows<SchemeSummaryRow>(db, sql`
    with members as (
      select l.scheme_id, x.entry_id from entry_links l
        cross join lateral (values (l.entry_id), (l.earlier_entry_id)) as x(entry_id)
      where l.state = 'accepted' and l.scheme_id is not null and x.entry_id is not null
    )
    select s.id, s.slug, s.name, s.created_at as "createdAt", count(distinct m.entry_id)::int as entries,
      min(e.period_key) as "firstPeriod", max(e.period_key) as "lastPeriod"
    from schemes s left join members m on m.scheme_id = s.id left join entries e on e.id = m.entry_id
    group by s.id order by s.name`);
}

export interface TimelineEntryRow {
  id: string;
  title: string;
  body: string;
  date: string | null;
  periodKey: string | null;
  workflowState: string;
  outcomeTitle: string | null;
}

/** The entries a scheme's accepted links join, oldest first (by date, else by period). */
export async function listSchemeEntries(db: Db, schemeId: string, publishedOnly: boolean): Promise<TimelineEntryRow[]> {
  return rows<TimelineEntryRow>(db, sql`
    select distinct e.id, e.title, e.body, e.date, e.period_key as "periodKey", e.workflow_state as "workflowState", o.title as "outcomeTitle"
    from entry_links l
      cross join lateral (values (l.entry_id), (l.earlier_entry_id)) as x(entry_id)
      join entries e on e.id = x.entry_id
      left join outcomes o on o.id = e.outcome_id
    where l.scheme_id = ${schemeId} and l.state = 'accepted' ${publishedOnly ? sql`and e.workflow_state = 'published'` : sql``}
    order by e.period_key nulls last, e.date nulls last, e.title`);
}

export interface TimelineCommitmentRow { id: string; text: string; dueText: string | null; dueEnd: string | null; status: string; entryId: string }

/** Commitments linked into a scheme, with the later entry that showed them delivered. */
export async function listSchemeCommitments(db: Db, schemeId: string, publishedOnly: boolean): Promise<TimelineCommitmentRow[]> {
  return rows<TimelineCommitmentRow>(db, sql`
    select c.id, c.text, c.due_text as "dueText", c.due_end as "dueEnd", c.status, l.entry_id as "entryId"
    from entry_links l join commitments c on c.id = l.commitment_id
    where l.scheme_id = ${schemeId} and l.state = 'accepted' ${publishedOnly ? sql`and c.workflow_state = 'published'` : sql``}
    order by c.due_end nulls last, c.text`);
}
