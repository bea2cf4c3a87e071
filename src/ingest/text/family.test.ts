// Other councils write their reports differently (numbered priorities, "Priority action … Progress
// by …" blocks, bullet lists, flattened tables). These passages are our own fictional writing in
// those shapes, to keep the extractors working for the family of reports, not only the two fixtures.
import { describe, expect, it } from 'vitest';
import { analyse, buildGazetteer, findCommitments, findFacts, splitSentences } from './index.js';

const g = buildGazetteer([
  { code: 'E07000001', name: 'Northmoor District Council', type: 'district' },
  { code: 'E10000001', name: 'Westshire County Council', type: 'county' },
]);

describe('reports shaped differently', () => {
  it('reads a "Priority action … Progress by …" block: the action is the commitment, the progress line is not', () => {
    const text = [
      'Priority action: Deliver 250 new affordable homes in Northmoor by March 2026.',
      'Progress by March 2025: 180 homes completed, 72% of the target.',
    ].join('\n');
    for (const reportYear of [2024, 2025]) {
      const c = findCommitments(text, { reportYear });
      expect(c.map((x) => [x.dueText, x.dueStart, x.dueEnd])).toEqual([['by March 2026', '2026-03-01', '2026-03-31']]);
    }
    const facts = findFacts(text, { reportYear: 2025 });
    expect(facts.filter((f) => f.kind === 'count').map((f) => [f.value, f.unit])).toEqual([[250, 'new affordable homes'], [180, 'homes']]);
    expect(facts.find((f) => f.kind === 'percent')?.value).toBe(72);
  });

  it('splits numbered priorities and bullet lists into one sentence each', () => {
    const text = 'Our priorities:\n1. Grow the local economy\n2. Keep people safe\n• 1,200 new jobs\n• £3.4m invested';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['Our priorities:', '1. Grow the local economy', '2. Keep people safe', '• 1,200 new jobs', '• £3.4m invested']);
  });

  it('reads a flattened table row by row', () => {
    const text = '| Measure | 2022/23 | 2023/24 |\n| Homes built | 410 | 455 |\n| Satisfaction | 81% | 84.5% |';
    const rows = splitSentences(text);
    expect(rows).toHaveLength(3);
    const facts = findFacts(text);
    expect(facts.filter((f) => f.kind === 'period').map((f) => f.dateStart)).toEqual(['2022-04-01', '2023-04-01']);
    expect(facts.filter((f) => f.kind === 'percent').map((f) => f.value)).toEqual([81, 84.5]);
  });

  it('finds places, partners and a commitment in a narrative paragraph', () => {
    const text = 'Working in partnership with the Westshire Wildlife Trust, we restored 14 hectares of meadow near Northmoor. A second phase is set to start in spring 2026.';
    const a = analyse(text, g, { reportYear: 2025 });
    expect(a.partners.map((p) => p.name)).toEqual(['Westshire Wildlife Trust']);
    expect(a.places.map((p) => p.name)).toEqual(['Northmoor']);
    expect(a.facts.find((f) => f.kind === 'count')).toMatchObject({ value: 14, unit: 'hectares of meadow' });
    expect(a.commitments.map((c) => c.dueText)).toEqual(['spring 2026']);
  });
});
