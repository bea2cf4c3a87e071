// Publishing a report from the workspace: a performance officer asks for a draft of a plan's report
// for a period and comparator group (generated in the background), previews it and sends it for
// approval; an administrator publishes it. A correction is published as a new version with a note
// of what changed; earlier versions stay available.
import { randomUUID } from 'node:crypto';
import { parsePeriod } from '../domain/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { periodLabel } from '../reports/model/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getReportArtifact, listReportArtifacts, type ReportArtifactSummary } from '../store/queries/reportArtifacts.js';
import {
  getReportVersion, insertReportVersion, latestPublishedVersion, listReportVersions, moveReportVersion, type ReportVersionListed, type ReportVersionRow,
} from '../store/queries/reportVersions.js';
import type { PlanService } from './plans.js';
import { authorize, type Actor } from './policy.js';
import { buildAllFormats, checkSize, reportWorker, storeVersionFiles, type JobContext, type ReportBuilder } from './report-jobs.js';

export type ReportVersion = ReportVersionListed & { files: ReportArtifactSummary[] };

export interface VersionDeps extends JobContext {
  plans: PlanService;
  builder: ReportBuilder & { periodsWithData(planId?: string): Promise<string[]> };
}

/** States in which background work is waiting or under way. */
export const ACTIVE_STATES = ['queued', 'generating', 'publish-queued', 'publishing'];

const MAX_NOTE = 2000;

type Db = VersionDeps['store']['db'];

async function withFiles(db: Db, rows: ReportVersionListed[]): Promise<ReportVersion[]> {
  const files = await listReportArtifacts(db, { reportIds: rows.map((r) => r.id) });
  return rows.map((r) => ({ ...r, files: files.filter((f) => f.reportId === r.id) }));
}

async function find(db: Db, id: string): Promise<ReportVersionRow> {
  const row = await getReportVersion(db, id);
  if (!row) throw new NotFoundError('Report', id);
  return row;
}

/** The period as a key, refusing one with nothing in it (naming those that have something). */
async function periodFor(deps: VersionDeps, planId: string, given: string | undefined): Promise<string> {
  const have = await deps.builder.periodsWithData(planId);
  if (!given) {
    if (!have.length) throw new ValidationError('There is nothing to report yet: the plan has no entries and there are no indicator values', [{ field: 'period', message: 'add entries or import indicator values first' }]);
    return have[have.length - 1];
  }
  const parsed = parsePeriod(given);
  if (!parsed.ok) throw new ValidationError(`The period "${given}" cannot be read`, [{ field: 'period', message: parsed.error }]);
  if (!have.includes(parsed.period.key)) {
    throw new ValidationError(`There is nothing to report for ${periodLabel(parsed.period.key)}: no entries and no indicator values`, [
      { field: 'period', message: have.length ? `periods with data: ${have.map(periodLabel).join(', ')}` : 'the plan has no entries or indicator values yet' },
    ]);
  }
  return parsed.period.key;
}

/** The note a new version must carry when an earlier one of the plan and period was published. */
async function checkNote(db: Db, planId: string, periodKey: string, note: string | undefined): Promise<string | null> {
  const text = note?.trim() ?? '';
  if (text.length > MAX_NOTE) throw new ValidationError(`The note of what changed is ${text.length} characters long; keep it under ${MAX_NOTE}`, [{ field: 'note', message: `at most ${MAX_NOTE} characters` }]);
  const earlier = await latestPublishedVersion(db, planId, periodKey);
  if (earlier && !text) {
    throw new ValidationError(`Version ${earlier} of the ${periodLabel(periodKey)} report is already published: say what this version changes`, [{ field: 'note', message: 'write a short note of what changed' }]);
  }
  return text || null;
}

type Worker = ReturnType<typeof reportWorker>;

/** Runs each piece of work given to it after the one before has finished. */
function serially() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/** Asking for drafts, reading them and sending them for approval. */
function draftMethods(deps: VersionDeps, worker: Worker) {
  const { db } = deps.store;
  const oneAtATime = serially();
  const get = async (actor: Actor, id: string): Promise<ReportVersion> => {
    authorize(actor, 'drafts.read');
    const [row] = (await listReportVersions(db)).filter((r) => r.id === id);
    if (!row) throw new NotFoundError('Report', id);
    return (await withFiles(db, [row]))[0];
  };
  return {
    /**
     * Asks for a draft in the background. The same request still waiting in the queue is not queued
     * twice (that one is returned); the worker makes one version at a time.
     */
    async request(actor: Actor, req: { planId?: string; period?: string; group?: string }): Promise<{ version: ReportVersionRow; alreadyQueued: boolean }> {
      authorize(actor, 'report.generate');
      const planId = (await deps.plans.structure(req.planId)).plan.id;
      const periodKey = await periodFor(deps, planId, req.period);
      const groupName = req.group?.trim() || null;
      // One request at a time from looking for the same one waiting to queuing it: two sent at once
      // (a double click, two officers) would otherwise both find none and both be queued.
      const queued = await oneAtATime(async () => {
        const waiting = (await listReportVersions(db, { planId, states: ['queued'] })).find((v) => v.periodKey === periodKey && v.groupName === groupName);
        if (waiting) return { id: waiting.id, alreadyQueued: true };
        const id = randomUUID();
        await db.transaction(async (tx) => {
          await insertReportVersion(tx, { id, planId, periodKey, groupName, state: 'queued', requestedBy: actor.id });
          await appendAuditEvent(tx, { userId: actor.id, action: 'request-report', entityType: 'report', entityId: id, after: { planId, periodKey, groupName } });
        });
        return { id, alreadyQueued: false };
      });
      worker.later();
      return { version: await find(db, queued.id), alreadyQueued: queued.alreadyQueued };
    },

    async list(actor: Actor, filter: { planId?: string } = {}): Promise<ReportVersion[]> {
      authorize(actor, 'drafts.read');
      return withFiles(db, await listReportVersions(db, filter));
    },

    get,

    /** One of a version's files, draft or published (the workspace's preview and downloads). */
    async file(actor: Actor, id: string, format: string) {
      authorize(actor, 'drafts.read');
      const v = await get(actor, id);
      const summary = v.files.filter((f) => f.format === format).sort((a, b) => Number(a.draft) - Number(b.draft))[0];
      const file = summary && await getReportArtifact(db, summary.id);
      if (!file) throw new NotFoundError(`The ${format.toUpperCase()} file of report`, id);
      return file;
    },

    /** Sends a generated draft for an administrator's approval. */
    async submit(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'report.generate');
      const row = await find(db, id);
      await db.transaction(async (tx) => {
        if (!(await moveReportVersion(tx, id, ['draft'], { state: 'submitted', submittedBy: actor.id, submittedAt: new Date().toISOString(), error: null }))) {
          throw new ConflictError(`This report cannot be sent for approval: it is ${describeState(row.state)}`);
        }
        await appendAuditEvent(tx, { userId: actor.id, action: 'submit-report', entityType: 'report', entityId: id, after: { planId: row.planId, periodKey: row.periodKey } });
      });
    },
  };
}

/** Approving and publishing, in the background or (the command line) at once. */
function publishMethods(deps: VersionDeps, worker: Worker, get: (actor: Actor, id: string) => Promise<ReportVersion>) {
  const { db } = deps.store;
  return {
    /**
     * Approves and publishes a version sent for approval: the published files are made in the
     * background. A second request while the first is waiting or under way is refused.
     */
    async publish(actor: Actor, id: string, opts: { note?: string } = {}): Promise<void> {
      authorize(actor, 'report.publish');
      const row = await find(db, id);
      const changeNote = await checkNote(db, row.planId, row.periodKey, opts.note);
      await db.transaction(async (tx) => {
        const moved = await moveReportVersion(tx, id, ['submitted'], { state: 'publish-queued', publishedBy: actor.id, approvedByName: actor.name, changeNote, error: null });
        if (!moved) {
          const now = (await getReportVersion(tx, id))?.state ?? row.state;
          throw new ConflictError(now === 'publish-queued' || now === 'publishing' ? 'This report is already being published' : `This report cannot be published: it is ${describeState(now)}`);
        }
        await appendAuditEvent(tx, { userId: actor.id, action: 'approve-report', entityType: 'report', entityId: id, after: { planId: row.planId, periodKey: row.periodKey, changeNote } });
      });
      worker.later();
    },

    /** The command line's `report --publish`: made, approved and published at once, with an audit record. */
    async publishNow(actor: Actor, req: { planId?: string; period?: string; group?: string; note?: string; onProgress?: (stage: string, done: number, total: number) => void }): Promise<ReportVersion> {
      authorize(actor, 'report.publish');
      const planId = (await deps.plans.structure(req.planId)).plan.id;
      const periodKey = await periodFor(deps, planId, req.period);
      const changeNote = await checkNote(db, planId, periodKey, req.note);
      const { files, pdfUnavailable } = await buildAllFormats(deps.builder, { planId, period: periodKey, group: req.group, draft: false, onProgress: req.onProgress });
      checkSize(files, deps.config.maxUploadBytes);
      const id = randomUUID();
      const row = {
        id, planId, periodKey, groupName: req.group ?? null, state: 'publishing', stage: null, done: 0, total: files.length, error: null, version: null,
        changeNote, pdfUnavailable, requestedBy: actor.id, requestedAt: new Date().toISOString(), submittedBy: actor.id, submittedAt: new Date().toISOString(),
        publishedBy: actor.id, approvedByName: actor.name, publishedAt: null, updatedAt: new Date().toISOString(),
      };
      await storeVersionFiles(db, row, { from: 'publishing', files, pdfUnavailable, insert: true });
      return get(actor, id);
    },

  };
}

export function reportVersionService(deps: VersionDeps) {
  const worker = reportWorker(deps);
  const drafts = draftMethods(deps, worker);
  return {
    ...drafts,
    ...publishMethods(deps, worker, (actor, id) => drafts.get(actor, id)),
    /** Picks up queued work (after a restart too); the web server calls it when it starts. */
    async resume(): Promise<void> {
      void worker.start();
    },

    /** Resolves when this process has no report work under way (tests, shutting down). */
    idle: () => worker.idle(),
  };
}

const STATE_WORDS: Record<string, string> = {
  queued: 'waiting to be generated', generating: 'being generated', draft: 'a draft', submitted: 'waiting for approval',
  'publish-queued': 'waiting to be published', publishing: 'being published', published: 'published', failed: 'a draft that could not be generated',
};

export const describeState = (state: string) => STATE_WORDS[state] ?? state;

export type ReportVersionService = ReturnType<typeof reportVersionService>;
