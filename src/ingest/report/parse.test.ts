import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from './parse.js';
import { canonical, OWN_REPORTS, readFixture, REPORT_2020, SUMMARY_2024 } from '../../../test/helpers/reports.js';

const sectionOf = (p: ParsedReport, title: string) => p.sections[p.entries.find((e) => e.title === title)!.section];

/** The sentence of text that starts with these words, up to its full stop. */
function sentenceOf(text: string, opening: string): string {
  const start = text.indexOf(opening);
  const end = text.indexOf('. ', start);
  if (start < 0 || end < 0) throw new Error(`no sentence starting "${opening}" in the fixture`);
  return text.slice(start, end + 1);
}

function expectBodiesAtTheirOffsets(p: ParsedReport, original: string): void {
  const wrong = p.entries.filter((e) => canonical(original.slice(e.start, e.end)) !== canonical(e.body));
  expect(wrong.map((e) => e.title || e.body.slice(0, 40))).toEqual([]);
}

describe('the 2020 Annual Delivery Report (text from a PDF)', () => {
  let original: string;
  let report: ParsedReport;
  beforeAll(() => {
    original = readFixture(REPORT_2020);
    report = parseReport(original, false, { name: path.basename(REPORT_2020) });
  });

  it('reads the year and period from the file name', () => {
    expect(report.reportYear).toBe(2020);
    expect(report.periodKey).toBe('FY2019-20');
    expect(report.titledItems).toBe(true);
  });

  it('finds the front matter and the outcome sections, including a heading split over two lines', () => {
    expect(report.sections.filter((s) => s.kind === 'front').map((s) => s.title)).toEqual([
      'Introduction', 'Financial Context, Challenges and Fair Funding Campaign',
    ]);
    const outcomes = report.sections.filter((s) => s.kind === 'outcome').map((s) => s.title);
    expect(outcomes).toEqual(expect.arrayContaining([
      'A Strong Economy', 'Economy – Transport', 'Affordable and Quality Homes', 'Health, Care and Wellbeing', 'Public Health',
      'Keeping People Safe', 'Great Communities', 'Great Communities – Libraries, Heritage and Culture',
      'Great Communities – Environment and Waste', 'Corporate Enablers – Ensuring a Sustainable and Successful Organisation',
    ]));
    const economy = report.sections.find((s) => s.title === 'A Strong Economy')!;
    expect(economy.themes.map((t) => t.title)).toEqual([
      'Impact of Covid-19', 'Infrastructure for Sustainable Growth', 'A Highly Skilled and Employable Workforce', 'Supporting Business to Flourish',
    ]);
    expect(economy.intro).toMatch(/^Our economy outcome focuses on/);
  });

  it("reads the plan's five key priorities from the introduction, with their offsets and descriptions", () => {
    expect(report.priorities.map((p) => p.title)).toEqual([
      'A Strong Economy', 'Wellbeing and Opportunity', 'Keeping People Safe', 'Great Communities', 'Affordable and Quality Homes',
    ]);
    for (const p of report.priorities) expect(original.slice(p.start, p.end)).toBe(p.title);
    expect(report.priorities[2].description).toBe('That people in Leicestershire are safe and protected from harm');
    // The last one's description stops where the list does, though extraction lost the full stop after it.
    expect(report.priorities[4].description).toMatch(/homes that people can afford$/);
  });

  it('gives one entry per titled item, about 290, none from the front matter', () => {
    expect(report.entries.length).toBeGreaterThanOrEqual(275);
    expect(report.entries.length).toBeLessThanOrEqual(295);
    expect(report.entries.filter((e) => e.title).length).toBeGreaterThanOrEqual(270);
    expect(report.entries.some((e) => /Fair Funding|Covid-19 Impact/.test(e.title))).toBe(false);
  });

  it('keeps each title exactly and files it under its section', () => {
    const cases: [string, string, string | null][] = [
      ['Economic Recovery Strategy and Cell', 'A Strong Economy', 'Impact of Covid-19'],
      ['Apollo Court Business Park, Coalville', 'A Strong Economy', 'Infrastructure for Sustainable Growth'],
      ['Unemployment and those furthest from the labour market', 'A Strong Economy', 'A Highly Skilled and Employable Workforce'],
      ['Tourism Awards', 'A Strong Economy', 'Supporting Business to Flourish'],
      ['Coalville – A511', 'Economy – Transport', 'Major Road Schemes Supporting Growth'],
      ['Anstey – A5630 and A46', 'Economy – Transport', 'Major Road Schemes Supporting Growth'],
      ["'Pop Up' Cycle Lanes", 'Economy – Transport', 'Sustainable Travel'],
      ['Gully Cleaning', 'Economy – Transport', 'Highways Maintenance and Management'],
      ['East of Lutterworth Expansion', 'Affordable and Quality Homes', null],
      ['Learning Disabilities – Transforming Care', 'Health, Care and Wellbeing', 'Helping People Stay Well and Independent – Adults Aged 18-64'],
      ['Frailty', 'Health, Care and Wellbeing', 'Helping Older People to Stay Well and Independent – 65+'],
      ['Incident Management Teams (IMTs)', 'Public Health', null],
      ['Stop Smoking', 'Public Health', 'Public Health Services'],
      ['Ofsted Improvements', 'Keeping People Safe', 'Safeguarding'],
      ['Covid-19 – identifying compliant Personal Protective Equipment (PPE)', 'Consumer Protection', null],
      ['Armed Forces Covenant', 'Great Communities', null],
      ['Harborough Museum', 'Great Communities – Libraries, Heritage and Culture', null],
      ['Real Nappies', 'Great Communities – Environment and Waste', 'Waste Management'],
      ['Covid-19 – Corporate Response', 'Corporate Enablers – Ensuring a Sustainable and Successful Organisation', null],
      ['Overview and Scrutiny', 'Corporate Enablers – Ensuring a Sustainable and Successful Organisation', null],
    ];
    for (const [title, section, theme] of cases) {
      const entry = report.entries.find((e) => e.title === title);
      expect(entry, title).toBeDefined();
      const s = report.sections[entry!.section];
      expect(s.title, title).toBe(section);
      expect(entry!.theme === null ? null : s.themes[entry!.theme].title, title).toBe(theme);
    }
    expect(sectionOf(report, 'Midlands Engine').title).toBe('A Strong Economy');
  });

  it('stores each body at offsets whose original text is the same words', () => {
    expectBodiesAtTheirOffsets(report, original);
    const anstey = report.entries.find((e) => e.title === 'Anstey – A5630 and A46')!;
    expect(original.slice(anstey.start, anstey.start + 40)).toBe('in September 2019 work commenced on the ');
  });

  it('leaves no page number, footnote link or broken word in any entry, and keeps real hyphens', () => {
    const bodies = report.entries.map((e) => e.body);
    for (const b of bodies) {
      expect(b).not.toMatch(/\b(?:3 49|5 51|36 82|63 109)\b/);
      expect(b).not.toMatch(/https?:\/\//);
      expect(b).not.toMatch(/[a-z]- [a-z]/);
      expect(b).not.toMatch(/ {2}/);
    }
    const all = bodies.join('\n');
    for (const word of ["'pop-up'", 'Ashby-de-la-Zouch', 'accommodation-based', 'car-sharing', 'self-service', 'carbon-neutral']) expect(all).toContain(word);
    const imt = report.entries.find((e) => e.title === 'Incident Management Teams (IMTs)')!;
    expect(imt.body).toMatch(/in the County where there has been a high incidence/);
  });

  it('continues an item over an untitled paragraph that follows it', () => {
    const lutterworth = report.entries.find((e) => e.title === 'East of Lutterworth Expansion')!;
    expect(lutterworth.body).toContain('\n\nThe proposed scheme features 50% green space');
  });
});

describe('the 2024 summary (Markdown, untitled achievements)', () => {
  let original: string;
  let report: ParsedReport;
  beforeAll(() => {
    original = readFixture(SUMMARY_2024);
    report = parseReport(original, true, { name: path.basename(SUMMARY_2024) });
  });

  it('reads capitalised headings as outcomes and the rest as themes, whatever their level', () => {
    expect(report.title).toBe('SUMMARY PROGRESS AND ACHIEVEMENTS');
    expect(report.periodKey).toBe('FY2023-24');
    expect(report.sections.map((s) => s.title)).toEqual([
      'STRONG ECONOMY, TRANSPORT AND INFRASTRUCTURE', 'CLEAN AND GREEN', 'IMPROVED OPPORTUNITIES', 'SAFE AND WELL', 'GREAT COMMUNITIES',
    ]);
    expect(report.sections[0].themes.map((t) => t.title)).toEqual(['Economy', 'Transport']);
    expect(report.sections[3].themes.map((t) => t.title)).toEqual(['Community and Consumer Safety and Safeguarding', 'Public Health', 'Adult Social Care']);
  });

  it('gives one entry per achievement', () => {
    expect(report.titledItems).toBe(false);
    const bodies = report.entries.map((e) => e.body);
    // Two whole sentences of the report, each read from the file by its opening words (not copied here).
    expect(bodies).toContain(sentenceOf(original, 'As of July 2024, over'));
    expect(bodies).toContain(sentenceOf(original, '31.2 million visitors'));
    expect(bodies).toContain('The new road is expected to open in early 2026.');
    expect(report.entries.length).toBeGreaterThan(150);
    for (const b of bodies) expect(b).not.toMatch(/\*\*|<\/?sup>|\n/);
  });

  it('titles a bold lead-in and rejoins its paragraph across a blank line', () => {
    const skills = report.entries.find((e) => e.title === 'Skills')!;
    expect(skills.body).toMatch(/^We have been successful in gaining £1\.7m/);
    expect(skills.body).toContain('help adults improve their numeracy skills.');
    expect(report.sections[skills.section].title).toBe('STRONG ECONOMY, TRANSPORT AND INFRASTRUCTURE');
  });

  it('stores each body at offsets whose original text is the same words', () => {
    expectBodiesAtTheirOffsets(report, original);
  });
});

describe("other councils' layouts", () => {
  const parse = (file: string, markdown = false) => {
    const text = readFixture(path.join(OWN_REPORTS, file));
    return { text, report: parseReport(text, markdown, { name: file }) };
  };

  it('numbered priorities with numbered sub-headings and a page number in the middle', () => {
    const { text, report } = parse('northvale-numbered-priorities-2025.txt');
    expect(report.title).toBe('Northvale District Council Annual Report 2025');
    expect(report.sections.map((s) => [s.title, s.themes.map((t) => t.title)])).toEqual([
      ['A Thriving Local Economy', ['Town Centres', 'Skills and Jobs']],
      ['Healthy and Safe Communities', []],
    ]);
    expect(report.entries.map((e) => e.title)).toEqual(['High Street Grants', 'Market Hall', 'Job Fair', 'Leisure Centres', 'Safer Streets']);
    const grants = report.entries[0];
    expect(grants.body).toContain('refurbish their shop fronts');
    expect(report.entries[1].body).toBe('The refurbished market hall reopened in March 2025 with 42 stalls. A second phase is expected to open in early 2026.');
    expectBodiesAtTheirOffsets(report, text);
  });

  it('"Priority action: … Progress by March 2025: …" blocks and a Markdown table', () => {
    const { text, report } = parse('eastmere-priority-actions-2025.md', true);
    expect(report.sections.map((s) => s.title)).toEqual(['Homes and Neighbourhoods', 'Greener Streets']);
    expect(report.entries.map((e) => [e.title, e.status])).toEqual([
      ['Build 300 new council homes by 2027', 'on track'],
      ['Bring 50 empty homes back into use', 'complete'],
      ['Plant 10,000 street trees', 'complete'],
      ['Reduce waste to landfill to less than 5% by 2026', 'on track'],
    ]);
    expect(report.entries[1].body).toBe('58 empty homes were brought back into use, helped by grants worth £410,000.');
    expect(text.slice(report.entries[1].start, report.entries[1].end)).toBe(report.entries[1].body);
  });

  it('bullet lists in HTML, one entry per bullet, the lead-in kept as introduction', async () => {
    const { htmlToText } = await import('./html.js');
    const text = htmlToText(readFixture(path.join(OWN_REPORTS, 'westbrook-bullets-2023.html')));
    const report = parseReport(text, true, { name: 'westbrook-bullets-2023.html' });
    expect(report.sections.map((s) => s.title)).toEqual(['Strong Economy', 'Safe and Well']);
    expect(report.sections[0].intro).toBe('Highlights from the year:');
    expect(report.entries.map((e) => e.title || e.body)).toEqual([
      'Broadband',
      'Opened the Enterprise Hub in Melton Mowbray, creating 85 jobs.',
      'Supported 310 businesses with advice worth £1.2m.',
      'Trading Standards removed 12,000 unsafe products from sale.',
      'The new youth centre in Hinckley is set to open in autumn 2024.',
      'Stop smoking services helped 940 people to quit.',
      'The healthy walks programme grew to 52 weekly walks.',
    ]);
    expect(text).not.toContain('Home'); // navigation is not content
  });

  it('a table flattened into spaced columns', () => {
    const { text, report } = parse('southfield-layout-table-2024.txt');
    expect(report.entries.map((e) => [e.title, e.body])).toEqual([
      ['Anti-social behaviour reports', '2022/23: 4,210; 2023/24: 3,870; Comment: Down 8%'],
      ['Fly-tipping incidents', '2022/23: 1,930; 2023/24: 1,615; Comment: Quicker clearance'],
      ['Doorstep crime interventions', '2022/23: 88; 2023/24: 131; Comment: More call blockers'],
    ]);
    const row = report.entries[0];
    expect(text.slice(row.start, row.end)).toMatch(/^4,210 +3,870 +Down 8%$/);
  });
});
