// planSuggestions grows one index period by period: these tests hold it to the plain definition (one
// index per period, built from everything that ended before the period began) on real report text.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../ingest/report/parse.js';
import { periodFromKey } from '../../domain/period.js';
import { readFixture, SUMMARY_2024 } from '../../../test/helpers/reports.js';
import { buildLinkIndex, suggestLinks, type LinkDoc } from './match.js';
import { planSuggestions, type LinkableCommitment, type LinkableEntry, type PlannedLink } from './plan-suggestions.js';

const report = parseReport(readFixture(SUMMARY_2024), true, { name: 'summary-2024.md' });
// Periods out of order, one of them twice (two documents), and a document whose entries have no period.
const PERIODS = ['FY2021-22', 'FY2019-20', null, 'FY2023-24', 'FY2020-21', 'FY2021-22'];

function sample() {
  const pool: LinkableEntry[] = [];
  const commitments: LinkableCommitment[] = [{ id: 'c-loose', text: 'We will open the new Melton Mowbray distributor road to traffic.', periodKey: null }];
  const documents: LinkableEntry[][] = [];
  PERIODS.forEach((periodKey, d) => {
    // Every other document takes every other entry, so that the copies differ.
    const own = report.entries.filter((_, i) => d % 2 === 0 || i % 2 === 0).map((e, i): LinkableEntry => ({
      id: `d${d}-e${i}`, title: e.title ?? '', body: e.body, periodKey,
      places: e.places.map((p) => p.name), partners: e.partners, amounts: e.facts.filter((f) => f.kind === 'money').map((f) => f.text),
    }));
    report.entries.forEach((e, i) => e.commitments.forEach((c, k) => commitments.push({ id: `d${d}-c${i}-${k}`, text: c.text, periodKey })));
    documents.push(own);
    pool.push(...own);
  });
  return { pool, commitments, documents };
}

/** The definition: for each period asked about, an index of the entries and commitments that came before it. */
function byDefinition(fresh: LinkableEntry[], pool: LinkableEntry[], commitments: LinkableCommitment[], known: Map<string, Set<string>>): PlannedLink[] {
  const start = (key: string | null) => (key ? periodFromKey(key)?.start ?? null : null);
  const end = (key: string | null) => (key ? periodFromKey(key)?.end ?? null : null);
  const out: PlannedLink[] = [];
  const starts = [...new Set(fresh.map((e) => start(e.periodKey) ?? ''))];
  for (const s of starts) {
    const group = fresh.filter((e) => (start(e.periodKey) ?? '') === s);
    const before = (key: string | null) => { const e = end(key); return s ? e !== null && e < s : e !== null; };
    const docs: LinkDoc[] = [
      ...pool.filter((e) => !group.includes(e) && before(e.periodKey)).map((e): LinkDoc => ({ id: e.id, kind: 'entry', title: e.title, body: e.body, places: e.places, partners: e.partners, amounts: e.amounts })),
      ...commitments.filter((c) => c.periodKey === null || before(c.periodKey)).map((c): LinkDoc => ({ id: c.id, kind: 'commitment', title: '', body: c.text })),
    ];
    const index = buildLinkIndex(docs);
    for (const e of group) {
      const query: LinkDoc = { id: e.id, kind: 'entry', title: e.title, body: e.body, places: e.places, partners: e.partners, amounts: e.amounts };
      for (const l of suggestLinks(index, query)) if (!known.get(e.id)?.has(l.targetId)) out.push({ ...l, entryId: e.id });
    }
  }
  return out;
}

describe('planning link suggestions for many periods at once', () => {
  const { pool, commitments, documents } = sample();

  it('suggests exactly what one index per period suggests, in the same order, with what is known left out', () => {
    const fresh = pool;
    // Some entries already have their best suggestion recorded.
    const first = byDefinition(fresh, pool, commitments, new Map());
    const known = new Map(first.filter((_, i) => i % 7 === 0).map((l) => [l.entryId, new Set([l.targetId])]));
    const expected = byDefinition(fresh, pool, commitments, known);
    expect(expected.length).toBeGreaterThan(500);
    expect(new Set(expected.map((l) => l.kind))).toEqual(new Set(['entry', 'commitment']));
    const got = planSuggestions(fresh, pool, commitments, { known });
    expect(got.links).toEqual(expected);
    // The most compared with at once: everything that has a period, and the commitments.
    expect(got.compared).toBe(pool.filter((e) => e.periodKey).length + commitments.length);
  });

  it('suggests for a batch of documents at once what it suggests for each document in turn', () => {
    // The same suggestions (two documents of one period are planned together, so the order may differ; they are stored as a set).
    const sorted = (links: PlannedLink[]) => [...links].sort((a, b) => `${a.entryId} ${a.targetId}`.localeCompare(`${b.entryId} ${b.targetId}`));
    const oneByOne = documents.flatMap((own) => planSuggestions(own, pool, commitments).links);
    expect(oneByOne.length).toBeGreaterThan(500);
    expect(sorted(planSuggestions(pool, pool, commitments).links)).toEqual(sorted(oneByOne));
  });

  it('reads each entry’s text once as an earlier entry and once as a new one, however many periods come after it', () => {
    const reads = new Map<string, number>();
    const counted = pool.map((e) => {
      const copy = { ...e };
      Object.defineProperty(copy, 'body', { get: () => { reads.set(e.id, (reads.get(e.id) ?? 0) + 1); return e.body; } });
      return copy;
    });
    const planned = planSuggestions(counted, counted, commitments).links;
    expect(planned).toEqual(planSuggestions(pool, pool, commitments).links);
    // The first period's entries come before four later periods (five documents' worth).
    expect(Math.max(...reads.values())).toBeLessThanOrEqual(2);
  });
});
