// Backup and restore of a whole workspace: a portable, versioned file (gzip of JSON lines) that moves
// a council from the embedded database to a server or back. Restore is all-or-nothing.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Store } from '../store/index.js';
import { getSchemaVersion, getTableCounts } from '../store/queries/getTableCounts.js';
import {
  BACKUP_TABLES, backupColumns, clearInitialData, insertBackupRows, readBackupRows, resetSequences,
} from '../store/queries/backupRows.js';
import { ConflictError, ValidationError } from '../errors.js';

export const BACKUP_FORMAT = 'compendium-backup';
export const BACKUP_VERSION = 1;
const BATCH = 2000;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  database: string;
  schema: { migrations: number; latest: string | null };
  tables: number;
}

interface TableStart {
  table: string;
  columns: string[];
  rows: number;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: Record<string, number>;
}

/** Raised for a file that cannot be restored; the message names the file and the problem. */
function badFile(file: string, problem: string): ValidationError {
  return new ValidationError(`${file} ${problem}; nothing was restored.`);
}

export function backupService(store: Store) {
  const { db } = store;
  return {
    /** Writes every table to FILE. Reads happen in one transaction so the file is a consistent picture. */
    async backup(file: string): Promise<BackupSummary> {
      const tmp = `${file}.partial-${process.pid}`;
      const gzip = zlib.createGzip();
      const output = fs.createWriteStream(tmp, { fd: fs.openSync(tmp, 'w') });
      gzip.pipe(output);
      const write = async (line: string) => {
        if (!gzip.write(line + '\n')) await once(gzip, 'drain');
      };
      const counts: Record<string, number> = {};
      try {
        await db.transaction(async (tx) => {
          const header: Header = {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt: new Date().toISOString(),
            database: store.kind,
            schema: await getSchemaVersion(tx),
            tables: BACKUP_TABLES.length,
          };
          await write(JSON.stringify(header));
          for (const table of BACKUP_TABLES) {
            const lines = await readBackupRows(tx, table);
            const start: TableStart = { table, columns: backupColumns(table).map((c) => c.name), rows: lines.length };
            await write(JSON.stringify(start));
            for (const line of lines) await write(line);
            counts[table] = lines.length;
          }
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          await write(JSON.stringify({ end: true, tables: BACKUP_TABLES.length, rows: total }));
        });
        gzip.end();
        await once(output, 'close');
        fs.renameSync(tmp, file);
      } catch (e) {
        gzip.destroy();
        output.destroy();
        fs.rmSync(tmp, { force: true });
        throw e;
      }
      return { file, bytes: fs.statSync(file).size, tables: counts };
    },

    /** Loads FILE into this workspace, which must be empty, in one transaction. */
    async restore(file: string): Promise<BackupSummary> {
      if (!fs.existsSync(file)) throw badFile(file, 'does not exist');
      if (fs.statSync(file).isDirectory()) throw badFile(file, 'is a folder, not a backup file');
      const counts = await getTableCounts(db);
      const inUse = Object.entries(counts).filter(([t, n]) => n > 0 && t !== 'areas' && t !== 'settings');
      if (inUse.length) {
        throw new ConflictError(
          `This workspace already holds data (${inUse.map(([t, n]) => `${n} ${t}`).join(', ')}): restore only into an empty workspace (a new --data folder or a new database), so nothing is overwritten.`,
        );
      }
      const ours = await getSchemaVersion(db);
      const magic = Buffer.alloc(2);
      const fd = fs.openSync(file, 'r');
      fs.readSync(fd, magic, 0, 2, 0);
      fs.closeSync(fd);
      const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
      const restored: Record<string, number> = {};

      await db.transaction(async (tx) => {
        const raw = fs.createReadStream(file);
        const lines = readLines(gzipped ? raw.pipe(zlib.createGunzip()) : raw);
        let lineNo = 0;
        let header: Header | null = null;
        let current: (TableStart & { types: ReturnType<typeof backupColumns> }) | null = null;
        let seen = 0;
        let batch: (string | null)[][] = [];
        let ended = false;
        const expected = [...BACKUP_TABLES];

        const parse = (line: string): unknown => {
          try {
            return JSON.parse(line);
          } catch {
            throw badFile(file, lineNo === 1 ? 'is not a Compendium backup (it does not start with a backup header)' : `is damaged: line ${lineNo} is not valid JSON`);
          }
        };
        const flush = async () => {
          if (current && batch.length) await insertBackupRows(tx, current.table, current.types, batch);
          batch = [];
        };
        const finishTable = async () => {
          if (!current) return;
          await flush();
          if (seen !== current.rows) throw badFile(file, `is incomplete: table ${current.table} should have ${current.rows} rows but has ${seen}`);
          restored[current.table] = seen;
          current = null;
        };

        try {
          for await (const line of lines) {
            lineNo++;
            if (ended) throw badFile(file, `has data after its end marker (line ${lineNo})`);
            const value = parse(line);
            if (!header) {
              const h = value as Partial<Header>;
              if (!h || typeof h !== 'object' || h.format !== BACKUP_FORMAT) throw badFile(file, 'is not a Compendium backup (it does not start with a backup header)');
              if (h.version !== BACKUP_VERSION) throw badFile(file, `is backup format version ${h.version}, and this Compendium reads version ${BACKUP_VERSION}`);
              if (h.schema?.migrations !== ours.migrations || h.schema?.latest !== ours.latest) {
                throw badFile(file, `was made with database schema ${h.schema?.migrations} (${h.schema?.latest}) and this workspace has schema ${ours.migrations} (${ours.latest}); restore it with the Compendium version that made it`);
              }
              header = h as Header;
              await clearInitialData(tx);
              continue;
            }
            if (Array.isArray(value)) {
              if (!current) throw badFile(file, `is damaged: line ${lineNo} is a row outside any table`);
              if (value.length !== current.types.length) throw badFile(file, `is damaged: line ${lineNo} has ${value.length} values where table ${current.table} has ${current.types.length} columns`);
              batch.push(value as (string | null)[]);
              seen++;
              if (batch.length >= BATCH) await flush();
              continue;
            }
            const marker = value as Partial<TableStart> & { end?: boolean; rows?: number };
            await finishTable();
            if (marker.end) {
              if (expected.length) throw badFile(file, `is incomplete: it has no table ${expected[0]}`);
              ended = true;
              continue;
            }
            const name = String(marker.table);
            if (name !== expected[0]) throw badFile(file, `is damaged: line ${lineNo} starts table ${name} where ${expected[0] ?? 'the end marker'} was expected`);
            expected.shift();
            const types = backupColumns(name);
            const names = types.map((c) => c.name);
            if (JSON.stringify(marker.columns) !== JSON.stringify(names)) {
              throw badFile(file, `has columns ${JSON.stringify(marker.columns)} for table ${name}, where this version has ${JSON.stringify(names)}`);
            }
            current = { table: name, columns: names, rows: Number(marker.rows), types };
            seen = 0;
          }
        } catch (e) {
          raw.destroy();
          if (e instanceof ValidationError) throw e;
          if ((e as NodeJS.ErrnoException).code?.startsWith('Z_')) {
            throw badFile(file, `is incomplete or damaged (${(e as Error).message} after line ${lineNo})`);
          }
          throw e;
        }
        if (!header) throw badFile(file, lineNo === 0 ? 'is empty' : 'is not a Compendium backup');
        if (!ended) throw badFile(file, `is incomplete: it stops after line ${lineNo}${current ? `, part-way through table ${(current as TableStart).table}` : ''}, before its end marker`);
        await resetSequences(tx);
      });
      return { file, bytes: fs.statSync(file).size, tables: restored };
    },
  };
}

/** The lines of a text stream; a read or decompression error rejects the iteration. */
async function* readLines(input: Readable): AsyncGenerator<string> {
  let rest = '';
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest;
}
