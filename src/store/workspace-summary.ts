// What the last process to close an embedded workspace found in it (the status: schema, counts,
// settings), kept in the data folder with the state of the database files at that moment. A later
// `compendium status` can answer from it without starting the database, but only while nobody holds
// the workspace and the files are exactly as they were left; anything else opens the database.
import fs from 'node:fs';
import path from 'node:path';
import { workspaceHolder } from './workspace-lock.js';

export const SUMMARY_FILE = 'status.json';

interface SummaryFile<T> {
  format: 'compendium-status';
  writtenAt: string;
  files: string;
  status: T;
}

/** Sizes and modification times of the files every database write changes (WAL, control file). */
export function databaseFilesState(dataDir: string): string | null {
  const db = path.join(dataDir, 'db');
  const control = path.join(db, 'global', 'pg_control');
  const wal = path.join(db, 'pg_wal');
  if (!fs.existsSync(control) || !fs.existsSync(wal)) return null;
  const parts = [control, ...fs.readdirSync(wal).sort().map((n) => path.join(wal, n))].map((f) => {
    const st = fs.statSync(f);
    return st.isFile() ? `${path.basename(f)}:${st.size}:${st.mtimeMs}` : '';
  });
  return parts.filter(Boolean).join('|');
}

/** Records `status` as what the workspace holds now; called by its holder after the database closed. */
export function writeSummary(dataDir: string, status: unknown): void {
  const files = databaseFilesState(dataDir);
  const target = path.join(dataDir, SUMMARY_FILE);
  if (!files) {
    fs.rmSync(target, { force: true });
    return;
  }
  const body: SummaryFile<unknown> = { format: 'compendium-status', writtenAt: new Date().toISOString(), files, status };
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(body));
  fs.renameSync(temp, target);
}

/** Forgets the summary (before a process that may write starts using the database). */
export function forgetSummary(dataDir: string): void {
  fs.rmSync(path.join(dataDir, SUMMARY_FILE), { force: true });
}

/** The recorded status and when it was written, if it still describes the database files; else null. */
export function readSummary<T>(dataDir: string): { status: T; writtenAt: string } | null {
  let body: SummaryFile<T>;
  try {
    body = JSON.parse(fs.readFileSync(path.join(dataDir, SUMMARY_FILE), 'utf8')) as SummaryFile<T>;
  } catch {
    return null;
  }
  if (body.format !== 'compendium-status' || workspaceHolder(dataDir)) return null;
  return body.files === databaseFilesState(dataDir) ? { status: body.status, writtenAt: body.writtenAt } : null;
}
