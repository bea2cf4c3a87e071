// What a report is built from: the plan, its entries and commitments, the period, and the
// benchmarking figures, gathered through the services and the store for buildReportModel.
import type { Config } from '../config.js';
import type { Compendium, IndicatorHistory, Settings } from '../domain/index.js';
import { CommitmentStatus, EntryKind, WorkflowState, comparePeriodKeys, parsePeriod, periodContaining, periodFromKey } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { entryInPeriod, periodLabel, type PeerValue, type ReportInput } from '../reports/model/index.js';
import type { Db } from '../store/db.js';
import { getArea } from '../store/queries/getArea.js';
import { listNarrativeBlocks } from '../store/queries/listNarrativeBlocks.js';
import { listFinancialFigures } from '../store/queries/listFinancialFigures.js';
import type { ReportFinanceLoader } from './report-finance.js';
import { listPeerValues } from '../store/queries/listPeerValues.js';
import { countEvidence, listReportCommitments } from '../store/queries/listReportCommitments.js';
import { commitmentsForPeriod, historiesToPeriod } from '../reports/model/period-scope.js';
import { listReportEntries, type ReportEntryRow } from '../store/queries/listReportEntries.js';
import type { GroupService } from './groups.js';
import type { PlanService } from './plans.js';
import type { WorkspaceService } from './workspace.js';
import { defaultPeriodKey } from './default-period.js';
import { listPublishedPlanPeriods } from '../store/queries/listPublishedPlanPeriods.js';

/** What the reports need from benchmarking (services.performance). */
export interface PerformanceSource {
  compendium(q: { area: string; group?: string; period?: string; outcomeId?: string; unpublished?: boolean }): Promise<Compendium>;
  history(q: { indicator: string; area: string; group?: string; unpublished?: boolean }): Promise<IndicatorHistory>;
  periods(): Promise<(string | { key: string })[]>;
}

export interface ReportRequest {
  planId?: string;
  /** As people write it ("2023/24") or as a key ("FY2023-24"); the latest period with data by default. */
  period?: string;
  /** Comparison group name or id; the workspace's default group otherwise. */
  group?: string;
  draft: boolean;
  /** yyyy-mm-dd printed on the report; today by default. */
  generatedOn?: string;
}

/** The services reports read through, handed in by services(). */
export interface ReportDeps {
  plans: PlanService;
  workspace: WorkspaceService;
  groups: GroupService;
  performance?: PerformanceSource;
  /** What changed since the latest earlier year with entries (services.changes). */
  changes?: { sinceEarlier(periodKey: string): Promise<ReportInput['changes']> };
  /** The financial context's figures and charts (funding per head against the group). */
  finance?: ReportFinanceLoader;
}

const YEAR_KINDS = new Set(['financial-year', 'academic-year', 'calendar-year']);

export interface InputDeps extends ReportDeps {
  db: Db;
  config: Config;
}

/** Years that have something to report: indicator periods and the years of entries. */
export async function periodsWithData(deps: InputDeps, planId: string, entries?: ReportEntryRow[]): Promise<string[]> {
  const { db, performance } = deps;
  const keys = new Set<string>();
  for (const p of (await performance?.periods()) ?? []) keys.add(typeof p === 'string' ? p : p.key);
  for (const e of entries ?? await listReportEntries(db, planId)) {
    // The latest period with published delivery (or values): drafts do not make a period.
    if (e.workflowState !== 'published') continue;
    if (e.periodKey) keys.add(e.periodKey);
    else if (e.date) keys.add(periodContaining(e.date, 'financial-year').key);
  }
  const years = new Set<string>();
  for (const k of keys) {
    const p = periodFromKey(k);
    if (!p) continue;
    years.add(YEAR_KINDS.has(p.kind) ? p.key : periodContaining(p.end, 'financial-year').key);
  }
  return [...years].sort(comparePeriodKeys);
}

/**
 * The period asked for, or the default (the one rule in default-period.ts: the latest with
 * published delivery or values), kept to the plan's years when anything there has data.
 */
async function resolvePeriod(deps: InputDeps, plan: { id: string; startDate: string; endDate: string }, given: string | undefined, entries: ReportEntryRow[]): Promise<string> {
  const planId = plan.id;
  if (given) {
    const parsed = parsePeriod(given);
    if (!parsed.ok) throw new ValidationError(`The period "${given}" cannot be read`, [{ field: 'period', message: parsed.error }]);
    return parsed.period.key;
  }
  const all = await periodsWithData(deps, planId, entries);
  if (!all.length) throw new NotFoundError('Reporting period with data', 'latest (the plan has no entries and there are no indicator values)');
  return defaultPeriodKey(all, [], plan) ?? defaultPeriodKey(all, [])!;
}

/**
 * The council's compendium for the period against the group (none when there are no values), each
 * indicator's history, and every group member's value for the charts.
 */
async function benchmark(deps: InputDeps, settings: Settings, q: { group: string | undefined; periodKey: string; draft: boolean }) {
  const { db, groups, performance } = deps;
  let compendium: Compendium | null = null;
  const histories: Record<string, IndicatorHistory> = {};
  const peerValues: Record<string, PeerValue[]> = {};
  if (performance) {
    try {
      // A draft report shows the council's values still awaiting approval too, marked as such.
      const c = await performance.compendium({ area: settings.councilCode, group: q.group, period: q.periodKey, unpublished: q.draft });
      compendium = c.rows.length ? c : null;
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  }
  if (compendium) {
    for (const r of compendium.rows) {
      histories[r.indicator.id] = await performance!.history({ indicator: r.indicator.id, area: settings.councilCode, group: q.group, unpublished: q.draft });
    }
    const members = (await groups.resolve(compendium.group.name, settings.councilCode, compendium.periodKey)).memberCodes;
    const codes = members.includes(settings.councilCode) ? members : [...members, settings.councilCode];
    // Published values, as the compendium itself is computed from them; in a draft, the council's
    // own value is the compendium's, which may be one awaiting approval.
    const values = await listPeerValues(db, { indicatorIds: compendium.rows.map((r) => r.indicator.id), areaCodes: codes, periodKey: compendium.periodKey });
    for (const v of values) if (v.code !== settings.councilCode) (peerValues[v.indicatorId] ??= []).push({ code: v.code, name: v.name, value: v.value });
    const ownName = (await getArea(db, settings.councilCode))?.shortName ?? compendium.area.name;
    for (const r of compendium.rows) {
      if (r.value !== null) (peerValues[r.indicator.id] ??= []).push({ code: settings.councilCode, name: ownName, value: r.value });
    }
  }
  return { compendium, histories, peerValues };
}

/**
 * Without a plan named: the plan in force in the period asked for, or in the workspace's default
 * period (the latest with published delivery or values); undefined (the current plan) when none is.
 */
async function planInForceByDefault(deps: InputDeps, given: string | undefined): Promise<string | undefined> {
  const parsed = given ? parsePeriod(given) : undefined;
  if (parsed && !parsed.ok) return undefined;
  const values = ((await deps.performance?.periods()) ?? []).map((p) => (typeof p === 'string' ? p : p.key));
  const key = parsed?.ok ? parsed.period.key : defaultPeriodKey((await listPublishedPlanPeriods(deps.db)).map((x) => x.periodKey), values);
  const period = key ? periodFromKey(key) : undefined;
  return period ? (await deps.plans.inForce(period))?.id : undefined;
}

/** Everything a report of the plan and period needs, read through the services and the store. */
export async function loadReportInput(deps: InputDeps, req: ReportRequest): Promise<ReportInput> {
  const { db, config, plans, workspace } = deps;
  const structure = await plans.structure(req.planId ?? (await planInForceByDefault(deps, req.period)));
  const planId = structure.plan.id;
  if (structure.outcomes.length === 0) {
    throw new ValidationError(`The plan "${structure.plan.title}" has no outcomes yet, so there is nothing to hang a report on`, [{ field: 'planId', message: 'add the plan\'s outcomes first' }]);
  }
  const entries = await listReportEntries(db, planId);
  const periodKey = await resolvePeriod(deps, structure.plan, req.period, entries);
  const today = new Date().toISOString().slice(0, 10);
  const settings = await workspace.settings();
  const group = req.group ?? settings.defaultGroup ?? undefined;
  const { compendium, histories, peerValues } = await benchmark(deps, settings, { group, periodKey, draft: req.draft });
  const inPeriod = entries.filter((e) => (req.draft || e.workflowState === 'published') && entryInPeriod(e, periodKey));
  if (!compendium && inPeriod.length === 0) {
    const have = await periodsWithData(deps, planId, entries);
    throw new ValidationError(`There is nothing to report for ${periodLabel(periodKey)}: no ${req.draft ? '' : 'published '}entries and no indicator values`, [
      { field: 'period', message: have.length ? `periods with data: ${have.join(', ')}` : 'the plan has no entries or indicator values yet' },
    ]);
  }
  return {
    council: { code: settings.councilCode, name: settings.councilName, brandColour: settings.brandColour, fictional: settings.demo },
    plan: { ...structure.plan, outcomes: structure.outcomes },
    periodKey,
    draft: req.draft,
    generatedOn: req.generatedOn ?? today,
    entries: entries.map((e) => ({ ...e, kind: EntryKind.parse(e.kind), workflowState: WorkflowState.parse(e.workflowState) })),
    // Kept to the period: promises made by then, with the status they had then (late once past due).
    commitments: commitmentsForPeriod((await listReportCommitments(db, planId)).map((c) => ({ ...c, status: CommitmentStatus.parse(c.status), workflowState: WorkflowState.parse(c.workflowState) })), periodKey, today, await countEvidence(db, planId)),
    narrative: await listNarrativeBlocks(db, planId),
    financialFigures: await listFinancialFigures(db, planId, periodKey),
    finance: await deps.finance?.({ area: settings.councilCode, periodKey, planId, group }),
    compendium,
    histories: historiesToPeriod(histories, periodKey),
    peerValues,
    changes: await deps.changes?.sinceEarlier(periodKey),
    methodologyUrl: config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}/methodology` : 'docs/methodology.md (in the Compendium source)',
  };
}
