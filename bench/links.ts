// npm run bench -- links [RUNS]: suggesting links for a 300-entry report against ten earlier years
// (3,000 entries) on the embedded database, through the service (reading the entries, the index,
// the scoring and writing the suggestions), and the matcher alone. Entries are synthetic but read
// like the real ones: sentences of the two Leicestershire reports, with named schemes that recur
// across years. Target: at most 2 s. The last line of output is one JSON object of figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { financialYear } from '../src/domain/index.js';
import { parseReport } from '../src/ingest/report/parse.js';
import { services } from '../src/services/index.js';
import { SYSTEM_ACTOR } from '../src/services/policy.js';
import { planSuggestions, type LinkableEntry } from '../src/services/links/plan-suggestions.js';
import { openStore, tables } from '../src/store/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '../shared/fixtures/reports');
const runs = Number(process.argv[2] ?? 5);
const YEARS = 10;
const PER_YEAR = 300;

function random(seed: number) {
  let x = seed >>> 0;
  return () => { x = (x * 1664525 + 1013904223) >>> 0; return x / 2 ** 32; };
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const round = (x: number) => Math.round(x * 10) / 10;

// Sentences of the real reports, and 400 scheme names made of real places and kinds of scheme.
const sentences = ['leicestershire-annual-delivery-report-2020.txt', 'leicestershire-annual-delivery-summary-2024.md'].flatMap((name) =>
  parseReport(fs.readFileSync(path.join(SHARED, name), 'utf8'), name.endsWith('.md'), { name }).entries.flatMap((e) => e.body.split(/(?<=\.)\s+/)))
  .filter((s) => s.length > 40);
const PLACES = ['Melton', 'Hinckley', 'Coalville', 'Loughborough', 'Lutterworth', 'Oadby', 'Wigston', 'Ashby', 'Market Harborough', 'Shepshed', 'Syston', 'Anstey', 'Blaby', 'Desford', 'Ibstock', 'Measham', 'Broughton Astley', 'Sileby', 'Kibworth', 'Enderby'];
const KINDS = ['Distributor Road', 'Business Park', 'Library Hub', 'Cycle Route', 'Flood Scheme', 'Care Home', 'Family Hub', 'Country Park', 'Bus Corridor', 'Recycling Centre', 'Junction Improvement', 'Primary School', 'Heritage Trail', 'Youth Centre', 'Town Deal', 'Solar Farm', 'Sports Hub', 'Skills Centre', 'Housing Scheme', 'Broadband Project'];
const SCHEMES = PLACES.flatMap((p) => KINDS.map((k) => `${p} ${k}`));

function entryText(rnd: () => number) {
  const scheme = SCHEMES[Math.floor(rnd() * SCHEMES.length)];
  const body = [0, 1, 2].map(() => sentences[Math.floor(rnd() * sentences.length)]).join(' ');
  return { title: rnd() < 0.5 ? scheme : '', body: `Work on the ${scheme} continued. ${body}` };
}

async function workspace() {
  const store = await openStore({ dataDir: '', inMemory: true });
  const s = services(store, loadConfig({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-')) }));
  await s.workspace.init();
  const planId = await s.plans.create({ title: 'Strategic Plan', councilCode: 'E10000018', startDate: '2013-04-01', endDate: '2025-03-31', outcomes: [{ title: 'Great Communities' }] });
  const rnd = random(42);
  const rows = [];
  for (let y = 0; y <= YEARS; y++) {
    const periodKey = financialYear(2013 + y).key;
    for (let i = 0; i < PER_YEAR; i++) rows.push({ id: randomUUID(), planId, kind: 'achievement', ...entryText(rnd), periodKey, position: i, workflowState: 'published' });
  }
  for (let i = 0; i < rows.length; i += 500) await store.db.insert(tables.entries).values(rows.slice(i, i + 500));
  return { store, s, latest: financialYear(2013 + YEARS).key, rows };
}

const { store, s, latest, rows } = await workspace();
process.stderr.write(`${rows.length} entries: ${YEARS} earlier years of ${PER_YEAR} and a new year of ${PER_YEAR}\n`);

// The matcher alone, on entries already in memory.
const pool: LinkableEntry[] = rows.map((r) => ({ id: r.id, title: r.title, body: r.body, periodKey: r.periodKey, places: [], partners: [], amounts: [] }));
const fresh = pool.filter((e) => e.periodKey === latest);
const matchMs: number[] = [];
let planned = 0;
for (let i = 0; i <= runs; i++) {
  const t = performance.now();
  planned = planSuggestions(fresh, pool, []).links.length;
  if (i > 0) matchMs.push(performance.now() - t);
}
console.log(`matcher alone: median ${round(median(matchMs))} ms over ${runs} runs, ${planned} suggestions`);

// Through the service: read every entry, index, score, write the suggestions (cleared between runs).
const serviceMs: number[] = [];
let added = 0;
for (let i = 0; i <= runs; i++) {
  await store.db.delete(tables.entryLinks);
  const t = performance.now();
  added = (await s.links.suggest(SYSTEM_ACTOR, { periodKey: latest })).added;
  if (i > 0) serviceMs.push(performance.now() - t);
}
console.log(`suggest through the service: median ${round(median(serviceMs))} ms over ${runs} runs, ${added} suggestions written (target 2000 ms)`);
await store.close();
// The machine is shared: the load average says how much of it this run had.
console.log(JSON.stringify({ loadAverage: Math.round(os.loadavg()[0] * 10) / 10, cores: os.cpus().length, newEntries: fresh.length, earlierEntries: pool.length - fresh.length, matcherMs: round(median(matchMs)), suggestMs: round(median(serviceMs)), suggestions: added, targetMs: 2000 }));
