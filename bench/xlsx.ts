// npm run bench -- xlsx [RUNS]: reading a real-sized workbook of indicator values, by the product's
// reader (src/ingest/xlsx-read.ts: fflate and a scanner of the sheet XML) and by exceljs (which the
// product used before, and which the tests still use to write workbooks). The workbook holds the
// 6,377 rows of the shared oflog-asc-metrics.csv, written by exceljs. Medians of RUNS loads (default
// 5) after one warm-up; heap growth measured around one load with the collector run before it.
// The last line is one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsvTable } from '../src/ingest/table-file.js';
import { readXlsxSheet } from '../src/ingest/xlsx-read.js';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const csv = path.join(root, '../shared/data/oflog-asc-metrics.csv');
if (!fs.existsSync(csv)) {
  console.error(`bench xlsx: ${csv} is missing (the shared data folder beside the project)`);
  process.exit(1);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = (globalThis as { gc?: () => void }).gc;

async function workbookBytes(): Promise<Buffer> {
  const table = parseCsvTable(fs.readFileSync(csv, 'utf8'), 'oflog-asc-metrics.csv');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Values');
  ws.addRow(table.header);
  for (const r of table.rows) ws.addRow(r.cells.map((c) => (c !== '' && Number.isFinite(Number(c)) ? Number(c) : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function measure(name: string, load: () => Promise<number>): Promise<{ medianMs: number; heapMb: number; rows: number }> {
  let rows = await load();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await load();
    times.push(performance.now() - t);
  }
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 5);
  await load();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.error(`${name}: median ${Math.round(median(times))} ms over ${runs} loads, ${rows} rows`);
  return { medianMs: Math.round(median(times)), heapMb: Math.round((peak - before) / 1024 / 1024), rows };
}

const bytes = await workbookBytes();
const ours = await measure('fflate reader', async () => readXlsxSheet(bytes)!.rows.length);
const exceljs = await measure('exceljs', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let n = 0;
  wb.worksheets[0].eachRow(() => { n++; });
  return n;
});
console.log(JSON.stringify({
  runs, workbookKb: Math.round(bytes.length / 1024), reader: ours, exceljs,
  ratio: Math.round((ours.medianMs / exceljs.medianMs) * 100) / 100,
}));
