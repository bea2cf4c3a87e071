// Publishing: builds the Annual Delivery Report and Performance Compendium for a plan and period in
// the requested formats, and keeps published files in the database for the web to serve.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { Config } from '../config.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { buildReportModel, type ReportModel } from '../reports/model/index.js';
import { REPORT_FORMATS, renderReport, type ReportFile, type ReportFormat } from '../reports/render/index.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getReportArtifact, insertReportArtifacts, listReportArtifacts, type ReportArtifactSummary } from '../store/queries/reportArtifacts.js';
import { loadReportInput, periodsWithData, type ReportDeps, type ReportRequest } from './report-input.js';

export type { PerformanceSource, ReportDeps, ReportRequest } from './report-input.js';

export interface BuildRequest extends ReportRequest {
  formats: ReportFormat[];
  onProgress?: (stage: string, done: number, total: number) => void;
  /** A running Chromium to reuse (benchmarks, the web). */
  browser?: Browser;
}

export type { ReportFile, ReportFormat };
export { REPORT_FORMATS };


/** The formats asked for, or a ValidationError naming those that are not formats. */
function checkFormats(formats: string[]): ReportFormat[] {
  const bad = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || !formats.length) {
    throw new ValidationError(bad.length ? `Unknown report format: ${bad.join(', ')}` : 'No report format was asked for', [{ field: 'formats', message: `choose from ${REPORT_FORMATS.join(', ')}` }]);
  }
  return formats as ReportFormat[];
}

export function reportService(store: Store, config: Config, deps: ReportDeps) {
  const { db } = store;
  const { plans } = deps;
  const inputDeps = { ...deps, db, config };

  async function buildWithModel(req: BuildRequest): Promise<{ files: ReportFile[]; model: ReportModel }> {
    const formats = checkFormats(req.formats);
    req.onProgress?.('loading', 0, formats.length);
    const model = buildReportModel(await loadReportInput(inputDeps, req));
    const files = await renderReport(model, formats, {
      chromiumPath: config.chromiumPath, browser: req.browser,
      onProgress: (f, done, total) => req.onProgress?.(f, done, total),
    });
    return { files, model };
  }

  return {
    periodsWithData: async (planId?: string) => periodsWithData(inputDeps, (await plans.structure(planId)).plan.id),

    /** The report as data (the web's preview and the golden tests use it). */
    async model(req: ReportRequest): Promise<ReportModel> {
      return buildReportModel(await loadReportInput(inputDeps, req));
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
