// The 2020 Leicestershire report, imported into its plan and printed: no longer than a council would
// print it (at most 80 A4 pages), no page left a fifth empty but before a chapter, contents numbered
// past 9, and the first pages compared, as images,
// with reference images kept in test/golden/pages (a page that differs is written beside them as
// NAME-changed.pgm: look at it, and if it is right, rename it over the reference).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { renderPdf } from '../reports/render/pdf.js';
import { reportCss } from '../reports/render/styles.js';
import type { Store } from '../store/index.js';
import { loadReport, workspaceWithPlan } from '../../test/helpers/imports.js';
import { REPORT_2020 } from '../../test/helpers/reports.js';
import type { Services } from './index.js';
import { SYSTEM_ACTOR } from './policy.js';

const GOLDEN = path.resolve('test/golden/pages');
const DPI = 30;
let store: Store;
let s: Services;
let pdfFile: string;
let chapters: string[];

beforeAll(async () => {
  ({ store, s } = await workspaceWithPlan());
  const imported = await s.imports.run([loadReport(REPORT_2020)], { planId: (await s.plans.structure()).plan.id });
  await s.importBatches.publish(SYSTEM_ACTOR, imported.files[0].batchId!);
  const req = { draft: false, period: '2019/20', generatedOn: '2020-11-30' };
  const [pdf] = await s.reports.build({ formats: ['pdf'], ...req });
  chapters = (await s.reports.model(req)).contents.map((c) => c.title);
  pdfFile = path.join(fs.mkdtempSync('/tmp/compendium-print-'), 'report.pdf');
  fs.writeFileSync(pdfFile, pdf.bytes);
}, 240_000);
afterAll(async () => {
  await store.close();
});

/** One page as a grey image (poppler's pdftoppm, PGM). */
function page(n: number): { width: number; height: number; pixels: Uint8Array; raw: Buffer } {
  const raw = execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(n), '-l', String(n), pdfFile]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(raw.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: raw.subarray(header[0].length), raw };
}

/** The share of pixels that differ by more than a quarter of the grey scale. */
function difference(a: Uint8Array, b: Uint8Array): number {
  let off = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 64) off++;
  return off / a.length;
}

describe('the 2020 report in print', () => {
  it('runs to at most 80 A4 pages', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile]).toString())![1]);
    expect(pages).toBeLessThanOrEqual(80);
    expect(pages).toBeGreaterThan(40);
  });

  it('has no page left a fifth or more empty, except the last before a new chapter, and no closing line alone', () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(pdfFile), 'pages-'));
    execFileSync('pdftoppm', ['-gray', '-r', '20', pdfFile, path.join(dir, 'p')]);
    const texts = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString().split('\f');
    const files = fs.readdirSync(dir).sort();
    const short: string[] = [];
    files.forEach((f, i) => {
      const raw = fs.readFileSync(path.join(dir, f));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(raw.subarray(0, 40).toString('latin1'))!;
      const [w, h, px] = [Number(header[1]), Number(header[2]), raw.subarray(header[0].length)];
      // The printed area: below the top margin (15 mm) and above the footer (the last 22 mm).
      const [top, bottom] = [Math.round(h * 15 / 297), Math.round(h * (1 - 22 / 297))];
      let last = top;
      for (let y = bottom - 1; y > top; y--) if (px.subarray(y * w, (y + 1) * w).some((v) => v < 200)) { last = y; break; }
      const filled = (last - top) / (bottom - top);
      const next = (texts[i + 1] ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
      const chapterNext = i === files.length - 1 || chapters.some((c) => next.startsWith(c.slice(0, 30)));
      if (filled < 0.8 && i > 1 && !chapterNext) short.push(`page ${i + 1} is ${Math.round(filled * 100)}% full; the next starts "${next}"`);
    });
    expect(files.length).toBeGreaterThan(40);
    expect(short).toEqual([]);
    // Nor is the last page a closing line on its own (it was, under the last table).
    const lastLines = texts.filter((t) => t.trim()).at(-1)!.split('\n').filter((l) => l.trim() && !/Page \d+ of \d+/.test(l));
    expect(lastLines.length).toBeGreaterThan(4);
  });

  it('numbers the contents in full past 9 (items 10 to 12 printed as "0.", "1.", "2." before)', async () => {
    const items = Array.from({ length: 12 }, (_, i) => `<li><a class="govuk-link" href="#c${i}">Chapter ${i + 1}</a></li>`).join('');
    const html = `<!DOCTYPE html><html lang="en"><head><style>${reportCss('#1d70b8')}</style></head><body><nav class="cmp-contents"><ol class="govuk-list govuk-list--number">${items}</ol></nav></body></html>`;
    const file = path.join(path.dirname(pdfFile), 'contents.pdf');
    fs.writeFileSync(file, await renderPdf(html, { chromiumPath: loadConfig().chromiumPath, footerText: 'Contents', draft: false }));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const numbers = [...text.matchAll(/^\s*(\d+)\.\s+Chapter (\d+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, i + 1]));
  }, 60_000);

  it.each([1, 2, 3])('page %i looks as the reference does', (n) => {
    const got = page(n);
    const file = path.join(GOLDEN, `2020-page-${n}.pgm`);
    const changed = file.replace(/\.pgm$/, '-changed.pgm');
    if (!fs.existsSync(file)) {
      fs.writeFileSync(changed, got.raw);
      throw new Error(`no reference image ${file}; the page is in ${changed} for review`);
    }
    const want = (() => {
      const raw = fs.readFileSync(file);
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(raw.subarray(0, 40).toString('latin1'))!;
      return { width: Number(header[1]), height: Number(header[2]), pixels: raw.subarray(header[0].length) };
    })();
    const same = want.width === got.width && want.height === got.height && difference(want.pixels, got.pixels) < 0.01;
    if (!same) fs.writeFileSync(changed, got.raw);
    else fs.rmSync(changed, { force: true });
    expect(same, `page ${n} differs from ${file}; the new one is in ${changed}`).toBe(true);
  });
});
