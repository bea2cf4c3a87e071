// Builds the Annual Delivery Report and Performance Compendium for a plan and period in the requested
// formats (report-versions.ts keeps drafts and published versions in the database for the web to serve).
import type { Browser } from 'playwright-core';
import type { Config } from '../config.js';
import { ValidationError } from '../errors.js';
import { buildReportModel, type ReportModel } from '../reports/model/index.js';
import { REPORT_FORMATS, renderReport, type ReportFile, type ReportFormat } from '../reports/render/index.js';
import type { Store } from '../store/index.js';
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

  return {
    periodsWithData: async (planId?: string) => periodsWithData(inputDeps, (await plans.structure(planId)).plan.id),

    /** The report as data (the web's preview and the golden tests use it). */
    async model(req: ReportRequest): Promise<ReportModel> {
      return buildReportModel(await loadReportInput(inputDeps, req));
    },

    /** Builds the report files in memory; nothing is stored. */
    async build(req: BuildRequest): Promise<ReportFile[]> {
      const formats = checkFormats(req.formats);
      req.onProgress?.('loading', 0, formats.length);
      const model = buildReportModel(await loadReportInput(inputDeps, req));
      return renderReport(model, formats, {
        chromiumPath: config.chromiumPath, browser: req.browser,
        onProgress: (f, done, total) => req.onProgress?.(f, done, total),
      });
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
