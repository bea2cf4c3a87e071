// Opens the workspace's database: PGlite in a data folder by default, PostgreSQL when a URL is given.
// Migrations are applied on every open, so a new folder or an empty server database is ready at once.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import * as schema from './schema.js';
import { rows, type Db } from './db.js';
import { lockWorkspace, WorkspaceLockedError, type WorkspaceLock } from './workspace-lock.js';
import { WORKSPACE_SENTENCES } from './workspace-sentences.js';
import { forgetSummary, writeSummary } from './workspace-summary.js';

export type { Db } from './db.js';
export { rows } from './db.js';
export * as tables from './schema.js';
export { WorkspaceLockedError, workspaceHolder, type LockHolder } from './workspace-lock.js';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** The schema version this Compendium migrates to (count and newest of its migrations), read from drizzle's journal. */
export function shippedSchemaVersion(): { migrations: number; latest: string | null } {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const last = journal.entries.at(-1);
  return { migrations: journal.entries.length, latest: last ? String(last.when) : null };
}

/** Hand-written SQL (triggers, functions) that drizzle-kit does not generate; applied after the migrations, in name order. */
export const EXTRA_SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'extra-sql');

async function applyExtraSql(db: Db): Promise<void> {
  if (!fs.existsSync(EXTRA_SQL_DIR)) return;
  for (const f of fs.readdirSync(EXTRA_SQL_DIR).filter((n) => n.endsWith('.sql')).sort()) {
    // One statement at a time (prepared statements take one), split as drizzle-kit's files are.
    for (const statement of fs.readFileSync(path.join(EXTRA_SQL_DIR, f), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await db.execute(sql.raw(statement));
    }
  }
}

/**
 * A digest of everything that shapes the schema (drizzle's journal, each migration, the extra SQL).
 * Recorded as the comment of schema `public` once the database is migrated, so later opens skip the
 * migration check and the trigger SQL (about a fifth of a short command's time) until it changes.
 */
let fingerprint: string | undefined;
export function schemaFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const files = [
    path.join(MIGRATIONS_DIR, 'meta', '_journal.json'),
    ...fs.readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort().map((n) => path.join(MIGRATIONS_DIR, n)),
    ...(fs.existsSync(EXTRA_SQL_DIR) ? fs.readdirSync(EXTRA_SQL_DIR).filter((n) => n.endsWith('.sql')).sort().map((n) => path.join(EXTRA_SQL_DIR, n)) : []),
  ];
  for (const f of files) hash.update(path.basename(f)).update('\0').update(fs.readFileSync(f)).update('\0');
  fingerprint = `compendium-schema:${hash.digest('hex')}`;
  return fingerprint;
}

/** Applies the migrations and the extra SQL unless the database says it already has this schema. */
async function migrateOnce(db: Db, migrate: (db: Db) => Promise<void>): Promise<void> {
  const want = schemaFingerprint();
  const [have] = await rows<{ note: string | null }>(db, sql`select obj_description('public'::regnamespace, 'pg_namespace') as note`);
  if (have?.note === want) return;
  await migrate(db);
  await applyExtraSql(db);
  // Not being allowed to comment (a server where another role owns schema public) only costs speed.
  await db.execute(sql.raw(`comment on schema public is '${want}'`)).catch(() => undefined);
}

export interface Store {
  kind: 'pglite' | 'postgres';
  /** The data folder, or the server URL without its password. */
  location: string;
  db: Db;
  /**
   * Closes the database. An embedded workspace given `summary` (its status as just read) keeps it
   * beside the files for `compendium status` (store/workspace-summary.ts), written before the lock goes.
   */
  close(summary?: unknown): Promise<void>;
  /** Records what this process is doing with an embedded workspace (e.g. "on port 3000"), for the message a second process gets. */
  noteHolder?(detail: string): void;
  /** Set when this process took over the lock of an embedded workspace whose holder had died. */
  tookOver?: string;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
  /** A PGlite data folder snapshot (from dumpDataDir) to start from instead of an empty database. */
  snapshot?: Blob;
  /** Keep the embedded database in memory only (tests). */
  inMemory?: boolean;
  /** Who opens it, as the lock records it (default: this process's command line). */
  holder?: string;
}

/** Raised when the database cannot be opened; the message is one sentence a person can act on. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

/**
 * Binary columns (stored uploads, documents, report files) converted with Node's own hex codec:
 * PGlite's default walks the bytes one by one in JavaScript, which holds the event loop for about
 * half a second per megabyte (a 50 MB upload stopped the server for half a minute).
 */
const BYTEA_OID = 17;
const BYTEA_TYPES = {
  serializers: { [BYTEA_OID]: (v: Uint8Array) => `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}` },
  parsers: { [BYTEA_OID]: (text: string) => { const b = Buffer.from(text.slice(2), 'hex'); return new Uint8Array(b.buffer, b.byteOffset, b.byteLength); } },
};

/**
 * PGlite runs each statement on this thread, and a chain of awaited statements (a page's dozen
 * queries, a transaction) settles through promises alone, never giving the event loop a turn: a
 * page rendered in the background, or an import, would hold every other request until it ended.
 * Each statement here first waits one turn of the event loop, so that requests arriving meanwhile
 * (and /healthz) are read and answered between statements.
 */
export function yieldBetweenStatements(client: PGlite): void {
  const inner = client as unknown as { _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T> };
  const run = inner._runExclusiveQuery.bind(inner);
  inner._runExclusiveQuery = async (work) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return run(work);
  };
}

async function openPglite(options: StoreOptions): Promise<Store> {
  let client: PGlite;
  let location: string;
  let lock: WorkspaceLock | undefined;
  if (options.inMemory) {
    location = 'memory';
    client = new PGlite({ loadDataDir: options.snapshot, ...BYTEA_TYPES });
  } else {
    const dir = path.join(options.dataDir, 'db');
    location = dir;
    if (fs.existsSync(options.dataDir) && !fs.statSync(options.dataDir).isDirectory()) {
      throw new StoreOpenError(`The data folder ${options.dataDir} is a file, not a folder: choose another with --data or COMPENDIUM_DATA.`);
    }
    try {
      fs.mkdirSync(options.dataDir, { recursive: true });
    } catch (e) {
      throw new StoreOpenError(`Cannot create the data folder ${options.dataDir}: ${(e as Error).message}.`);
    }
    // One process at a time: taken before PGlite reads a byte, so a refused process changes nothing.
    try {
      lock = lockWorkspace(options.dataDir, options.holder);
    } catch (e) {
      if (e instanceof WorkspaceLockedError) throw e;
      throw new StoreOpenError(`Cannot lock the data folder ${options.dataDir} for this process: ${(e as Error).message}.`);
    }
    try {
      fs.mkdirSync(dir, { recursive: true });
      // Whatever this process does may change the database: the summary is rewritten when it closes.
      forgetSummary(options.dataDir);
      const fresh = fs.readdirSync(dir).length === 0;
      client = new PGlite(dir, { loadDataDir: fresh ? options.snapshot : undefined, ...BYTEA_TYPES });
      await client.waitReady;
    } catch (e) {
      lock.release();
      throw new StoreOpenError(`Cannot open the embedded database in ${dir}: ${(e as Error).message}.`);
    }
  }
  try {
    await client.waitReady;
    yieldBetweenStatements(client);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    await migrateOnce(db, (d) => migratePglite(d as never, { migrationsFolder: MIGRATIONS_DIR }));
    const held = lock;
    return {
      kind: 'pglite',
      location,
      db,
      close: async (summary?: unknown) => {
        try {
          await client.close();
          if (held && summary !== undefined) writeSummary(options.dataDir, summary);
        } finally {
          held?.release();
        }
      },
      noteHolder: held ? (detail) => held.note(detail) : undefined,
      tookOver: held?.tookOverFrom ? WORKSPACE_SENTENCES.tookOver(options.dataDir, held.tookOverFrom) : undefined,
    };
  } catch (e) {
    await client.close().catch(() => undefined);
    lock?.release();
    throw e;
  }
}

/** Session advisory lock key under which migrations run, so two processes starting together migrate once. */
const MIGRATION_LOCK = 0x636f6d70; // "comp"

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => { /* idle client errors surface on the next query */ });
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(e as Error).message || (e as { code?: string }).code || 'connection refused'}.`);
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  // Two processes opening an empty database at once would both create the same tables; the second
  // waits here for the first, then finds nothing left to do.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const one = drizzlePg({ client, schema }) as unknown as Db;
    await migrateOnce(one, (d) => migratePg(d as never, { migrationsFolder: MIGRATIONS_DIR }));
  } catch (e) {
    client.release();
    await pool.end().catch(() => undefined);
    throw e;
  }
  await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  client.release();
  return { kind: 'postgres', location: redactUrl(url), db, close: () => pool.end() };
}
