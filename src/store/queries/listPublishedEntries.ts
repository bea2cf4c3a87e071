// Published entries of a plan for the public site, newest first, filtered by outcome, theme, place
// or period, with their outcome, theme and places. Drafts never leave this query.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface PublicEntryFilter {
  /** The plan's entries (every plan's without it). */
  planId?: string;
  outcomeId?: string;
  themeId?: string;
  /** Entries with a place in this reference area (a district or the council). */
  areaCode?: string;
  /** Entries with a place of exactly this name (a town or village). */
  placeName?: string;
  periodKey?: string;
  /** Entries dated within [from, to] (ISO dates). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface PublicEntryRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  date: string | null;
  periodKey: string | null;
  service: string | null;
  status: string | null;
  partners: string[];
  outcomeId: string | null;
  outcomeSlug: string | null;
  outcomeTitle: string | null;
  themeId: string | null;
  themeSlug: string | null;
  themeTitle: string | null;
  places: { name: string; areaCode: string | null }[];
  publishedAt: string | null;
}

export function publishedEntryConditions(f: PublicEntryFilter): SQL {
  const where: SQL[] = [sql`e.workflow_state = 'published'`];
  if (f.planId) where.push(sql`e.plan_id = ${f.planId}`);
  if (f.outcomeId) where.push(sql`e.outcome_id = ${f.outcomeId}`);
  if (f.themeId) where.push(sql`e.theme_id = ${f.themeId}`);
  if (f.periodKey) where.push(sql`e.period_key = ${f.periodKey}`);
  if (f.from) where.push(sql`e.date >= ${f.from}`);
  if (f.to) where.push(sql`e.date <= ${f.to}`);
  if (f.areaCode) where.push(sql`exists (select 1 from entry_places p where p.entry_id = e.id and p.area_code = ${f.areaCode})`);
  if (f.placeName) where.push(sql`exists (select 1 from entry_places p where p.entry_id = e.id and lower(p.name) = lower(${f.placeName}))`);
  return sql.join(where, sql` and `);
}

export async function listPublishedEntries(db: Db, f: PublicEntryFilter): Promise<{ total: number; entries: PublicEntryRow[] }> {
  const where = publishedEntryConditions(f);
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from entries e where ${where}`);
  const list = await rows<PublicEntryRow>(db, sql`
    select e.id, e.kind, e.title, e.body, e.date, e.period_key as "periodKey", e.service, e.status, e.partners,
           e.outcome_id as "outcomeId", o.slug as "outcomeSlug", o.title as "outcomeTitle",
           e.theme_id as "themeId", t.slug as "themeSlug", t.title as "themeTitle",
           e.published_at::text as "publishedAt",
           coalesce((select json_agg(json_build_object('name', p.name, 'areaCode', p.area_code) order by p.name)
                     from entry_places p where p.entry_id = e.id), '[]'::json) as places
    from entries e
    left join outcomes o on o.id = e.outcome_id
    left join themes t on t.id = e.theme_id
    where ${where}
    order by e.date desc nulls last, e.position, e.title, e.id
    limit ${f.limit ?? 1_000_000} offset ${f.offset ?? 0}`);
  return { total: Number(n), entries: list.map(normaliseEntryRow) };
}

/** Both drivers return json columns parsed, but PGlite may hand back a string for json_agg: accept both. */
export function normaliseEntryRow<T extends { partners: unknown; places: unknown }>(r: T): T {
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v ?? []);
  return { ...r, partners: parse(r.partners), places: parse(r.places) };
}
