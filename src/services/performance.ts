// "How are we doing?": the compendium for a council, a comparator group and a period, for every
// council of a group at once, and an indicator's history. Computed in memory from the published
// values (see performance-data.ts), exactly as docs/methodology.md defines each statistic.
import {
  parsePeriod, periodOf, previousPeriod, yearEarlier, type Period,
} from '../domain/index.js';
import type { Compendium, CompendiumRow, IndicatorHistory } from '../domain/performance.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { compendiumRow, summarise } from '../stats/index.js';
import type { Store } from '../store/index.js';
import { getDataChanges, getDataVersion } from '../store/queries/dataVersion.js';
import { getAreaDirectory } from '../store/queries/getAreaDirectory.js';
import { listIndicators } from '../store/queries/indicators.js';
import { loadAreaSeries } from '../store/queries/loadAreaSeries.js';
import { getSetting } from '../store/queries/settings.js';
import { listTargets } from '../store/queries/targets.js';
import { builtinGroup, loadStoredGroups, resolveGroup, type ResolvedGroup } from './groups.js';
import { FINAL, PerformanceData, PROVISIONAL } from './performance-data.js';

export const FALLBACK_GROUP = 'english-upper-tier';

export interface CompendiumRequest {
  /** GSS code of the council. */
  area: string;
  /** Group name; default the workspace's default group (or all English upper-tier councils). */
  group?: string;
  /** Any period text ("2022/23") or key; default the latest period with published values. */
  period?: string;
  outcomeId?: string;
  /** Also the council's own values still in the approval workflow, marked as such (a draft report's view). */
  unpublished?: boolean;
}

/** A group as one council sees it: its members' positions in memory, the council always among them. */
interface GroupView {
  resolved: ResolvedGroup;
  key: string;
  memberIdx: Int32Array;
}

/** An area of the directory, or NotFoundError. */
function area(d: PerformanceData, code: string) {
  const idx = d.areaIndex.get(code);
  if (idx === undefined) throw new NotFoundError('Area', code);
  return d.areas[idx];
}

/** The period asked for, or the newest with values. */
async function readPeriod(d: PerformanceData, text: string | undefined): Promise<Period> {
  if (text === undefined || text === '') {
    const keys = await d.periods();
    if (keys.length === 0) throw new NotFoundError('Published indicator values', 'any period');
    return periodOf(keys[0]);
  }
  const r = parsePeriod(text);
  if (!r.ok) throw new ValidationError(r.error, [{ field: 'period', message: r.error }]);
  return r.period;
}

/**
 * One council's compendium: every indicator with values in the period, against the group as `view`
 * sees it; with `withEarlier`, also those the council had a value for in an earlier period of the
 * same kind (rows without a value: missing).
 */
function buildCompendium(d: PerformanceData, areaCode: string, view: GroupView, p: Period, outcomeId: string | undefined, withEarlier = false): Compendium {
  const a = area(d, areaCode);
  const prevKey = previousPeriod(p).key;
  const yearKey = yearEarlier(p).key;
  const series = d.seriesPeriods(p, areaCode);
  const rows: CompendiumRow[] = [];
  const listed = d.indicatorsIn(p.key);
  // For one council's own compendium, also the measures it reported in an earlier period of this
  // kind but that have no value at all for this one: listed as missing, never silently left out.
  const reported = new Set(listed);
  // (A period no one has values for yet stays empty: there is nothing to report for it.)
  const earlier = withEarlier && listed.length > 0 ? series.filter((k) => k !== p.key) : [];
  const absent = withEarlier
    ? [...d.indicators.keys()].filter((id) => !reported.has(id) && earlier.some((k) => d.valueAt(id, k, areaCode).value !== null))
    : [];
  for (const indicatorId of [...listed, ...absent]) {
    const info = d.indicators.get(indicatorId);
    if (!info || (outcomeId && info.summary.outcomeId !== outcomeId)) continue;
    const own = d.valueAt(indicatorId, p.key, areaCode);
    const { sorted, stats } = d.group(indicatorId, p.key, view.key, view.memberIdx);
    const row = compendiumRow({
      indicator: info.summary,
      changeTolerance: info.changeTolerance,
      periodKey: p.key,
      value: own.value,
      status: own.status === PROVISIONAL ? 'provisional' : own.status === FINAL ? 'final' : null,
      target: d.targets.get(`${indicatorId}|${areaCode}|${p.key}`) ?? null,
      previous: { periodKey: prevKey, value: d.valueAt(indicatorId, prevKey, areaCode).value },
      yearEarlier: { periodKey: yearKey, value: d.valueAt(indicatorId, yearKey, areaCode).value },
      groupSorted: sorted,
      groupStats: stats,
      members: view.memberIdx.length,
      series: series.map((k) => d.valueAt(indicatorId, k, areaCode).value),
    });
    rows.push(d.unpublished(indicatorId, p.key, areaCode) ? { ...row, unpublished: true } : row);
  }
  rows.sort((x, y) => (x.indicator.code < y.indicator.code ? -1 : x.indicator.code > y.indicator.code ? 1 : 0));
  return {
    area: { code: a.code, name: a.name },
    group: { name: view.resolved.name, label: view.resolved.label, members: view.memberIdx.length },
    periodKey: p.key,
    rows,
    summary: summarise(rows),
  };
}

/** What the performance methods share: the in-memory data (reloaded when anything changes), one request at a time, and the group views. */
function performanceServiceContext(store: Store) {
  const { db } = store;
  let data: PerformanceData | undefined;
  // PGlite has one connection, and a load must not race another: requests run one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  /**
   * The in-memory data, reloaded when any process has changed values, indicators, targets or
   * groups; when every change since it was loaded was one value (published, withdrawn, entered),
   * only what those values touch is read again.
   */
  async function current(): Promise<PerformanceData> {
    const version = await getDataVersion(db);
    if (data && data.version === version) return data;
    const changes = data && version > data.version ? await getDataChanges(db, data.version, version) : undefined;
    if (data && changes) {
      await data.applyChanges(version, changes);
      return data;
    }
    const [areas, indicators, targets] = [await getAreaDirectory(db), await listIndicators(db), await listTargets(db)];
    data = new PerformanceData(db, version, areas, indicators, targets);
    return data;
  }

  /** The data, with the area's unpublished values laid over it when asked for. */
  async function dataFor(area: string, unpublished: boolean | undefined): Promise<PerformanceData> {
    const d = await current();
    return unpublished ? d.withUnpublished(area, await loadAreaSeries(db, area, { unpublished: true })) : d;
  }

  async function defaultGroup(): Promise<string> {
    return (await getSetting<string | null>(db, 'defaultGroup')) || FALLBACK_GROUP;
  }

  /** The group as `anchor` sees it (its own group in a neighbour set), with the anchor added when not a member. */
  async function groupView(d: PerformanceData, name: string, anchor: string | null, periodKey: string): Promise<GroupView> {
    if (!builtinGroup(name, d.areas) && !d.storedGroups.has(name)) d.storedGroups.set(name, await loadStoredGroups(db, name));
    const resolved = resolveGroup(name, anchor, periodKey, d.areas, d.storedGroups.get(name));
    const codes = anchor === null || resolved.memberCodes.includes(anchor) ? resolved.memberCodes : [...resolved.memberCodes, anchor];
    const memberIdx = Int32Array.from(codes.map((c) => d.areaIndex.get(c)).filter((i): i is number => i !== undefined));
    const key = `${name}|${resolved.anchor ?? ''}${codes.length > resolved.memberCodes.length ? `+${anchor}` : ''}`;
    return { resolved: { ...resolved, memberCodes: codes }, key, memberIdx };
  }

  return { db, serial, current, dataFor, defaultGroup, groupView };
}

type PerformanceServiceContext = ReturnType<typeof performanceServiceContext>;

/** Periods with values, and one council's compendium. */
function councilFigures(context: PerformanceServiceContext) {
  const { serial, current, dataFor, defaultGroup, groupView } = context;
  return {
    /** Period keys with published values, newest first. */
    periods: (): Promise<string[]> => serial(async () => [...(await (await current()).periods())]),

    /** Every indicator with values in the period, for one council against one comparator group. */
    compendium: (request: CompendiumRequest): Promise<Compendium> => serial(async () => {
      const d = await dataFor(request.area, request.unpublished);
      area(d, request.area);
      const p = await readPeriod(d, request.period);
      const view = await groupView(d, request.group ?? (await defaultGroup()), request.area, p.key);
      await d.ensurePeriods([p.key]);
      await d.ensureArea(request.area);
      return buildCompendium(d, request.area, view, p, request.outcomeId, true);
    }),
  };
}

/** The compendium of every member of a group at once. */
function groupFigures(context: PerformanceServiceContext) {
  const { db, serial, current, defaultGroup, groupView } = context;
  return {
    /**
     * The compendium of every member of a group at once (league tables, publishers). For a
     * neighbour set, the members are those of the area's own group (default: the workspace's
     * council) and each is compared with its own neighbours.
     */
    compendiumForGroup: (request: { group?: string; period?: string; area?: string; outcomeId?: string }): Promise<Compendium[]> => serial(async () => {
      const d = await current();
      const p = await readPeriod(d, request.period);
      const name = request.group ?? (await defaultGroup());
      // A shared group needs no council; a neighbour set needs one to choose whose group (default: ours).
      const base = request.area
        ? await groupView(d, name, request.area, p.key)
        : await groupView(d, name, null, p.key).catch(async (e) => {
          if (!(e instanceof NotFoundError)) throw e;
          return groupView(d, name, (await getSetting<string>(db, 'councilCode')) ?? null, p.key);
        });
      const members = base.resolved.memberCodes;
      // Every council's trend needs its earlier values: load the periods of this kind up to p at once.
      const all = await d.periods();
      await d.ensurePeriods(all.filter((k) => { const q = periodOf(k); return q.kind === p.kind && q.start <= p.start; }));
      const result: Compendium[] = [];
      for (const code of members) {
        if (!d.areaIndex.has(code)) continue;
        let view = base;
        if (base.resolved.anchor !== null) {
          try {
            view = await groupView(d, name, code, p.key);
          } catch (e) {
            if (!(e instanceof NotFoundError)) throw e;
          }
        }
        result.push(buildCompendium(d, code, view, p, request.outcomeId));
      }
      return result;
    }),
  };
}

/** One indicator's history for one council against its group. */
function indicatorHistories(context: PerformanceServiceContext) {
  const { serial, dataFor, defaultGroup, groupView } = context;
  return {
    /** Every value of one indicator for one council over time, with the group's median and IQR per period. */
    history: (request: { indicator: string; area: string; group?: string; unpublished?: boolean }): Promise<IndicatorHistory> => serial(async () => {
      const d = await dataFor(request.area, request.unpublished);
      const a = area(d, request.area);
      const lower = request.indicator.toLowerCase();
      const info = d.indicators.get(request.indicator) ?? [...d.indicators.values()].find((i) => i.summary.code.toLowerCase() === lower);
      if (!info) throw new NotFoundError('Indicator', request.indicator);
      const id = info.summary.id;
      await d.ensureIndicator(id);
      const name = request.group ?? (await defaultGroup());
      const keys = (await d.periods()).filter((k) => d.slice(id, k)).reverse();
      const latest = await groupView(d, name, request.area, keys.at(-1) ?? 'CY2000');
      const points = [];
      for (const k of keys) {
        const view = await groupView(d, name, request.area, k);
        const { stats } = d.group(id, k, view.key, view.memberIdx);
        points.push({
          periodKey: k,
          value: d.valueAt(id, k, request.area).value,
          target: d.targets.get(`${id}|${request.area}|${k}`)?.value ?? null,
          n: stats.n, median: stats.median, q1: stats.q1, q3: stats.q3,
        });
      }
      return {
        indicator: info.summary,
        area: { code: a.code, name: a.name },
        group: { name: latest.resolved.name, label: latest.resolved.label, members: latest.memberIdx.length },
        points,
      };
    }),
  };
}

export function performanceService(store: Store) {
  const context = performanceServiceContext(store);
  return { ...councilFigures(context), ...groupFigures(context), ...indicatorHistories(context) };
}

export type PerformanceService = ReturnType<typeof performanceService>;
