// The public site's indicators: the plan's list, each one's published values, the performance
// snapshot on the home page and the figures of an indicator's page.
import { comparePeriodKeys } from '../../domain/index.js';
import type { Compendium, CompendiumRow, CompendiumSummary, IndicatorHistory } from '../../domain/performance.js';
import { NotFoundError } from '../../errors.js';
import { periodLabel } from '../../present/format.js';
import { summarise } from '../../stats/index.js';
import type { Store } from '../../store/index.js';
import { getDataVersion } from '../../store/queries/dataVersion.js';
import { getSetting } from '../../store/queries/settings.js';
import { listCouncilValuePeriods } from '../../store/queries/listCouncilValuePeriods.js';
import { listPeerValues } from '../../store/queries/listPeerValues.js';
import { listPlanIndicators, type PlanIndicatorRow } from '../../store/queries/listPlanIndicators.js';
import { listPublishedObservations } from '../../store/queries/listPublishedObservations.js';
import type { PlanStructure } from '../../store/queries/plans.js';
import type { GroupService } from '../groups.js';
import type { PerformanceService } from '../performance.js';
import type { SitePlanService } from './current-plan.js';
import type { PlanService } from '../plans.js';

/** Every indicator at its latest period with a value for the council, against one comparator group. */
export interface PerformanceSnapshot {
  area: Compendium['area'];
  group: Compendium['group'];
  rows: CompendiumRow[];
  summary: CompendiumSummary;
}

/** A peer council's value, for the benchmark chart and table. */
export interface PeerValue {
  code: string;
  name: string;
  value: number | null;
}

type Deps = { store: Store; sitePlan: SitePlanService; plans: PlanService; performance: PerformanceService; groups: GroupService };

/** Each plan indicator's newest period with a value for the council; the newest period of all for the rest. */
async function snapshotPeriods(deps: Deps, council: string, ids: Set<string>, newest: string) {
  const latest = new Map<string, string>();
  for (const { indicatorId, periodKey } of await listCouncilValuePeriods(deps.store.db, council, [...ids])) {
    const had = latest.get(indicatorId);
    if (!had || comparePeriodKeys(periodKey, had) > 0) latest.set(indicatorId, periodKey);
  }
  const periods = new Set([...latest.values()]);
  if (latest.size < ids.size) periods.add(newest);
  return { latest, periods: [...periods].sort(comparePeriodKeys).reverse() };
}

/**
 * Each of the plan's indicators (those under its outcomes) at the newest period in which the
 * council has a published value (or, with none, the newest period of all), against the
 * workspace's default group (or the one named).
 */
export async function performanceSnapshot(deps: Deps, structure: PlanStructure | undefined, group?: string): Promise<PerformanceSnapshot | undefined> {
  if (!structure) return undefined;
  const ids = new Set((await listPlanIndicators(deps.store.db, structure.plan.id)).filter((i) => i.outcomeId !== null).map((i) => i.id));
  return buildSnapshot(deps, structure, ids, group);
}

async function buildSnapshot(deps: Deps, structure: PlanStructure, ids: Set<string>, group: string | undefined): Promise<PerformanceSnapshot | undefined> {
  const allPeriods = await deps.performance.periods();
  if (allPeriods.length === 0) return undefined;
  const council = structure.plan.councilCode;
  const { latest, periods } = await snapshotPeriods(deps, council, ids, allPeriods[0]);
  const rows = new Map<string, CompendiumRow>();
  let head: Compendium | undefined;
  for (const period of periods) {
    const c = await deps.performance.compendium({ area: council, group, period });
    head ??= c;
    for (const row of c.rows) {
      const id = row.indicator.id;
      if (ids.has(id) && !rows.has(id) && (latest.get(id) ?? allPeriods[0]) === period) rows.set(id, row);
    }
  }
  if (!head) return undefined;
  const list = [...rows.values()].sort((a, b) => a.indicator.code.localeCompare(b.indicator.code));
  return { area: head.area, group: head.group, rows: list, summary: summarise(list) };
}

/** The plan an indicator is shown under: its outcome's plan (or, for one under no outcome, the plan in force in the period). */
export interface IndicatorPlan { slug: string; title: string; years: string; current: boolean }

/**
 * An indicator by its code, as of a period (default: the latest published, see structureFor): first
 * among the indicators of the plan in force then, else among every other plan's, newest plan first,
 * so that an indicator of an earlier plan is still found; with the plan it belongs to.
 */
async function indicatorByCode(deps: Deps, code: string, periodText?: string): Promise<PlanIndicatorRow & { plan: IndicatorPlan }> {
  const { structure } = await deps.sitePlan.structureFor(periodText);
  const plans = await deps.plans.summaries();
  const inForce = plans.find((p) => p.id === structure.plan.id);
  const order = [...(inForce ? [inForce] : []), ...plans.filter((p) => p !== inForce).sort((a, b) => b.startDate.localeCompare(a.startDate))];
  for (const p of order) {
    const [indicator] = await listPlanIndicators(deps.store.db, p.id, code);
    if (indicator) return { ...indicator, plan: { slug: p.slug, title: p.title, years: p.years, current: p.current } };
  }
  throw new NotFoundError('Indicator', code);
}

/** Every member of the group the row was compared with, and the council itself, with their values. */
async function peerValues(deps: Deps, indicatorId: string, area: string, own: Compendium): Promise<PeerValue[]> {
  const members = (await deps.groups.resolve(own.group.name, area, own.periodKey)).memberCodes;
  const codes = members.includes(area) ? members : [...members, area];
  return (await listPeerValues(deps.store.db, { indicatorIds: [indicatorId], areaCodes: codes, periodKey: own.periodKey }))
    .map((v) => ({ code: v.code, name: v.name, value: v.value }));
}

/**
 * One indicator's figures for its page: its row for the chosen period (default: the newest with a
 * value), its history against the group, and every group member's value in that period.
 */
async function indicatorPerformance(deps: Deps, code: string, request: { period?: string; group?: string } = {}) {
  const structure = await deps.sitePlan.requireStructure();
  const indicator = await indicatorByCode(deps, code, request.period);
  const area = structure.plan.councilCode;
  const full: IndicatorHistory = await deps.performance.history({ indicator: indicator.id, area, group: request.group });
  // For a period asked for, the series ends there: nothing later is shown or charted.
  const history = request.period ? { ...full, points: full.points.filter((p) => comparePeriodKeys(p.periodKey, request.period!) <= 0) } : full;
  const withValue = history.points.filter((p) => p.value !== null);
  const period = request.period ?? withValue.at(-1)?.periodKey ?? history.points.at(-1)?.periodKey;
  if (!period) return { indicator, row: undefined, history, peers: [] as PeerValue[] };
  const own = await deps.performance.compendium({ area, group: request.group, period, outcomeId: indicator.outcomeId ?? undefined });
  const row = own.rows.find((r) => r.indicator.id === indicator.id);
  return { indicator, row, history, peers: await peerValues(deps, indicator.id, area, own), group: own.group, area: own.area };
}

export function siteIndicatorService(deps: Deps) {
  const { db } = deps.store;
  const { structure, requireStructure } = deps.sitePlan;
  const snapshots = new Map<string, Promise<PerformanceSnapshot | undefined>>();
  return {
    /** The indicators of the plan in force in a period (default: the latest published, see structureFor). */
    async indicators(periodText?: string): Promise<PlanIndicatorRow[]> {
      if (!periodText && !(await structure())) return [];
      return listPlanIndicators(db, (await deps.sitePlan.structureFor(periodText)).structure.plan.id);
    },

    indicator: (code: string, periodText?: string) => indicatorByCode(deps, code, periodText),

    /** The council's published values (with targets) for the given indicators, or all of the plan's (the plan in force in `upToPeriod`, a period key, and its values up to it). */
    async observations(indicatorIds?: string[], upToPeriod?: string) {
      const s = (await deps.sitePlan.structureFor(upToPeriod)).structure;
      const ids = indicatorIds ?? (await listPlanIndicators(db, s.plan.id)).map((i) => i.id);
      const list = await listPublishedObservations(db, s.plan.councilCode, ids);
      // For a period: the series ending there.
      return list.filter((o) => !upToPeriod || comparePeriodKeys(o.periodKey, upToPeriod) <= 0).map((o) => ({ ...o, period: periodLabel(o.periodKey) }));
    },

    /**
     * The snapshot, made again only when what it is computed from changes: the benchmarking data
     * (values, indicators, targets, groups: their version), the plan, its council, its indicators
     * under outcomes and the group. An entry written or a page edited leaves it as it is.
     */
    async performanceSnapshot(group?: string) {
      const s = await structure();
      if (!s) return undefined;
      const ids = new Set((await listPlanIndicators(db, s.plan.id)).filter((i) => i.outcomeId !== null).map((i) => i.id));
      const key = [await getDataVersion(db), s.plan.id, s.plan.councilCode, group ?? '', (await getSetting<string | null>(db, 'defaultGroup')) ?? '', [...ids].sort().join(',')].join('|');
      let made = snapshots.get(key);
      if (!made) {
        made = buildSnapshot(deps, s, ids, group);
        snapshots.set(key, made);
        made.catch(() => snapshots.delete(key));
        while (snapshots.size > 8) snapshots.delete(snapshots.keys().next().value as string);
      }
      return made;
    },

    /** The compendium table: the council's indicators for a period against a group, optionally one outcome's. */
    async compendium(request: { period?: string; group?: string; outcomeId?: string }): Promise<Compendium> {
      const s = await requireStructure();
      return deps.performance.compendium({ area: s.plan.councilCode, ...request });
    },

    /** Periods with published values, newest first. */
    periods: (): Promise<string[]> => deps.performance.periods(),

    indicatorPerformance: (code: string, request: { period?: string; group?: string } = {}) => indicatorPerformance(deps, code, request),
  };
}

export type SiteIndicatorService = ReturnType<typeof siteIndicatorService>;
