import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateItems, scoreUntitled } from './evaluate-items.js';
import { OWN_REPORTS, SHARED_REPORTS } from '../../../test/helpers/reports.js';
import type { ParsedReport } from './parse.js';

describe('items against the hand-labelled set', () => {
  it('finds the titled items of 2020 and the achievements of 2024 with precision and recall of at least 0.9', () => {
    const scores = evaluateItems(path.join(OWN_REPORTS, '..', 'labelled-items'), SHARED_REPORTS);
    expect(scores.map((s) => s.file)).toEqual(['leicestershire-2020-items.json', 'leicestershire-2024-items.json']);
    const [titled, untitled] = scores;
    expect(titled.labelled).toBeGreaterThanOrEqual(270);
    expect(untitled.labelled).toBeGreaterThanOrEqual(40);
    for (const s of scores) {
      expect(s.precision, `${s.file} precision; extra: ${s.extra.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
      expect(s.recall, `${s.file} recall; missed: ${s.missed.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('counts a fragment or a merge of labelled achievements against precision and recall', () => {
    const labels = { source: 'x.md', items: [{ body: 'We planted 50 trees.', section: 'S' }, { body: 'We opened a library.', section: 'S' }] };
    const report = {
      sections: [{ title: 'S', kind: 'outcome', heading: null, intro: '', themes: [] }],
      entries: [{ section: 0, theme: null, title: '', body: 'We planted 50 trees. We opened a library.' }, { section: 0, theme: null, title: '', body: 'Elsewhere.' }],
    } as unknown as ParsedReport;
    expect(scoreUntitled('x', report, labels)).toMatchObject({ found: 1, matched: 0, precision: 0, recall: 0 });
  });
});
