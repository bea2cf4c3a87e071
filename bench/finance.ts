// npm run bench -- finance: the five published finance files imported together into an embedded
// database on disk (presets, derived indicators and all), every derived indicator recomputed after a
// change, and a fair-funding what-if over every upper-tier council warm (the pure model alone and
// through the service). Targets: import ≤ 5 s, recompute ≤ 1 s, what-if ≤ 50 ms. Last line JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { services } from '../src/services/index.js';
import { openStore } from '../src/store/index.js';
import { runWhatIf, type WhatIfCouncil } from '../src/stats/finance/fair-funding.js';
import { DEFAULT_WEIGHTS } from '../src/services/funding.js';

const FINANCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'finance');
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await work();
  return [performance.now() - t, r];
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-finance-'));
try {
  const store = await openStore({ dataDir });
  const s = services(store, loadConfig({ dataDir }));
  await s.workspace.init();
  const files = fs.readdirSync(FINANCE).filter((f) => f.endsWith('.csv')).map((f) => ({ source: path.join(FINANCE, f) }));
  const [importMs, imported] = await time(() => s.financeData.importFiles(files));
  console.log(`imported ${files.length} files (${imported.files.reduce((n, f) => n + f.counts.valuesRead, 0)} values read) in ${round(importMs)} ms`);

  const recompute: number[] = [];
  for (let i = 0; i < 5; i++) {
    await s.observations.import({ name: 'change.csv', content: `indicator,area,period,value\nFIN-SPENDING-POWER,E10000018,2020/21,${418 + i}\n` });
    recompute.push((await time(() => s.financeData.recompute()))[0]);
  }
  const derivedValues = (await s.financeData.recompute()).reduce((n, d) => n + d.values, 0);
  console.log(`recomputed ${derivedValues} derived values: median ${round(median(recompute))} ms`);

  await s.funding.whatIf({ period: '2020/21' });
  const service: number[] = [];
  for (let i = 0; i < 20; i++) service.push((await time(() => s.funding.whatIf({ period: '2020/21' })))[0]);
  const run = await s.funding.whatIf({ period: '2020/21' });
  const councils: WhatIfCouncil[] = run.rows.map((r) => ({ code: r.code, name: r.name, actual: r.actual, population: 1 + r.actual * 1000, drivers: { 'POP-65-PLUS': r.actual * 3, 'POP-0-17': r.actual * 2, 'POP-ALL-AGES': r.actual * 7 } }));
  const pure: number[] = [];
  for (let i = 0; i < 200; i++) pure.push((await time(async () => runWhatIf(councils, DEFAULT_WEIGHTS)))[0]);
  console.log(`what-if over ${run.rows.length} councils: service ${round(median(service), 2)} ms warm, model alone ${round(median(pure), 3)} ms`);
  await s.store.close();
  console.log(JSON.stringify({
    files: files.length, importMs: round(importMs), importTargetMs: 5000, derivedValues, recomputeMs: round(median(recompute)), recomputeTargetMs: 1000,
    whatIfCouncils: run.rows.length, whatIfServiceWarmMs: round(median(service), 2), whatIfModelMs: round(median(pure), 3), whatIfTargetMs: 50,
  }));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
