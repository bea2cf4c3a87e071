// Renders a report model into the requested formats. Chromium is started once, only when PDF or Word
// is asked for; if it is missing, the files that do not need it are still made (and carried on the error).
import type { Browser } from 'playwright-core';
import { chartSvg } from '../charts/index.js';
import type { ReportModel } from '../model/types.js';
import { ChromiumMissingError, launchChromium } from './browser.js';
import { svgsToPng } from './chart-images.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderCsv, renderJson } from './open-data.js';
import { renderPdf } from './pdf.js';
import { readableBrand } from './styles.js';

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ReportFile {
  format: ReportFormat;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface RenderOptions {
  chromiumPath: string;
  browser?: Browser;
  /** Called before each format is made, for progress bars. */
  onProgress?: (format: ReportFormat, done: number, total: number) => void;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function reportFileName(m: ReportModel, format: ReportFormat): string {
  const base = `${slug(m.meta.councilName)}-${format === 'csv' || format === 'json' ? 'performance-compendium' : 'annual-delivery-report'}-${slug(m.meta.periodLabel)}`;
  return `${base}${m.meta.status === 'draft' ? '-draft' : ''}.${format}`;
}

const encode = (s: string) => new TextEncoder().encode(s);

export async function renderReport(m: ReportModel, formats: ReportFormat[], options: RenderOptions): Promise<ReportFile[]> {
  const wanted = REPORT_FORMATS.filter((f) => formats.includes(f));
  const files: ReportFile[] = [];
  let done = 0;
  const add = (format: ReportFormat, bytes: Uint8Array) => files.push({ format, fileName: reportFileName(m, format), mediaType: MEDIA_TYPES[format], bytes });
  const step = (f: ReportFormat) => options.onProgress?.(f, done++, wanted.length);
  // Each chart is drawn once, for the HTML (and so the PDF) and the Word file alike.
  const brand = readableBrand(m.meta.brandColour);
  const specs = m.compendium ? [...m.compendium.summaryCharts, ...m.compendium.charts] : [];
  let svgs: Map<string, string> | undefined;
  const svgsOnce = () => (svgs ??= new Map(specs.map((s) => [s.id, chartSvg(s, brand)])));
  let html: string | undefined;
  const htmlOnce = () => (html ??= renderHtml(m, { svgs: svgsOnce() }));
  for (const f of wanted.filter((x) => x !== 'pdf' && x !== 'docx')) {
    step(f);
    if (f === 'html') add(f, encode(htmlOnce()));
    else if (f === 'md') add(f, encode(renderMarkdown(m)));
    else if (f === 'csv') add(f, encode(renderCsv(m)));
    else if (f === 'json') add(f, encode(renderJson(m)));
  }
  const needsBrowser = wanted.filter((x) => x === 'pdf' || x === 'docx');
  if (!needsBrowser.length) return files;
  let browser = options.browser;
  try {
    browser ??= await launchChromium(options.chromiumPath);
  } catch (e) {
    if (e instanceof ChromiumMissingError) e.partial = files;
    throw e;
  }
  try {
    for (const f of needsBrowser) {
      step(f);
      if (f === 'pdf') {
        add(f, await renderPdf(htmlOnce(), { chromiumPath: options.chromiumPath, browser, footerText: `${m.meta.councilName}: ${m.meta.title}`, draft: m.meta.status === 'draft' }));
      } else {
        const drawn = svgsOnce();
        const images = await svgsToPng(specs.map((s) => ({ id: s.id, svg: drawn.get(s.id)! })), { chromiumPath: options.chromiumPath, browser });
        add(f, await renderDocx(m, images));
      }
    }
  } finally {
    if (!options.browser) await browser.close();
  }
  return files;
}

export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderCsv, renderJson, openDataMetadata } from './open-data.js';
export { renderDocx } from './docx.js';
export { renderPdf } from './pdf.js';
export { svgsToPng } from './chart-images.js';
export { ChromiumMissingError, launchChromium } from './browser.js';
