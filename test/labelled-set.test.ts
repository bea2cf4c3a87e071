// Precision and recall of the import's text extractors on the hand-labelled set drawn from the two
// real reports in ../shared/fixtures/reports. Thresholds sit just under what the extractors reach
// (see docs/extraction.md); a change that makes them worse fails here.
import { describe, expect, it } from 'vitest';
import { loadLabelledSet, runLabelledSet } from '../scripts/labelled-set.js';
import type { ScoredKind } from '../src/ingest/text/evaluate.js';

const THRESHOLDS: Record<ScoredKind, { precision: number; recall: number }> = {
  money: { precision: 0.95, recall: 0.95 },
  count: { precision: 0.9, recall: 0.9 },
  percent: { precision: 0.95, recall: 0.95 },
  date: { precision: 0.9, recall: 0.9 },
  period: { precision: 0.9, recall: 0.9 },
  duration: { precision: 0.9, recall: 0.9 },
  place: { precision: 0.9, recall: 0.9 },
  partner: { precision: 0.9, recall: 0.9 },
  commitment: { precision: 0.9, recall: 0.9 },
};

describe('labelled evaluation set', () => {
  const docs = loadLabelledSet();

  it('has at least 60 entries and 150 labelled facts, each entry taken from its report', () => {
    const entries = docs.flatMap((d) => d.entries);
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.reduce((n, e) => n + e.facts.length, 0)).toBeGreaterThanOrEqual(150);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) for (const f of e.facts) expect(e.text, `${e.id}: ${f.text}`).toContain(f.text);
  });

  it('reaches the precision and recall thresholds for every kind', () => {
    const { all } = runLabelledSet(docs);
    for (const s of all.scores) {
      const t = THRESHOLDS[s.kind];
      expect(s.precision, `${s.kind} precision`).toBeGreaterThanOrEqual(t.precision);
      expect(s.recall, `${s.kind} recall`).toBeGreaterThanOrEqual(t.recall);
    }
  });
});
