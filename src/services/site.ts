// The public site's reads: only published content, shaped for pages, open data and the JSON API.
import { comparePeriodKeys, formatPeriod, periodContaining, Settings, type Period } from '../domain/index.js';
import type { Compendium, CompendiumRow, CompendiumSummary, IndicatorHistory } from '../domain/performance.js';
import { NotFoundError } from '../errors.js';
import { periodLabel } from '../present/format.js';
import { shortGroupLabel } from '../reports/model/chart-specs.js';
import { summarise } from '../stats/index.js';
import { groupService } from './groups.js';
import type { PerformanceService } from './performance.js';
import type { Store } from '../store/index.js';
import { countPublishedEntriesByOutcome } from '../store/queries/countPublishedEntriesByOutcome.js';
import { getArea } from '../store/queries/getArea.js';
import { getDataVersion } from '../store/queries/getDataVersion.js';
import { getPublishedEntry, type PublicEntryDetail } from '../store/queries/getPublishedEntry.js';
import { listPlaceDelivery } from '../store/queries/listPlaceDelivery.js';
import { listPlanIndicators, type PlanIndicatorRow } from '../store/queries/listPlanIndicators.js';
import { listPublishedCommitments, type PublicCommitmentRow } from '../store/queries/listPublishedCommitments.js';
import { listPublishedEntries, type PublicEntryFilter, type PublicEntryRow } from '../store/queries/listPublishedEntries.js';
import { listPublishedObservations } from '../store/queries/listPublishedObservations.js';
import { getReportArtifact, listReportArtifacts } from '../store/queries/reportArtifacts.js';
import { listPeerValues } from '../store/queries/listPeerValues.js';
import { listCouncilValuePeriods } from '../store/queries/listCouncilValuePeriods.js';
import { MATCH_END, MATCH_START, searchPublished, type SearchHitType } from '../store/queries/searchPublished.js';
import { getPlanStructure, type PlanStructure } from '../store/queries/plans.js';
import { DEFAULT_SETTINGS } from './workspace.js';
import { planService } from './plans.js';

export type { PublicEntryRow, PublicEntryDetail, PublicCommitmentRow, PlanIndicatorRow, PlanStructure };

/** A piece of highlighted text: the page escapes `text` and marks it when `match` is true. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  type: SearchHitType;
  id: string;
  key: string | null;
  title: TextSegment[];
  snippet: TextSegment[];
}

/** Splits ts_headline output at its match marks into plain segments (no HTML is ever produced here). */
export function highlightSegments(marked: string): TextSegment[] {
  const out: TextSegment[] = [];
  let match = false;
  for (const part of marked.split(new RegExp(`([${MATCH_START}${MATCH_END}])`))) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_END) match = false;
    else if (part) out.push({ text: part, match });
  }
  return out;
}

export const PAGE_SIZE = 20;

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

export function siteService(store: Store, performance?: PerformanceService) {
  const { db } = store;
  const groups = groupService(store);
  const plans = planService(store);

  async function currentStructure(): Promise<PlanStructure | undefined> {
    const id = await plans.currentPlanId();
    return id ? getPlanStructure(db, id) : undefined;
  }

  async function requireStructure(): Promise<PlanStructure> {
    const s = await currentStructure();
    if (!s) throw new NotFoundError('Plan', 'current (nothing has been published yet)');
    return s;
  }

  function findOutcome(structure: PlanStructure, slug: string) {
    const outcome = structure.outcomes.find((o) => o.slug === slug);
    if (!outcome) throw new NotFoundError('Outcome', slug);
    return outcome;
  }

  const settingsOf = (raw: Record<string, unknown>): Settings => {
    const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...raw });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  };

  return {
    /**
     * The settings and a key that changes whenever anything public may have changed (any audited
     * change, any setting, the day). One query; pages are cached under the key.
     */
    async version(today = new Date().toISOString().slice(0, 10)): Promise<{ key: string; settings: Settings }> {
      const v = await getDataVersion(db);
      const settings = settingsOf(v.settings);
      return { key: `${v.lastAuditId}|${today}|${JSON.stringify(v.settings)}`, settings };
    },

    structure: currentStructure,
    requireStructure,

    /**
     * The year "entries this year" counts: the financial year containing today, or, when nothing
     * is dated in it yet, the latest financial year that has published entries.
     */
    async headlineYear(structure: PlanStructure, today = new Date().toISOString().slice(0, 10)): Promise<Period> {
      const current = periodContaining(today, 'financial-year');
      const recent = await listPublishedEntries(db, { planId: structure.plan.id, to: today, limit: 1 });
      const latest = recent.entries[0]?.date;
      if (!latest || latest >= current.start) return current;
      return periodContaining(latest, 'financial-year');
    },

    /** The home page: each outcome with its number of published entries this year and all told. */
    async home(today = new Date().toISOString().slice(0, 10)) {
      const structure = await currentStructure();
      if (!structure) return undefined;
      const year = await this.headlineYear(structure, today);
      const counts = await countPublishedEntriesByOutcome(db, structure.plan.id, year.start, year.end);
      const byOutcome = new Map(counts.map((c) => [c.outcomeId, c]));
      const snapshot = await this.performanceSnapshot();
      const outcomeSummary = (outcomeId: string) => (snapshot ? summarise(snapshot.rows.filter((r) => r.indicator.outcomeId === outcomeId)) : undefined);
      return {
        plan: structure.plan,
        year: { key: year.key, label: formatPeriod(year) },
        performance: snapshot ? { areaName: snapshot.area.name, groupLabel: shortGroupLabel(snapshot.group.label), members: snapshot.group.members } : undefined,
        outcomes: structure.outcomes.map((o) => ({
          ...o,
          entriesThisYear: byOutcome.get(o.id)?.inSpan ?? 0,
          entriesTotal: byOutcome.get(o.id)?.total ?? 0,
          performance: outcomeSummary(o.id),
        })),
      };
    },

    async outcome(slug: string, page = 1) {
      const structure = await requireStructure();
      const outcome = findOutcome(structure, slug);
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, outcomeId: outcome.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      const indicators = (await listPlanIndicators(db, structure.plan.id)).filter((i) => i.outcomeId === outcome.id);
      const commitments = await listPublishedCommitments(db, { planId: structure.plan.id, outcomeId: outcome.id });
      return { plan: structure.plan, outcome, entries, indicators, commitments, page };
    },

    async theme(outcomeSlug: string, themeSlug: string, page = 1) {
      const structure = await requireStructure();
      const outcome = findOutcome(structure, outcomeSlug);
      const theme = outcome.themes.find((t) => t.slug === themeSlug);
      if (!theme) throw new NotFoundError('Theme', `${outcomeSlug}/${themeSlug}`);
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, themeId: theme.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      const indicators = (await listPlanIndicators(db, structure.plan.id)).filter((i) => i.themeId === theme.id);
      return { plan: structure.plan, outcome, theme, entries, indicators, page };
    },

    async entries(filter: Omit<PublicEntryFilter, 'planId'> = {}) {
      const structure = await requireStructure();
      return listPublishedEntries(db, { ...filter, planId: structure.plan.id });
    },

    async entry(id: string): Promise<PublicEntryDetail> {
      const structure = await requireStructure();
      const entry = await getPublishedEntry(db, structure.plan.id, id);
      if (!entry) throw new NotFoundError('Entry', id);
      return entry;
    },

    /** Delivery by place: the council's districts and every named place, with published entry counts. */
    async places() {
      const structure = await requireStructure();
      const council = await getArea(db, structure.plan.councilCode);
      return { council, ...(await listPlaceDelivery(db, structure.plan.id, structure.plan.councilCode)) };
    },

    /** One district (by area code) or one named place, with its published entries. */
    async place(where: { areaCode: string } | { name: string }, page = 1) {
      const structure = await requireStructure();
      const paging = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
      if ('areaCode' in where) {
        const area = await getArea(db, where.areaCode);
        if (!area || (area.parentCode !== structure.plan.councilCode && area.code !== structure.plan.councilCode)) throw new NotFoundError('Place', where.areaCode);
        const entries = await listPublishedEntries(db, { planId: structure.plan.id, areaCode: area.code, ...paging });
        return { name: area.shortName, area, entries, page };
      }
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, placeName: where.name, ...paging });
      if (entries.total === 0) throw new NotFoundError('Place', where.name);
      const name = entries.entries[0].places.find((p) => p.name.toLowerCase() === where.name.toLowerCase())?.name ?? where.name;
      return { name, area: undefined, entries, page };
    },

    async commitments(filter: { outcomeId?: string; status?: string } = {}) {
      const structure = await requireStructure();
      const list = await listPublishedCommitments(db, { planId: structure.plan.id, ...filter });
      const counts: Record<string, number> = {};
      for (const c of await listPublishedCommitments(db, { planId: structure.plan.id, outcomeId: filter.outcomeId })) counts[c.status] = (counts[c.status] ?? 0) + 1;
      return { plan: structure.plan, outcomes: structure.outcomes, commitments: list, counts };
    },

    /** Full-text search over published entries, indicators and published commitments. */
    async search(query: string, limit = 50): Promise<{ query: string; total: number; hits: SearchHit[] }> {
      const q = query.trim().slice(0, 200);
      const structure = await currentStructure();
      if (!q || !structure) return { query: q, total: 0, hits: [] };
      const r = await searchPublished(db, structure.plan.id, q, limit);
      return {
        query: q,
        total: r.total,
        hits: r.hits.map((h) => ({ type: h.type, id: h.id, key: h.key, title: highlightSegments(h.title), snippet: highlightSegments(h.snippet) })),
      };
    },

    async indicators(): Promise<PlanIndicatorRow[]> {
      const structure = await currentStructure();
      return structure ? listPlanIndicators(db, structure.plan.id) : [];
    },

    async indicator(code: string): Promise<PlanIndicatorRow> {
      const structure = await requireStructure();
      const [indicator] = await listPlanIndicators(db, structure.plan.id, code);
      if (!indicator) throw new NotFoundError('Indicator', code);
      return indicator;
    },

    /** The council's published values (with targets) for the given indicators, or all of the plan's. */
    async observations(indicatorIds?: string[]) {
      const structure = await requireStructure();
      const ids = indicatorIds ?? (await listPlanIndicators(db, structure.plan.id)).map((i) => i.id);
      const list = await listPublishedObservations(db, structure.plan.councilCode, ids);
      return list.map((o) => ({ ...o, period: periodLabel(o.periodKey) }));
    },

    /**
     * Each of the plan's indicators (those under its outcomes) at the newest period in which the
     * council has a published value (or, with none, the newest period of all), against the
     * workspace's default group.
     */
    async performanceSnapshot(group?: string): Promise<PerformanceSnapshot | undefined> {
      const structure = await currentStructure();
      if (!structure || !performance) return undefined;
      const allPeriods = await performance.periods();
      if (allPeriods.length === 0) return undefined;
      const council = structure.plan.councilCode;
      const planIndicators = await listPlanIndicators(db, structure.plan.id);
      const ids = new Set(planIndicators.filter((i) => i.outcomeId !== null).map((i) => i.id));
      // Each indicator's newest period with a value for the council; the newest period of all for the rest.
      const latest = new Map<string, string>();
      for (const { indicatorId, periodKey } of await listCouncilValuePeriods(db, council, [...ids])) {
        const had = latest.get(indicatorId);
        if (!had || comparePeriodKeys(periodKey, had) > 0) latest.set(indicatorId, periodKey);
      }
      const periods = new Set([...latest.values()]);
      if (latest.size < ids.size) periods.add(allPeriods[0]);
      const rows = new Map<string, CompendiumRow>();
      let head: Compendium | undefined;
      for (const period of [...periods].sort(comparePeriodKeys).reverse()) {
        const c = await performance.compendium({ area: council, group, period });
        head ??= c;
        for (const row of c.rows) {
          const id = row.indicator.id;
          if (ids.has(id) && !rows.has(id) && (latest.get(id) ?? allPeriods[0]) === period) rows.set(id, row);
        }
      }
      if (!head) return undefined;
      const list = [...rows.values()].sort((a, b) => a.indicator.code.localeCompare(b.indicator.code));
      return { area: head.area, group: head.group, rows: list, summary: summarise(list) };
    },

    /** The compendium table: the council's indicators for a period against a group, optionally one outcome's. */
    async compendium(request: { period?: string; group?: string; outcomeId?: string }): Promise<Compendium> {
      const structure = await requireStructure();
      if (!performance) throw new NotFoundError('Performance figures');
      return performance.compendium({ area: structure.plan.councilCode, ...request });
    },

    /** Periods with published values, newest first. */
    async periods(): Promise<string[]> {
      return performance ? performance.periods() : [];
    },

    /**
     * One indicator's figures for its page: its row for the chosen period (default: the newest with a
     * value), its history against the group, and every group member's value in that period.
     */
    async indicatorPerformance(code: string, request: { period?: string; group?: string } = {}) {
      const structure = await requireStructure();
      const indicator = await this.indicator(code);
      if (!performance) return { indicator, row: undefined, history: undefined, peers: [] as PeerValue[] };
      const area = structure.plan.councilCode;
      const history: IndicatorHistory = await performance.history({ indicator: indicator.id, area, group: request.group });
      const withValue = history.points.filter((p) => p.value !== null);
      const period = request.period ?? withValue.at(-1)?.periodKey ?? history.points.at(-1)?.periodKey;
      if (!period) return { indicator, row: undefined, history, peers: [] as PeerValue[] };
      const own = await performance.compendium({ area, group: request.group, period, outcomeId: indicator.outcomeId ?? undefined });
      const row = own.rows.find((r) => r.indicator.id === indicator.id);
      const members = (await groups.resolve(own.group.name, area, own.periodKey)).memberCodes;
      const codes = members.includes(area) ? members : [...members, area];
      const peers: PeerValue[] = (await listPeerValues(db, { indicatorIds: [indicator.id], areaCodes: codes, periodKey: own.periodKey }))
        .map((v) => ({ code: v.code, name: v.name, value: v.value }));
      return { indicator, row, history, peers, group: own.group, area: own.area };
    },

    async reports() {
      const structure = await currentStructure();
      if (!structure) return [];
      return (await listReportArtifacts(db, { planId: structure.plan.id, publishedOnly: true }))
        .map((r) => ({ id: r.id, periodKey: r.periodKey, format: r.format, fileName: r.fileName, mediaType: r.mediaType, size: r.size, createdAt: r.createdAt }));
    },

    async report(id: string) {
      const structure = await requireStructure();
      // Drafts and other plans' files are never served to the public.
      const file = await getReportArtifact(db, id);
      if (!file || file.draft || file.planId !== structure.plan.id) throw new NotFoundError('Report', id);
      return { fileName: file.fileName, mediaType: file.mediaType, content: file.content };
    },
  };
}

export type SiteService = ReturnType<typeof siteService>;
