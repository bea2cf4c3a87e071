// Backup and restore of a whole workspace: a portable, versioned file (gzip of JSON lines) that moves
// a council from the embedded database to a server or back. The end marker carries each table's row
// count and the SHA-256 of the content; restore checks all of it, every row against the schema's
// rules, before writing anything, then loads it in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { shippedSchemaVersion, type Store } from '../store/index.js';
import { getSchemaVersion, getTableCounts } from '../store/queries/getTableCounts.js';
import {
  BACKUP_TABLES, backupColumns, clearInitialData, insertBackupRows, readBackupRows, resetSequences,
} from '../store/queries/backupRows.js';
import type { TableRules } from '../store/backupRules.js';
import { WORKSPACE_SENTENCES } from '../store/workspace-sentences.js';
import { ConflictError } from '../errors.js';
import {
  BACKUP_FORMAT, BACKUP_VERSION, badBackup, digestLine, readBackup, type BackupHeader, type EndMarker, type TableStart,
} from './backup-file.js';
import { rowChecker } from './backup-rows.js';

export { BACKUP_FORMAT, BACKUP_VERSION } from './backup-file.js';
const BATCH = 2000;

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: Record<string, number>;
  /** Rows the workspace held twice over and the backup holds once, by table (only when there were any). */
  duplicatesLeftOut?: Record<string, number>;
  /** A sentence about those, for the operator. */
  note?: string;
}

export interface BackupCheck extends BackupSummary {
  createdAt: string;
  database: string;
  sha256: string | null;
}

/**
 * Checks FILE as restore would, without a workspace: structure, digest, counts, and every row against
 * the schema's rules. Throws one sentence naming what is wrong; returns what the file holds.
 */
export async function checkBackup(file: string): Promise<BackupCheck> {
  const checker = rowChecker(file);
  const r = await readBackup(file, shippedSchemaVersion(), checker);
  checker.finish();
  return { file, bytes: r.bytes, tables: r.counts, createdAt: r.header.createdAt, database: r.header.database, sha256: r.end.sha256 ?? null };
}

/** Partial files of earlier backups to FILE whose process is no longer running (killed part-way). */
function removeStalePartials(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.partial-`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

/** Removes FILE if the process is stopped by a signal while it is being written, then stops as the signal would. */
function removeOnSignal(file: string): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onExit = () => fs.rmSync(file, { force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  };
  process.on('exit', onExit);
  for (const s of signals) process.on(s, onSignal);
  return () => {
    process.removeListener('exit', onExit);
    for (const s of signals) process.removeListener(s, onSignal);
  };
}

export function backupService(store: Store) {
  const { db } = store;
  return {
    /** Writes every table to FILE. Reads happen in one transaction so the file is a consistent picture. */
    async backup(file: string): Promise<BackupSummary> {
      removeStalePartials(file);
      const tmp = `${file}.partial-${process.pid}`;
      const stopWatching = removeOnSignal(tmp);
      const gzip = zlib.createGzip();
      const output = fs.createWriteStream(tmp, { fd: fs.openSync(tmp, 'w') });
      gzip.pipe(output);
      const hash = createHash('sha256');
      const write = async (line: string, digested = true) => {
        if (digested) digestLine(hash, line);
        if (!gzip.write(line + '\n')) await once(gzip, 'drain');
      };
      const counts: Record<string, number> = {};
      const duplicates: Record<string, number> = {};
      try {
        await db.transaction(async (tx) => {
          const header: BackupHeader = {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt: new Date().toISOString(),
            database: store.kind,
            schema: await getSchemaVersion(tx),
            tables: BACKUP_TABLES.length,
          };
          await write(JSON.stringify(header));
          for (const table of BACKUP_TABLES) {
            const { lines, duplicates: twice } = await readBackupRows(tx, table);
            const start: TableStart = { table, columns: backupColumns(table).map((c) => c.name), rows: lines.length };
            await write(JSON.stringify(start));
            for (const line of lines) await write(line);
            counts[table] = lines.length;
            if (twice) duplicates[table] = twice;
          }
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          const end: EndMarker = { end: true, tables: BACKUP_TABLES.length, rows: total, counts, sha256: hash.digest('hex') };
          await write(JSON.stringify(end), false);
        });
        gzip.end();
        await once(output, 'close');
        fs.renameSync(tmp, file);
      } catch (e) {
        gzip.destroy();
        output.destroy();
        fs.rmSync(tmp, { force: true });
        throw e;
      } finally {
        stopWatching();
      }
      const twice = Object.keys(duplicates).length ? duplicates : undefined;
      return {
        file, bytes: fs.statSync(file).size, tables: counts,
        ...(twice ? { duplicatesLeftOut: twice, note: WORKSPACE_SENTENCES.backup.duplicatesLeftOut(twice) } : {}),
      };
    },

    /** Checks FILE whole (see checkBackup), then loads it into this workspace, which must be empty, in one transaction. */
    async restore(file: string): Promise<BackupSummary> {
      const counts = await getTableCounts(db);
      const inUse = Object.entries(counts).filter(([t, n]) => n > 0 && t !== 'areas' && t !== 'settings');
      if (inUse.length) {
        throw new ConflictError(
          `This workspace already holds data (${inUse.map(([t, n]) => `${n} ${t}`).join(', ')}): restore only into an empty workspace (a new --data folder or a new database), so nothing is overwritten.`,
        );
      }
      const ours = await getSchemaVersion(db);
      // First pass: everything is checked before anything is written.
      const checker = rowChecker(file);
      await readBackup(file, ours, checker);
      checker.finish();

      // Second pass: the load, all or nothing. The file is read (and its digest checked) again, in
      // case it changed in between; any failure rolls the whole transaction back.
      let restored: Record<string, number> = {};
      await db.transaction(async (tx) => {
        let batch: (string | null)[][] = [];
        let batchFrom = 0;
        let batchTo = 0;
        const flush = async (rules: TableRules) => {
          if (!batch.length) return;
          try {
            await insertBackupRows(tx, rules.table, rules.columns, batch);
          } catch (e) {
            // The database's own reason, without the statement or its parameters (the rows themselves).
            const cause = ((e as { cause?: Error }).cause ?? (e as Error)).message.split('\n')[0].slice(0, 200);
            throw badBackup(file, WORKSPACE_SENTENCES.backup.insertFailed(rules.table, batchFrom, batchTo, cause));
          }
          batch = [];
        };
        const r = await readBackup(file, ours, {
          header: () => clearInitialData(tx),
          row: async (rules, values, line) => {
            if (!batch.length) batchFrom = line;
            batchTo = line;
            batch.push(values);
            if (batch.length >= BATCH) await flush(rules);
          },
          endTable: (rules) => flush(rules),
        });
        await resetSequences(tx);
        restored = r.counts;
      });
      return { file, bytes: fs.statSync(file).size, tables: restored };
    },
  };
}
