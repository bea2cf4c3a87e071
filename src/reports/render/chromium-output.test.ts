// The files Chromium makes, checked with real tools: axe-core on the HTML, pdfinfo and pdftoppm on the
// PDF (first pages kept in test/output/ for people and CI to look at).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { loadConfig } from '../../config.js';
import { buildReportModel } from '../model/index.js';
import { ChromiumMissingError, launchChromium, renderHtml, renderReport, type ReportFile } from './index.js';

const OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/output');
const chromiumPath = loadConfig().chromiumPath;
let browser: Browser;
let files: ReportFile[];
let draftFiles: ReportFile[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-report-'));
const save = (f: ReportFile) => { const p = path.join(tmp, f.fileName); fs.writeFileSync(p, f.bytes); return p; };

beforeAll(async () => {
  browser = await launchChromium(chromiumPath);
  files = await renderReport(buildReportModel(fixtureInput()), ['pdf'], { chromiumPath, browser });
  draftFiles = await renderReport(buildReportModel(fixtureInput({ draft: true })), ['pdf'], { chromiumPath, browser });
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('HTML accessibility', () => {
  for (const draft of [false, true]) {
    it(`has no axe-core violations (WCAG 2.2 AA) in a ${draft ? 'draft' : 'published'} report`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.setContent(renderHtml(buildReportModel(fixtureInput({ draft }))), { waitUntil: 'load' });
        const result = await new AxeBuilder({ page } as never).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary).toEqual([]);
        expect(result.passes.length).toBeGreaterThan(10);
      } finally {
        await context.close();
      }
    });
  }
});

describe('PDF', () => {
  it('is tagged A4 with more than one page, bookmarks and page numbers', () => {
    const pdf = save(files.find((f) => f.format === 'pdf')!);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(1);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).not.toContain('DRAFT');
    // Bookmarks: pdfinfo -struct is not universal; the outline dictionary is in the file itself.
    expect(Buffer.from(files.find((f) => f.format === 'pdf')!.bytes).toString('latin1')).toMatch(/\/Outlines/);
  });

  it('says DRAFT on every page of a draft', () => {
    const pdf = save(draftFiles[0]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    for (let p = 1; p <= pages; p++) {
      expect(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }), `page ${p}`).toContain('DRAFT');
    }
  });

  it('renders its first pages to PNG for review (test/output)', () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    for (const [name, f] of [['report', files.find((x) => x.format === 'pdf')!], ['report-draft', draftFiles[0]]] as const) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '8', save(f), path.join(OUTPUT, name)]);
    }
    const pngs = fs.readdirSync(OUTPUT).filter((f) => /^report-\d+\.png$/.test(f));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
  });
});

describe('print layout', () => {
  it('gives a long indicator name room (three lines at most), folds an empty outcome and keeps the closing line off a page of its own', async () => {
    const m = buildReportModel(fixtureInput());
    const rows = m.compendium!.outcomes.flatMap((o) => o.rows);
    // Names as long as the Oflog measures' ("Outcome, Ease of finding information about services : service users").
    rows[0].title = 'Adults who found it easy to find information about services';
    rows[1].title = 'Delayed transfers of care from hospital attributable to adult social care, per 100,000 adults';
    const page = await browser.newPage({ viewport: { width: 688, height: 1000 } }); // A4 less the margins, at 96 px an inch
    try {
      await page.emulateMedia({ media: 'print' });
      await page.setContent(renderHtml(m), { waitUntil: 'load' });
      const layout = await page.evaluate(() => {
        const lines = (el: Element) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
        return {
          names: Array.from(document.querySelectorAll('.cmp-table--compendium tbody th a')).map((a) => ({ text: a.textContent, lines: lines(a) })),
          breaks: Array.from(document.querySelectorAll('.cmp-outcome')).map((o) => `${o.id} ${getComputedStyle(o).breakBefore}`),
          footer: getComputedStyle(document.querySelector('.cmp-footer')!).display,
          colophon: getComputedStyle(document.querySelector('.cmp-colophon')!).display,
        };
      });
      expect(layout.names.length).toBe(rows.length);
      for (const n of layout.names) expect(n.lines, n.text!).toBeLessThanOrEqual(3);
      expect(layout.names.find((n) => n.text === rows[0].title)!.lines).toBeLessThanOrEqual(2);
      expect(layout.breaks).toEqual(['outcome-clean-and-green page', 'outcome-living-well auto']);
      expect([layout.footer, layout.colophon]).toEqual(['none', 'block']);
    } finally {
      await page.close();
    }
  });
});

describe('without Chromium', () => {
  it('names the package to install and still hands over the HTML and the Word file', async () => {
    const err = await renderReport(buildReportModel(fixtureInput()), ['html', 'md', 'pdf', 'docx'], { chromiumPath: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as ChromiumMissingError).message).toContain('/nonexistent/chromium');
    expect((err as ChromiumMissingError).hint).toContain('apt-get install chromium');
    expect((err as ChromiumMissingError).partial.map((f) => f.format)).toEqual(['html', 'md', 'docx']);
  });
});
