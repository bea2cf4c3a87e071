// Funding comparisons and fair-funding what-if models over the imported spending power and
// population: data read once per data version, decisions made by the pure functions in stats/finance.
import { formatPeriod, parsePeriod, periodOf } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { POPULATION, SPENDING_POWER } from '../ingest/finance/index.js';
import { dateWithin } from '../stats/finance/derived.js';
import { runWhatIf, WeightsError, type DriverWeight, type WhatIfCouncil, type WhatIfResult } from '../stats/finance/fair-funding.js';
import { compareFunding, NATIONAL_AVERAGE_RULE, type CouncilFunding, type FundingComparison } from '../stats/finance/funding-compare.js';
import type { Db, Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getDataVersion } from '../store/queries/dataVersion.js';
import { loadIndicatorValues } from '../store/queries/derivedMeasures.js';
import { getFundingModel, insertFundingModel, listFundingModels, type FundingModelRow } from '../store/queries/fundingModels.js';
import { getAreaDirectory, type AreaEntry } from '../store/queries/getAreaDirectory.js';
import { listIndicators } from '../store/queries/indicators.js';
import { loadStoredGroups, resolveGroup } from './groups.js';

export const PER_HEAD = 'FIN-SP-PER-HEAD';
export const NATIONAL = 'english-upper-tier';
export const DEFAULT_WEIGHTS: DriverWeight[] = [
  { indicator: 'POP-65-PLUS', weight: 40 }, { indicator: 'POP-0-17', weight: 30 }, { indicator: POPULATION, weight: 30 },
];

type Point = { value: number | null; note: string | null };
/** indicator code → area → period key → value. */
type Values = Map<string, Map<string, Map<string, Point>>>;

export interface ComparisonView extends FundingComparison {
  periodKey: string;
  periodLabel: string;
  groupLabel: string;
  nationalRule: string;
}

export interface WhatIfView extends WhatIfResult {
  periodKey: string;
  periodLabel: string;
  scopeLabel: string;
  model?: { name: string; version: number };
}

interface FundingData {
  version: number;
  areas: AreaEntry[];
  values: Values;
  codes: Set<string>;
}

/** Spending power, per head and every "as at" indicator (populations), by code, area and period. */
async function loadFundingData(db: Db, version: number): Promise<FundingData> {
  const indicators = await listIndicators(db);
  const wanted = indicators.filter((i) => i.code === SPENDING_POWER || i.code === PER_HEAD || i.code.startsWith('POP-') || i.frequency === 'snapshot');
  const codeOf = new Map(wanted.map((i) => [i.id, i.code]));
  const values: Values = new Map();
  for (const r of await loadIndicatorValues(db, wanted.map((i) => i.id))) {
    const code = codeOf.get(r.indicatorId) as string;
    let byArea = values.get(code);
    if (!byArea) values.set(code, (byArea = new Map()));
    let byPeriod = byArea.get(r.areaCode);
    if (!byPeriod) byArea.set(r.areaCode, (byPeriod = new Map()));
    byPeriod.set(r.periodKey, { value: r.value, note: r.note });
  }
  return { version, areas: await getAreaDirectory(db), values, codes: new Set(indicators.map((i) => i.code)) };
}

/** A value at a financial year, or (for an "as at" indicator) at the date within it. */
function at(values: Values, code: string, area: string, periodKey: string): Point | undefined {
  const byPeriod = values.get(code)?.get(area);
  if (!byPeriod) return undefined;
  return byPeriod.get(periodKey) ?? byPeriod.get(dateWithin(byPeriod.keys(), periodKey) ?? '');
}

/** The period asked for, or the latest with spending power. */
function periodKeyOf(text: string | undefined, values: Values): string {
  if (!text) {
    const keys = new Set([...(values.get(SPENDING_POWER)?.values() ?? [])].flatMap((m) => [...m.keys()]));
    const latest = [...keys].sort().pop();
    if (!latest) throw new NotFoundError('Spending power values', '(none imported: run compendium funding import first)');
    return latest;
  }
  const p = parsePeriod(text);
  if (!p.ok) throw new ValidationError(`"${text}" is not a period`, [{ field: 'period', message: p.error }]);
  return p.period.key;
}

function councilFunding(values: Values, a: AreaEntry, periodKey: string): CouncilFunding {
  const perHead = at(values, PER_HEAD, a.code, periodKey);
  const reason = perHead?.value === null ? (perHead.note ?? 'missing').replace(/^Missing: /, '').replace(/\. Derived:.*$/, '') : perHead ? null : 'no spending power per head figure';
  return {
    code: a.code, name: a.shortName, spendingPower: at(values, SPENDING_POWER, a.code, periodKey)?.value ?? null,
    population: at(values, POPULATION, a.code, periodKey)?.value ?? null, perHead: perHead?.value ?? null, missingReason: reason,
  };
}

async function groupMembers(db: Db, name: string, anchor: string | null, periodKey: string, areas: AreaEntry[]) {
  const group = resolveGroup(name, anchor, periodKey, areas, await loadStoredGroups(db, name));
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return { label: group.label, areas: group.memberCodes.map((c) => byCode.get(c)).filter((a) => a !== undefined) };
}

export function fundingService(store: Store) {
  const { db } = store;
  let cache: FundingData | undefined;
  /** The data, read again when any process has changed values. */
  async function data(): Promise<FundingData> {
    const version = await getDataVersion(db);
    if (cache?.version !== version) cache = await loadFundingData(db, version);
    return cache;
  }
  const members = (name: string, anchor: string | null, periodKey: string, areas: AreaEntry[]) => groupMembers(db, name, anchor, periodKey, areas);

  return {
    /** The council's funding per head against a group: rank, gaps, group median, national average. */
    async compare(q: { area: string; group?: string; period?: string }): Promise<ComparisonView> {
      const d = await data();
      const periodKey = periodKeyOf(q.period, d.values);
      if (!d.areas.some((a) => a.code === q.area)) throw new NotFoundError('Area', q.area);
      const group = await members(q.group ?? NATIONAL, q.area, periodKey, d.areas);
      const national = await members(NATIONAL, null, periodKey, d.areas);
      if (!group.areas.some((a) => a.code === q.area)) group.areas.push(d.areas.find((a) => a.code === q.area) as AreaEntry);
      const fund = (a: AreaEntry) => councilFunding(d.values, a, periodKey);
      const result = compareFunding(q.area, group.areas.map(fund), national.areas.map(fund));
      return { ...result, periodKey, periodLabel: formatPeriod(periodOf(periodKey)), groupLabel: group.label, nationalRule: NATIONAL_AVERAGE_RULE };
    },

    /** Runs a what-if model over a group (default every upper-tier council) without saving it. */
    async whatIf(q: { weights?: DriverWeight[]; scope?: string; period?: string; total?: number }): Promise<WhatIfView> {
      const d = await data();
      const weights = q.weights ?? DEFAULT_WEIGHTS;
      const unknown = weights.find((w) => !d.codes.has(w.indicator));
      if (unknown) throw new ValidationError(`No indicator ${unknown.indicator} to use as a cost driver`, [{ field: 'weights', message: `no indicator ${unknown.indicator}` }]);
      const periodKey = periodKeyOf(q.period, d.values);
      const scope = await members(q.scope ?? NATIONAL, null, periodKey, d.areas);
      const councils: WhatIfCouncil[] = scope.areas.map((a) => ({
        code: a.code, name: a.shortName, actual: at(d.values, SPENDING_POWER, a.code, periodKey)?.value ?? null,
        population: at(d.values, POPULATION, a.code, periodKey)?.value ?? null,
        drivers: Object.fromEntries(weights.map((w) => [w.indicator, at(d.values, w.indicator, a.code, periodKey)?.value ?? null])),
      }));
      try {
        const result = runWhatIf(councils, weights, q.total);
        return { ...result, periodKey, periodLabel: formatPeriod(periodOf(periodKey)), scopeLabel: scope.label };
      } catch (e) {
        if (e instanceof WeightsError) throw new ValidationError(`The model cannot be run: ${e.message}`, [{ field: 'weights', message: e.message }]);
        throw e;
      }
    },

    /** Saves a model as the next version of its name (checked by running it first). */
    async saveModel(m: { name: string; weights: DriverWeight[]; scope?: string; period?: string; userId?: string | null }): Promise<FundingModelRow> {
      if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}$/.test(m.name)) throw new ValidationError('A model needs a name of letters, digits, spaces, dots, dashes or underscores', [{ field: 'name', message: 'not a usable name' }]);
      const run = await this.whatIf(m);
      const row = await db.transaction(async (tx) => {
        const saved = await insertFundingModel(tx, { id: crypto.randomUUID(), name: m.name, totalIndicator: SPENDING_POWER, periodKey: run.periodKey, scope: m.scope ?? NATIONAL, weights: m.weights, createdBy: m.userId ?? null });
        await appendAuditEvent(tx, { userId: m.userId ?? null, action: 'save', entityType: 'funding-model', entityId: saved.id, after: saved });
        return saved;
      });
      return row;
    },

    listModels: () => listFundingModels(db),

    /** Runs a saved model (latest version unless one is given). */
    async runModel(name: string, version?: number): Promise<WhatIfView> {
      const model = await getFundingModel(db, name, version);
      if (!model) throw new NotFoundError('Funding model', version ? `${name} version ${version}` : name);
      const run = await this.whatIf({ weights: model.weights, scope: model.scope, period: model.periodKey });
      return { ...run, model: { name: model.name, version: model.version } };
    },
  };
}

export type FundingService = ReturnType<typeof fundingService>;
