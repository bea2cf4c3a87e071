import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { expectGolden } from '../../../test/helpers/golden.js';
import { buildReportModel } from '../model/index.js';
import { renderHtml } from './html.js';
import { marked } from '../../present/markdown.js';
import { renderMarkdown } from './markdown.js';
import { parse } from 'csv-parse/sync';
import { renderCsv, renderJson } from './open-data.js';
import { reportCss } from './styles.js';

const published = () => buildReportModel(fixtureInput());
const draft = () => buildReportModel(fixtureInput({ draft: true }));
const dom = (html: string) => parseHTML(html).document;

describe('HTML report', () => {
  it('matches the golden HTML (stylesheet left out)', () => {
    expectGolden('report.html', renderHtml(published(), { css: '/* report stylesheet */' }));
  });

  it('says in one sentence that an outcome had nothing delivered, folds its empty themes, and lets it follow on in print', () => {
    // "Living Well" has only a submitted entry and one from the year before: nothing published for 2023/24.
    const m = published();
    const well = m.outcomes.find((o) => o.title === 'Living Well')!;
    expect(well.noEntries).toBe('No delivery entries for this outcome in 2023/24.');
    expect(well.themes).toEqual([]);
    expect(m.outcomes.find((o) => o.title === 'Clean and Green')!.noEntries).toBeUndefined();
    const section = dom(renderHtml(m)).getElementById(well.anchor)!;
    expect(section.getAttribute('class')).toBe('cmp-outcome cmp-outcome--no-entries');
    expect(String(section.textContent)).toContain('No delivery entries for this outcome in 2023/24.');
    expect(section.querySelectorAll('.cmp-theme').length).toBe(0);
    expect(renderMarkdown(m)).toContain('## Living Well\n\nPeople live healthy, independent lives for longer.\n\nNo delivery entries for this outcome in 2023/24.');
    expect(reportCss('#2b5329')).toContain('.cmp-outcome.cmp-outcome--no-entries{break-before:auto');
  });

  it('is self-contained: GOV.UK styles inline with the brand and Arial, no fonts, crown or external files', () => {
    const html = renderHtml(published());
    expect(html).toContain('.govuk-table{');
    expect(html).toContain('--govuk-brand-colour:#2b5329');
    expect(html).not.toMatch(/GDS Transport|@font-face|\/assets\/|<link |<script|src="http/);
    expect(reportCss('#2b5329')).toMatch(/@media print\{[^]*break-inside:avoid/);
  });

  it('has a contents list whose every link lands on an element of the report', () => {
    const d = dom(renderHtml(published()));
    const links = Array.from(d.querySelectorAll('a[href^="#"]')).map((a) => a.getAttribute('href')!.slice(1));
    expect(links.length).toBeGreaterThan(10);
    for (const id of links) expect(d.getElementById(id), `#${id}`).not.toBeNull();
  });

  it('gives every table a caption and header cells, and every chart a headline, description, source and data', () => {
    const d = dom(renderHtml(published()));
    const tables = Array.from(d.querySelectorAll('table'));
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      expect(t.querySelector('caption')?.textContent?.trim()).toBeTruthy();
      expect(t.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(0);
    }
    const figures = Array.from(d.querySelectorAll('figure'));
    expect(figures.length).toBe(published().compendium!.charts.length + 2);
    for (const f of figures) {
      expect(f.querySelector('figcaption .cmp-figure__title')?.textContent).toBeTruthy();
      expect(f.querySelector('.cmp-figure__description')?.textContent).toMatch(/\.$/);
      expect(f.querySelector('.cmp-figure__source')?.textContent).toMatch(/^Source: /);
      expect(f.querySelector('svg[role="img"]')?.getAttribute('aria-labelledby')).toBe(`${f.id}-title ${f.id}-desc`);
      expect(f.querySelector('table caption')?.textContent).toMatch(/^Data: /);
    }
  });

  it('shows status in words and symbols, not colour alone', () => {
    const d = dom(renderHtml(published()));
    const row = Array.from(d.querySelectorAll('.cmp-table--compendium tbody tr')).find((r) => r.textContent!.includes('Household waste'))!;
    const cells = Array.from(row.querySelectorAll('td')).map((c) => c.textContent!.trim());
    expect(cells).toEqual(['52.4%', '50.0%', '✓Green (met)', '▲Improving', '48.5%', '2 of 8', 'Q1Top quartile', '▲Getting better']);
  });

  it('strips scripts, event handlers and raw HTML from entry text', () => {
    const html = renderHtml(published(), { css: '' });
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('onclick');
    expect(html).toContain('<b>Residents</b> fixed 900 items.');
  });

  it('marks a draft as DRAFT on screen and on every printed page, and shows unpublished states', () => {
    const html = renderHtml(draft());
    const d = dom(html);
    expect(d.querySelector('.govuk-phase-banner')?.textContent).toContain('DRAFT');
    expect(d.querySelector('.cmp-draft-mark')?.textContent).toBe('DRAFT');
    expect(d.title).toContain('(DRAFT)');
    expect(html).toContain('Submitted for approval');
    expect(dom(renderHtml(published())).querySelector('.cmp-draft-mark')).toBeNull();
  });

  it('keeps headings in order with no level skipped', () => {
    const d = dom(renderHtml(published()));
    const levels = Array.from(d.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });
});

describe('Markdown and open data', () => {
  it('writes Markdown with the report headings and no raw HTML from entries', () => {
    const md = renderMarkdown(draft());
    expect(md.startsWith('> **DRAFT')).toBe(true);
    expect(md).toContain('# Annual Delivery Report 2023/24');
    expect(md).toContain('### Waste and Recycling');
    expect(md).toContain('| Household waste sent for reuse, recycling or composting | 52.4% |');
    expect(md).not.toContain('<');
    expect(md).toContain('&lt;script>alert("x")&lt;/script>&lt;b onclick="x()">Residents&lt;/b> fixed 900 items.');
  });

  it('makes raw HTML and script links inert wherever they are: entry text, titles, places', () => {
    const m = published();
    const e = m.outcomes[0].themes[0].entries[0];
    e.title = 'Hedges <img src=x onerror=alert(1)>';
    e.body = 'See [this](javascript:alert(2)) and &amp;lt;b&amp;gt; and <script>alert(3)</script>';
    e.places = ['<svg onload=alert(4)>'];
    const md = renderMarkdown(m);
    const viewed = marked.parse(md) as string;
    expect(viewed).not.toMatch(/<(script|img|svg)|<[^>]*\son\w+=|href="javascript/i);
    expect(md).toContain('See [this\\](javascript:alert(2)) and &amp;lt;b&amp;gt; and &lt;script>');
    expect(viewed).toContain('&amp;lt;b&amp;gt;');
  });

  it('writes CSV with a metadata block and one row per indicator', () => {
    const csv = renderCsv(published());
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('# Fenmarsh Council: Performance Compendium 2023/24');
    expect(csv).toContain('# comparison group: Fenmarsh and its 7 statistical neighbours (8 councils)');
    expect(csv).toMatch(/# methodology: https:\/\/example.org\/compendium\/methodology/);
    const data = lines.filter((l) => !l.startsWith('#'));
    expect(data[0].split(',')).toContain('quartile_band');
    expect(data).toHaveLength(5);
    expect(data.find((l) => l.includes('CARE-09'))).toContain(',,,missing,');
  });

  it('writes figures at the stated precision, with words beside the codes', () => {
    const m = published();
    const [first, second] = m.compendium!.outcomes.flatMap((o) => o.rows);
    Object.assign(first, { value: 83.30000000000001, decimalPlaces: 1, median: 80.25 });
    Object.assign(second, { value: 0.413, decimalPlaces: 3 });
    const csv = renderCsv(m);
    expect(csv).not.toContain('83.30000000000001');
    const [head, ...rows] = parse(csv.split('\r\n').filter((l) => l && !l.startsWith('#')).join('\n')) as string[][];
    const col = (row: string[], name: string) => row[head.indexOf(name)];
    expect(col(rows[0], 'value')).toBe('83.3');
    expect(col(rows[0], 'group_median')).toBe('80.3');
    expect(col(rows[1], 'value')).toBe('0.413');
    expect(col(rows[0], 'rag_label')).toBe(first.rag.label);
    expect(col(rows[0], 'direction_label')).toBe(first.direction.label);
    expect(rows.map((r) => col(r, 'direction_label')).join(' ')).not.toMatch(/no-significant-change|not-comparable/);
  });

  it('defuses a formula in any CSV cell, the metadata lines included', () => {
    const m = published();
    m.compendium!.outcomes[0].rows[0].title = '=HYPERLINK("http://x","y")';
    m.meta.councilName = 'Fenmarsh\n=1+1';
    const csv = renderCsv(m);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv.split('\r\n').some((l) => l.startsWith('='))).toBe(false);
  });

  it('writes JSON with the same metadata and indicators', () => {
    const json = JSON.parse(renderJson(published()));
    expect(json.metadata).toMatchObject({ period: '2023/24', comparisonGroup: 'Fenmarsh and its 7 statistical neighbours', status: 'published' });
    expect(json.indicators).toHaveLength(4);
    expect(json.indicators[0]).toMatchObject({ indicator_code: 'WASTE-01', value: 52.4, rank: 2, quartile_band: 1, previous_value: 49.8 });
  });
});
