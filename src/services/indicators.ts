// Indicator definitions: list, find, create, edit (audited), and import from a CSV or XLSX table.
import { randomUUID } from 'node:crypto';
import { Indicator, type Frequency, type Polarity, type Unit } from '../domain/index.js';
import { NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import { readFrequency, readPolarity, readUnit } from '../ingest/indicator-fields.js';
import { findColumn, readTable, type TableSource } from '../ingest/table-file.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { findIndicator, insertIndicators, listIndicators, updateIndicator, type IndicatorRow } from '../store/queries/indicators.js';
import { getPlanStructure } from '../store/queries/plans.js';
import type { PlanService } from './plans.js';

export interface IndicatorInput {
  code: string;
  title: string;
  unit?: Unit;
  decimalPlaces?: number;
  polarity?: Polarity;
  frequency?: Frequency;
  outcomeId?: string | null;
  themeId?: string | null;
  source?: string | null;
  definition?: string | null;
  changeTolerance?: number;
  ownerId?: string | null;
}

export const toIndicator = (r: IndicatorRow): Indicator => ({
  id: r.id, code: r.code, title: r.title, unit: r.unit as Unit, decimalPlaces: r.decimalPlaces, polarity: r.polarity as Polarity,
  frequency: r.frequency as Frequency, outcomeId: r.outcomeId, themeId: r.themeId, source: r.source, definition: r.definition,
  changeTolerance: r.changeTolerance, ownerId: r.ownerId,
});

const DEFAULTS = { unit: 'other', decimalPlaces: 1, polarity: 'none', frequency: 'annual-financial', outcomeId: null, themeId: null, source: null, definition: null, changeTolerance: 0, ownerId: null } as const;

/** A choice left out or not one of the list, said as what to choose rather than zod's list of options. */
const CHOOSE: Record<string, string> = {
  unit: 'Choose the unit the indicator is measured in', polarity: 'Choose whether higher or lower is better',
  frequency: 'Choose how often the indicator is measured',
};

function validate(candidate: unknown, where: Omit<FieldProblem, 'message' | 'field'> = {}): Indicator {
  const parsed = Indicator.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const field = i.path.join('.');
      return { ...where, field, message: i.code === 'invalid_value' && CHOOSE[field] ? CHOOSE[field] : i.message };
    });
    throw new ValidationError('The indicator is not valid', problems);
  }
  return parsed.data;
}

/** Columns of a definitions table and the names they are found under. */
const DEFINITION_COLUMNS = {
  code: ['code', 'indicator code', 'indicator', 'id', 'reference', 'ref'],
  title: ['title', 'name', 'indicator title', 'indicator name', 'measure', 'description'],
  unit: ['unit', 'units', 'measure unit'],
  decimalPlaces: ['decimal places', 'decimals', 'dp'],
  polarity: ['polarity', 'good is', 'direction', 'rank order', 'rank_order', 'better'],
  frequency: ['frequency', 'periodicity', 'reporting frequency'],
  outcome: ['outcome', 'priority', 'strategic outcome'],
  source: ['source', 'data source'],
  definition: ['definition', 'notes', 'methodology'],
  changeTolerance: ['change tolerance', 'tolerance'],
} as const;

/** What the indicator methods share: the database, finding an indicator, finding an outcome of the current plan. */
function indicatorServiceContext(store: Store, plans: PlanService) {
  const { db } = store;

  async function mustFind(codeOrId: string): Promise<IndicatorRow> {
    const row = await findIndicator(db, codeOrId);
    if (!row) throw new NotFoundError('Indicator', codeOrId);
    return row;
  }

  /** Outcomes of the current plan, found by id, slug or title. */
  async function outcomeFinder(): Promise<(text: string) => string | undefined> {
    const planId = await plans.currentPlanId();
    const structure = planId ? await getPlanStructure(db, planId) : undefined;
    const outcomes = structure?.outcomes ?? [];
    return (text) => {
      const t = text.trim().toLowerCase();
      return outcomes.find((o) => o.id === text.trim() || o.slug === t || o.title.toLowerCase() === t)?.id;
    };
  }

  return { db, mustFind, outcomeFinder };
}

type IndicatorServiceContext = ReturnType<typeof indicatorServiceContext>;

/** Listing, reading, creating and editing indicators. */
function indicatorEdits(context: IndicatorServiceContext) {
  const { db, mustFind } = context;
  return {
    async list(filter: { outcomeId?: string } = {}): Promise<Indicator[]> {
      const all = (await listIndicators(db)).map(toIndicator);
      return filter.outcomeId ? all.filter((i) => i.outcomeId === filter.outcomeId) : all;
    },

    /** By code (any case) or id. */
    async get(codeOrId: string): Promise<Indicator> {
      return toIndicator(await mustFind(codeOrId));
    },

    async create(input: IndicatorInput, userId: string | null = null): Promise<Indicator> {
      const indicator = validate({ ...DEFAULTS, ...input, id: randomUUID() });
      if (await findIndicator(db, indicator.code)) throw new ValidationError(`An indicator with code "${indicator.code}" already exists`, [{ field: 'code', message: 'codes must be unique' }]);
      await db.transaction(async (tx) => {
        await insertIndicators(tx, [indicator]);
        await bumpDataVersion(tx);
        await appendAuditEvent(tx, { userId, action: 'create', entityType: 'indicator', entityId: indicator.id, after: indicator });
      });
      return indicator;
    },

    async update(codeOrId: string, changes: Partial<IndicatorInput>, userId: string | null = null): Promise<Indicator> {
      const before = toIndicator(await mustFind(codeOrId));
      const after = validate({ ...before, ...changes, id: before.id });
      if (after.code.toLowerCase() !== before.code.toLowerCase()) {
        const clash = await findIndicator(db, after.code);
        if (clash) throw new ValidationError(`An indicator with code "${after.code}" already exists`, [{ field: 'code', message: 'codes must be unique' }]);
      }
      const { id: _id, ...set } = after;
      await db.transaction(async (tx) => {
        await updateIndicator(tx, before.id, set);
        await bumpDataVersion(tx);
        await appendAuditEvent(tx, { userId, action: 'update', entityType: 'indicator', entityId: before.id, before, after });
      });
      return after;
    },
  };
}

/** Importing indicator definitions from a table, all or nothing. */
function indicatorImports(context: IndicatorServiceContext) {
  const { db, outcomeFinder } = context;
  return {
    /**
     * Creates or updates indicators from a table with columns code, title, unit, decimal places,
     * polarity, frequency, outcome, source, definition (change tolerance optional). Every problem
     * is reported with its line and column; nothing is written when there is one.
     */
    async importDefinitions(source: TableSource, options: { userId?: string | null; sheet?: string } = {}): Promise<{ created: string[]; updated: string[]; unchanged: string[] }> {
      const table = await readTable(source, options);
      const { file, header } = table;
      const columns = Object.fromEntries(Object.entries(DEFINITION_COLUMNS).map(([k, names]) => [k, findColumn(header, names)])) as Record<keyof typeof DEFINITION_COLUMNS, number>;
      const problems: FieldProblem[] = [];
      if (columns.code < 0) problems.push({ file, line: 1, message: 'no code column' });
      if (columns.title < 0) problems.push({ file, line: 1, message: 'no title column' });
      if (problems.length) throw new ValidationError(`${file} is not an indicator definitions table`, problems);

      const findOutcome = await outcomeFinder();
      const existing = new Map((await listIndicators(db)).map((r) => [r.code.toLowerCase(), toIndicator(r)]));
      const seen = new Map<string, number>();
      const plan: { indicator: Indicator; before?: Indicator }[] = [];
      for (const { line, cells } of table.rows) {
        const cell = (k: keyof typeof DEFINITION_COLUMNS) => (columns[k] < 0 ? '' : (cells[columns[k]] ?? '').trim());
        const at = (k: keyof typeof DEFINITION_COLUMNS, message: string) => problems.push({ file, line, column: columns[k] + 1, field: header[columns[k]], message });
        const before = existing.get(cell('code').toLowerCase());
        const candidate: Record<string, unknown> = { ...(before ?? { ...DEFAULTS, id: randomUUID() }), code: cell('code'), title: cell('title') };
        const read = <T>(k: keyof typeof DEFINITION_COLUMNS, reader: (s: string) => T | null | undefined, what: string, field: string) => {
          if (columns[k] < 0 || cell(k) === '') return;
          const v = reader(cell(k));
          if (v === null || v === undefined) at(k, `"${cell(k)}" is not ${what}`);
          else candidate[field] = v;
        };
        read('unit', readUnit, 'a unit (percent, rate per 1,000, rate per 100,000, count, £, days, score, ratio, other)', 'unit');
        read('polarity', readPolarity, 'a polarity (higher, lower or none)', 'polarity');
        read('frequency', readFrequency, 'a frequency (annual, academic year, calendar year, quarterly, monthly, snapshot)', 'frequency');
        read('decimalPlaces', (s) => (/^\d+$/.test(s) ? Number(s) : null), 'a whole number of decimal places', 'decimalPlaces');
        read('changeTolerance', (s) => (Number.isFinite(Number(s)) && s !== '' ? Number(s) : null), 'a number', 'changeTolerance');
        read('outcome', findOutcome, "an outcome of the current plan (its title or slug)", 'outcomeId');
        for (const k of ['source', 'definition'] as const) if (columns[k] >= 0) candidate[k] = cell(k) || null;
        const first = seen.get(cell('code').toLowerCase());
        if (first !== undefined) at('code', `code "${cell('code')}" is already defined on line ${first}`);
        seen.set(cell('code').toLowerCase(), line);
        const parsed = Indicator.safeParse(candidate);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const key = (issue.path[0] === 'decimalPlaces' ? 'decimalPlaces' : issue.path[0]) as keyof typeof DEFINITION_COLUMNS;
            if (key in columns && columns[key] >= 0) at(key, issue.message);
            else problems.push({ file, line, field: issue.path.join('.'), message: issue.message });
          }
        } else plan.push({ indicator: parsed.data, before });
      }
      if (problems.length) throw new ValidationError(`${file}: ${problems.length} problem(s); nothing was imported`, problems);

      const result = { created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
      await db.transaction(async (tx) => {
        for (const { indicator, before } of plan) {
          if (!before) {
            await insertIndicators(tx, [indicator]);
            await appendAuditEvent(tx, { userId: options.userId ?? null, action: 'create', entityType: 'indicator', entityId: indicator.id, after: indicator });
            result.created.push(indicator.code);
          } else if (JSON.stringify(before) !== JSON.stringify(indicator)) {
            const { id: _id, ...set } = indicator;
            await updateIndicator(tx, before.id, set);
            await appendAuditEvent(tx, { userId: options.userId ?? null, action: 'update', entityType: 'indicator', entityId: before.id, before, after: indicator });
            result.updated.push(indicator.code);
          } else result.unchanged.push(indicator.code);
        }
        await bumpDataVersion(tx);
      });
      return result;
    },
  };
}

export function indicatorService(store: Store, plans: PlanService) {
  const context = indicatorServiceContext(store, plans);
  return { ...indicatorEdits(context), ...indicatorImports(context) };
}

export type IndicatorService = ReturnType<typeof indicatorService>;
