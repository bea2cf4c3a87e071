// Published indicator values held in memory for benchmarking: one typed array per indicator and
// period (indexed by area), loaded on first need and kept until the data version changes. Group
// values are sorted once per (indicator, period, group) and reused by every council and request.
import { comparePeriodKeys, periodOf, type Frequency, type Period, type Polarity, type ToleranceKind, type Unit } from '../domain/index.js';
import type { GroupStats, IndicatorSummary } from '../domain/performance.js';
import { groupStatsSorted } from '../stats/index.js';
import type { TargetInput } from '../stats/rag.js';
import type { Db } from '../store/index.js';
import type { AreaEntry } from '../store/queries/getAreaDirectory.js';
import type { IndicatorRow } from '../store/queries/indicators.js';
import { loadAreaSeries, type AreaSeriesValue } from '../store/queries/loadAreaSeries.js';
import type { DataChange } from '../store/queries/dataVersion.js';
import { hasPublishedValuesIn, listObservationPeriods } from '../store/queries/listObservationPeriods.js';
import { loadObservationSlices } from '../store/queries/loadObservationSlices.js';
import type { StoredGroups } from './groups.js';

/** Status codes in a slice: no row, a final value (or blank), a provisional value. */
export const ABSENT = 0;
export const FINAL = 1;
export const PROVISIONAL = 2;

/** One indicator in one period: every area's value (NaN = blank or no row) and status. */
export interface Slice {
  values: Float64Array;
  status: Uint8Array;
}

export interface IndicatorInfo {
  summary: IndicatorSummary;
  changeTolerance: number;
}

export interface ValueAt {
  value: number | null;
  status: number;
}

const NONE: ValueAt = { value: null, status: ABSENT };

export class PerformanceData {
  readonly areaIndex = new Map<string, number>();
  readonly indicators = new Map<string, IndicatorInfo>();
  /** Period → indicator → slice. */
  private readonly slices = new Map<string, Map<string, Slice>>();
  private readonly completePeriods = new Set<string>();
  private readonly completeIndicators = new Set<string>();
  /** Area → "indicator|period" → its own value, for areas whose periods are not all loaded. */
  private readonly areaSeries = new Map<string, Map<string, ValueAt>>();
  private readonly groupCache = new Map<string, { sorted: Float64Array; stats: GroupStats }>();
  readonly storedGroups = new Map<string, StoredGroups | undefined>();
  readonly targets = new Map<string, TargetInput>();
  /** Period keys with published values, newest first; listed on first need (it reads every row). */
  private periodList?: string[];

  constructor(
    private readonly db: Db,
    public version: number,
    readonly areas: AreaEntry[],
    indicatorRows: IndicatorRow[],
    targetRows: { indicatorId: string; areaCode: string; periodKey: string; value: number; tolerance: number; toleranceKind: string }[],
  ) {
    areas.forEach((a, i) => this.areaIndex.set(a.code, i));
    for (const r of indicatorRows) {
      this.indicators.set(r.id, {
        summary: {
          id: r.id, code: r.code, title: r.title, unit: r.unit as Unit, decimalPlaces: r.decimalPlaces, polarity: r.polarity as Polarity,
          frequency: r.frequency as Frequency, outcomeId: r.outcomeId, themeId: r.themeId, source: r.source,
        },
        changeTolerance: r.changeTolerance,
      });
    }
    for (const t of targetRows) {
      this.targets.set(`${t.indicatorId}|${t.areaCode}|${t.periodKey}`, { value: t.value, tolerance: t.tolerance, toleranceKind: t.toleranceKind as ToleranceKind });
    }
  }

  private addSlices(packedRows: { indicatorId: string; periodKey: string; packed: string }[]): void {
    const n = this.areas.length;
    for (const { indicatorId, periodKey, packed } of packedRows) {
      let byIndicator = this.slices.get(periodKey);
      if (!byIndicator) this.slices.set(periodKey, (byIndicator = new Map()));
      const slice: Slice = { values: new Float64Array(n).fill(Number.NaN), status: new Uint8Array(n) };
      for (const item of packed.split(',')) {
        const a = item.indexOf(':');
        const b = item.indexOf(':', a + 1);
        const idx = this.areaIndex.get(item.slice(0, a));
        if (idx === undefined) continue;
        const text = b < 0 ? item.slice(a + 1) : item.slice(a + 1, b);
        slice.values[idx] = text === '' ? Number.NaN : Number(text);
        slice.status[idx] = b < 0 ? FINAL : PROVISIONAL;
      }
      byIndicator.set(indicatorId, slice);
    }
  }

  /**
   * Brings this data up to `version`, where only the given values have changed (a value entered,
   * published, withdrawn or deleted): the slices holding them are read again, the group figures
   * made from them and the areas' own series dropped, and the list of periods corrected; every
   * other indicator and period stays as loaded. Much cheaper than loading everything again after
   * one value is published.
   */
  async applyChanges(version: number, changes: DataChange[]): Promise<void> {
    const touched = new Map(changes.map((c) => [`${c.indicatorId}|${c.periodKey}`, c]));
    for (const { indicatorId, periodKey, areaCode } of touched.values()) {
      this.areaSeries.delete(areaCode);
      const prefix = `${indicatorId}|${periodKey}|`;
      for (const key of [...this.groupCache.keys()]) if (key.startsWith(prefix)) this.groupCache.delete(key);
      const loaded = this.completePeriods.has(periodKey) || this.completeIndicators.has(indicatorId);
      if (loaded) {
        this.slices.get(periodKey)?.delete(indicatorId);
        this.addSlices(await loadObservationSlices(this.db, { indicatorId, periodKey }));
      }
      if (!this.periodList) continue;
      const listed = this.periodList.includes(periodKey);
      const present = loaded ? this.slices.get(periodKey)?.has(indicatorId) || (listed && (await hasPublishedValuesIn(this.db, periodKey))) : await hasPublishedValuesIn(this.db, periodKey);
      if (present && !listed) this.periodList = [...this.periodList, periodKey].sort(comparePeriodKeys).reverse();
      if (!present && listed) this.periodList = this.periodList.filter((k) => k !== periodKey);
    }
    this.version = version;
  }

  async periods(): Promise<string[]> {
    if (!this.periodList) {
      const keys = (await listObservationPeriods(this.db)).map((p) => p.periodKey);
      this.periodList = keys.sort(comparePeriodKeys).reverse();
    }
    return this.periodList;
  }

  /**
   * Periods of the same kind up to and including p, oldest first, for an area's trend: every
   * period with values when they have been listed, else those the area itself has values in
   * (enough for the trend, which leaves out periods without a value).
   */
  seriesPeriods(p: Period, areaCode: string): string[] {
    const keys = this.periodList ?? [...new Set([...(this.areaSeries.get(areaCode)?.keys() ?? [])].map((k) => k.slice(k.indexOf('|') + 1)))];
    return keys.filter((k) => { const q = periodOf(k); return q.kind === p.kind && q.start <= p.start; }).sort(comparePeriodKeys);
  }

  /** Makes sure every indicator's values of these periods are in memory (one query for all missing). */
  async ensurePeriods(periodKeys: string[]): Promise<void> {
    const missing = periodKeys.filter((k) => !this.completePeriods.has(k));
    if (missing.length === 0) return;
    this.addSlices(await loadObservationSlices(this.db, { periodKeys: missing }));
    for (const k of missing) this.completePeriods.add(k);
  }

  /** Makes sure one indicator's values of every period are in memory. */
  async ensureIndicator(indicatorId: string): Promise<void> {
    if (this.completeIndicators.has(indicatorId)) return;
    const rows = await loadObservationSlices(this.db, { indicatorId });
    this.addSlices(rows.filter((r) => !this.completePeriods.has(r.periodKey)));
    this.completeIndicators.add(indicatorId);
  }

  /** Makes sure one area's own values of every period are at hand. */
  async ensureArea(areaCode: string): Promise<void> {
    if (this.areaSeries.has(areaCode) || this.periodList?.every((k) => this.completePeriods.has(k))) return;
    const own = new Map<string, ValueAt>();
    for (const v of await loadAreaSeries(this.db, areaCode)) {
      own.set(`${v.indicatorId}|${v.periodKey}`, { value: v.value, status: v.provisional ? PROVISIONAL : FINAL });
    }
    this.areaSeries.set(areaCode, own);
  }

  /** Indicators with values in a loaded period. */
  indicatorsIn(periodKey: string): string[] {
    return [...(this.slices.get(periodKey)?.keys() ?? [])];
  }

  slice(indicatorId: string, periodKey: string): Slice | undefined {
    return this.slices.get(periodKey)?.get(indicatorId);
  }

  /** An area's value from the loaded slices, or from its own series when the period is not loaded. */
  valueAt(indicatorId: string, periodKey: string, areaCode: string): ValueAt {
    if (this.completePeriods.has(periodKey) || this.completeIndicators.has(indicatorId)) {
      const slice = this.slice(indicatorId, periodKey);
      const idx = this.areaIndex.get(areaCode);
      if (!slice || idx === undefined || slice.status[idx] === ABSENT) return NONE;
      const v = slice.values[idx];
      return { value: Number.isNaN(v) ? null : v, status: slice.status[idx] };
    }
    return this.areaSeries.get(areaCode)?.get(`${indicatorId}|${periodKey}`) ?? NONE;
  }

  /** Whether an area's value is one still awaiting approval (only in a view made by withUnpublished). */
  unpublished(_indicatorId: string, _periodKey: string, _areaCode: string): boolean {
    return false;
  }

  /**
   * This data as a draft report sees it: one area's values still in the approval workflow laid over
   * its published ones (a value being edited is not published meanwhile, so it replaces nothing
   * else). Everything not touched by those values is shared with this object, caches and loads
   * included; the slices and group statistics they touch are made again for the view alone.
   */
  withUnpublished(areaCode: string, values: AreaSeriesValue[]): PerformanceData {
    const idx = this.areaIndex.get(areaCode);
    const own = new Map(values.map((v) => [`${v.indicatorId}|${v.periodKey}`, { value: v.value, status: v.provisional ? PROVISIONAL : FINAL }]));
    if (idx === undefined || own.size === 0) return this;
    const slices = new Map<string, Slice>();
    const groups = new Map<string, { sorted: Float64Array; stats: GroupStats }>();
    // The arrow functions below keep `this` as this object, the view's prototype.
    const view: PerformanceData = Object.create(this);
    view.unpublished = (indicatorId, periodKey, area) => area === areaCode && own.has(`${indicatorId}|${periodKey}`);
    view.periods = async () => [...new Set([...await this.periods(), ...values.map((v) => v.periodKey)])].sort(comparePeriodKeys).reverse();
    view.seriesPeriods = (p, area) => {
      const keys = this.seriesPeriods(p, area);
      if (area !== areaCode) return keys;
      const extra = values.map((v) => v.periodKey).filter((k) => { const q = periodOf(k); return q.kind === p.kind && q.start <= p.start; });
      return [...new Set([...keys, ...extra])].sort(comparePeriodKeys);
    };
    view.indicatorsIn = (periodKey) => [...new Set([...this.indicatorsIn(periodKey), ...values.filter((v) => v.periodKey === periodKey).map((v) => v.indicatorId)])];
    view.slice = (indicatorId, periodKey) => {
      const key = `${indicatorId}|${periodKey}`;
      const mine = own.get(key);
      if (!mine) return this.slice(indicatorId, periodKey);
      let slice = slices.get(key);
      if (!slice) {
        const from = this.slice(indicatorId, periodKey);
        slice = from
          ? { values: Float64Array.from(from.values), status: Uint8Array.from(from.status) }
          : { values: new Float64Array(this.areas.length).fill(Number.NaN), status: new Uint8Array(this.areas.length) };
        slice.values[idx] = mine.value ?? Number.NaN;
        slice.status[idx] = mine.status;
        slices.set(key, slice);
      }
      return slice;
    };
    view.valueAt = (indicatorId, periodKey, area) => (area === areaCode && own.get(`${indicatorId}|${periodKey}`)) || this.valueAt(indicatorId, periodKey, area);
    view.group = (indicatorId, periodKey, groupKey, memberIdx) => {
      if (!own.has(`${indicatorId}|${periodKey}`) || !memberIdx.includes(idx)) return this.group(indicatorId, periodKey, groupKey, memberIdx);
      const key = `${indicatorId}|${periodKey}|${groupKey}`;
      let cached = groups.get(key);
      if (!cached) groups.set(key, (cached = groupOf(view.slice(indicatorId, periodKey), memberIdx)));
      return cached;
    };
    return view;
  }

  /** The group's present values sorted ascending and its statistics, computed once per key. */
  group(indicatorId: string, periodKey: string, groupKey: string, memberIdx: Int32Array): { sorted: Float64Array; stats: GroupStats } {
    const key = `${indicatorId}|${periodKey}|${groupKey}`;
    let cached = this.groupCache.get(key);
    if (!cached) {
      cached = groupOf(this.slice(indicatorId, periodKey), memberIdx);
      this.groupCache.set(key, cached);
    }
    return cached;
  }
}

/** The members' present values sorted ascending, and their statistics. */
function groupOf(slice: Slice | undefined, memberIdx: Int32Array): { sorted: Float64Array; stats: GroupStats } {
  const present: number[] = [];
  if (slice) for (const i of memberIdx) if (!Number.isNaN(slice.values[i])) present.push(slice.values[i]);
  const sorted = Float64Array.from(present).sort();
  return { sorted, stats: groupStatsSorted(sorted, memberIdx.length) };
}
