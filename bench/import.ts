// npm run bench -- import [RUNS] [BATCH_RUNS]: how fast the 2020 Annual Delivery Report (254 KB of
// text) is parsed, how fast it is stored in the embedded database, and how long a batch of 50
// reports takes, imported as the CLI imports them (one call of the import service: read and parse
// each file, store all in one transaction, then suggest links to earlier years' entries).
// Targets (issue 12): parsing the 2020 report within 300 ms, the batch within 30 s.
// The last line of output is one JSON object of figures (medians, with CPU time beside wall time:
// on a shared machine the wall time grows with the load average, the CPU time much less).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/index.js';
import { services } from '../src/services/index.js';
import { parseReport } from '../src/ingest/report/parse.js';
import type { ReportFile } from '../src/ingest/report/read.js';
import { sql } from 'drizzle-orm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.resolve(root, '../shared/fixtures/reports');
const file2020 = path.join(reports, 'leicestershire-annual-delivery-report-2020.txt');
const file2024 = path.join(reports, 'leicestershire-annual-delivery-summary-2024.md');
const text2020 = fs.readFileSync(file2020, 'utf8');
const runs = Number(process.argv[2] ?? 7);
const batchRuns = Number(process.argv[3] ?? 3);
const PARSE_TARGET_MS = 300;
const BATCH_TARGET_S = 30;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function freshWorkspace() {
  const store = await openStore({ dataDir: '', inMemory: true });
  const s = services(store, loadConfig({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-')) }));
  await s.workspace.init();
  const planId = await s.plans.create({
    title: 'Strategic Plan 2018-22', councilCode: 'E10000018', startDate: '2018-04-01', endDate: '2022-03-31',
    outcomes: ['A Strong Economy', 'Wellbeing and Opportunity', 'Keeping People Safe', 'Great Communities', 'Affordable and Quality Homes'].map((title) => ({ title })),
  });
  return { store, s, planId };
}

// Parsing alone (clean-up, structure, items, facts), no database; the first run warms up.
const areas = (await (async () => {
  const { store } = await freshWorkspace();
  const { listAreaNames } = await import('../src/store/queries/listAreaNames.js');
  const a = await listAreaNames(store.db);
  await store.close();
  return a;
})());
parseReport(text2020, false, { name: path.basename(file2020), areas });
const parseMs: number[] = [];
// CPU time too: on a shared machine the wall time grows with the load average, the CPU time much less.
const parseCpuMs: number[] = [];
let entries = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  entries = parseReport(text2020, false, { name: path.basename(file2020), areas }).entries.length;
  const used = process.cpuUsage(cpu);
  parseMs.push(performance.now() - t);
  parseCpuMs.push((used.user + used.system) / 1000);
}
const load = os.loadavg().map((x) => round(x, 2));
console.log(`parse 2020 report: median ${round(median(parseMs))} ms over ${runs} runs (CPU ${round(median(parseCpuMs))} ms), ${entries} entries; load average ${load.join(', ')}`);

// Reading, parsing and storing into a fresh embedded database.
const importMs: number[] = [];
const storeMs: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
  const { store, s, planId } = await freshWorkspace();
  const bytes = new Uint8Array(fs.readFileSync(file2020));
  let parsedAt = 0;
  const t = performance.now();
  await s.imports.run([{ name: path.basename(file2020), bytes }], { planId, onProgress: (e) => { if (e.stage === 'store') parsedAt = performance.now(); } });
  const end = performance.now();
  importMs.push(end - t);
  storeMs.push(end - parsedAt);
  await store.close();
}
console.log(`import 2020 report into PGlite: median ${round(median(importMs))} ms (storing ${round(median(storeMs))} ms), ${round(entries / (median(importMs) / 1000), 0)} entries/s`);

// A batch of 50 reports (the two real ones, each made distinct so none is skipped as a repeat).
const batch: ReportFile[] = [];
for (let i = 0; i < 50; i++) {
  const src = i % 2 ? file2024 : file2020;
  // A workspace takes one report per period: each copy covers a financial year of its own (from its name).
  const year = 1940 + i;
  const name = `annual-report-copy${i}-${year}-${String((year + 1) % 100).padStart(2, '0')}${path.extname(src)}`;
  batch.push({ name, bytes: new Uint8Array(Buffer.concat([fs.readFileSync(src), Buffer.from(`\n\nCopy ${i} of this report for timing.\n`)])) });
}
// Each run into a fresh workspace; the stages' times from the import's progress events.
const batchRunsOut: { s: number; cpu: number; parse: number; store: number; links: number; entries: number; suggestions: number }[] = [];
for (let r = 0; r < batchRuns; r++) {
  const { store, s, planId } = await freshWorkspace();
  const at: Partial<Record<'store' | 'links', number>> = {};
  const cpu = process.cpuUsage();
  const tb = performance.now();
  const summary = await s.imports.run(batch, { planId, onProgress: (e) => { if (e.stage === 'store' || e.stage === 'links') at[e.stage] = performance.now(); } });
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  const { rows } = await store.db.execute(sql`select count(*)::int as n from entry_links`) as unknown as { rows: { n: number }[] };
  await store.close();
  const run = {
    s: (end - tb) / 1000, cpu: (used.user + used.system) / 1e6,
    parse: ((at.store ?? end) - tb) / 1000, store: ((at.links ?? end) - (at.store ?? end)) / 1000, links: (end - (at.links ?? end)) / 1000,
    entries: summary.totals.entries, suggestions: rows[0].n,
  };
  batchRunsOut.push(run);
  console.log(`batch of 50 reports: ${round(run.s, 2)} s (CPU ${round(run.cpu, 2)} s): reading and parsing ${round(run.parse, 2)} s, storing ${round(run.store, 2)} s, suggesting links ${round(run.links, 2)} s; ${run.entries} entries, ${run.suggestions} link suggestions; load average ${os.loadavg().map((x) => round(x, 2)).join(', ')}`);
}
const mid = (key: keyof (typeof batchRunsOut)[number]) => round(median(batchRunsOut.map((r) => r[key])), 2);

console.log(JSON.stringify({
  parse2020MedianMs: round(median(parseMs)),
  parse2020CpuMedianMs: round(median(parseCpuMs)),
  parse2020TargetMs: PARSE_TARGET_MS,
  loadAverage1m: round(os.loadavg()[0], 2),
  import2020MedianMs: round(median(importMs)),
  store2020MedianMs: round(median(storeMs)),
  entries2020: entries,
  entriesPerSecond: round(entries / (median(importMs) / 1000), 0),
  batch50Runs: batchRuns,
  batch50Seconds: mid('s'),
  batch50CpuSeconds: mid('cpu'),
  batch50ParseSeconds: mid('parse'),
  batch50StoreSeconds: mid('store'),
  batch50LinksSeconds: mid('links'),
  batch50TargetSeconds: BATCH_TARGET_S,
  batch50Entries: batchRunsOut[0]?.entries ?? 0,
  batch50LinkSuggestions: batchRunsOut[0]?.suggestions ?? 0,
  withinTargets: median(parseMs) <= PARSE_TARGET_MS && mid('s') <= BATCH_TARGET_S,
}));
