// What an import of annual reports decides, as plain values: the summary people read and the rows
// the service writes. Built by the pure planners beside this file; no database needed.
import type { ParsedReport } from '../../ingest/report/parse.js';
import type { MappedBy, OutcomeChoice } from '../../ingest/report/mapping.js';
import type { ReportImportRows } from '../../store/queries/insertReportImport.js';
import type { ImportBatchRow } from '../../store/queries/importBatches.js';
import type { SectionMappingRow } from '../../store/queries/sectionMappings.js';
import type { insertOutcome, insertPlan, insertTheme } from '../../store/queries/plans.js';

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
  /** The import batch holding this file's drafts (null when nothing new was written). */
  batchId: string | null;
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
  /** With --replace: the replaced reports' accepted links kept on the new report's entries, and those that could not be. */
  links?: { kept: number; lost: number; sentence: string };
}

/** The plan an import goes into: an existing one, or one made from the first report's sections. */
export interface PlanTarget {
  id: string;
  title: string;
  outcomes: OutcomeChoice[];
  isNew: boolean;
  rows?: { plan: Parameters<typeof insertPlan>[1]; outcomes: Parameters<typeof insertOutcome>[1][]; themes: Parameters<typeof insertTheme>[1][] };
}

/** One report file as read: what the planner needs of it besides its parsed structure. */
export interface ReadFile {
  name: string;
  format: string;
  extractor: string;
  mediaType: string;
  sha256: string;
  size: number;
  text: string;
}

/** What the workspace already knows that changes the plan: remembered answers and earlier imports. */
export interface ImportContext {
  plan: PlanTarget;
  /** Resolved --map answers by normalised section or theme title: an outcome id, or null for none. */
  overrides: Map<string, string | null>;
  /** Answers remembered from earlier imports into this plan, by normalised title. */
  remembered: Map<string, SectionMappingRow>;
  /** Documents already imported into this plan, by SHA-256. */
  existing: Map<string, { id: string; importedAt: unknown }>;
}

export interface ImportSettings {
  dryRun: boolean;
  userId: string | null;
  /** When the entries are published (ISO time). */
  now: string;
  /** Makes the ids of new rows; random in the service, predictable in tests. */
  newId: () => string;
}

/** One file's rows and the audit note that goes with them. */
export interface ImportWrite {
  rows: ReportImportRows;
  batch: ImportBatchRow;
  audit: Record<string, unknown>;
}

export interface ImportPlan {
  files: FileSummary[];
  writes: ImportWrite[];
  /** Section and theme answers to remember for the next import. */
  mappings: SectionMappingRow[];
}
