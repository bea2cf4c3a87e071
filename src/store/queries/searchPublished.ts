// Full-text search over what the public may see: published entries, the plan's indicators and
// published commitments, ranked, with PostgreSQL's own highlighted extracts (the same on PGlite).
// Matches are marked with the control characters U+0001 and U+0002, removed from the text first,
// so the caller can escape everything else and turn only those marks into highlights.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

const MARKDOWN_SYNTAX = String.raw`\*\*|__|\x60|\]\([^)]*\)|\[|(^|\n)\s*([-*+]|#+|>|\d+\.)\s`;

export type SearchHitType = 'entry' | 'indicator' | 'commitment';

export interface SearchHitRow {
  type: SearchHitType;
  id: string;
  /** The indicator's code, or the outcome's slug for entries and commitments. */
  key: string | null;
  title: string;
  snippet: string;
  rank: number;
  /** The period of an entry, or of the entry a commitment was stated in; null for an indicator. */
  periodKey: string | null;
}

/** What a search covers: one plan (every plan without it), and of its entries one period's (and the commitments made in or before it). */
export interface SearchScope {
  planId?: string;
  periodKey?: string;
}

/** The most words a search may hold; PostgreSQL's query parser has a small stack for operators. */
export const MAX_SEARCH_WORDS = 16;

/**
 * A search as plain words for websearch_to_tsquery: every character that is not a letter or a digit
 * becomes a space, so no operator (-, |, !, &, quotes, brackets, OR) reaches the query parser, and
 * at most MAX_SEARCH_WORDS words are kept. Any input gives results or none, never an error.
 */
export function searchWords(query: string): string {
  const words = query.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter((w) => w && w.toLowerCase() !== 'or');
  return words.slice(0, MAX_SEARCH_WORDS).map((w) => w.slice(0, 100)).join(' ');
}

export async function searchPublished(db: Db, scope: SearchScope, query: string, limit = 50): Promise<{ total: number; hits: SearchHitRow[] }> {
  const words = searchWords(query);
  if (!words) return { total: 0, hits: [] };
  // Marks removed, and Markdown's emphasis, link and list syntax turned to spaces so extracts read as prose.
  const clean = (col: ReturnType<typeof sql.raw>) =>
    sql`regexp_replace(translate(${col}, chr(1) || chr(2), ''), ${MARKDOWN_SYNTAX}, ' ', 'g')`;
  const opts = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=40, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
  const titleOpts = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;
  const { planId, periodKey } = scope;
  const plan = (col: string) => (planId ? sql`${sql.raw(col)} = ${planId}` : sql`true`);
  const r = await rows<SearchHitRow & { total: number }>(db, sql`
    with q as (select websearch_to_tsquery('english', ${words}) as q),
    hits as (
      select 'entry' as type, e.id, o.slug as key, e.title, e.body as text, e.period_key as "periodKey",
             setweight(to_tsvector('english', e.title), 'A') || setweight(to_tsvector('english', e.body), 'B') as doc
      from entries e left join outcomes o on o.id = e.outcome_id
      where ${plan('e.plan_id')} and e.workflow_state = 'published' ${periodKey ? sql`and e.period_key = ${periodKey}` : sql``}
      union all
      select 'indicator', i.id, i.code, i.title, coalesce(i.definition, '') || ' ' || coalesce(i.source, ''), null,
             setweight(to_tsvector('english', i.title || ' ' || i.code), 'A') || setweight(to_tsvector('english', coalesce(i.definition, '') || ' ' || coalesce(i.source, '')), 'B')
      from indicators i left join outcomes o on o.id = i.outcome_id
      where ${plan('o.plan_id')} or i.outcome_id is null
      union all
      select 'commitment', c.id, o.slug, c.text, coalesce(c.due_text, ''), ce.period_key,
             setweight(to_tsvector('english', c.text), 'A') || setweight(to_tsvector('english', coalesce(c.due_text, '')), 'B')
      from commitments c left join outcomes o on o.id = c.outcome_id left join entries ce on ce.id = c.entry_id
      where ${plan('c.plan_id')} and c.workflow_state = 'published' ${periodKey ? sql`and (ce.period_key is null or ce.period_key <= ${periodKey})` : sql``}
    ),
    matched as (
      select h.*, ts_rank(h.doc, q.q) as rank from hits h, q where h.doc @@ q.q
    )
    select m.type, m.id, m.key, m."periodKey",
           ts_headline('english', ${clean(sql.raw('m.title'))}, q.q, ${titleOpts}) as title,
           ts_headline('english', ${clean(sql.raw('m.text'))}, q.q, ${opts}) as snippet,
           m.rank, count(*) over ()::int as total
    from matched m, q
    order by m.rank desc, m.type, m.title, m.id
    limit ${limit}`);
  return { total: Number(r[0]?.total ?? 0), hits: r.map(({ total: _t, ...h }) => ({ ...h, rank: Number(h.rank) })) };
}
