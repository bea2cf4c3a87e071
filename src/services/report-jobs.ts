// The background work behind report versions: generating a draft and making the published files.
// One version at a time per process, taken from the queue in the database by a conditional update
// (so two processes never both take one); the files and the state change are written in one
// transaction, so nothing is ever half-published.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { ValidationError } from '../errors.js';
import { ChromiumMissingError, REPORT_FORMATS, type ReportFile } from '../reports/render/index.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { insertReportArtifacts } from '../store/queries/reportArtifacts.js';
import {
  insertReportVersion, latestPublishedVersion, moveReportVersion, nextQueuedReportVersion, requeueInterruptedReportVersions, setReportProgress, type ReportVersionRow,
} from '../store/queries/reportVersions.js';
import type { BuildRequest } from './reports.js';

/** What the jobs need from the report service. */
export interface ReportBuilder {
  build(req: BuildRequest): Promise<ReportFile[]>;
}

/** Every format; without Chromium, every one but the PDF and the reason it is missing. */
export async function buildAllFormats(builder: ReportBuilder, req: Omit<BuildRequest, 'formats'>): Promise<{ files: ReportFile[]; pdfUnavailable: string | null }> {
  try {
    return { files: await builder.build({ ...req, formats: [...REPORT_FORMATS] }), pdfUnavailable: null };
  } catch (e) {
    if (!(e instanceof ChromiumMissingError)) throw e;
    const files = e.partial as ReportFile[];
    if (REPORT_FORMATS.some((f) => f !== 'pdf' && !files.some((x) => x.format === f))) throw e;
    return { files, pdfUnavailable: e.hint ? `${e.message}; ${e.hint}` : e.message };
  }
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Refuses files that together exceed the largest upload the server accepts (what a restore or a proxy would refuse too). */
export function checkSize(files: ReportFile[], limit: number): void {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > limit) {
    throw new ValidationError(`The report's files come to ${mb(total)}, more than the ${mb(limit)} limit (COMPENDIUM_MAX_UPLOAD_MB), so nothing was stored`, [
      { field: 'files', message: files.map((f) => `${f.format} ${mb(f.bytes.length)}`).join(', ') },
    ]);
  }
}

export interface JobContext {
  store: Store;
  config: Config;
  builder: ReportBuilder;
}

/**
 * Writes a version's files and its new state in one transaction: a draft, or the next published
 * version with its audit record. `insert` writes the version row itself first (the command line's
 * publication, which has no queued row).
 */
export async function storeVersionFiles(db: Store['db'], row: ReportVersionRow, o: { from: string; files: ReportFile[]; pdfUnavailable: string | null; insert?: boolean }): Promise<void> {
  const publishing = row.state === 'publish-queued' || row.state === 'publishing';
  const { files, pdfUnavailable } = o;
  await db.transaction(async (tx) => {
    if (o.insert) await insertReportVersion(tx, { ...row, state: o.from });
    const version = publishing ? (await latestPublishedVersion(tx, row.planId, row.periodKey)) + 1 : null;
    const rows = files.map((f) => ({
      id: randomUUID(), reportId: row.id, planId: row.planId, periodKey: row.periodKey, format: f.format, fileName: f.fileName,
      mediaType: f.mediaType, draft: !publishing, content: f.bytes, createdBy: publishing ? row.publishedBy : row.requestedBy,
    }));
    await insertReportArtifacts(tx, rows);
    const moved = await moveReportVersion(tx, row.id, [o.from], publishing
      ? { state: 'published', version, publishedAt: new Date().toISOString(), pdfUnavailable, stage: null, done: files.length, total: files.length }
      : { state: 'draft', pdfUnavailable, stage: null, done: files.length, total: files.length });
    if (!moved) throw new Error('The report version changed while it was being made');
    await appendAuditEvent(tx, {
      userId: publishing ? row.publishedBy : row.requestedBy, action: publishing ? 'publish-report' : 'build-draft-report', entityType: 'report', entityId: row.id,
      after: { planId: row.planId, periodKey: row.periodKey, version, changeNote: row.changeNote, pdfUnavailable, files: rows.map((r) => ({ id: r.id, format: r.format, size: r.content.length })) },
    });
  });
}

/** Runs one queued version: a draft to generate, or an approved one to publish. */
async function runOne(ctx: JobContext, row: ReportVersionRow): Promise<void> {
  const { db } = ctx.store;
  const publishing = row.state === 'publish-queued';
  const running = publishing ? 'publishing' : 'generating';
  if (!(await moveReportVersion(db, row.id, [row.state], { state: running, stage: 'loading', done: 0, total: REPORT_FORMATS.length, error: null }))) return;
  let progress = Promise.resolve();
  try {
    const { files, pdfUnavailable } = await buildAllFormats(ctx.builder, {
      planId: row.planId, period: row.periodKey, group: row.groupName ?? undefined, draft: !publishing,
      onProgress: (stage, done, total) => {
        progress = progress.then(() => setReportProgress(db, row.id, { stage, done, total }));
      },
    });
    await progress;
    checkSize(files, ctx.config.maxUploadBytes);
    await storeVersionFiles(db, row, { from: running, files, pdfUnavailable });
  } catch (e) {
    await progress.catch(() => undefined);
    const message = (e as Error).message;
    // A publication that failed goes back to waiting for approval, with the reason; a draft is marked failed.
    await moveReportVersion(db, row.id, [running], publishing
      ? { state: 'submitted', error: `Not published: ${message}`, stage: null }
      : { state: 'failed', error: message, stage: null });
  }
}

/** The process's one worker: start() runs the queue until it is empty; idle() waits for that. */
export function reportWorker(ctx: JobContext) {
  let running: Promise<void> | null = null;
  let again = false;
  let recovered = false;

  async function drain(): Promise<void> {
    if (!recovered) {
      recovered = true;
      // One process holds an embedded workspace; on PostgreSQL another process may be working on one.
      await requeueInterruptedReportVersions(ctx.store.db, ctx.store.kind === 'postgres' ? 300 : 0);
    }
    for (let row = await nextQueuedReportVersion(ctx.store.db); row; row = await nextQueuedReportVersion(ctx.store.db)) {
      await runOne(ctx, row);
    }
  }

  function start(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
      if (again) {
        again = false;
        void start();
      }
    });
    running.catch(() => undefined);
    return running;
  }

  let soon: Promise<void> | null = null;
  return {
    start,
    /** Starts shortly, once the answer to the request that asked has gone (the browser never waits on the work). */
    later(): void {
      soon ??= new Promise<void>((resolve) => setTimeout(resolve, 250)).then(() => {
        soon = null;
        void start();
      });
    },
    /** Resolves when no work is waiting to start or under way in this process. */
    async idle(): Promise<void> {
      while (soon || running) await (soon ?? running!).catch(() => undefined);
    },
  };
}
