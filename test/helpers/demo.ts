// A throw-away database holding the demo workspace, for tests that need a plan, entries, indicators
// and a peer group to work on. Close it when done. On PGlite the demo is loaded once per worker and
// each caller gets a copy of that database (a fraction of the time of loading it again); on
// PostgreSQL (test:pg) it is loaded into each fresh database.
import fs from 'node:fs';
import { loadConfig, type Config } from '../../src/config.js';
import type { DemoSummary } from '../../src/services/demo.js';
import { services, type Services } from '../../src/services/index.js';
import type { Store } from '../../src/store/index.js';
import { memoryStore, onPostgres, reusableTar, snapshot, testStore } from './store.js';

/** Services on the demo workspace, the summary of loading it, and its database for checking rows. */
type DemoServices = Services & {
  close(): Promise<void>; demoSummary: DemoSummary; db: Store['db'];
  /** Services over the same database with some settings changed (e.g. no Chromium, where a PDF is not the subject). */
  alsoWith(config: Partial<Config>): Services;
};

function over(store: Store, demoSummary: DemoSummary): DemoServices {
  const s = services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') }));
  return { ...s, close: () => store.close(), demoSummary, db: store.db, alsoWith: (config) => services(store, { ...s.config, ...config }) };
}

async function loadDemo(): Promise<DemoServices> {
  const store = await testStore();
  try {
    const s = over(store, undefined as unknown as DemoSummary);
    return { ...s, demoSummary: await s.demo.load() };
  } catch (e) {
    await store.close();
    throw e;
  }
}

let built: Promise<{ data: Blob; summary: DemoSummary }> | undefined;

/** The demo workspace as a PGlite data folder (uncompressed tar), with the summary its load returned (PGlite even on test:pg). */
export function demoSnapshot(): Promise<{ data: Blob; summary: DemoSummary }> {
  built ??= (async () => {
    const store = await memoryStore(snapshot());
    try {
      const summary = await services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') })).demo.load();
      const client = (store.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
      return { data: await reusableTar(await client.dumpDataDir('none')), summary };
    } finally {
      await store.close();
    }
  })();
  return built;
}

/** An in-memory store holding the demo workspace (a folder holding it: demoFolder in workspace-folder.ts). */
export async function demoStore(): Promise<Store> {
  const { data } = await demoSnapshot();
  return memoryStore(data);
}

export async function demoTestServices(): Promise<DemoServices> {
  if (onPostgres()) return loadDemo();
  const { summary } = await demoSnapshot();
  return over(await demoStore(), structuredClone(summary));
}
