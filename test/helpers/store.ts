// Throw-away databases for tests: an in-memory PGlite started from a snapshot taken once per run
// (migrated, reference areas loaded), or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { loadConfig } from '../../src/config.js';
import { services, type Services } from '../../src/services/index.js';

/** True when this run is the PostgreSQL suite (`npm run test:pg`). */
export const onPostgres = (): boolean => Boolean(loadConfig().testDatabaseUrl);

async function freshPostgres(adminUrl: string, also?: (databaseUrl: string) => void): Promise<Store> {
  const name = `compendium_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ dataDir: '', databaseUrl: url.toString() });
  also?.(url.toString());
  const close = store.close;
  return {
    ...store,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * An in-memory PGlite database started from a snapshot (a dumped data folder), with small buffers:
 * the tests' databases hold a few hundred rows, and PGlite's default 128 MB of shared buffers cost
 * a quarter of each start.
 */
export const TEST_BUFFERS = '8MB';
export const memoryStore = (data: Blob): Promise<Store> => openStore({ dataDir: '', inMemory: true, snapshot: data, sharedBuffers: TEST_BUFFERS });

/** A new, empty workspace database with the reference areas loaded. Close it when done. */
export async function testStore(): Promise<Store> {
  const pgUrl = loadConfig().testDatabaseUrl;
  if (pgUrl) {
    const store = await freshPostgres(pgUrl);
    await services(store, loadConfig()).workspace.init();
    return store;
  }
  return memoryStore(snapshot());
}

/**
 * A dumped data folder that PGlite starts from again and again without copying it first. PGlite reads
 * the Blob it is given into a new buffer at every start, a quarter of a start's CPU for the 40 MB
 * snapshot (median of six: 0.60 → 0.46 s); this one hands it the same bytes each time. PGlite only
 * reads them (its in-memory file system copies each file it writes), as do the folder helpers.
 */
class ReusableTar extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: ArrayBuffer) {
    super([bytes], { type: 'application/x-tar' });
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes);
  }
}

/** A data folder dumped by PGlite (dumpDataDir), made cheap to start from many times. */
export const reusableTar = async (dump: Blob): Promise<Blob> => new ReusableTar(await dump.arrayBuffer());

let snapshotBlob: Blob | undefined;

/** The run's PGlite snapshot, read once per worker (workers run file after file without isolation). */
export function snapshot(): Blob {
  if (!snapshotBlob) {
    const file = fs.readFileSync(inject('pgliteSnapshot'));
    snapshotBlob = new ReusableTar(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  }
  return snapshotBlob;
}

/**
 * Two stores on one fresh database, as two processes would have: on PostgreSQL, two connection
 * pools; on PGlite (one process only), the same store twice. Closing the first drops the database.
 */
export async function twoStores(): Promise<[Store, Store]> {
  const pgUrl = loadConfig().testDatabaseUrl;
  if (!pgUrl) {
    const store = await testStore();
    return [store, { ...store, close: async () => undefined }];
  }
  let databaseUrl = '';
  const first = await freshPostgres(pgUrl, (u) => { databaseUrl = u; });
  await services(first, loadConfig()).workspace.init();
  const second = await openStore({ dataDir: '', databaseUrl });
  return [{ ...first, close: async () => { await second.close(); await first.close(); } }, { ...second, close: async () => undefined }];
}

/** Services over a fresh test database, its database for checking rows, and closing it. */
export type TestServices = Services & { close(): Promise<void>; db: Store['db'] };

/** Services over a fresh test database, with a config pointing at a temporary data folder. */
export async function testServices(): Promise<TestServices> {
  const store = await testStore();
  const dataDir = fs.mkdtempSync('/tmp/compendium-test-');
  const s = services(store, loadConfig({ dataDir }));
  return { ...s, close: () => store.close(), db: store.db };
}
