// Full-text search over what the public site shows, with the matches marked as plain segments.
import type { Store } from '../../store/index.js';
import { MATCH_END, MATCH_START, searchPublished, type SearchHitType } from '../../store/queries/searchPublished.js';
import type { SitePlanService } from './current-plan.js';

/** A piece of highlighted text: the page escapes `text` and marks it when `match` is true. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  type: SearchHitType;
  id: string;
  key: string | null;
  title: TextSegment[];
  snippet: TextSegment[];
}

/** Splits ts_headline output at its match marks into plain segments (no HTML is ever produced here). */
export function highlightSegments(marked: string): TextSegment[] {
  const out: TextSegment[] = [];
  let match = false;
  for (const part of marked.split(new RegExp(`([${MATCH_START}${MATCH_END}])`))) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_END) match = false;
    else if (part) out.push({ text: part, match });
  }
  return out;
}

export function siteSearchService(deps: { store: Store; sitePlan: SitePlanService }) {
  const { db } = deps.store;
  return {
    /** Full-text search over published entries, indicators and published commitments. */
    async search(query: string, limit = 50): Promise<{ query: string; total: number; hits: SearchHit[] }> {
      const q = query.trim().slice(0, 200);
      const structure = await deps.sitePlan.structure();
      if (!q || !structure) return { query: q, total: 0, hits: [] };
      const r = await searchPublished(db, structure.plan.id, q, limit);
      return {
        query: q,
        total: r.total,
        hits: r.hits.map((h) => ({ type: h.type, id: h.id, key: h.key, title: highlightSegments(h.title), snippet: highlightSegments(h.snippet) })),
      };
    },
  };
}

export type SiteSearchService = ReturnType<typeof siteSearchService>;
