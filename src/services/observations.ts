// Indicator values: imported from CSV or XLSX (long or wide), all or nothing, through the bulk path.
import { randomUUID } from 'node:crypto';
import { dataPrecision, guessUnit, type Indicator, type WorkflowState } from '../domain/index.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import { frequencyOfPeriodKind } from '../ingest/indicator-fields.js';
import fs from 'node:fs';
import path from 'node:path';
import type { ObservationTableOptions, ObservationTableResult } from '../ingest/observation-table.js';
import { readObservations, type PackedObservations } from '../ingest/observation-read.js';
import { readTable, type TableSource } from '../ingest/table-file.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { getAreaDirectory } from '../store/queries/getAreaDirectory.js';
import { insertIndicators, listIndicators, updateIndicator } from '../store/queries/indicators.js';
import { upsertObservations } from '../store/queries/upsertObservations.js';
import { toIndicator } from './indicators.js';

export interface ImportProgress {
  phase: 'check' | 'write';
  done: number;
  total: number;
}

export interface ObservationImportOptions extends ObservationTableOptions {
  /** Import the good rows and list the bad ones instead of refusing the whole file. */
  skipInvalid?: boolean;
  userId?: string | null;
  /** Workflow state of the imported values; published (the default) is what benchmarking uses. */
  workflowState?: WorkflowState;
  sheet?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Read and check the file in a worker thread (the web server does, to keep answering meanwhile). */
  thread?: boolean;
}

export interface ObservationImportResult {
  file: string;
  format: 'long' | 'wide';
  /** Values written (inserted, updated or unchanged), blanks included. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Of those, how many are blank (missing). */
  missing: number;
  indicatorsCreated: string[];
  /** Existing indicators whose polarity the file changed. */
  indicatorsUpdated: string[];
  /** Problems of the rows left out under skipInvalid. */
  skipped: FieldProblem[];
}

/**
 * The indicators a file mentions: new ones to create (named by code, polarity from the file), and
 * old ones whose polarity the file changes. `existing` (by lower-case code) gains the new ones.
 */
function indicatorChanges(mentioned: ObservationTableResult['indicators'], existing: Map<string, Indicator>, file: string, valuesOf: (code: string) => (number | null)[]) {
  const created: Indicator[] = [];
  const polarityChanges: { before: Indicator; after: Indicator }[] = [];
  const idOf = new Map<string, string>();
  for (const [code, hints] of mentioned) {
    const old = existing.get(code.toLowerCase());
    if (old) {
      idOf.set(code, old.id);
      if (hints.polarity && hints.polarity !== old.polarity) polarityChanges.push({ before: old, after: { ...old, polarity: hints.polarity } });
      continue;
    }
    const indicator: Indicator = {
      // Unit and decimal places guessed from the name and the file's own values (editable afterwards).
      id: randomUUID(), code, title: hints.title ?? code, unit: guessUnit(hints.title ?? code, valuesOf(code)), decimalPlaces: dataPrecision(valuesOf(code)), polarity: hints.polarity ?? 'none',
      frequency: frequencyOfPeriodKind(hints.firstPeriod.kind), outcomeId: null, themeId: null, source: file, definition: null,
      changeTolerance: 0, ownerId: null,
    };
    created.push(indicator);
    existing.set(code.toLowerCase(), indicator);
    idOf.set(code, indicator.id);
  }
  return { created, polarityChanges, idOf };
}

/** Each indicator's values in the file (every row, good or bad), for guessing how a new one is written. */
function valuesByCode(rows: PackedObservations): (code: string) => (number | null)[] {
  const by: (number | null)[][] = rows.codes.map(() => []);
  for (let i = 0; i < rows.count; i++) by[rows.code[i]].push(rows.blank[i] ? null : rows.values[i]);
  const at = new Map(rows.codes.map((c, k) => [c, k]));
  return (code) => by[at.get(code) ?? -1] ?? [];
}

/** The rows (those not on `badLines`) as columns, the shape the bulk upsert takes, and how many are blank. */
function observationColumns(rows: PackedObservations, badLines: Set<number>, indicatorId: (code: string) => string) {
  const ids = rows.codes.map(indicatorId);
  const noteOf: (string | null)[] = new Array<string | null>(rows.count).fill(null);
  for (const [i, note] of rows.notes) noteOf[i] = note;
  const keep = (i: number) => !badLines.size || !badLines.has(rows.lines[i]);
  let n = 0;
  for (let i = 0; i < rows.count; i++) if (keep(i)) n++;
  const columns = {
    indicatorIds: new Array<string>(n), areaCodes: new Array<string>(n), periodKeys: new Array<string>(n),
    values: new Array<number | null>(n), statuses: new Array<string>(n), notes: new Array<string | null>(n),
  };
  let missing = 0;
  for (let i = 0, k = 0; i < rows.count; i++) {
    if (!keep(i)) continue;
    const blank = rows.blank[i] === 1;
    columns.indicatorIds[k] = ids[rows.code[i]];
    columns.areaCodes[k] = rows.areas[rows.area[i]];
    columns.periodKeys[k] = rows.periods[rows.period[i]];
    columns.values[k] = blank ? null : rows.values[i];
    columns.statuses[k] = rows.provisional[i] ? 'provisional' : 'final';
    columns.notes[k] = noteOf[i];
    if (blank) missing++;
    k++;
  }
  return { columns, missing };
}

/**
 * Rows per statement when the web server writes indicator values to the embedded database: each
 * statement holds the server's thread while it runs (PGlite runs in it), and 200 rows take about ten
 * milliseconds. The web server also keeps the table's indexes while it writes: dropping and building
 * them again (what the command line does for a first large import, being faster overall) is one
 * statement per index that held the server for a third to two thirds of a second on 120,000 values.
 */
const WEB_CHUNK = 200;

export function observationService(store: Store) {
  const { db } = store;
  return {
    async import(source: TableSource, options: ObservationImportOptions = {}): Promise<ObservationImportResult> {
      // The parsed rows are dropped (set to undefined) before writing: on a large file they are
      // hundreds of megabytes the garbage collector would otherwise keep walking.
      const existing = new Map((await listIndicators(db)).map((r) => [r.code.toLowerCase(), toIndicator(r)]));
      const areaCodes = (await getAreaDirectory(db)).map((a) => a.code);
      const academicCodes = [...existing].filter(([, i]) => i.frequency === 'annual-academic').map(([code]) => code);
      // A path that cannot be read is left to readTable, which says so in its own words.
      const content = typeof source === 'string' ? await fs.promises.readFile(source).catch(() => undefined) : typeof source.content === 'string' ? Buffer.from(source.content) : source.content;
      const name = typeof source === 'string' ? path.basename(source) : source.name;
      if (content === undefined) await readTable(source);
      const read = await readObservations({
        source: { name, content: content ?? new Uint8Array() }, sheet: options.sheet, areaCodes, academicCodes,
        options: { map: options.map, polarityFrom: options.polarityFrom, format: options.format },
      }, { thread: options.thread });
      const { file, rowCount, parsed } = read;
      let rows: PackedObservations | undefined = read.rows;
      // Reading and checking are one step (in a thread, for the web): both marks come when it is done.
      options.onProgress?.({ phase: 'check', done: 0, total: rowCount });
      options.onProgress?.({ phase: 'check', done: rowCount, total: rowCount });
      const headerProblems = parsed.problems.filter((p) => p.line === 1 && p.column === undefined);
      if (headerProblems.length) throw new ValidationError(`${file}: the columns are not as expected; nothing was imported`, headerProblems);
      if (parsed.problems.length && !options.skipInvalid) {
        throw new ValidationError(`${file}: ${parsed.problems.length} problem(s) in ${parsed.badLines.size} row(s); nothing was imported (use --skip-invalid to import the other rows)`, parsed.problems);
      }
      const { badLines, format, problems } = parsed;
      const { created, polarityChanges, idOf } = indicatorChanges(parsed.indicators, existing, file, valuesByCode(rows));
      const { columns, missing } = observationColumns(rows, badLines, (code) => idOf.get(code) ?? (existing.get(code.toLowerCase()) as Indicator).id);
      const n = columns.indicatorIds.length;
      rows = undefined;

      const userId = options.userId ?? null;
      const counts = await db.transaction(async (tx) => {
        await insertIndicators(tx, created);
        for (const c of created) await appendAuditEvent(tx, { userId, action: 'create', entityType: 'indicator', entityId: c.id, after: c });
        for (const { before, after } of polarityChanges) {
          await updateIndicator(tx, before.id, { polarity: after.polarity });
          await appendAuditEvent(tx, { userId, action: 'update', entityType: 'indicator', entityId: before.id, before, after });
        }
        const result = await upsertObservations(tx, columns, {
          workflowState: options.workflowState ?? 'published', userId, rebuildIndexes: store.kind === 'pglite' && !options.thread,
          // In a thread's caller (the web server), small steps on the embedded database let it go on answering.
          chunk: options.thread && store.kind === 'pglite' ? WEB_CHUNK : undefined,
          onProgress: (done) => options.onProgress?.({ phase: 'write', done, total: n }),
        });
        await bumpDataVersion(tx);
        await appendAuditEvent(tx, {
          userId, action: 'import', entityType: 'observations', entityId: file,
          after: { format, rows: n, ...result, missing, skippedRows: badLines.size, indicatorsCreated: created.map((c) => c.code) },
        });
        return result;
      });
      return {
        file, format, rows: n, ...counts, missing,
        indicatorsCreated: created.map((c) => c.code), indicatorsUpdated: polarityChanges.map((c) => c.after.code),
        skipped: options.skipInvalid ? problems : [],
      };
    },
  };
}

export type ObservationService = ReturnType<typeof observationService>;
