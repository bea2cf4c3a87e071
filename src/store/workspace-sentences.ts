// Every sentence an operator gets about the workspace's lock and about backups, in one place so the
// wording can be reviewed (or mapped onto another error family) without hunting through the code.
import type { LockHolder } from './workspace-lock.js';

const MOVING = 'move the workspace to PostgreSQL to use it from several processes at once (README, "Moving to PostgreSQL")';

function who(h: LockHolder): string {
  const what = [h.command, h.detail].filter(Boolean).join(' ');
  const since = h.startedAt ? `, running since ${h.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '';
  return `${what} (pid ${h.pid}${h.host ? ` on ${h.host}` : ''}${since})`;
}

export const WORKSPACE_SENTENCES = {
  locked: (dataDir: string, h: LockHolder) =>
    `The workspace in ${dataDir} is in use by ${who(h)}: stop that process and try again, or ${MOVING}.`,
  tookOver: (dataDir: string, h: LockHolder) =>
    `Took over the workspace in ${dataDir} from ${who(h)}, which is no longer running.`,

  // Backups: each names the file, and where it matters the table, row (line of the file) and field.
  backup: {
    nothingRestored: (file: string, problem: string) => `${file} ${problem}; nothing was restored.`,
    digestMismatch: 'has been changed or damaged since it was made: its content does not match the SHA-256 digest in its end marker',
    countMismatch: (table: string, expected: number, actual: number) =>
      `is damaged: its end marker counts ${expected} rows in table ${table} but the file holds ${actual}`,
    totalMismatch: (expected: number, actual: number) =>
      `is damaged: its end marker counts ${expected} rows in all but the file holds ${actual}`,
    /** `at` names the table, the row and the line of the file, e.g. "users, row 2 (line 415 of the file)". */
    badValue: (at: string, field: string, problem: string) => `has a bad value in table ${at}, field ${field}: ${problem}`,
    duplicateKey: (at: string, key: string, firstLine: number) => `repeats ${key} in table ${at}, already given at line ${firstLine}`,
    missingReference: (at: string, field: string, value: string, target: string) =>
      `has table ${at}, field ${field}, pointing at ${value}, which is not in table ${target}`,
    insertFailed: (table: string, fromLine: number, toLine: number, problem: string) =>
      `could not be loaded into table ${table} (rows at lines ${fromLine} to ${toLine} of the file): ${problem}`,
    duplicatesLeftOut: (counts: Record<string, number>) =>
      `The workspace held ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')} twice over (two processes once wrote it at the same time); the backup has each once.`,
  },
};
