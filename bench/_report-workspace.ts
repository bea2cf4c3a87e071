// The workspace the report benchmark measures: the demo, the 2020 Leicestershire report's entries
// reported in the demo's latest year, and synthetic indicators with values for the demo's peer group.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { services } from '../src/services/index.js';
import { SYSTEM_ACTOR } from '../src/services/policy.js';
import { openStore, tables } from '../src/store/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_2020 = path.resolve(ROOT, '../shared/fixtures/reports/leicestershire-annual-delivery-report-2020.txt');
export const INDICATORS = 250;
const log = (s: string) => process.stderr.write(`${s}\n`);

// A small deterministic generator so that every run measures the same report.
function random(seed: number) {
  let x = seed >>> 0;
  return () => { x = (x * 1664525 + 1013904223) >>> 0; return x / 2 ** 32; };
}

/** Opens the workspace in dataDir, building it first when the folder is new. */
export async function benchWorkspace(dataDir: string) {
  const fresh = !fs.existsSync(path.join(dataDir, 'db')) || fs.readdirSync(path.join(dataDir, 'db')).length === 0;
  const config = loadConfig({ dataDir });
  const store = await openStore({ dataDir });
  const s = services(store, config);
  await s.workspace.init();
  if (!fresh) return { s, store, config };
  log('loading the demo…');
  await s.demo.load();
  const settings = await s.workspace.settings();
  const structure = await s.plans.structure();
  const periodKey = (await s.performance.periods())[0];

  log('importing the 2020 report into the demo plan…');
  const imported = await s.imports.run([{ name: path.basename(REPORT_2020), bytes: new Uint8Array(fs.readFileSync(REPORT_2020)) }], { planId: structure.plan.id });
  await s.importBatches.publish(SYSTEM_ACTOR, imported.files[0].batchId!);
  // Report its entries in the demo's latest year so they are part of the report being timed.
  await store.db.update(tables.entries).set({ periodKey }).where(eq(tables.entries.planId, structure.plan.id));

  log(`adding ${INDICATORS} synthetic indicators…`);
  const rand = random(20241123);
  const members = (await s.groups.resolve(settings.defaultGroup ?? 'demo-peers', settings.councilCode, periodKey)).memberCodes;
  const years = (await s.performance.periods()).filter((k) => k.startsWith('FY') && k.length === 9).slice(0, 7);
  const defs = ['code,title,unit,polarity,outcome,source'];
  const values = ['indicator,area,period,value'];
  for (let i = 1; i <= INDICATORS; i++) {
    const code = `SYN-${String(i).padStart(3, '0')}`;
    const outcome = structure.outcomes[i % structure.outcomes.length].title;
    defs.push(`${code},Synthetic measure ${i},percent,${i % 3 === 0 ? 'lower' : 'higher'},"${outcome}",Benchmark generator`);
    const base = 30 + rand() * 40;
    for (const area of [...new Set([...members, settings.councilCode])]) {
      const own = base + (rand() - 0.5) * 20;
      years.forEach((year, y) => values.push(`${code},${area},${year},${rand() < 0.03 ? '' : (own + y * (rand() - 0.4)).toFixed(1)}`));
    }
  }
  await s.indicators.importDefinitions({ name: 'bench-indicators.csv', content: defs.join('\n') });
  await s.observations.import({ name: 'bench-values.csv', content: values.join('\n') });
  const counts = await store.db.execute(sql`select (select count(*) from entries)::int as entries, (select count(*) from indicators)::int as indicators, (select count(*) from observations)::int as observations`);
  log(`workspace: ${JSON.stringify((counts as unknown as { rows: unknown[] }).rows[0])}`);

  return { s, store, config };
}
