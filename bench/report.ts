// npm run bench -- report: how long the demo's report takes in each format, on the demo plus the 2020
// Leicestershire report's entries and 250 synthetic indicators for the demo's peer group. Also times
// Chromium printing the finished HTML on its own, for the ratio of our PDF time to Chromium's.
// Last line of output: one JSON object of medians (seconds) and the ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../src/reports/render/browser.js';
import { benchWorkspace, INDICATORS } from './_report-workspace.js';
import { timePublishFromWorkspace } from './_publish-demo.js';

const RUNS = { html: 5, docx: 3, pdf: 3 } as const;

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (x: number) => Math.round(x * 1000) / 1000;
const log = (s: string) => process.stderr.write(`${s}\n`);

// `npm run bench -- report publish` times only generating and publishing the demo from the workspace.
if (process.argv[2] === 'publish') {
  const p = await timePublishFromWorkspace(log);
  console.log(JSON.stringify({ bench: 'report-publish', publishRequestSeconds: round(p.requestSeconds), approveRequestSeconds: round(p.publishRequestSeconds), draftSeconds: round(p.draftSeconds), queueToPublishedSeconds: round(p.queueToPublishedSeconds), targets: { publishRequestSeconds: 1, queueToPublishedSeconds: 30 } }));
  process.exit(0);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-report-'));
const { s, store, config } = await benchWorkspace(dataDir);

const times: Record<string, number[]> = { html: [], pdf: [], docx: [] };
let lastHtml = '';
let pages = 0;
const chromiumOnly: number[] = [];
const htmlFile = path.join(dataDir, 'report.html');
/** Chromium alone: launch, open the finished HTML file, print it with the same settings as the report. */
async function printWithChromiumOnly(): Promise<number> {
  const t0 = performance.now();
  const b = await launchChromium(config.chromiumPath);
  const page = await b.newPage();
  await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
  await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, displayHeaderFooter: true, footerTemplate: '<div style="font-size:8pt">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>', headerTemplate: '<div></div>', margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' } });
  await b.close();
  return (performance.now() - t0) / 1000;
}
// Loading the data and building the model, without drawing or writing anything.
const modelTimes: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  await s.reports.model({ draft: false });
  modelTimes.push((performance.now() - t0) / 1000);
}
log(`model: ${modelTimes.map((t) => t.toFixed(2)).join(', ')} s`);
for (const format of ['html', 'docx', 'pdf'] as const) {
  for (let run = 0; run < RUNS[format]; run++) {
    const t0 = performance.now();
    // The PDF is timed with a fresh Chromium each time, and Word with fresh drawing threads, as the CLI runs them.
    const [file] = await s.reports.build({ formats: [format], draft: false });
    times[format].push((performance.now() - t0) / 1000);
    if (format === 'html') {
      lastHtml = new TextDecoder().decode(file.bytes);
      fs.writeFileSync(htmlFile, lastHtml);
    }
    if (format === 'pdf') pages = (new TextDecoder('latin1').decode(file.bytes).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    log(`${format} run ${run + 1}: ${times[format].at(-1)!.toFixed(2)} s`);
    // Interleaved with our PDF runs, so that both meet the same load on a shared machine.
    if (format === 'pdf') {
      chromiumOnly.push(await printWithChromiumOnly());
      log(`chromium-only run ${run + 1}: ${chromiumOnly.at(-1)!.toFixed(2)} s`);
    }
  }
}
await store.close();
fs.rmSync(dataDir, { recursive: true, force: true });
const published = await timePublishFromWorkspace(log);

const result = {
  bench: 'report',
  indicators: INDICATORS,
  pdfPages: pages,
  htmlBytes: Buffer.byteLength(lastHtml),
  modelSeconds: round(median(modelTimes)),
  htmlSeconds: round(median(times.html)),
  pdfSeconds: round(median(times.pdf)),
  docxSeconds: round(median(times.docx)),
  chromiumOnlyPdfSeconds: round(median(chromiumOnly)),
  pdfToChromiumRatio: round(median(times.pdf) / median(chromiumOnly)),
  // The demo's report from the workspace: the officer's request answers at once; queued to published.
  publishRequestSeconds: round(published.requestSeconds),
  publishQueueToPublishedSeconds: round(published.queueToPublishedSeconds),
  targets: { htmlSeconds: 2, pdfSeconds: 20, docxSeconds: 5, pdfToChromiumRatio: 1.5, publishRequestSeconds: 1, publishQueueToPublishedSeconds: 30 },
};
console.log(JSON.stringify(result));
