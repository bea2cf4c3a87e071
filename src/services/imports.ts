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
import { getSetting, putSettings } from '../store/queries/settings.js';
import { listPlans } from '../store/queries/plans.js';
import { deleteImportedDocument, documentsForPeriod, listAcceptedLinksOfDocuments } from '../store/queries/documentsForPeriod.js';
import { insertSuggestions } from '../store/queries/entryLinks.js';
import { reattachLinks, reattachSentence, type Reattachment } from './links/reattach.js';
import { findPlanByRef, parsePeriod } from '../domain/index.js';
import { periodLabel } from '../present/format.js';
import { missingYearProblem, newPlanYears, outsidePlanWarning, overlapSentence, planForPeriod, stampHistory } from './import-plan/history.js';
import { findDocumentBySha } from '../store/queries/findDocumentBySha.js';
import { getSectionMappings, putSectionMappings } from '../store/queries/sectionMappings.js';
import { listAreaNames } from '../store/queries/listAreaNames.js';
import { insertReportImport } from '../store/queries/insertReportImport.js';
import { insertImportBatch } from '../store/queries/importBatches.js';
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
  /** The plan to import into, by id, slug or exact title (default: the plan in force in the report's year). */
  planId?: string;
  /** Create a new plan whose outcomes and themes are the first report's sections. */
  newPlanTitle?: string;
  /** The new plan's years in force ("2018-2022"); else read from its title or the report. */
  newPlanYears?: string;
  /** Leave the current plan as it is when creating a new one. */
  notCurrent?: boolean;
  /** The period the reports cover ("2019/20"), when neither file name nor text says. */
  period?: string;
  /** Replace a report already imported for the same period. */
  replace?: boolean;
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
  /** 'links': the entries are stored and links to earlier years are being suggested. */
  stage: 'read' | 'parse' | 'store' | 'links';
  done: number;
  total: number;
}


/** A new plan from the first report, with its years (asked for, in its title, or in the report); refused when they overlap another's. */
async function newTarget(db: Db, opts: ImportOptions, first: { report: ParsedReport; text: string } | undefined): Promise<PlanTarget & { endDate: string }> {
  const title = (opts.newPlanTitle ?? '').trim();
  if (!title) throw new ValidationError('--new-plan needs a title', [{ field: 'newPlanTitle', message: 'a plan needs a title' }]);
  const councilCode = (await getSetting<string>(db, 'councilCode')) ?? 'E10000018';
  let years: { startDate: string; endDate: string } | undefined;
  try {
    years = newPlanYears({ title, years: opts.newPlanYears, report: first?.report, reportText: first?.text });
  } catch (e) {
    throw new ValidationError((e as Error).message, [{ field: 'newPlanYears', message: 'two years such as 2018-2022' }]);
  }
  const target = newPlanFromReport({ title, councilCode, report: first?.report, thisYear: new Date().getFullYear() }, randomUUID);
  if (years) Object.assign(target.rows!.plan, years);
  const overlap = overlapSentence(await listPlans(db), target.rows!.plan);
  if (overlap) throw new ValidationError(overlap, [{ field: 'newPlanYears', message: 'overlaps another plan' }]);
  return { ...target, endDate: target.rows!.plan.endDate };
}

/** The plan named by the options: a new one from the first report, the one asked for, or the one in force in the report's year. */
async function targetPlan(db: Db, opts: ImportOptions, first: { report: ParsedReport; text: string } | undefined): Promise<PlanTarget & { endDate: string; warning?: string }> {
  if (opts.newPlanTitle !== undefined) return newTarget(db, opts, first);
  const plans = await listPlans(db);
  let id: string;
  let warning: string | undefined;
  if (opts.planId !== undefined) {
    const named = findPlanByRef(plans, opts.planId);
    if (!named) throw new ValidationError(`There is no plan "${opts.planId}": name one by its id, slug or exact title (see compendium plans list)`, [{ field: 'plan', message: 'not found' }]);
    id = named.id;
    warning = first && outsidePlanWarning(named, first.report.periodKey);
  } else {
    const chosen = planForPeriod(plans, first?.report.periodKey ?? '');
    if ('problem' in chosen) throw new ValidationError(chosen.problem, [{ field: 'plan', message: 'no plan in force' }]);
    id = chosen.plan.id;
  }
  const s = await getPlanStructure(db, id);
  if (!s) throw new ValidationError(`There is no plan with id "${id}"`, [{ field: 'plan', message: 'not found' }]);
  return {
    id, title: s.plan.title, isNew: false, endDate: s.plan.endDate, warning,
    outcomes: s.outcomes.map((o) => ({ id: o.id, title: o.title, slug: o.slug, themes: o.themes.map((t) => ({ id: t.id, title: t.title })) })),
  };
}

/** Reports already imported into the plan for the periods of this import's new files; a second for a period is refused unless replacing. */
async function samePeriodReports(db: Db, plan: PlanTarget, planned: ImportPlan, replace: boolean): Promise<string[]> {
  const seen = new Map<string, string>();
  const replaced: string[] = [];
  for (const [i, f] of planned.files.entries()) {
    if (f.status === 'already imported') continue;
    const other = seen.get(f.periodKey);
    if (other) throw new ValidationError(`${f.name} and ${other} both cover ${periodLabel(f.periodKey)}: import one report per period`, [{ field: 'files', message: 'two reports for one period' }]);
    seen.set(f.periodKey, f.name);
    if (plan.isNew) continue;
    const earlier = (await documentsForPeriod(db, plan.id, f.periodKey)).filter((d) => d.sha256 !== planned.files[i].sha256);
    if (earlier.length && !replace) {
      throw new ValidationError(`${f.name} covers ${periodLabel(f.periodKey)}, for which ${earlier.map((d) => d.name).join(', ')} is already imported into "${plan.title}": use --replace to replace it`, [{ field: 'replace', message: 'a report for this period exists' }]);
    }
    replaced.push(...earlier.map((d) => d.id));
  }
  return replaced;
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
async function writeImport(db: Db, plan: PlanTarget, planned: ImportPlan, opts: { userId: string | null; replaced: string[]; makeCurrent: boolean }): Promise<Reattachment> {
  const { userId } = opts;
  return db.transaction(async (tx) => {
    // The accepted links of the reports replaced, read before their entries go, to move to the new report's.
    const links = await listAcceptedLinksOfDocuments(tx, opts.replaced);
    for (const id of opts.replaced) {
      await deleteImportedDocument(tx, id);
      await appendAuditEvent(tx, { userId, action: 'delete', entityType: 'document', entityId: id, after: { replacedBy: planned.files.map((f) => f.name) } });
    }
    if (plan.rows) {
      await insertPlan(tx, plan.rows.plan);
      for (const o of plan.rows.outcomes) await insertOutcome(tx, o);
      for (const t of plan.rows.themes) await insertTheme(tx, t);
      await appendAuditEvent(tx, { userId, action: 'create', entityType: 'plan', entityId: plan.id, after: { title: plan.title, from: 'import', outcomes: plan.outcomes.map((o) => o.title) } });
      if (opts.makeCurrent) await putSettings(tx, { currentPlanId: plan.id });
    }
    for (const w of planned.writes) {
      // The document first (the batch points at it), then the batch, then its draft rows.
      await insertReportImport(tx, w.rows, async () => insertImportBatch(tx, w.batch));
      await appendAuditEvent(tx, { userId, action: 'import', entityType: 'document', entityId: String(w.rows.document.id), after: w.audit });
      await appendAuditEvent(tx, { userId, action: 'create', entityType: 'import_batch', entityId: w.batch.id, after: { fileName: w.batch.fileName, sha256: w.batch.sha256, counts: w.batch.counts } });
    }
    await putSectionMappings(tx, planned.mappings);
    return keepLinks(tx, links, planned, userId);
  });
}

/** Writes the replaced reports' accepted links again between the new report's matching entries; audits what was kept and what was not. */
async function keepLinks(tx: Db, links: Awaited<ReturnType<typeof listAcceptedLinksOfDocuments>>, planned: ImportPlan, userId: string | null): Promise<Reattachment> {
  if (!links.length) return { kept: [], lost: [] };
  const fresh = {
    entries: planned.writes.flatMap((w) => w.rows.entries.map((e) => ({ id: String(e.id), title: e.title ?? '', body: e.body ?? '' }))),
    commitments: planned.writes.flatMap((w) => w.rows.commitments.map((c) => ({ id: String(c.id), text: c.text }))),
  };
  const r = reattachLinks(links, fresh);
  const byId = new Map(links.map((l) => [l.id, l]));
  const rows = r.kept.map((k) => {
    const old = byId.get(k.from)!;
    return {
      id: randomUUID(), entryId: k.entryId, earlierEntryId: k.earlierEntryId, commitmentId: k.commitmentId, score: old.score,
      reason: old.reason, sharedNames: old.sharedNames, state: 'accepted', schemeId: old.schemeId, decidedBy: old.decidedBy, decidedAt: old.decidedAt,
    };
  });
  if (rows.length) await insertSuggestions(tx, rows);
  for (const [i, k] of r.kept.entries()) {
    await appendAuditEvent(tx, { userId, action: 'create', entityType: 'entry_link', entityId: rows[i].id, after: { keptFrom: k.from, entryId: k.entryId, earlierEntryId: k.earlierEntryId, commitmentId: k.commitmentId, match: k.match } });
  }
  for (const l of r.lost) {
    await appendAuditEvent(tx, { userId, action: 'delete', entityType: 'entry_link', entityId: l.id, after: { reason: 'its report was replaced and the new report has no entry close enough to keep it', side: l.side } });
  }
  return r;
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
      const r = await readAndParse({ file: f, read: { maxBytes: config.maxUploadBytes }, parse: { reportYear: opts.reportYear, period: opts.period, areas } }, { thread: opts.thread });
      const noYear = missingYearProblem(r.read.name, r.parsed);
      if (noYear) throw new ValidationError(noYear, [{ field: 'year', message: 'give the year with --year or --period' }]);
      opts.onProgress?.({ file: r.read.name, stage: 'parse', done: i, total });
      reads.push(r.read);
      parsed.push(r.parsed);
    }
    if (opts.period !== undefined && !parsePeriod(opts.period).ok) throw new ValidationError(`--period "${opts.period}" is not a period such as 2019/20`, [{ field: 'period', message: 'not a period' }]);
    const dryRun = Boolean(opts.dryRun);
    refuseNonReports(reads, parsed, dryRun || Boolean(opts.force));
    const plan = await targetPlan(db, opts, parsed[0] && { report: parsed[0], text: reads[0].text });
    const context = await importContext(db, plan, reads, parsed, opts.map ?? []);
    const userId = opts.userId ?? null;
    const planned = planImport(reads.map((read, i) => ({ read, report: parsed[i] })), context, { dryRun, userId, now: new Date().toISOString(), newId: randomUUID });
    stampHistory(planned, plan);
    if (plan.warning) for (const f of planned.files) f.warnings.push(plan.warning);
    const replaced = await samePeriodReports(db, plan, planned, Boolean(opts.replace));
    let links: Reattachment | undefined;
    if (!dryRun && (planned.writes.length || plan.isNew)) {
      opts.onProgress?.({ file: '', stage: 'store', done: 0, total });
      links = await writeImport(db, plan, planned, { userId, replaced, makeCurrent: !opts.notCurrent });
    }
    const linksSentence = links && reattachSentence(links);
    return {
      dryRun, planId: plan.isNew && dryRun ? null : plan.id, planTitle: plan.title, newPlan: plan.isNew,
      files: planned.files, totals: importTotals(planned.files),
      ...(links && linksSentence ? { links: { kept: links.kept.length, lost: links.lost.length, sentence: linksSentence } } : {}),
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
  /** Replace the report already imported for the same period. */
  replace?: boolean;
}

export const STAGE_MINUTES = 30;
const STAGE_PER_USER = 5;
