import { describe, expect, it } from 'vitest';
import { buildChanges, titleSimilarity, type ChangesInput } from './changes.js';

const side = (periodKey: string, label: string, start: string, end: string, outcomes: [string, string, string[]][]) =>
  ({ periodKey, label, start, end, planTitle: `Plan ${label}`, outcomes: outcomes.map(([id, title, themes]) => ({ id, title, themes })) });

const input = (over: Partial<ChangesInput> = {}): ChangesInput => ({
  from: side('FY2019-20', '2019/20', '2019-04-01', '2020-03-31', [['a', 'A Strong Economy', ['Major Road Schemes']], ['b', 'Great Communities', ['Libraries']], ['c', 'Affordable and Quality Homes', []]]),
  to: side('FY2023-24', '2023/24', '2023-04-01', '2024-03-31', [['x', 'Strong Economy, Transport and Infrastructure', ['Transport']], ['y', 'GREAT COMMUNITIES', ['Libraries']], ['z', 'Clean and Green', []]]),
  commitments: [
    { text: 'Open the bypass by 2022', dueEnd: '2022-03-31', dueText: 'by 2022', status: 'delivered', statusLabel: 'Delivered', evidence: ['Bypass opened'] },
    { text: 'Buses by 2026', dueEnd: '2026-06-30', dueText: 'by June 2026', status: 'open', statusLabel: 'In progress', evidence: [] },
  ],
  links: [{
    scheme: 'Airfield Business Park', slug: 'airfield-business-park',
    earlier: { periodKey: 'FY2019-20', title: 'Airfield', facts: [{ kind: 'money', unit: '£', value: 5_200_000, text: '£5.2m' }] },
    later: { periodKey: 'FY2023-24', title: 'Next phase', facts: [{ kind: 'count', unit: 'units', value: 11, text: '11 units' }, { kind: 'money', unit: '£', value: 9_000_000, text: '£9m' }] },
  }],
  indicators: {
    group: 'Nearest neighbours',
    from: [{ code: 'A', title: 'Roads', rank: 9, n: 16, quartileBand: 3 }, { code: 'B', title: 'Waste', rank: 2, n: 16, quartileBand: 1 }, { code: 'C', title: 'Libraries', rank: 5, n: 16, quartileBand: 2 }],
    to: [{ code: 'A', title: 'Roads', rank: 4, n: 16, quartileBand: 1 }, { code: 'B', title: 'Waste', rank: 10, n: 16, quartileBand: 3 }, { code: 'C', title: 'Libraries', rank: 6, n: 16, quartileBand: 2 }, { code: 'D', title: 'New', rank: 1, n: 16, quartileBand: 1 }],
  },
  ...over,
});

describe('what changed', () => {
  it('matches outcomes by title until there is a plan map: kept, renamed, added and dropped', () => {
    expect(titleSimilarity('A Strong Economy', 'Strong Economy, Transport and Infrastructure')).toBe(1);
    const m = buildChanges(input(), (k) => k ?? '');
    expect(m.outcomes).toEqual({
      kept: ['GREAT COMMUNITIES'], renamed: [{ from: 'A Strong Economy', to: 'Strong Economy, Transport and Infrastructure' }],
      added: ['Clean and Green'], dropped: ['Affordable and Quality Homes'], matchedBy: 'titles',
    });
    expect(m.themes).toEqual({ added: ['Transport'], dropped: ['Major Road Schemes'] });
  });

  it('follows the confirmed plan map when there is one', () => {
    const m = buildChanges(input({ outcomeMap: [{ from: 'a', to: ['x'] }, { from: 'b', to: ['y'] }, { from: 'c', to: ['z'] }] }), (k) => k ?? '');
    expect(m.outcomes.renamed).toEqual([{ from: 'A Strong Economy', to: 'Strong Economy, Transport and Infrastructure' }, { from: 'Affordable and Quality Homes', to: 'Clean and Green' }]);
    expect([m.outcomes.added, m.outcomes.dropped, m.outcomes.matchedBy]).toEqual([[], [], 'plan map']);
  });

  it('lists the commitments that fell due between the periods with their fate, and the figures that moved', () => {
    const m = buildChanges(input(), (k) => (k === 'FY2019-20' ? '2019/20' : '2023/24'));
    expect(m.commitments).toEqual([{ text: 'Open the bypass by 2022', due: 'by 2022', status: 'delivered', statusLabel: 'Delivered', evidence: ['Bypass opened'] }]);
    expect(m.figures).toEqual([{ scheme: 'Airfield Business Park', slug: 'airfield-business-park', from: '£5.2m', to: '£9m', fromLabel: '2019/20', toLabel: '2023/24' }]);
  });

  it('counts indicators improving or worsening against the group by quartile, with their ranks', () => {
    const i = buildChanges(input(), (k) => k ?? '').indicators;
    expect(i.improving).toEqual([{ code: 'A', title: 'Roads', from: '9th of 16 (quartile 3)', to: '4th of 16 (quartile 1)' }]);
    expect(i.worsening.map((x) => x.code)).toEqual(['B']);
    expect([i.steady, i.notComparable]).toEqual([1, 1]);
  });

  it('says in a sentence what it has nothing to show for', () => {
    const m = buildChanges(input({ commitments: [], links: [], indicators: { group: null, from: [], to: [] } }), (k) => k ?? '');
    expect(m.notes).toEqual([
      'No commitment fell due between 2019/20 and 2023/24.',
      'No linked scheme has a figure in both 2019/20 and 2023/24: accept links between their entries to compare them.',
      'There are no indicator values to compare against the group for 2019/20.',
    ]);
  });
});
