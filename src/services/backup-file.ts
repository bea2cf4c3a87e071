// Reading a backup file: its structure (header, each table's rows, end marker), the SHA-256 of its
// content and its row counts, and every row against the schema's rules. Restore reads a file twice:
// once to check all of it before anything is written, once to load it.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BACKUP_RULES, type TableRules } from '../store/backupRules.js';
import { WORKSPACE_SENTENCES } from '../store/workspace-sentences.js';
import { ValidationError } from '../errors.js';

export const BACKUP_FORMAT = 'compendium-backup';
/** Version 2 added the end marker's per-table counts and SHA-256; version 1 files are still read. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

const S = WORKSPACE_SENTENCES.backup;

export interface SchemaVersion {
  migrations: number;
  latest: string | null;
}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  database: string;
  schema: SchemaVersion;
  tables: number;
}

export interface TableStart {
  table: string;
  columns: string[];
  rows: number;
}

export interface EndMarker {
  end: true;
  tables: number;
  rows: number;
  counts?: Record<string, number>;
  sha256?: string;
}

/** What reading a file calls back with; a callback that throws stops the reading. */
export interface BackupVisitor {
  header?(header: BackupHeader): Promise<void> | void;
  row?(rules: TableRules, values: (string | null)[], line: number, row: number): Promise<void> | void;
  endTable?(rules: TableRules, rows: number): Promise<void> | void;
}

export interface BackupContents {
  header: BackupHeader;
  end: EndMarker;
  counts: Record<string, number>;
  bytes: number;
}

/** Raised for a file that cannot be restored; the message names the file and the problem in one sentence. */
export function badBackup(file: string, problem: string): ValidationError {
  return new ValidationError(S.nothingRestored(file, problem));
}

/** Adds one line of the file (and its newline) to the content's digest, as backup writes and restore reads it. */
export function digestLine(hash: ReturnType<typeof createHash>, line: string): void {
  hash.update(line);
  hash.update('\n');
}

/**
 * Reads FILE from start to end, checking its structure, counts and digest, and calling the visitor
 * for the header and each row. `schema` is the workspace's schema version, which the file must match.
 */
export async function readBackup(file: string, schema: SchemaVersion, visitor: BackupVisitor = {}): Promise<BackupContents> {
  if (!fs.existsSync(file)) throw badBackup(file, 'does not exist');
  if (fs.statSync(file).isDirectory()) throw badBackup(file, 'is a folder, not a backup file');
  const gzipped = isGzipped(file);
  const raw = fs.createReadStream(file);
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let lineNo = 0;
  let header: BackupHeader | null = null;
  let end: EndMarker | null = null;
  let current: { rules: TableRules; expected: number; seen: number } | null = null;
  const expected = [...BACKUP_RULES];

  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw badBackup(file, lineNo === 1 ? 'is not a Compendium backup (it does not start with a backup header)' : `is damaged: line ${lineNo} is not valid JSON`);
    }
  };
  const finishTable = async () => {
    if (!current) return;
    if (current.seen !== current.expected) throw badBackup(file, `is incomplete: table ${current.rules.table} should have ${current.expected} rows but has ${current.seen}`);
    counts[current.rules.table] = current.seen;
    await visitor.endTable?.(current.rules, current.seen);
    current = null;
  };

  try {
    for await (const line of readLines(gzipped ? raw.pipe(zlib.createGunzip()) : raw)) {
      lineNo++;
      if (end) {
        if (line === '') continue;
        throw badBackup(file, `has data after its end marker (line ${lineNo})`);
      }
      const value = parse(line);
      if (!header) {
        header = checkHeader(file, value, schema);
        digestLine(hash, line);
        await visitor.header?.(header);
        continue;
      }
      if (Array.isArray(value)) {
        if (!current) throw badBackup(file, `is damaged: line ${lineNo} is a row outside any table`);
        const cols = current.rules.columns;
        if (value.length !== cols.length) throw badBackup(file, `is damaged: line ${lineNo} has ${value.length} values where table ${current.rules.table} has ${cols.length} columns`);
        digestLine(hash, line);
        current.seen++;
        await visitor.row?.(current.rules, value as (string | null)[], lineNo, current.seen);
        continue;
      }
      const marker = (value ?? {}) as Partial<TableStart> & Partial<EndMarker>;
      await finishTable();
      if (marker.end) {
        if (expected.length) throw badBackup(file, `is incomplete: it has no table ${expected[0].table}`);
        end = marker as EndMarker;
        continue;
      }
      digestLine(hash, line);
      current = startTable(file, marker, expected.shift(), lineNo);
    }
  } catch (e) {
    raw.destroy();
    if (e instanceof ValidationError) throw e;
    if ((e as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw badBackup(file, `is incomplete or damaged (${(e as Error).message} after line ${lineNo})`);
    }
    throw e;
  }
  if (!header) throw badBackup(file, lineNo === 0 ? 'is empty' : 'is not a Compendium backup');
  if (!end) throw badBackup(file, `is incomplete: it stops after line ${lineNo}${current ? `, part-way through table ${(current as { rules: TableRules }).rules.table}` : ''}, before its end marker`);
  checkEnd(file, header, end, counts, hash.digest('hex'));
  return { header, end, counts, bytes: fs.statSync(file).size };
}

/** Whether FILE starts with the gzip magic bytes. */
function isGzipped(file: string): boolean {
  const magic = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, magic, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  return magic[0] === 0x1f && magic[1] === 0x8b;
}

/** Checks a table's start line against the table expected next; the table's reading state. */
function startTable(file: string, marker: Partial<TableStart>, next: TableRules | undefined, lineNo: number): { rules: TableRules; expected: number; seen: number } {
  const name = String(marker.table);
  if (!next || name !== next.table) throw badBackup(file, `is damaged: line ${lineNo} starts table ${name} where ${next?.table ?? 'the end marker'} was expected`);
  const names = next.columns.map((c) => c.name);
  if (JSON.stringify(marker.columns) !== JSON.stringify(names)) {
    throw badBackup(file, `has columns ${JSON.stringify(marker.columns)} for table ${name}, where this version has ${JSON.stringify(names)}`);
  }
  const rows = Number(marker.rows);
  if (!Number.isInteger(rows) || rows < 0) throw badBackup(file, `is damaged: line ${lineNo} gives table ${name} ${JSON.stringify(marker.rows)} rows`);
  return { rules: next, expected: rows, seen: 0 };
}

function checkHeader(file: string, value: unknown, ours: SchemaVersion): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== BACKUP_FORMAT) throw badBackup(file, 'is not a Compendium backup (it does not start with a backup header)');
  if (!READABLE_VERSIONS.includes(Number(h.version))) throw badBackup(file, `is backup format version ${h.version}, and this Compendium reads versions ${READABLE_VERSIONS.join(' and ')}`);
  if (h.schema?.migrations !== ours.migrations || h.schema?.latest !== ours.latest) {
    throw badBackup(file, `was made with database schema ${h.schema?.migrations} (${h.schema?.latest}) and this workspace has schema ${ours.migrations} (${ours.latest}); restore it with the Compendium version that made it`);
  }
  return h as BackupHeader;
}

function checkEnd(file: string, header: BackupHeader, end: EndMarker, counts: Record<string, number>, digest: string): void {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (header.version >= 2) {
    if (typeof end.sha256 !== 'string' || !end.counts) throw badBackup(file, 'is damaged: its end marker lacks the SHA-256 digest and row counts that this backup version carries');
    if (end.sha256 !== digest) throw badBackup(file, S.digestMismatch);
    for (const [table, n] of Object.entries(counts)) {
      if (end.counts[table] !== n) throw badBackup(file, S.countMismatch(table, Number(end.counts[table] ?? 0), n));
    }
  }
  if (end.rows !== total) throw badBackup(file, S.totalMismatch(Number(end.rows), total));
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
