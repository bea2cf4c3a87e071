// Imports a council's annual reports: reads each file, asks the pure planner (./import-plan/) what
// to write, and stores the document, entries, facts, places and commitments in one transaction. The
// same file twice changes nothing; another year's report adds to the history.
import { randomBytes, randomUUID } from 'node:crypto';
import { ValidationError } from '../errors.js';
import type { Config } from '../config.js';
import type { Store } from '../store/index.js';
import type { ReadReport, ReportFile } from '../ingest/report/read.js';
import type { ParsedReport } from '../ingest/report/parse.js';
import { readAndParse } from '../ingest/report/read-and-parse.js';
import { getPlanStructure, insertOutcome, insertPlan, insertTheme } from '../store/queries/plans.js';
import { getSetting } from '../store/queries/settings.js';
import { findDocumentBySha } from '../store/queries/findDocumentBySha.js';
import { getSectionMappings, putSectionMappings } from '../store/queries/sectionMappings.js';
import { listAreaNames } from '../store/queries/listAreaNames.js';
import { insertReportImport } from '../store/queries/insertReportImport.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import type { Db } from '../store/db.js';
import { hashToken } from './auth.js';
import { deleteStagedUpload, getStagedUpload, putStagedUpload } from '../store/queries/stagedUploads.js';
import { newPlanFromReport } from './import-plan/new-plan.js';
import { parseSectionMap } from './import-plan/section-map.js';
import { importTotals, planImport } from './import-plan/plan.js';
import type { ImportContext, ImportPlan, ImportSummary, PlanTarget } from './import-plan/types.js';

export type { FileSummary, ImportSummary, SectionSummary } from './import-plan/types.js';

export interface ImportOptions {
  /** The plan to import into (default: the workspace's current plan). */
  planId?: string;
  /** Create a new plan whose outcomes and themes are the first report's sections. */
  newPlanTitle?: string;
  /** "Section=Outcome" overrides; remembered for the next import. */
  map?: string[];
  dryRun?: boolean;
  /** Import a document even though it looks like minutes, an agenda, news or a forward plan. */
  force?: boolean;
  /** The year the reports were published, when neither file name nor text says. */
  reportYear?: number;
  userId?: string | null;
  onProgress?: (event: ImportProgress) => void;
  /** Read and parse large files in a worker thread (the web server does, to keep answering meanwhile). */
  thread?: boolean;
}

export interface ImportProgress {
  file: string;
  stage: 'read' | 'parse' | 'store';
  done: number;
  total: number;
}


/** The plan named by the options: a new one from the first report, the one asked for, or the current one. */
async function targetPlan(db: Db, opts: ImportOptions, first: ParsedReport | undefined): Promise<PlanTarget> {
  if (opts.newPlanTitle !== undefined) {
    const title = opts.newPlanTitle.trim();
    if (!title) throw new ValidationError('--new-plan needs a title', [{ field: 'newPlanTitle', message: 'a plan needs a title' }]);
    const councilCode = (await getSetting<string>(db, 'councilCode')) ?? 'E10000018';
    return newPlanFromReport({ title, councilCode, report: first, thisYear: new Date().getFullYear() }, randomUUID);
  }
  const id = opts.planId ?? (await getSetting<string | null>(db, 'currentPlanId')) ?? undefined;
  if (!id) throw new ValidationError('The workspace has no plan to import into: use --plan ID or --new-plan TITLE');
  const s = await getPlanStructure(db, id);
  if (!s) throw new ValidationError(`There is no plan with id "${id}"`, [{ field: 'plan', message: 'not found' }]);
  return {
    id, title: s.plan.title, isNew: false,
    outcomes: s.outcomes.map((o) => ({ id: o.id, title: o.title, slug: o.slug, themes: o.themes.map((t) => ({ id: t.id, title: t.title })) })),
  };
}

/** What the planner needs from the database: the section answers and the documents already imported. */
async function importContext(db: Db, plan: PlanTarget, reads: ReadReport[], parsed: ParsedReport[], map: string[]): Promise<ImportContext> {
  const overrides = parseSectionMap(map, parsed, plan.outcomes);
  if (plan.isNew) return { plan, overrides, remembered: new Map(), existing: new Map() };
  const remembered = new Map((await getSectionMappings(db, plan.id)).map((m) => [m.section, m]));
  const existing = new Map<string, { id: string; importedAt: unknown }>();
  for (const r of reads) {
    const found = await findDocumentBySha(db, plan.id, r.sha256);
    if (found) existing.set(r.sha256, found);
  }
  return { plan, overrides, remembered, existing };
}

/** Writes a new plan (if any), every file's rows and the remembered answers, all or nothing. */
async function writeImport(db: Db, plan: PlanTarget, planned: ImportPlan, userId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    if (plan.rows) {
      await insertPlan(tx, plan.rows.plan);
      for (const o of plan.rows.outcomes) await insertOutcome(tx, o);
      for (const t of plan.rows.themes) await insertTheme(tx, t);
      await appendAuditEvent(tx, { userId, action: 'create', entityType: 'plan', entityId: plan.id, after: { title: plan.title, from: 'import', outcomes: plan.outcomes.map((o) => o.title) } });
    }
    for (const w of planned.writes) {
      await insertReportImport(tx, w.rows);
      await appendAuditEvent(tx, { userId, action: 'import', entityType: 'document', entityId: String(w.rows.document.id), after: w.audit });
    }
    await putSectionMappings(tx, planned.mappings);
  });
}

/** A document that is not a report of delivery is imported only when forced (a preview still shows it, with the warning). */
function refuseNonReports(reads: ReadReport[], parsed: ParsedReport[], allowed: boolean): void {
  if (allowed) return;
  const k = parsed.findIndex((p) => p.notReport);
  if (k < 0) return;
  throw new ValidationError(`${reads[k].name}: ${parsed[k].notReport!.reason}`, [{ field: 'force', message: 'use --force (or tick "Import it anyway") to import it as a report' }]);
}

export function importService(store: Store, config: Config) {
  const { db } = store;

  async function run(files: ReportFile[], opts: ImportOptions = {}): Promise<ImportSummary> {
    if (!files.length) throw new ValidationError('No files to import');
    const total = files.length;
    const areas = await listAreaNames(db);
    const reads: ReadReport[] = [];
    const parsed: ParsedReport[] = [];
    for (const [i, f] of files.entries()) {
      opts.onProgress?.({ file: f.name, stage: 'read', done: i, total });
      // Large files are read and parsed in a worker thread, so a server goes on answering meanwhile.
      const r = await readAndParse({ file: f, read: { maxBytes: config.maxUploadBytes }, parse: { reportYear: opts.reportYear, areas } }, { thread: opts.thread });
      opts.onProgress?.({ file: r.read.name, stage: 'parse', done: i, total });
      reads.push(r.read);
      parsed.push(r.parsed);
    }
    const dryRun = Boolean(opts.dryRun);
    refuseNonReports(reads, parsed, dryRun || Boolean(opts.force));
    const plan = await targetPlan(db, opts, parsed[0]);
    const context = await importContext(db, plan, reads, parsed, opts.map ?? []);
    const userId = opts.userId ?? null;
    const planned = planImport(reads.map((read, i) => ({ read, report: parsed[i] })), context, { dryRun, userId, now: new Date().toISOString(), newId: randomUUID });
    if (!dryRun && (planned.writes.length || plan.isNew)) {
      opts.onProgress?.({ file: '', stage: 'store', done: 0, total });
      await writeImport(db, plan, planned, userId);
    }
    return {
      dryRun, planId: plan.isNew && dryRun ? null : plan.id, planTitle: plan.title, newPlan: plan.isNew,
      files: planned.files, totals: importTotals(planned.files),
    };
  }

  return {
    /** Reads and maps the files and says what an import would do, writing nothing. */
    preview: (files: ReportFile[], opts: Omit<ImportOptions, 'dryRun'> = {}) => run(files, { ...opts, dryRun: true }),
    run,

    /**
     * Keeps an uploaded report between its preview and the confirmation, in the database so that
     * any web process can take the confirmation; returns the token for the preview form. Kept for
     * STAGE_MINUTES, and a user's last STAGE_PER_USER uploads only.
     */
    async stage(file: ReportFile, userId: string, options: StagedOptions = {}): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await putStagedUpload(db, { id: hashToken(token), userId, name: file.name, content: file.bytes, options }, { minutes: STAGE_MINUTES, perUser: STAGE_PER_USER });
      return token;
    },

    /** The report staged with this token by this user, while it is kept. */
    async staged(token: string, userId: string): Promise<{ file: ReportFile; options: StagedOptions } | undefined> {
      if (!token) return undefined;
      const row = await getStagedUpload(db, hashToken(token), userId, STAGE_MINUTES);
      // PostgreSQL's driver gives a Buffer, PGlite a Uint8Array: the same bytes either way.
      return row && { file: { name: row.name, bytes: new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) }, options: row.options as StagedOptions };
    },

    async unstage(token: string): Promise<void> {
      await deleteStagedUpload(db, hashToken(token));
    },
  };
}

/** The choices made with an upload, kept with it until it is confirmed. */
export interface StagedOptions {
  reportYear?: number;
  newPlanTitle?: string;
}

export const STAGE_MINUTES = 30;
const STAGE_PER_USER = 5;
