// Renders a report model into the requested formats. Chromium is started only for the PDF, and the
// Word file's charts are drawn by resvg in worker threads. When a tool or font is missing, the files
// that do not need it are still made, and carried on the error.
import type { Browser } from 'playwright-core';
import { chartSvg } from '../charts/index.js';
import type { ReportModel } from '../model/types.js';
import { BATCH, ChartDrawing, findChartFont, svgSize } from './chart-images.js';
import { RenderToolMissingError } from './errors.js';
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
  /** Folders to find the Word charts' font in (default: the system's font folders and CHART_FONT_DIRS). */
  fontDirs?: string[];
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
  const specs = [...(m.financial?.charts ?? []), ...(m.compendium ? [...m.compendium.summaryCharts, ...m.compendium.charts] : [])];
  let svgs: Map<string, string> | undefined;
  /** Draws every chart's SVG once, handing each batch to onBatch as it is made (all at once if drawn before). */
  const svgsOnce = (onBatch?: (items: { id: string; svg: string }[]) => void) => {
    if (svgs) {
      onBatch?.([...svgs].map(([id, svg]) => ({ id, svg })));
      return svgs;
    }
    const drawn = new Map<string, string>();
    for (let i = 0; i < specs.length; i += BATCH) {
      const items = specs.slice(i, i + BATCH).map((s) => ({ id: s.id, svg: chartSvg(s, brand) }));
      for (const item of items) drawn.set(item.id, item.svg);
      onBatch?.(items);
    }
    return (svgs = drawn);
  };
  let html: string | undefined;
  const htmlOnce = () => (html ??= renderHtml(m, { svgs: svgsOnce() }));
  for (const f of wanted.filter((x) => x !== 'pdf' && x !== 'docx')) {
    step(f);
    if (f === 'html') add(f, encode(htmlOnce()));
    else if (f === 'md') add(f, encode(renderMarkdown(m)));
    else if (f === 'csv') add(f, encode(renderCsv(m)));
    else if (f === 'json') add(f, encode(renderJson(m)));
  }
  // With both asked for, Chromium prints the PDF while the Word file is written and its charts drawn:
  // they use different processes and threads, so the two overlap on a machine with a core to spare.
  const print = () => renderPdf(htmlOnce(), { chromiumPath: options.chromiumPath, browser: options.browser, footerText: `${m.meta.councilName}: ${m.meta.title}`, draft: m.meta.status === 'draft' });
  const printing = wanted.includes('pdf') && wanted.includes('docx') ? print() : undefined;
  printing?.catch(() => undefined); // awaited below, after the Word file
  try {
    if (wanted.includes('docx')) {
      step('docx');
      const font = findChartFont(options.fontDirs);
      // The charts are drawn to PNG in worker threads as their SVGs are made, and while this thread
      // writes the document around them.
      const drawing = new ChartDrawing(font, { expected: specs.length });
      try {
        const drawn = svgsOnce((items) => drawing.add(items));
        add('docx', await renderDocx(m, { sizes: new Map([...drawn].map(([id, svg]) => [id, svgSize(svg)])), images: drawing.done() }));
      } finally {
        await drawing.stop(); // done() stops them too; this is for when writing the document failed
      }
    }
    if (wanted.includes('pdf')) {
      step('pdf');
      add('pdf', await (printing ?? print()));
    }
  } catch (e) {
    // Word comes before the PDF, so that a missing Chromium still leaves the Word file among these.
    if (e instanceof RenderToolMissingError) e.partial = files;
    throw e;
  }
  return files;
}

export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderCsv, renderJson, openDataMetadata } from './open-data.js';
export { renderDocx } from './docx.js';
export { renderPdf } from './pdf.js';
export { ChartDrawing, ChartFontMissingError, findChartFont, svgsToPng } from './chart-images.js';
export { RenderToolMissingError } from './errors.js';
export { ChromiumMissingError, launchChromium } from './browser.js';
