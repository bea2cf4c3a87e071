// Full-text search over what the public site shows, with the matches marked as plain segments.
import type { Store } from '../../store/index.js';
import { MATCH_END, MATCH_START, searchPublished, type SearchHitType } from '../../store/queries/searchPublished.js';
import type { SitePlanService } from './current-plan.js';
import { periodLabel } from '../../present/format.js';

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
  /** The year of an entry, or of the entry a commitment was made in (null for an indicator). */
  periodKey: string | null;
  period: string | null;
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
    /**
     * Full-text search over published entries, indicators and published commitments: of every year
     * and plan, each hit with its period; or, for a period, that period's entries under the plan in
     * force in it (with its commitments made in or before it).
     */
    async search(query: string, limit = 50, periodText?: string): Promise<{ query: string; total: number; hits: SearchHit[]; period?: { key: string; label: string; planTitle: string } }> {
      const q = query.trim().slice(0, 200);
      const scoped = periodText ? await deps.sitePlan.structureFor(periodText) : undefined;
      const period = scoped?.period ? { key: scoped.period.key, label: periodLabel(scoped.period.key), planTitle: scoped.structure.plan.title } : undefined;
      if (!q || !(await deps.sitePlan.structure())) return { query: q, total: 0, hits: [], period };
      const r = await searchPublished(db, scoped ? { planId: scoped.structure.plan.id, periodKey: scoped.period?.key } : {}, q, limit);
      return {
        query: q,
        total: r.total,
        period,
        hits: r.hits.map((h) => ({
          type: h.type, id: h.id, key: h.key, title: highlightSegments(h.title), snippet: highlightSegments(h.snippet),
          periodKey: h.periodKey, period: h.periodKey ? periodLabel(h.periodKey) : null,
        })),
      };
    },
  };
}

export type SiteSearchService = ReturnType<typeof siteSearchService>;
