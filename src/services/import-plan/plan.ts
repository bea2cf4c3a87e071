// The import plan: from parsed reports, the section answers and what the workspace already holds,
// the rows to write, the answers to remember and the summary with its warnings. Pure: the service
// reads files and the database before, and writes the plan in one transaction after.
import type { ParsedReport } from '../../ingest/report/parse.js';
import { normaliseSection, suggestTheme } from '../../ingest/report/mapping.js';
import type { ReportImportRows } from '../../store/queries/insertReportImport.js';
import type { SectionMappingRow } from '../../store/queries/sectionMappings.js';
import { sectionMapper, sectionTheme, type MappedSection, type SectionMapper } from './section-map.js';
import type { OutcomeChoice } from '../../ingest/report/mapping.js';
import type { ImportBatchRow } from '../../store/queries/importBatches.js';
import type { FileSummary, ImportContext, ImportPlan, ImportSettings, ImportSummary, ImportWrite, ReadFile, SectionSummary } from './types.js';

/** How each section and each theme of one report is mapped ([section][theme], null: follows its section). */
interface FileMapping {
  sections: MappedSection[];
  themes: (MappedSection | null)[][];
}

interface FileCounts {
  sections: { entries: number; facts: number; commitments: number }[];
  factKinds: Record<string, number>;
  places: Set<string>;
  unplaced: Set<string>;
}

function mapFile(report: ParsedReport, mapper: SectionMapper): FileMapping {
  return {
    sections: report.sections.map((s) => mapper.map(s.title, s.kind)),
    themes: report.sections.map((s) => s.themes.map((t) => mapper.theme(t.title))),
  };
}

/**
 * The plan theme for text under a report theme (`theme`, or none) of a section mapped to `outcome`:
 * the theme of that name, else the theme the section itself stands for ("Great Communities –
 * Libraries, Heritage and Culture" → Libraries, Heritage and Culture).
 */
function themeFor(outcome: OutcomeChoice, section: { title: string }, theme: { title: string } | null): string | null {
  const own = theme ? suggestTheme(theme.title, outcome) : null;
  if (own) return own;
  const whole = sectionTheme(section.title, outcome.title);
  return whole ? suggestTheme(whole, outcome) : null;
}

/** The report's narrative blocks in its order, each under the outcome (and theme) its section maps to, or under none. */
function narrativeRows(report: ParsedReport, mapping: FileMapping, target: { planId: string; documentId: string | null }, settings: ImportSettings): NonNullable<ReportImportRows['narrative']> {
  return report.narrative.filter((n) => n.paragraphs.length).map((n, i) => {
    const section = n.section === null ? null : report.sections[n.section];
    const outcome = n.section === null ? null : mapping.sections[n.section].outcome;
    const theme = section && n.theme !== null ? section.themes[n.theme] : null;
    const underOutcome = section?.kind === 'outcome' && outcome;
    return {
      id: settings.newId(), planId: target.planId, outcomeId: underOutcome ? outcome.id : null,
      themeId: underOutcome ? themeFor(outcome, section, theme) : null, periodKey: report.periodKey, position: i + 1,
      heading: n.heading ?? (section && section.kind === 'front' && section.heading ? section.title : theme?.title ?? null),
      paragraphs: n.paragraphs.map((p) => p.text), documentId: target.documentId, updatedBy: settings.userId,
    };
  });
}

/** The document, entries, facts, places and commitments of one report, and what they add up to. */
function fileRows(
  file: ReadFile, report: ParsedReport, mapping: FileMapping, target: { planId: string; documentId: string | null; batchId: string | null },
  settings: ImportSettings,
): { rows: ReportImportRows; counts: FileCounts } {
  const { planId, documentId, batchId } = target;
  const { userId, newId } = settings;
  const rows: ReportImportRows = {
    document: { id: documentId ?? '', name: file.name, mediaType: file.mediaType, sha256: file.sha256, size: file.size, planId, text: file.text, importedBy: userId },
    entries: [], facts: [], places: [], commitments: [], narrative: narrativeRows(report, mapping, target, settings),
  };
  const counts: FileCounts = { sections: report.sections.map(() => ({ entries: 0, facts: 0, commitments: 0 })), factKinds: {}, places: new Set(), unplaced: new Set() };
  for (const [n, e] of report.entries.entries()) {
    const section = report.sections[e.section];
    const own = e.theme === null ? null : mapping.themes[e.section][e.theme];
    const outcome = own ? own.outcome : mapping.sections[e.section].outcome;
    const theme = e.theme === null ? null : section.themes[e.theme];
    const entryId = newId();
    rows.entries.push({
      id: entryId, planId, outcomeId: outcome?.id ?? null,
      themeId: outcome ? themeFor(outcome, section, theme) : null,
      kind: 'achievement', title: e.title, body: e.body, date: null, periodKey: report.periodKey, service: null,
      // Drafts of the import batch: nothing is public until a reviewer publishes the batch.
      partners: e.partners, status: e.status, workflowState: 'draft',
      sourceSection: theme ? `${section.title} / ${theme.title}` : section.title,
      position: n + 1, documentId, sourceStart: e.start, sourceEnd: e.end,
      createdBy: userId, updatedBy: userId, publishedAt: null, importBatchId: batchId, importDecision: 'pending',
    });
    for (const f of e.facts) {
      rows.facts.push({ id: newId(), entryId, kind: f.kind, value: f.value, valueMax: f.valueMax, unit: f.unit, text: f.text, start: f.start, end: f.end, approximate: f.approximate, dateStart: f.dateStart, dateEnd: f.dateEnd });
      counts.factKinds[f.kind] = (counts.factKinds[f.kind] ?? 0) + 1;
    }
    for (const pl of e.places) {
      rows.places.push({ entryId, name: pl.name, areaCode: pl.areaCode });
      counts.places.add(pl.name);
      if (!pl.areaCode) counts.unplaced.add(pl.name);
    }
    for (const c of e.commitments) {
      rows.commitments.push({
        id: newId(), planId, outcomeId: outcome?.id ?? null, entryId, text: c.text, dueText: c.dueText,
        dueStart: c.dueStart, dueEnd: c.dueEnd, status: 'open', workflowState: 'draft', documentId,
        sourceStart: c.start, sourceEnd: c.end, importBatchId: batchId,
      });
    }
    const st = counts.sections[e.section];
    st.entries++;
    st.facts += e.facts.length;
    st.commitments += e.commitments.length;
  }
  // Promises made in the narrative (an introduction's "we will …") are commitments without an entry.
  for (const n of report.narrative) {
    const section = n.section === null ? null : report.sections[n.section];
    const outcome = section?.kind === 'outcome' && n.section !== null ? mapping.sections[n.section].outcome : null;
    for (const c of n.commitments) {
      rows.commitments.push({
        id: newId(), planId, outcomeId: outcome?.id ?? null, entryId: null, text: c.text, dueText: c.dueText,
        dueStart: c.dueStart, dueEnd: c.dueEnd, status: 'open', workflowState: 'draft', documentId,
        sourceStart: c.start, sourceEnd: c.end, importBatchId: batchId,
      });
      if (n.section !== null) counts.sections[n.section].commitments++;
    }
  }
  return { rows, counts };
}

function sectionSummaries(report: ParsedReport, mapping: FileMapping, counts: FileCounts): SectionSummary[] {
  return report.sections.map((s, k) => ({
    title: s.title, kind: s.kind, outcome: mapping.sections[k].outcome?.title ?? null, outcomeId: mapping.sections[k].outcome?.id ?? null,
    mappedBy: mapping.sections[k].mappedBy, themes: s.themes.map((t) => t.title),
    themeMappings: s.themes.flatMap((t, j) => {
      const m = mapping.themes[k][j];
      return m ? [{ title: t.title, outcome: m.outcome?.title ?? null, mappedBy: m.mappedBy }] : [];
    }),
    ...counts.sections[k],
  }));
}

/** What a person should know about one file: unmapped sections, unknown places, nothing found, a repeat. */
export function importWarnings(
  input: { sections: SectionSummary[]; unplaced: Set<string>; entries: number; duplicate: false | { importedAt: unknown } | 'in this import' },
): string[] {
  const { sections, unplaced, duplicate } = input;
  const warnings: string[] = [];
  const unmapped = sections.filter((s) => s.kind === 'outcome' && !s.outcomeId && s.entries > 0);
  if (unmapped.length) warnings.push(`${unmapped.length} section(s) not mapped to an outcome, their entries kept without one: ${unmapped.map((s) => `"${s.title}"`).join(', ')} (use --map "Section=Outcome")`);
  if (unplaced.size) warnings.push(`${unplaced.size} place(s) not found among the reference areas, kept by name only: ${[...unplaced].slice(0, 12).join(', ')}${unplaced.size > 12 ? ', …' : ''}`);
  if (!input.entries) warnings.push('no delivery items found in the report');
  if (duplicate === 'in this import') warnings.push('the same file appears twice in this import: read once');
  else if (duplicate) warnings.push(`already imported on ${String(duplicate.importedAt).slice(0, 10)}: nothing changed`);
  return warnings;
}

/** Outcome sections, and any section the user answered, are remembered; so is every theme answered on its own. */
function mappingsToRemember(report: ParsedReport, mapping: FileMapping, planId: string): SectionMappingRow[] {
  const remember: SectionMappingRow[] = [];
  for (const [k, s] of report.sections.entries()) {
    const m = mapping.sections[k];
    if ((s.kind === 'outcome' || m.mappedBy === 'override') && m.mappedBy !== 'none') {
      remember.push({ planId, section: normaliseSection(s.title), outcomeId: m.outcome?.id ?? null, themeId: null });
    }
    for (const [j, t] of s.themes.entries()) {
      const tm = mapping.themes[k][j];
      if (tm) remember.push({ planId, section: normaliseSection(t.title), outcomeId: tm.outcome?.id ?? null, themeId: null });
    }
  }
  return remember;
}

/**
 * Plans an import of `files` (each read and parsed) into `context.plan`. A file already imported
 * into the plan, or repeated in this import, is summarised but adds no rows.
 */
export function planImport(files: { read: ReadFile; report: ParsedReport }[], context: ImportContext, settings: ImportSettings): ImportPlan {
  const plan = context.plan;
  const mapper = sectionMapper(context);
  const out: ImportPlan = { files: [], writes: [], mappings: [] };
  const mappings = new Map<string, SectionMappingRow>();
  const seen = new Set<string>();
  for (const { read, report } of files) {
    const existing = context.existing.get(read.sha256);
    const duplicate = existing ? existing : seen.has(read.sha256) ? 'in this import' as const : false;
    seen.add(read.sha256);
    const documentId = duplicate ? existing?.id ?? null : settings.newId();
    const batchId = duplicate ? null : settings.newId();
    const mapping = mapFile(report, mapper);
    const { rows, counts } = fileRows(read, report, mapping, { planId: plan.id, documentId, batchId }, settings);
    const sections = sectionSummaries(report, mapping, counts);
    out.files.push({
      name: read.name, format: read.format, extractor: read.extractor, sha256: read.sha256,
      status: duplicate ? 'already imported' : settings.dryRun ? 'would import' : 'imported',
      documentId, batchId, reportYear: report.reportYear, periodKey: report.periodKey, titledItems: report.titledItems, sections,
      entries: report.entries.length, facts: counts.factKinds, places: [...counts.places].sort(), commitments: rows.commitments.length,
      dropped: report.dropped, warnings: [...report.warnings, ...importWarnings({ sections, unplaced: counts.unplaced, entries: report.entries.length, duplicate })], report,
    });
    if (duplicate) continue;
    for (const m of mappingsToRemember(report, mapping, plan.id)) mappings.set(m.section, m);
    const warnings = out.files[out.files.length - 1].warnings;
    out.writes.push({ ...auditedWrite(rows, read, report.periodKey, sections), batch: batchRow({ id: batchId!, planId: plan.id, documentId, read, periodKey: report.periodKey, userId: settings.userId }, rows, sections, warnings) });
  }
  out.mappings = [...mappings.values()];
  return out;
}

/** The batch that holds one file's drafts until they are reviewed and published. */
function batchRow(
  b: { id: string; planId: string; documentId: string | null; read: ReadFile; periodKey: string; userId: string | null },
  rows: ReportImportRows, sections: SectionSummary[], warnings: string[],
): ImportBatchRow {
  return {
    id: b.id, planId: b.planId, documentId: b.documentId, fileName: b.read.name, sha256: b.read.sha256, periodKey: b.periodKey, state: 'review',
    counts: { entries: rows.entries.length, facts: rows.facts.length, places: rows.places.length, commitments: rows.commitments.length },
    warnings,
    outline: sections.map((s) => ({ title: s.title, kind: s.kind, outcomeId: s.outcomeId, outcome: s.outcome, themes: s.themes })),
    createdBy: b.userId,
  };
}

function auditedWrite(rows: ReportImportRows, read: ReadFile, periodKey: string, sections: SectionSummary[]): Omit<ImportWrite, 'batch'> {
  return {
    rows,
    audit: { name: read.name, sha256: read.sha256, periodKey, entries: rows.entries.length, facts: rows.facts.length, commitments: rows.commitments.length, sections: sections.map((s) => ({ title: s.title, outcome: s.outcome, mappedBy: s.mappedBy })) },
  };
}

/** The totals over the files that are new in this import. */
export function importTotals(files: FileSummary[]): ImportSummary['totals'] {
  const imported = files.filter((s) => s.status !== 'already imported');
  return {
    entries: imported.reduce((n, s) => n + s.entries, 0),
    facts: imported.reduce((n, s) => n + Object.values(s.facts).reduce((a, b) => a + b, 0), 0),
    commitments: imported.reduce((n, s) => n + s.commitments, 0),
    places: new Set(imported.flatMap((s) => s.places)).size,
  };
}
