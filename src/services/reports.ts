// Publishing: builds the Annual Delivery Report and Performance Compendium for a plan and period in
// the requested formats, and keeps published files in the database for the web to serve.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { Config } from '../config.js';
import type { Compendium, IndicatorHistory } from '../domain/index.js';
import { CommitmentStatus, EntryKind, WorkflowState, comparePeriodKeys, parsePeriod, periodContaining, periodFromKey } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { buildReportModel, entryInPeriod, periodLabel, type ReportInput, type ReportModel, type PeerValue } from '../reports/model/index.js';
import { REPORT_FORMATS, renderReport, type ReportFile, type ReportFormat } from '../reports/render/index.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { listFinancialFigures } from '../store/queries/listFinancialFigures.js';
import { getArea } from '../store/queries/getArea.js';
import { listPeerValues } from '../store/queries/listPeerValues.js';
import { listReportCommitments } from '../store/queries/listReportCommitments.js';
import { listReportEntries, type ReportEntryRow } from '../store/queries/listReportEntries.js';
import { getReportArtifact, insertReportArtifacts, listReportArtifacts, type ReportArtifactSummary } from '../store/queries/reportArtifacts.js';
import type { GroupService } from './groups.js';
import type { PlanService } from './plans.js';
import type { WorkspaceService } from './workspace.js';

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

export interface BuildRequest extends ReportRequest {
  formats: ReportFormat[];
  onProgress?: (stage: string, done: number, total: number) => void;
  /** A running Chromium to reuse (benchmarks, the web). */
  browser?: Browser;
}

export type { ReportFile, ReportFormat };
export { REPORT_FORMATS };

const YEAR_KINDS = new Set(['financial-year', 'academic-year', 'calendar-year']);

/** The services reports read through, handed in by services(). */
export interface ReportDeps {
  plans: PlanService;
  workspace: WorkspaceService;
  groups: GroupService;
  performance?: PerformanceSource;
}

export function reportService(store: Store, config: Config, deps: ReportDeps) {
  const { db } = store;
  const { plans, workspace, groups, performance } = deps;

  /** Years that have something to report: indicator periods and the years of entries. */
  async function periodsWithData(planId: string, entries?: ReportEntryRow[]): Promise<string[]> {
    const keys = new Set<string>();
    for (const p of (await performance?.periods()) ?? []) keys.add(typeof p === 'string' ? p : p.key);
    for (const e of entries ?? await listReportEntries(db, planId)) {
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

  async function resolvePeriod(planId: string, given: string | undefined, entries: ReportEntryRow[]): Promise<string> {
    if (given) {
      const parsed = parsePeriod(given);
      if (!parsed.ok) throw new ValidationError(`The period "${given}" cannot be read`, [{ field: 'period', message: parsed.error }]);
      return parsed.period.key;
    }
    const all = await periodsWithData(planId, entries);
    if (!all.length) throw new NotFoundError('Reporting period with data', 'latest (the plan has no entries and there are no indicator values)');
    return all[all.length - 1];
  }

  async function loadInput(req: ReportRequest): Promise<ReportInput> {
    const structure = await plans.structure(req.planId);
    const planId = structure.plan.id;
    if (structure.outcomes.length === 0) {
      throw new ValidationError(`The plan "${structure.plan.title}" has no outcomes yet, so there is nothing to hang a report on`, [{ field: 'planId', message: 'add the plan\'s outcomes first' }]);
    }
    const entries = await listReportEntries(db, planId);
    const periodKey = await resolvePeriod(planId, req.period, entries);
    const settings = await workspace.settings();
    const group = req.group ?? settings.defaultGroup ?? undefined;
    let compendium: Compendium | null = null;
    const histories: Record<string, IndicatorHistory> = {};
    const peerValues: Record<string, PeerValue[]> = {};
    if (performance) {
      try {
        // A draft report shows the council's values still awaiting approval too, marked as such.
        const c = await performance.compendium({ area: settings.councilCode, group, period: periodKey, unpublished: req.draft });
        compendium = c.rows.length ? c : null;
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    if (compendium) {
      for (const r of compendium.rows) {
        histories[r.indicator.id] = await performance!.history({ indicator: r.indicator.id, area: settings.councilCode, group, unpublished: req.draft });
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
    const inPeriod = entries.filter((e) => (req.draft || e.workflowState === 'published') && entryInPeriod(e, periodKey));
    if (!compendium && inPeriod.length === 0) {
      const have = await periodsWithData(planId, entries);
      throw new ValidationError(`There is nothing to report for ${periodLabel(periodKey)}: no ${req.draft ? '' : 'published '}entries and no indicator values`, [
        { field: 'period', message: have.length ? `periods with data: ${have.join(', ')}` : 'the plan has no entries or indicator values yet' },
      ]);
    }
    return {
      council: { code: settings.councilCode, name: settings.councilName, brandColour: settings.brandColour, fictional: settings.demo },
      plan: { ...structure.plan, outcomes: structure.outcomes },
      periodKey,
      draft: req.draft,
      generatedOn: req.generatedOn ?? new Date().toISOString().slice(0, 10),
      entries: entries.map((e) => ({ ...e, kind: EntryKind.parse(e.kind), workflowState: WorkflowState.parse(e.workflowState) })),
      commitments: (await listReportCommitments(db, planId)).map((c) => ({ ...c, status: CommitmentStatus.parse(c.status), workflowState: WorkflowState.parse(c.workflowState) })),
      financialFigures: await listFinancialFigures(db, planId, periodKey),
      compendium,
      histories,
      peerValues,
      methodologyUrl: config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}/methodology` : 'docs/methodology.md (in the Compendium source)',
    };
  }

  function checkFormats(formats: string[]): ReportFormat[] {
    const bad = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
    if (bad.length || !formats.length) {
      throw new ValidationError(bad.length ? `Unknown report format: ${bad.join(', ')}` : 'No report format was asked for', [{ field: 'formats', message: `choose from ${REPORT_FORMATS.join(', ')}` }]);
    }
    return formats as ReportFormat[];
  }

  async function buildWithModel(req: BuildRequest): Promise<{ files: ReportFile[]; model: ReportModel }> {
    const formats = checkFormats(req.formats);
    req.onProgress?.('loading', 0, formats.length);
    const model = buildReportModel(await loadInput(req));
    const files = await renderReport(model, formats, {
      chromiumPath: config.chromiumPath, browser: req.browser,
      onProgress: (f, done, total) => req.onProgress?.(f, done, total),
    });
    return { files, model };
  }

  return {
    periodsWithData: async (planId?: string) => periodsWithData((await plans.structure(planId)).plan.id),

    /** The report as data (the web's preview and the golden tests use it). */
    async model(req: ReportRequest): Promise<ReportModel> {
      return buildReportModel(await loadInput(req));
    },

    /** Builds the report files in memory; nothing is stored. */
    async build(req: BuildRequest): Promise<ReportFile[]> {
      return (await buildWithModel(req)).files;
    },

    /** Builds and stores the files (one transaction), recording who published what. */
    async publish(req: BuildRequest & { userId?: string | null }): Promise<ReportArtifactSummary[]> {
      const { files, model } = await buildWithModel(req);
      const { planId, periodKey } = model.meta;
      const ids: string[] = [];
      await db.transaction(async (tx) => {
        const rows = files.map((f) => {
          const id = randomUUID();
          ids.push(id);
          return { id, planId, periodKey, format: f.format, fileName: f.fileName, mediaType: f.mediaType, draft: req.draft, content: f.bytes, createdBy: req.userId ?? null };
        });
        await insertReportArtifacts(tx, rows);
        await appendAuditEvent(tx, {
          userId: req.userId ?? null, action: req.draft ? 'build-draft-report' : 'publish-report', entityType: 'plan', entityId: planId,
          after: { periodKey, files: rows.map((r) => ({ id: r.id, format: r.format, fileName: r.fileName, size: r.content.length })) },
        });
      });
      const all = await listReportArtifacts(db);
      return all.filter((a) => ids.includes(a.id));
    },

    list: () => listReportArtifacts(db),

    async get(id: string) {
      const row = await getReportArtifact(db, id);
      if (!row) throw new NotFoundError('Report file', id);
      return row;
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
