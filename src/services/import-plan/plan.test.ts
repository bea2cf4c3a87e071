// The import planner on its own: parsed reports in, rows, answers and warnings out, no database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_2020 } from '../../../test/helpers/reports.js';
import { parseReport } from '../../ingest/report/parse.js';
import { isValidationError } from '../../errors.js';
import type { OutcomeChoice } from '../../ingest/report/mapping.js';
import { importTotals, planImport } from './plan.js';
import { newPlanFromReport } from './new-plan.js';
import { parseSectionMap } from './section-map.js';
import type { ImportContext, ImportSettings, PlanTarget, ReadFile } from './types.js';

const TEXT = `A Greener County

Tree planting – Volunteers planted 1,200 trees along the river path in Oakham.

Cleaner buses – Six electric buses joined the town routes in March 2024.

Libraries and Culture

Reading challenge – 540 children finished the summer reading challenge.

Open Data Pages

Portal launch – The council opened its open data portal to residents.
`;

const report = parseReport(TEXT, false, { name: 'county-2024.txt', reportYear: 2024, areas: [] });
const read = (sha256: string): ReadFile => ({ name: `${sha256}.txt`, format: 'txt', extractor: 'text', mediaType: 'text/plain', sha256, size: TEXT.length, text: TEXT });
const outcomes: OutcomeChoice[] = [
  { id: 'o-green', title: 'A Greener County', slug: 'greener', themes: [] },
  { id: 'o-comm', title: 'Great Communities', slug: 'communities', themes: [] },
];
const plan: PlanTarget = { id: 'plan-1', title: 'Our Plan', outcomes, isNew: false };
const context = (over: Partial<ImportContext> = {}): ImportContext => ({ plan, overrides: new Map(), remembered: new Map(), existing: new Map(), ...over });
const settings = (over: Partial<ImportSettings> = {}): ImportSettings => {
  let n = 0;
  return { dryRun: false, userId: 'u-1', now: '2024-06-01T00:00:00.000Z', newId: () => `id-${++n}`, ...over };
};

describe('planning a report import', () => {
  it('maps sections by their titles and builds one entry row per item, with its facts and places', () => {
    const planned = planImport([{ read: read('aaa'), report }], context(), settings());
    const [file] = planned.files;
    expect(file.sections.map((s) => [s.title, s.outcome, s.mappedBy])).toEqual([
      ['A Greener County', 'A Greener County', 'suggested'],
      ['Libraries and Culture', 'Great Communities', 'suggested'],
      ['Open Data Pages', null, 'none'],
    ]);
    const [{ rows }] = planned.writes;
    expect(rows.document).toMatchObject({ id: 'id-1', planId: 'plan-1', sha256: 'aaa', importedBy: 'u-1' });
    expect(rows.entries.map((e) => [e.title, e.outcomeId, e.periodKey, e.position])).toEqual([
      ['Tree planting', 'o-green', 'FY2023-24', 1],
      ['Cleaner buses', 'o-green', 'FY2023-24', 2],
      ['Reading challenge', 'o-comm', 'FY2023-24', 3],
      ['Portal launch', null, 'FY2023-24', 4],
    ]);
    expect(rows.facts).toHaveLength(4);
    expect(rows.places).toEqual([{ entryId: rows.entries[0].id, name: 'Oakham', areaCode: null }]);
    expect(file.status).toBe('imported');
    expect(file.warnings).toEqual([
      '1 section(s) not mapped to an outcome, their entries kept without one: "Open Data Pages" (use --map "Section=Outcome")',
      '1 place(s) not found among the reference areas, kept by name only: Oakham',
    ]);
    // Only the sections that found an outcome are remembered.
    expect(planned.mappings.map((m) => [m.section, m.outcomeId])).toEqual([['a greener county', 'o-green'], ['libraries and culture', 'o-comm']]);
    expect(importTotals(planned.files)).toEqual({ entries: 4, facts: 4, commitments: 0, places: 1 });
  });

  it('follows --map answers before remembered ones and remembers a section sent to no outcome', () => {
    const overrides = parseSectionMap(['Open Data Pages=communities', 'Libraries and Culture=none'], [report], outcomes);
    const remembered = new Map([['a greener county', { planId: 'plan-1', section: 'a greener county', outcomeId: 'o-comm', themeId: null }]]);
    const planned = planImport([{ read: read('aaa'), report }], context({ overrides, remembered }), settings());
    expect(planned.files[0].sections.map((s) => [s.outcome, s.mappedBy])).toEqual([
      ['Great Communities', 'remembered'], [null, 'override'], ['Great Communities', 'override'],
    ]);
    expect(planned.mappings.find((m) => m.section === 'libraries and culture')).toMatchObject({ outcomeId: null });
  });

  it('says which --map value is wrong, and how', () => {
    const problem = (values: string[]) => {
      try {
        parseSectionMap(values, [report], outcomes);
      } catch (e) {
        if (isValidationError(e)) return `${e.message} | ${e.problems[0]?.message}`;
        throw e;
      }
      return 'accepted';
    };
    expect(problem(['Libraries and Culture'])).toBe('--map "Libraries and Culture" is not "Section=Outcome" | expected "Section=Outcome"');
    expect(problem(['Parks=communities'])).toMatch(/^--map names a section that is not in the report: "Parks" \| sections and themes are: A Greener County; Libraries/);
    expect(problem(['Libraries and Culture=Roads'])).toBe('--map names an outcome that is not in the plan: "Roads" | outcomes are: A Greener County; Great Communities');
    expect(problem(['libraries and culture = o-comm'])).toBe('accepted');
  });

  it('writes a file once: a repeat in the import, or one imported before, is only summarised', () => {
    const existing = new Map([['old', { id: 'doc-0', importedAt: '2024-05-02T10:00:00Z' }]]);
    const planned = planImport(
      [{ read: read('aaa'), report }, { read: read('aaa'), report }, { read: read('old'), report }],
      context({ existing }), settings({ dryRun: true }),
    );
    expect(planned.files.map((f) => [f.status, f.documentId])).toEqual([['would import', 'id-1'], ['already imported', null], ['already imported', 'doc-0']]);
    expect(planned.files[1].warnings.at(-1)).toBe('the same file appears twice in this import: read once');
    expect(planned.files[2].warnings.at(-1)).toBe('already imported on 2024-05-02: nothing changed');
    expect(planned.writes).toHaveLength(1);
    expect(importTotals(planned.files).entries).toBe(4);
  });

  it('makes a new plan from the sections of the first report, folding a repeated outcome title into it', () => {
    const twice = parseReport(`${TEXT}\nA Greener County – Parks\n\nPark benches – New benches were fitted in every park.\n`, false, { reportYear: 2024, areas: [] });
    let n = 0;
    const made = newPlanFromReport({ title: 'New Plan', councilCode: 'E1', report: twice, thisYear: 2030 }, () => `n-${++n}`);
    expect(made.rows?.plan).toEqual({ id: 'n-1', title: 'New Plan', councilCode: 'E1', startDate: '2023-04-01', endDate: '2027-03-31' });
    expect(made.outcomes.map((o) => [o.title, o.slug])).toEqual([
      ['A Greener County', 'a-greener-county'], ['Libraries and Culture', 'libraries-and-culture'], ['Open Data Pages', 'open-data-pages'],
    ]);
    // "A Greener County – Parks" is the theme Parks of A Greener County, and its items are filed under it.
    expect(made.outcomes[0].themes.map((t) => t.title)).toEqual(['Parks']);
    const planned = planImport([{ read: read('bbb'), report: twice }], context({ plan: made }), settings());
    expect(planned.files[0].sections.map((s) => s.mappedBy)).toEqual(['new plan', 'new plan', 'new plan', 'new plan']);
    const benches = planned.writes[0].rows.entries.find((e) => e.title === 'Park benches')!;
    expect(benches).toMatchObject({ outcomeId: made.outcomes[0].id, themeId: made.outcomes[0].themes[0].id });
  });

  it('makes the 2020 report\'s five key priorities the outcomes, with its sections as their themes', () => {
    const r2020 = parseReport(fs.readFileSync(REPORT_2020, 'utf8'), false, { name: path.basename(REPORT_2020), areas: [] });
    let n = 0;
    const made = newPlanFromReport({ title: 'Strategic Plan 2018-22', councilCode: 'E10000018', report: r2020, thisYear: 2030 }, () => `n-${++n}`);
    expect(made.outcomes.map((o) => o.title)).toEqual(['A Strong Economy', 'Wellbeing and Opportunity', 'Keeping People Safe', 'Great Communities', 'Affordable and Quality Homes']);
    expect(made.rows!.outcomes[2].summary).toBe('That people in Leicestershire are safe and protected from harm');
    const themes = (title: string) => made.outcomes.find((o) => o.title === title)!.themes.map((t) => t.title);
    expect(themes('Great Communities')).toEqual(['Libraries, Heritage and Culture', 'Environment and Waste', 'Waste Management']);
    expect(themes('A Strong Economy')).toEqual(expect.arrayContaining(['Transport', 'Major Road Schemes Supporting Growth', 'Supporting Business to Flourish']));
    expect(themes('Wellbeing and Opportunity')).toEqual(expect.arrayContaining(['Health, Care and Wellbeing', 'Public Health', 'Mental Health']));
    expect(themes('Keeping People Safe')).toContain('Consumer Protection');

    const planned = planImport([{ read: read('c2020'), report: r2020 }], context({ plan: made }), settings());
    const rows = planned.writes[0].rows.entries;
    const outcome = (title: string) => made.outcomes.find((o) => o.title === title)!;
    const theme = (o: string, t: string) => outcome(o).themes.find((x) => x.title === t)!.id;
    // Items under "Great Communities – Libraries, Heritage and Culture" are that theme's; those under the outcome's own heading have none.
    const libraries = rows.filter((e) => e.sourceSection === 'Great Communities – Libraries, Heritage and Culture');
    expect(libraries.length).toBeGreaterThan(15);
    expect(libraries.every((e) => e.outcomeId === outcome('Great Communities').id && e.themeId === theme('Great Communities', 'Libraries, Heritage and Culture'))).toBe(true);
    expect(rows.filter((e) => e.sourceSection === 'Great Communities').every((e) => e.outcomeId === outcome('Great Communities').id && e.themeId === null)).toBe(true);
    expect(rows.find((e) => e.title === 'Coalville – A511')).toMatchObject({ outcomeId: outcome('A Strong Economy').id, themeId: theme('A Strong Economy', 'Major Road Schemes Supporting Growth') });
    // Every item under a priority's section is filed under a priority; only the corporate enablers are not an outcome.
    expect(rows.filter((e) => !e.outcomeId).every((e) => e.sourceSection?.startsWith('Corporate Enablers'))).toBe(true);
    expect(planned.files[0].sections.filter((s) => s.kind === 'outcome' && !s.outcomeId).map((s) => s.title)).toEqual(['Corporate Enablers – Ensuring a Sustainable and Successful Organisation']);
  });
});
