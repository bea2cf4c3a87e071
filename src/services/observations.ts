// Indicator values: imported from CSV or XLSX (long or wide), all or nothing, through the bulk path.
import { randomUUID } from 'node:crypto';
import { dataPrecision, guessUnit, type Indicator, type WorkflowState } from '../domain/index.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import { frequencyOfPeriodKind } from '../ingest/indicator-fields.js';
import fs from 'node:fs';
import path from 'node:path';
import type { ObservationTableOptions, ObservationTableResult, ParsedObservation } from '../ingest/observation-table.js';
import { readObservations } from '../ingest/observation-read.js';
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

/** Each indicator's values in the file, for guessing how a new one is written. */
function valuesByCode(observations: ParsedObservation[]): (code: string) => (number | null)[] {
  const by = new Map<string, (number | null)[]>();
  for (const o of observations) {
    let list = by.get(o.indicatorCode);
    if (!list) by.set(o.indicatorCode, (list = []));
    list.push(o.value);
  }
  return (code) => by.get(code) ?? [];
}

/** The rows as columns, the shape the bulk upsert takes, and how many are blank. */
function observationColumns(observations: ParsedObservation[], indicatorId: (code: string) => string) {
  const n = observations.length;
  const columns = {
    indicatorIds: new Array<string>(n), areaCodes: new Array<string>(n), periodKeys: new Array<string>(n),
    values: new Array<number | null>(n), statuses: new Array<string>(n), notes: new Array<string | null>(n),
  };
  let missing = 0;
  observations.forEach((o, i) => {
    columns.indicatorIds[i] = indicatorId(o.indicatorCode);
    columns.areaCodes[i] = o.areaCode;
    columns.periodKeys[i] = o.periodKey;
    columns.values[i] = o.value;
    columns.statuses[i] = o.provisional ? 'provisional' : 'final';
    columns.notes[i] = o.note;
    if (o.value === null) missing++;
  });
  return { columns, missing };
}

/**
 * Rows per statement when the web server writes indicator values to the embedded database: each
 * statement holds the server's thread while it runs, and 500 rows take a few tens of milliseconds.
 */
const WEB_CHUNK = 500;

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
      const { file, rowCount } = read;
      let parsed: ObservationTableResult | undefined = read.parsed;
      // Reading and checking are one step (in a thread, for the web): both marks come when it is done.
      options.onProgress?.({ phase: 'check', done: 0, total: rowCount });
      options.onProgress?.({ phase: 'check', done: rowCount, total: rowCount });
      const headerProblems = parsed.problems.filter((p) => p.line === 1 && p.column === undefined);
      if (headerProblems.length) throw new ValidationError(`${file}: the columns are not as expected; nothing was imported`, headerProblems);
      if (parsed.problems.length && !options.skipInvalid) {
        throw new ValidationError(`${file}: ${parsed.problems.length} problem(s) in ${parsed.badLines.size} row(s); nothing was imported (use --skip-invalid to import the other rows)`, parsed.problems);
      }
      const { badLines, format, problems } = parsed;
      let observations: ParsedObservation[] | undefined = badLines.size ? parsed.observations.filter((o) => !badLines.has(o.line)) : parsed.observations;

      const { created, polarityChanges, idOf } = indicatorChanges(parsed.indicators, existing, file, valuesByCode(parsed.observations));
      const n = observations.length;
      const { columns, missing } = observationColumns(observations, (code) => idOf.get(code) ?? (existing.get(code.toLowerCase()) as Indicator).id);
      observations = undefined;
      parsed = undefined;

      const userId = options.userId ?? null;
      const counts = await db.transaction(async (tx) => {
        await insertIndicators(tx, created);
        for (const c of created) await appendAuditEvent(tx, { userId, action: 'create', entityType: 'indicator', entityId: c.id, after: c });
        for (const { before, after } of polarityChanges) {
          await updateIndicator(tx, before.id, { polarity: after.polarity });
          await appendAuditEvent(tx, { userId, action: 'update', entityType: 'indicator', entityId: before.id, before, after });
        }
        const result = await upsertObservations(tx, columns, {
          workflowState: options.workflowState ?? 'published', userId, rebuildIndexes: store.kind === 'pglite',
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
