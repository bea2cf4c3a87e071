import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { expectGolden } from '../../../test/helpers/golden.js';
import { buildReportModel, commitmentInScope, entryInPeriod } from './index.js';

const allEntryIds = (m: ReturnType<typeof buildReportModel>) => [
  ...m.outcomes.flatMap((o) => [...o.entries, ...o.themes.flatMap((t) => t.entries)]),
  ...m.other.flatMap((s) => s.entries),
].map((e) => e.id);

describe('buildReportModel', () => {
  it('matches the golden model', () => {
    expectGolden('report-model.json', JSON.stringify(buildReportModel(fixtureInput()), null, 2) + '\n');
  });

  it('puts only published entries and commitments of the period in a published report', () => {
    const m = buildReportModel(fixtureInput());
    expect(m.meta.status).toBe('published');
    expect(allEntryIds(m).sort()).toEqual(['e1', 'e2', 'e3', 'e6']);
    const commitments = m.outcomes.flatMap((o) => o.commitments.map((c) => c.id));
    // c2 was due before the period; c4 is a draft.
    expect(commitments).toEqual(['c1', 'c3']);
    expect(m.introduction.join(' ')).not.toMatch(/draft/i);
  });

  it('includes unpublished material in a draft and says so', () => {
    const m = buildReportModel(fixtureInput({ draft: true }));
    expect(m.meta.status).toBe('draft');
    expect(allEntryIds(m)).toContain('e4');
    expect(m.outcomes[1].themes[0].entries.find((e) => e.id === 'e4')?.workflowState).toBe('submitted');
    expect(m.outcomes.flatMap((o) => o.commitments.map((c) => c.id))).toContain('c4');
    expect(m.introduction.at(-1)).toMatch(/draft/);
  });

  it('places entries under their theme in position order, outcome-level ones apart, the rest by source section', () => {
    const m = buildReportModel(fixtureInput());
    const green = m.outcomes[0];
    expect(green.themes.map((t) => t.entries.map((e) => e.id))).toEqual([['e1'], ['e2']]);
    expect(green.entries.map((e) => e.id)).toEqual(['e3']);
    expect(m.other).toEqual([expect.objectContaining({ title: 'Successful Organisation', entries: [expect.objectContaining({ id: 'e6' })] })]);
  });

  it('picks key figures from facts in text order, leaving out dates', () => {
    const m = buildReportModel(fixtureInput());
    expect(m.outcomes[0].themes[1].entries[0].keyFigures).toEqual(['12,000 hedge plants', '40 parish councils']);
    expect(m.outcomes[0].themes[0].entries[0].keyFigures).toEqual(['£45,000 grant']);
  });

  it('builds compendium rows with words for every status and ranks as "n of N"', () => {
    const c = buildReportModel(fixtureInput()).compendium!;
    // An indicator under no outcome sits under its source, never under "Other".
    expect(c.outcomes.map((o) => o.title)).toEqual(['Clean and Green', 'Living Well', 'Fenmarsh Council performance returns']);
    expect(c.outcomes.map((o) => o.kind)).toEqual(['outcome', 'outcome', 'source']);
    const waste = c.outcomes[0].rows[0];
    expect(waste).toMatchObject({ valueText: '52.4%', targetText: '50.0%', rankText: '2 of 8', medianText: '48.5%' });
    expect(waste.rag).toMatchObject({ key: 'green', symbol: '✓' });
    expect(waste.quartile.label).toBe('Top quartile');
    const carers = c.outcomes[1].rows.find((r) => r.code === 'CARE-09')!;
    expect(carers).toMatchObject({ valueText: 'No data', rankText: '–', chartIds: [] });
    expect(c.summary.sentences[1]).toBe('Of the 2 with a target, 1 met it, 1 came close (amber) and 0 missed it; 1 had no target and 1 had no value.');
  });

  it('lists every measure without a value with its reason, as many as the summary counts missing', () => {
    const c = buildReportModel(fixtureInput()).compendium!;
    const missingCount = c.summary.rag.find((r) => r.key === 'missing')!.count;
    expect(missingCount).toBeGreaterThan(0);
    expect(c.missing).toHaveLength(missingCount);
    expect(c.missing![0]).toMatchObject({ code: 'CARE-09' });
    expect(c.missing![0].reason).toBe('Fenmarsh has not published a value for 2023/24, though 3 of the 8 councils in the group have.');
    expect(c.summary.sentences[0]).toMatch(/1 has no value and is listed as missing\.$/);
  });

  it('says under every table how many councils had a value and why that is fewer than the group', () => {
    const c = buildReportModel(fixtureInput()).compendium!;
    for (const o of c.outcomes) expect(o.coverage).toMatch(/councils/);
    for (const r of c.outcomes.flatMap((o) => o.rows)) {
      expect(r.groupMembers).toBe(8);
      expect(r.coverageText).toBe(r.groupWithValues === 8 ? 'Values for all 8 councils in the group.' : r.groupWithValues === 0 ? 'No council in the group has a published value for 2023/24.' : `Values for ${r.groupWithValues} of 8 councils: ${8 - r.groupWithValues} not published for 2023/24.`);
    }
  });

  it('describes each position chart in one sentence', () => {
    const c = buildReportModel(fixtureInput()).compendium!;
    const byId = new Map(c.charts.map((ch) => [ch.id, ch]));
    expect(byId.get('chart-position-waste-01')!.description).toBe('Fenmarsh was 2nd of 8, in the top quartile, and improving.');
    expect(byId.get('chart-position-care-02')!.description).toBe('Fenmarsh was 3rd of 8, in the second quartile, and improving.');
    expect(byId.get('chart-position-ctx-01')!.description).toMatch(/^Fenmarsh's value was 412,000 in 2023\/24 against a group median of .*, increasing\.$/);
    expect(byId.get('chart-trend-waste-01')!.title).toBe('Household waste sent for reuse, recycling or composting has got better since 2019/20');
  });

  it('has no compendium and says why when there are no indicator values', () => {
    const m = buildReportModel(fixtureInput({ compendium: null }));
    expect(m.compendium).toBeNull();
    expect(m.contents.map((c) => c.anchor)).not.toContain('performance-compendium');
    expect(m.introduction[1]).toMatch(/no performance indicator values for 2023\/24/);
  });

  it('keeps the raw Markdown body for renderers to sanitise', () => {
    const m = buildReportModel(fixtureInput());
    expect(m.outcomes[0].themes[0].entries[0].body).toContain('<script>');
  });
});

describe('period scope', () => {
  it('takes entries by period key, a quarter inside the year, or the date when there is no key', () => {
    expect(entryInPeriod({ periodKey: 'FY2023-24', date: null }, 'FY2023-24')).toBe(true);
    expect(entryInPeriod({ periodKey: 'FY2023-24-Q3', date: null }, 'FY2023-24')).toBe(true);
    expect(entryInPeriod({ periodKey: 'FY2022-23', date: '2023-06-01' }, 'FY2023-24')).toBe(false);
    expect(entryInPeriod({ periodKey: null, date: '2024-03-31' }, 'FY2023-24')).toBe(true);
    expect(entryInPeriod({ periodKey: null, date: '2024-04-01' }, 'FY2023-24')).toBe(false);
    expect(entryInPeriod({ periodKey: null, date: null }, 'FY2023-24')).toBe(true);
  });

  it('takes commitments due in or after the period, and undated ones', () => {
    expect(commitmentInScope({ dueStart: '2023-01-01', dueEnd: '2023-03-31' }, 'FY2023-24')).toBe(false);
    expect(commitmentInScope({ dueStart: '2023-01-01', dueEnd: '2023-04-01' }, 'FY2023-24')).toBe(true);
    expect(commitmentInScope({ dueStart: null, dueEnd: null }, 'FY2023-24')).toBe(true);
  });
});
