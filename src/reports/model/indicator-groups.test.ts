import { describe, expect, it } from 'vitest';
import { groupRows, indicatorGroup, sourceTitle, tableCoverageText } from './indicator-groups.js';
import type { CompendiumRow } from '../../domain/performance.js';

const outcomes = [{ id: 'o1', title: 'Great Communities' }, { id: 'o2', title: 'Strong Economy' }];
const ind = (code: string, outcomeId: string | null, source: string | null, title = code) => ({ code, title, outcomeId, source });

describe('indicator groups', () => {
  it('names a file source in words, keeping the capitals the indicators use', () => {
    expect(sourceTitle('/work/shared/data/oflog-asc-metrics.csv', ['ASC1', 'Outcome, ASC Carer Quality of Life'])).toBe('Oflog ASC metrics');
    expect(sourceTitle('values_2023.xlsx')).toBe('Values 2023');
    expect(sourceTitle('NHS Digital: Adult Social Care Outcomes Framework; table 1')).toBe('NHS Digital');
    expect(sourceTitle('  ')).toBeNull();
  });

  it('puts an indicator under its outcome, else its source, else the topic of its code, never "Other"', () => {
    expect(indicatorGroup(ind('ECO-01', 'o2', 'x.csv'), outcomes)).toMatchObject({ kind: 'outcome', title: 'Strong Economy' });
    expect(indicatorGroup(ind('ASC1', null, 'oflog-asc-metrics.csv', 'ASC Quality of Life'), outcomes)).toMatchObject({ kind: 'source', title: 'Oflog ASC metrics' });
    expect(indicatorGroup(ind('ASC1', 'gone', null), outcomes)).toMatchObject({ kind: 'topic', title: 'ASC indicators' });
    expect(indicatorGroup(ind('42', null, null), outcomes)).toMatchObject({ kind: 'none', title: 'Indicators not linked to an outcome' });
  });

  it("orders the plan's outcomes first in its order, then the rest by title, each row once", () => {
    const row = (code: string, outcomeId: string | null, source: string | null) => ({ indicator: { ...ind(code, outcomeId, source), id: code } }) as unknown as CompendiumRow;
    const rows = [row('A', null, 'Zeta returns'), row('B', 'o2', null), row('C', null, 'Alpha data'), row('D', 'o1', null), row('E', null, 'Alpha data')];
    const groups = groupRows(rows, outcomes);
    expect(groups.map((g) => [g.title, g.rows.map((r) => r.indicator.code)])).toEqual([
      ['Great Communities', ['D']], ['Strong Economy', ['B']], ['Alpha data', ['C', 'E']], ['Zeta returns', ['A']],
    ]);
  });

  it('says once when every row has the same coverage, and names the exceptions when not', () => {
    const r = (title: string, n: number) => ({ indicator: { title }, group: { n, members: 16 } }) as unknown as CompendiumRow;
    expect(tableCoverageText([r('A', 16), r('B', 16)], '2022/23')).toBe('Every indicator here has values for all 16 councils in the group, so ranks are out of 16.');
    expect(tableCoverageText([r('A', 14), r('B', 14)], '2022/23')).toBe('Each indicator has values for 14 of the 16 councils in the group: 2 did not publish a value for 2022/23. Ranks and quartiles are over the 14 with a value.');
    expect(tableCoverageText([r('A', 14), r('B', 16)], '2022/23')).toBe('The group has 16 councils, but not all published a value for 2022/23, so ranks and quartiles are over those that did: A (14); every other indicator here, all 16.');
  });
});
