// Finance and population data: the published files imported through their presets (all files
// together, all or nothing), and derived indicators (funding per head) computed from them, stored as
// ordinary observations so that benchmarking, charts, reports and open data use them unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Indicator } from '../domain/index.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import {
  guessFinancePreset, parseFinancePreset, type FinanceIndicator, type PresetCounts, type PresetResult, type SkippedRow,
} from '../ingest/finance/index.js';
import { ALIGNMENT_RULE, computeDerived, type InputSeries } from '../stats/finance/derived.js';
import { parseFormula } from '../stats/finance/formula.js';
import type { Db, Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { deleteIndicatorValues, listDerivedMeasures, loadIndicatorValues, upsertDerivedMeasure } from '../store/queries/derivedMeasures.js';
import { getAreaDirectory } from '../store/queries/getAreaDirectory.js';
import { insertIndicators, listIndicators, updateIndicator } from '../store/queries/indicators.js';
import { upsertObservations, type ObservationColumns } from '../store/queries/upsertObservations.js';

export interface FinanceFile {
  /** A path, or an uploaded file's name and bytes. */
  source: string | { name: string; content: Buffer };
  /** One of FINANCE_PRESETS; guessed from the file's first rows when not given. */
  preset?: string;
  /** For a population estimate whose file name does not give its mid-year. */
  period?: string;
}

export interface FinanceFileResult {
  file: string;
  preset: string;
  encoding: string;
  counts: PresetCounts;
  skipped: SkippedRow[];
}

export interface FinanceImportResult {
  files: FinanceFileResult[];
  indicatorsCreated: string[];
  derived: DerivedSummary[];
}

export interface DerivedSummary {
  code: string;
  values: number;
  missing: number;
}

/** Derived indicators created with the first import that brings their inputs. */
export const DEFAULT_DERIVED: { code: string; title: string; formula: string; definition: string }[] = [
  {
    code: 'FIN-SP-PER-HEAD', title: 'Spending power per head', formula: '[FIN-SPENDING-POWER] * 1000000 / [POP-ALL-AGES]',
    definition: 'Spending power (£ million) × 1,000,000 ÷ population of all ages, in pounds per resident.',
  },
  {
    code: 'FIN-ASC-PER-65', title: 'Adult social care spend per person aged 65 and over', formula: '[RO-ADULT-SOCIAL-CARE] * 1000 / [POP-65-PLUS]',
    definition: 'Adult social care net current expenditure (£ thousand) × 1,000 ÷ population aged 65 and over, in pounds.',
  },
];

function readSource(f: FinanceFile): { name: string; content: Buffer } {
  if (typeof f.source !== 'string') return f.source;
  const name = path.basename(f.source);
  try {
    return { name, content: fs.readFileSync(f.source) };
  } catch (e) {
    throw new ValidationError(`Cannot read ${name}`, [{ file: name, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message }]);
  }
}

const indicatorRow = (d: FinanceIndicator, polarity: Indicator['polarity'] = 'none'): Indicator => ({
  id: randomUUID(), code: d.code, title: d.title, unit: d.unit, decimalPlaces: d.decimalPlaces, polarity, frequency: d.frequency,
  outcomeId: null, themeId: null, source: d.source, definition: d.definition, changeTolerance: 0, ownerId: null,
});

/** Recomputes every derived indicator from its inputs' published values, inside the caller's transaction. */
export async function recomputeDerivedIn(tx: Db, userId: string | null): Promise<DerivedSummary[]> {
  const measures = await listDerivedMeasures(tx);
  if (!measures.length) return [];
  const byCode = new Map((await listIndicators(tx)).map((i) => [i.code, i]));
  const summaries: DerivedSummary[] = [];
  for (const m of measures) {
    const parsed = parseFormula(m.formula);
    if (!parsed.ok) throw new ValidationError(`The formula of ${m.code} is not valid`, [{ field: 'formula', message: parsed.error }]);
    const inputs = new Map<string, InputSeries>();
    const refs = parsed.refs.map((c) => byCode.get(c)).filter((i) => i !== undefined);
    for (const i of refs) inputs.set(i.code, { code: i.code, snapshot: i.frequency === 'snapshot', byArea: new Map() });
    for (const r of await loadIndicatorValues(tx, refs.map((i) => i.id))) {
      const series = [...inputs.values()].find((s) => byCode.get(s.code)?.id === r.indicatorId) as InputSeries;
      let points = series.byArea.get(r.areaCode);
      if (!points) series.byArea.set(r.areaCode, (points = new Map()));
      points.set(r.periodKey, { value: r.value, note: r.note });
    }
    const values = computeDerived(parsed.formula, parsed.refs, inputs);
    await deleteIndicatorValues(tx, m.indicatorId);
    const columns: ObservationColumns = {
      indicatorIds: values.map(() => m.indicatorId), areaCodes: values.map((v) => v.areaCode), periodKeys: values.map((v) => v.periodKey),
      values: values.map((v) => v.value), statuses: values.map(() => 'final'), notes: values.map((v) => v.note),
    };
    if (values.length) await upsertObservations(tx, columns, { workflowState: 'published', userId });
    summaries.push({ code: m.code, values: values.length, missing: values.filter((v) => v.value === null).length });
  }
  await bumpDataVersion(tx);
  return summaries;
}

/** Creates the default derived indicators whose inputs all exist and that are not there yet. */
async function ensureDefaultDerived(tx: Db, known: Set<string>): Promise<string[]> {
  const created: string[] = [];
  for (const d of DEFAULT_DERIVED) {
    const parsed = parseFormula(d.formula);
    if (known.has(d.code) || !parsed.ok || !parsed.refs.every((r) => known.has(r))) continue;
    const indicator = indicatorRow({
      code: d.code, title: d.title, unit: 'gbp', decimalPlaces: 1, frequency: 'annual-financial',
      definition: `${d.definition} Formula: ${d.formula}. Period alignment: ${ALIGNMENT_RULE}.`, source: 'Derived from the published figures of its inputs',
    }, 'higher'); // more money per resident counts as better, so councils are ranked and banded
    await insertIndicators(tx, [indicator]);
    await upsertDerivedMeasure(tx, indicator.id, d.formula);
    known.add(d.code);
    created.push(d.code);
  }
  return created;
}


/** Writes parsed files in the caller's transaction: indicators first, then values, then derived ones. */
async function writeImport(tx: Db, parsed: PresetResult[], userId: string | null): Promise<FinanceImportResult> {
  const existing = new Map((await listIndicators(tx)).map((i) => [i.code, i]));
  const created: string[] = [];
  const ids = new Map<string, string>();
  for (const def of new Map(parsed.flatMap((p) => p.indicators.map((d) => [d.code, d] as const))).values()) {
    const old = existing.get(def.code);
    if (old) {
      await updateIndicator(tx, old.id, { unit: def.unit, source: def.source, definition: old.definition ?? def.definition });
      ids.set(def.code, old.id);
      continue;
    }
    const row = indicatorRow(def);
    await insertIndicators(tx, [row]);
    await appendAuditEvent(tx, { userId, action: 'create', entityType: 'indicator', entityId: row.id, after: row });
    ids.set(def.code, row.id);
    created.push(def.code);
  }
  for (const p of parsed) {
    const v = p.values;
    const columns: ObservationColumns = {
      indicatorIds: v.map((x) => ids.get(x.indicatorCode) as string), areaCodes: v.map((x) => x.areaCode), periodKeys: v.map((x) => x.periodKey),
      values: v.map((x) => x.value), statuses: v.map(() => 'final'), notes: v.map((x) => x.note),
    };
    await upsertObservations(tx, columns, { workflowState: 'published', userId });
    await appendAuditEvent(tx, { userId, action: 'import', entityType: 'observations', entityId: p.file, after: { preset: p.preset, encoding: p.encoding, ...p.counts } });
  }
  created.push(...await ensureDefaultDerived(tx, new Set([...existing.keys(), ...ids.keys()])));
  const derived = await recomputeDerivedIn(tx, userId);
  return { files: parsed.map((p) => ({ file: p.file, preset: p.preset, encoding: p.encoding, counts: p.counts, skipped: p.skipped })), indicatorsCreated: created, derived };
}

export function financeDataService(store: Store) {
  const { db } = store;
  return {
    /** Imports published files with their presets, all in one transaction, then recomputes derived indicators. */
    async importFiles(files: FinanceFile[], options: { userId?: string | null } = {}): Promise<FinanceImportResult> {
      const areaCodes = new Set((await getAreaDirectory(db)).map((a) => a.code));
      const parsed: PresetResult[] = files.map((f) => {
        const { name, content } = readSource(f);
        const preset = f.preset ?? guessFinancePreset(content);
        if (!preset) throw new ValidationError(`${name}: not a known published format; name one with --preset`, [{ file: name, message: 'no preset given and none recognised from the first rows' }]);
        return parseFinancePreset(preset, content, name, { isArea: (c) => areaCodes.has(c), period: f.period });
      });
      const problems: FieldProblem[] = parsed.flatMap((p) => p.problems);
      if (problems.length) throw new ValidationError(`${problems.length} problem(s) in ${parsed.filter((p) => p.problems.length).map((p) => p.file).join(', ')}; nothing was imported`, problems);
      const userId = options.userId ?? null;
      return db.transaction((tx) => writeImport(tx, parsed, userId));
    },

    /** Recomputes every derived indicator now (after values were changed another way). */
    async recompute(options: { userId?: string | null } = {}): Promise<DerivedSummary[]> {
      return db.transaction((tx) => recomputeDerivedIn(tx, options.userId ?? null));
    },

    /** Defines (or redefines) a derived indicator by a formula of others, and computes it. */
    async define(input: { code: string; title: string; formula: string; unit?: Indicator['unit']; decimalPlaces?: number; userId?: string | null }): Promise<DerivedSummary[]> {
      const parsed = parseFormula(input.formula);
      if (!parsed.ok) throw new ValidationError(`The formula is not valid: ${parsed.error}`, [{ field: 'formula', message: parsed.error }]);
      return db.transaction(async (tx) => {
        const known = new Map((await listIndicators(tx)).map((i) => [i.code, i]));
        const unknown = parsed.refs.filter((r) => !known.has(r));
        if (unknown.length) throw new ValidationError(`The formula names indicators that do not exist: ${unknown.join(', ')}`, [{ field: 'formula', message: `no indicator ${unknown[0]}` }]);
        let id = known.get(input.code)?.id;
        if (id && !(await listDerivedMeasures(tx)).some((m) => m.indicatorId === id)) {
          throw new ValidationError(`${input.code} is an indicator with values of its own; give the derived one another code`, [{ field: 'code', message: 'already an ordinary indicator' }]);
        }
        if (!id) {
          const row = indicatorRow({ code: input.code, title: input.title, unit: input.unit ?? 'other', decimalPlaces: input.decimalPlaces ?? 1, frequency: 'annual-financial', definition: `Formula: ${input.formula}. Period alignment: ${ALIGNMENT_RULE}.`, source: 'Derived' });
          await insertIndicators(tx, [row]);
          id = row.id;
        }
        await upsertDerivedMeasure(tx, id, input.formula);
        await appendAuditEvent(tx, { userId: input.userId ?? null, action: 'define', entityType: 'derived-measure', entityId: input.code, after: { formula: input.formula } });
        return recomputeDerivedIn(tx, input.userId ?? null);
      });
    },
  };
}

export type FinanceDataService = ReturnType<typeof financeDataService>;
