// Imports a council's annual reports: reads each file, finds its sections and items, maps sections to
// the plan's outcomes, and stores the document, entries, facts, places and commitments in one
// transaction. The same file twice changes nothing; another year's report adds to the history.
import { randomBytes, randomUUID } from 'node:crypto';
import { financialYear, slugify } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import type { Config } from '../config.js';
import type { Store } from '../store/index.js';
import type { ReadReport, ReportFile } from '../ingest/report/read.js';
import type { ParsedReport } from '../ingest/report/parse.js';
import { readAndParse } from '../ingest/report/read-and-parse.js';
import {
  findOutcome, normaliseSection, parseMapOverrides, suggestOutcome, suggestTheme, type MappedBy, type OutcomeChoice,
} from '../ingest/report/mapping.js';
import { getPlanStructure, insertOutcome, insertPlan, insertTheme } from '../store/queries/plans.js';
import { getSetting } from '../store/queries/settings.js';
import { findDocumentBySha } from '../store/queries/findDocumentBySha.js';
import { getSectionMappings, putSectionMappings, type SectionMappingRow } from '../store/queries/sectionMappings.js';
import { listAreaNames } from '../store/queries/listAreaNames.js';
import { insertReportImport, type ReportImportRows } from '../store/queries/insertReportImport.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { hashToken } from './auth.js';
import { deleteStagedUpload, getStagedUpload, putStagedUpload } from '../store/queries/stagedUploads.js';

export interface ImportOptions {
  /** The plan to import into (default: the workspace's current plan). */
  planId?: string;
  /** Create a new plan whose outcomes and themes are the first report's sections. */
  newPlanTitle?: string;
  /** "Section=Outcome" overrides; remembered for the next import. */
  map?: string[];
  dryRun?: boolean;
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

export interface SectionSummary {
  title: string;
  kind: 'front' | 'outcome';
  outcome: string | null;
  outcomeId: string | null;
  mappedBy: MappedBy;
  themes: string[];
  /** Themes mapped on their own (by --map or a remembered answer) rather than with their section. */
  themeMappings: { title: string; outcome: string | null; mappedBy: MappedBy }[];
  entries: number;
  facts: number;
  commitments: number;
}

export interface FileSummary {
  name: string;
  format: string;
  extractor: string;
  sha256: string;
  status: 'imported' | 'would import' | 'already imported';
  documentId: string | null;
  reportYear: number;
  periodKey: string;
  titledItems: boolean;
  sections: SectionSummary[];
  entries: number;
  facts: Record<string, number>;
  places: string[];
  commitments: number;
  dropped: { pageNumbers: number; furniture: number };
  warnings: string[];
  /** The whole structured result: sections, entries with facts, places, partners and commitments. */
  report: ParsedReport;
}

export interface ImportSummary {
  dryRun: boolean;
  planId: string | null;
  planTitle: string;
  newPlan: boolean;
  files: FileSummary[];
  totals: { entries: number; facts: number; commitments: number; places: number };
}

/** Whether every word of an outcome's title is in the section's title. */
function containsTitle(section: string, outcome: string): boolean {
  const words = new Set(normaliseSection(section).split(' '));
  return normaliseSection(outcome).split(' ').every((w) => words.has(w));
}

interface PlanTarget {
  id: string;
  title: string;
  outcomes: OutcomeChoice[];
  isNew: boolean;
  rows?: { plan: Parameters<typeof insertPlan>[1]; outcomes: Parameters<typeof insertOutcome>[1][]; themes: Parameters<typeof insertTheme>[1][] };
}

export function importService(store: Store, config: Config) {
  const { db } = store;

  async function targetPlan(opts: ImportOptions, first: ParsedReport | undefined): Promise<PlanTarget> {
    if (opts.newPlanTitle !== undefined) {
      const title = opts.newPlanTitle.trim();
      if (!title) throw new ValidationError('--new-plan needs a title', [{ field: 'newPlanTitle', message: 'a plan needs a title' }]);
      const councilCode = (await getSetting<string>(db, 'councilCode')) ?? 'E10000018';
      const year = first?.reportYear ?? new Date().getFullYear();
      const start = financialYear(year - 1);
      const id = randomUUID();
      const outcomeRows: Parameters<typeof insertOutcome>[1][] = [];
      const themeRows: Parameters<typeof insertTheme>[1][] = [];
      const outcomes: OutcomeChoice[] = [];
      const slugs = new Set<string>();
      for (const s of first?.sections ?? []) {
        // "Great Communities – Libraries" belongs to the "Great Communities" outcome made just before.
        if (s.kind !== 'outcome' || outcomes.some((o) => containsTitle(s.title, o.title))) continue;
        let slug = slugify(s.title);
        while (slugs.has(slug)) slug = `${slug}-${slugs.size}`;
        slugs.add(slug);
        const outcomeId = randomUUID();
        outcomeRows.push({ id: outcomeId, planId: id, slug, title: s.title, summary: s.intro, position: outcomeRows.length + 1 });
        const themes: { id: string; title: string }[] = [];
        const themeSlugs = new Set<string>();
        for (const t of s.themes) {
          let ts = slugify(t.title);
          while (themeSlugs.has(ts)) ts = `${ts}-${themeSlugs.size}`;
          themeSlugs.add(ts);
          const themeId = randomUUID();
          themeRows.push({ id: themeId, outcomeId, slug: ts, title: t.title, summary: t.intro, position: themes.length + 1 });
          themes.push({ id: themeId, title: t.title });
        }
        outcomes.push({ id: outcomeId, title: s.title, slug, themes });
      }
      const endYear = Number(start.start.slice(0, 4)) + 4;
      return {
        id, title, outcomes, isNew: true,
        rows: { plan: { id, title, councilCode, startDate: start.start, endDate: `${endYear}-03-31` }, outcomes: outcomeRows, themes: themeRows },
      };
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
    const plan = await targetPlan(opts, parsed[0]);

    // Mapping: the user's overrides, then what earlier imports remembered, then suggestions.
    let overrides: { section: string; outcome: string | null }[];
    try {
      overrides = parseMapOverrides(opts.map ?? []);
    } catch (e) {
      throw new ValidationError((e as Error).message, [{ field: 'map', message: 'expected "Section=Outcome"' }]);
    }
    // A --map may name a section or a theme ("Public Health" is a theme of "Safe and Well" in one report, a section in another).
    const allSections = new Set(parsed.flatMap((p) => p.sections.flatMap((s) => [s.title, ...s.themes.map((t) => t.title)]).map(normaliseSection)));
    const overrideBy = new Map<string, string | null>();
    for (const o of overrides) {
      const key = normaliseSection(o.section);
      if (!allSections.has(key)) {
        throw new ValidationError(`--map names a section that is not in the report: "${o.section}"`, [{ field: 'map', message: `sections and themes are: ${[...new Set(parsed.flatMap((p) => p.sections.flatMap((s) => [s.title, ...s.themes.map((t) => t.title)])))].join('; ')}` }]);
      }
      if (o.outcome === null) overrideBy.set(key, null);
      else {
        const found = findOutcome(o.outcome, plan.outcomes);
        if (!found) throw new ValidationError(`--map names an outcome that is not in the plan: "${o.outcome}"`, [{ field: 'map', message: `outcomes are: ${plan.outcomes.map((x) => x.title).join('; ')}` }]);
        overrideBy.set(key, found.id);
      }
    }
    const remembered = new Map<string, SectionMappingRow>(plan.isNew ? [] : (await getSectionMappings(db, plan.id)).map((m) => [m.section, m]));
    const byId = new Map(plan.outcomes.map((o) => [o.id, o]));
    const mapSection = (title: string, kind: 'front' | 'outcome'): { outcome: OutcomeChoice | null; mappedBy: MappedBy } => {
      const key = normaliseSection(title);
      if (overrideBy.has(key)) {
        const id = overrideBy.get(key);
        return { outcome: id ? byId.get(id) ?? null : null, mappedBy: 'override' };
      }
      const r = remembered.get(key);
      if (r) return { outcome: r.outcomeId ? byId.get(r.outcomeId) ?? null : null, mappedBy: 'remembered' };
      if (kind === 'front') return { outcome: null, mappedBy: 'none' };
      if (plan.isNew) {
        const same = plan.outcomes.find((o) => containsTitle(title, o.title));
        if (same) return { outcome: same, mappedBy: 'new plan' };
      }
      const s = suggestOutcome(title, plan.outcomes);
      return { outcome: s, mappedBy: s ? 'suggested' : 'none' };
    };

    const summaries: FileSummary[] = [];
    const writes: { rows: ReportImportRows; audit: Record<string, unknown> }[] = [];
    const mappingRows = new Map<string, SectionMappingRow>();
    const seen = new Set<string>();
    const now = new Date().toISOString();
    for (const [i, r] of reads.entries()) {
      const p = parsed[i];
      const existing = plan.isNew ? undefined : await findDocumentBySha(db, plan.id, r.sha256);
      const duplicate = Boolean(existing) || seen.has(r.sha256);
      seen.add(r.sha256);
      const documentId = duplicate ? existing?.id ?? null : randomUUID();
      const mapped = p.sections.map((s) => mapSection(s.title, s.kind));
      // A theme follows its section unless it was mapped on its own.
      const ownTheme = (title: string) => {
        const key = normaliseSection(title);
        return overrideBy.has(key) || remembered.has(key) ? mapSection(title, 'front') : null;
      };
      const themeMapped = p.sections.map((s) => s.themes.map((t) => ownTheme(t.title)));
      const rows: ReportImportRows = {
        document: { id: documentId ?? '', name: r.name, mediaType: r.mediaType, sha256: r.sha256, size: r.size, planId: plan.id, text: r.text, importedBy: opts.userId ?? null },
        entries: [], facts: [], places: [], commitments: [],
      };
      const sectionStats = p.sections.map(() => ({ entries: 0, facts: 0, commitments: 0 }));
      const factKinds: Record<string, number> = {};
      const places = new Set<string>();
      const unplaced = new Set<string>();
      for (const [n, e] of p.entries.entries()) {
        const section = p.sections[e.section];
        const own = e.theme === null ? null : themeMapped[e.section][e.theme];
        const outcome = own ? own.outcome : mapped[e.section].outcome;
        const theme = e.theme === null ? null : section.themes[e.theme];
        const entryId = randomUUID();
        rows.entries.push({
          id: entryId, planId: plan.id, outcomeId: outcome?.id ?? null,
          themeId: outcome && theme ? suggestTheme(theme.title, outcome) : null,
          kind: 'achievement', title: e.title, body: e.body, date: null, periodKey: p.periodKey, service: null,
          partners: e.partners, status: e.status, workflowState: 'published',
          sourceSection: theme ? `${section.title} / ${theme.title}` : section.title,
          position: n + 1, documentId, sourceStart: e.start, sourceEnd: e.end,
          createdBy: opts.userId ?? null, updatedBy: opts.userId ?? null, publishedAt: now,
        });
        for (const f of e.facts) {
          rows.facts.push({ id: randomUUID(), entryId, kind: f.kind, value: f.value, valueMax: f.valueMax, unit: f.unit, text: f.text, start: f.start, end: f.end, approximate: f.approximate, dateStart: f.dateStart, dateEnd: f.dateEnd });
          factKinds[f.kind] = (factKinds[f.kind] ?? 0) + 1;
        }
        for (const pl of e.places) {
          rows.places.push({ entryId, name: pl.name, areaCode: pl.areaCode });
          places.add(pl.name);
          if (!pl.areaCode) unplaced.add(pl.name);
        }
        for (const c of e.commitments) {
          rows.commitments.push({
            id: randomUUID(), planId: plan.id, outcomeId: outcome?.id ?? null, entryId, text: c.text, dueText: c.dueText,
            dueStart: c.dueStart, dueEnd: c.dueEnd, status: 'open', workflowState: 'published', documentId,
            sourceStart: c.start, sourceEnd: c.end,
          });
        }
        const st = sectionStats[e.section];
        st.entries++;
        st.facts += e.facts.length;
        st.commitments += e.commitments.length;
      }
      const sections: SectionSummary[] = p.sections.map((s, k) => ({
        title: s.title, kind: s.kind, outcome: mapped[k].outcome?.title ?? null, outcomeId: mapped[k].outcome?.id ?? null,
        mappedBy: mapped[k].mappedBy, themes: s.themes.map((t) => t.title),
        themeMappings: s.themes.flatMap((t, j) => {
          const m = themeMapped[k][j];
          return m ? [{ title: t.title, outcome: m.outcome?.title ?? null, mappedBy: m.mappedBy }] : [];
        }),
        ...sectionStats[k],
      }));
      const warnings: string[] = [];
      const unmapped = sections.filter((s) => s.kind === 'outcome' && !s.outcomeId && s.entries > 0);
      if (unmapped.length) warnings.push(`${unmapped.length} section(s) not mapped to an outcome, their entries kept without one: ${unmapped.map((s) => `"${s.title}"`).join(', ')} (use --map "Section=Outcome")`);
      if (unplaced.size) warnings.push(`${unplaced.size} place(s) not found among the reference areas, kept by name only: ${[...unplaced].slice(0, 12).join(', ')}${unplaced.size > 12 ? ', …' : ''}`);
      if (!p.entries.length) warnings.push('no delivery items found in the report');
      if (duplicate) warnings.push(existing ? `already imported on ${String(existing.importedAt).slice(0, 10)}: nothing changed` : 'the same file appears twice in this import: read once');
      summaries.push({
        name: r.name, format: r.format, extractor: r.extractor, sha256: r.sha256,
        status: duplicate ? 'already imported' : opts.dryRun ? 'would import' : 'imported',
        documentId, reportYear: p.reportYear, periodKey: p.periodKey, titledItems: p.titledItems, sections,
        entries: p.entries.length, facts: factKinds, places: [...places].sort(), commitments: rows.commitments.length,
        dropped: p.dropped, warnings, report: p,
      });
      if (duplicate) continue;
      for (const [k, s] of p.sections.entries()) {
        const key = normaliseSection(s.title);
        const remember = (s.kind === 'outcome' || mapped[k].mappedBy === 'override') && mapped[k].mappedBy !== 'none';
        if (remember) mappingRows.set(key, { planId: plan.id, section: key, outcomeId: mapped[k].outcome?.id ?? null, themeId: null });
        for (const [j, t] of s.themes.entries()) {
          const m = themeMapped[k][j];
          if (m) mappingRows.set(normaliseSection(t.title), { planId: plan.id, section: normaliseSection(t.title), outcomeId: m.outcome?.id ?? null, themeId: null });
        }
      }
      writes.push({
        rows,
        audit: { name: r.name, sha256: r.sha256, periodKey: p.periodKey, entries: rows.entries.length, facts: rows.facts.length, commitments: rows.commitments.length, sections: sections.map((s) => ({ title: s.title, outcome: s.outcome, mappedBy: s.mappedBy })) },
      });
    }

    if (!opts.dryRun && (writes.length || plan.isNew)) {
      opts.onProgress?.({ file: '', stage: 'store', done: 0, total });
      await db.transaction(async (tx) => {
        if (plan.rows) {
          await insertPlan(tx, plan.rows.plan);
          for (const o of plan.rows.outcomes) await insertOutcome(tx, o);
          for (const t of plan.rows.themes) await insertTheme(tx, t);
          await appendAuditEvent(tx, { userId: opts.userId ?? null, action: 'create', entityType: 'plan', entityId: plan.id, after: { title: plan.title, from: 'import', outcomes: plan.outcomes.map((o) => o.title) } });
        }
        for (const w of writes) {
          await insertReportImport(tx, w.rows);
          await appendAuditEvent(tx, { userId: opts.userId ?? null, action: 'import', entityType: 'document', entityId: String(w.rows.document.id), after: w.audit });
        }
        await putSectionMappings(tx, [...mappingRows.values()]);
      });
    }
    const imported = summaries.filter((s) => s.status !== 'already imported');
    return {
      dryRun: Boolean(opts.dryRun), planId: plan.isNew && opts.dryRun ? null : plan.id, planTitle: plan.title, newPlan: plan.isNew, files: summaries,
      totals: {
        entries: imported.reduce((n, s) => n + s.entries, 0),
        facts: imported.reduce((n, s) => n + Object.values(s.facts).reduce((a, b) => a + b, 0), 0),
        commitments: imported.reduce((n, s) => n + s.commitments, 0),
        places: new Set(imported.flatMap((s) => s.places)).size,
      },
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
