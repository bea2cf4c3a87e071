// The print stylesheet on the compendium's figures, printed by Chromium and read back with poppler:
// a chart's short data table is never split with a row or two alone on the next page; the table of
// every council is printed in two columns, whole; a long figure wraps inside its column of the
// compendium table instead of running over the next.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { renderChart } from '../charts/index.js';
import { buildReportModel, type PositionChartSpec, type TrendChartSpec } from '../model/index.js';
import { renderPdf } from './pdf.js';
import { reportCss } from './styles.js';

const charts = buildReportModel(fixtureInput()).compendium!.charts;
const trend = charts.find((c): c is TrendChartSpec => c.kind === 'trend')!;
const eight = charts.find((c): c is PositionChartSpec => c.kind === 'position')!;
/** A group of 16, as most councils' comparator groups are: the table is then longer than a short one. */
const position: PositionChartSpec = {
  ...eight,
  table: { ...eight.table, rows: [...eight.table.rows, ...eight.table.rows.map((r, i) => [String(9 + i), `Borough ${String.fromCharCode(65 + i)}`, r[2]])] },
};

/** Prints the body with the report's stylesheet; the text of each page. */
async function printed(body: string): Promise<string[]> {
  const html = `<!DOCTYPE html><html lang="en"><head><style>${reportCss('#1d70b8')}</style></head><body><main class="govuk-main-wrapper">${body}</main></body></html>`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-print-layout-')), 'page.pdf');
  fs.writeFileSync(file, await renderPdf(html, { chromiumPath: loadConfig().chromiumPath, footerText: 'Print layout', draft: false }));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f').filter((t) => t.trim());
}

const filler = (lines: number) => Array.from({ length: lines }, (_, i) => `<p class="govuk-body">Line ${i + 1} of the text before the chart, long enough to fill a line of the page on its own.</p>`).join('');

describe('compendium figures in print', () => {
  it.each([30, 33, 36])('keeps a short data table on one page, prints the group’s table in two columns, and wraps long figures in their column (%i lines before)', async (lines) => {
    const periods = trend.table.rows.map((r) => r[0]);
    const members = position.table.rows.map((r) => r[1]);
    // Text enough that the trend chart's table comes near the foot of page 1 (one of the three splits it without the rule).
    const pages = await printed(`${filler(lines)}${renderChart(trend, { brandColour: '#1d70b8', headingLevel: 4 })}${renderChart(position, { brandColour: '#1d70b8', headingLevel: 4 })}
      <table class="govuk-table cmp-table cmp-table--compendium"><thead><tr><th class="cmp-col-name">Indicator</th><th class="cmp-col-value cmp-num">Value</th><th class="cmp-col-target cmp-num">Target</th><th class="cmp-col-median cmp-num">Group median</th></tr></thead>
      <tbody><tr><th class="cmp-col-name">People killed or seriously injured</th><td class="cmp-num">40.3 per 100,000</td><td class="cmp-num">41.0 per 100,000</td><td class="cmp-num">41.2 per 100,000</td></tr></tbody></table>`);
    // Every period of the trend table on the same page as its first.
    const withFirst = pages.findIndex((p) => p.includes('Data: ') && p.includes(periods[0]));
    expect(withFirst).toBeGreaterThanOrEqual(0);
    expect(periods.filter((p) => !pages[withFirst].includes(p))).toEqual([]);
    // The group's table: every council on one page, two to a line (two columns).
    const groupPage = pages.find((p) => members.every((m) => p.includes(m)));
    expect(groupPage, 'every council of the group on one page').toBeDefined();
    const twoToALine = groupPage!.split('\n').filter((l) => members.filter((m) => l.includes(m)).length >= 2);
    expect(twoToALine.length).toBeGreaterThanOrEqual(6);
    // "40.3 per 100,000" wraps after its number: no line runs two figures together.
    expect(pages.join('\n')).not.toMatch(/100,000\d/);
  }, 60_000);
});
