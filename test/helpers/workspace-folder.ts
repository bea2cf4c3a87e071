// Workspace folders on disk for tests of the command line: a folder as `compendium init` leaves it,
// or holding the demo, made by unpacking a PGlite data folder (a tar from dumpDataDir) with `tar`.
// Writing the same database through PGlite costs about ten times as much, and migrating a new folder
// from nothing (what src/cli/run.test.ts and the schema fingerprint test do) about thirty times.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { services } from '../../src/services/index.js';
import type { Store } from '../../src/store/index.js';
import { demoSnapshot } from './demo.js';
import { memoryStore, snapshot } from './store.js';

const dump = async (store: Store): Promise<Blob> =>
  (store.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client.dumpDataDir('none');

/** Writes a dumped data folder to a file of this worker's, once per blob. */
const files = new WeakMap<Blob, Promise<string>>();
function tarOf(blob: Blob): Promise<string> {
  let file = files.get(blob);
  if (!file) {
    file = (async () => {
      const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-folder-')), 'db.tar');
      fs.writeFileSync(f, Buffer.from(await blob.arrayBuffer()));
      return f;
    })();
    files.set(blob, file);
  }
  return file;
}

async function unpack(blob: Blob, dataDir: string): Promise<string> {
  const db = path.join(dataDir, 'db');
  if (fs.existsSync(db) && fs.readdirSync(db).length) throw new Error(`${db} already holds a database`);
  fs.mkdirSync(db, { recursive: true });
  execFileSync('tar', ['-xf', await tarOf(blob), '-C', db], { stdio: 'ignore' });
  return dataDir;
}

let initialised: Promise<Blob> | undefined;

/** The run's snapshot after workspace.init() (settings written), as `compendium init` leaves a database. */
function initialisedSnapshot(): Promise<Blob> {
  initialised ??= (async () => {
    const store = await memoryStore(snapshot());
    try {
      await services(store, loadConfig({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-test-')) })).workspace.init();
      return await dump(store);
    } finally {
      await store.close();
    }
  })();
  return initialised;
}

/** Makes dataDir (new or empty) a workspace as `compendium init` leaves it; returns dataDir. PGlite only. */
export async function workspaceFolder(dataDir: string): Promise<string> {
  return unpack(await initialisedSnapshot(), dataDir);
}

/** Makes dataDir (new or empty) hold the demo workspace, loaded once per worker; returns dataDir. PGlite only. */
export async function demoFolder(dataDir: string): Promise<string> {
  return unpack((await demoSnapshot()).data, dataDir);
}
