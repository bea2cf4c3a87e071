// How an import batch is shown: its summary, its items and the outline they sit in, read off the rows.
import { z } from 'zod';
import type { ImportBatchState, ImportDecision } from '../domain/index.js';
import type { BatchItemRow, ImportBatchRecord } from '../store/queries/importBatches.js';
import type { PlanStructure } from '../store/queries/plans.js';
import { splitPoints, type OutlineSection, type ReviewItem } from './import-plan/review.js';

export interface BatchSummary {
  id: string;
  fileName: string;
  sha256: string;
  planId: string;
  periodKey: string | null;
  state: ImportBatchState;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  undoneAt: string | null;
  counts: Record<string, number>;
  warnings: string[];
  /** Items by decision and how many are on the public site. */
  items: { pending: number; accepted: number; excluded: number; published: number };
}

export interface BatchItem {
  id: string;
  title: string;
  body: string;
  sourceSection: string | null;
  decision: ImportDecision;
  published: boolean;
  outcomeId: string | null;
  outcome: string | null;
  themeId: string | null;
  theme: string | null;
  facts: { id: string; kind: string; value: number | null; unit: string; text: string }[];
  places: string[];
  partners: string[];
  commitments: { id: string; text: string; dueText: string | null }[];
  /** Where the reviewer may split the text. */
  splitPoints: { at: number; preview: string }[];
}

export interface BatchView extends BatchSummary {
  outline: OutlineSection<BatchItem>[];
  outcomes: { id: string; title: string; themes: { id: string; title: string }[] }[];
}

export const FactFix = z.object({
  value: z.string().trim().max(40).transform((s) => s.replace(/[,£\s]/g, '')).pipe(z.union([z.literal(''), z.string().regex(/^-?\d+(\.\d+)?$/, 'Enter the amount as a number, such as 1250 or 3.5')]))
    .transform((s) => (s === '' ? null : Number(s))),
  unit: z.string().trim().min(1, 'Enter the unit, such as people, gbp or percent').max(40, 'A unit is at most 40 characters'),
  text: z.string().trim().min(1, 'Enter the label: the words the figure is shown with').max(300, 'A label is at most 300 characters'),
});
export type FactFix = z.input<typeof FactFix>;

export const shortId = (id: string) => id.slice(0, 8);
export const name = (b: { id: string; fileName: string }) => `import batch ${shortId(b.id)} (${b.fileName})`;
export const itemName = (e: { title: string; body: string }) => `"${e.title || e.body.slice(0, 50).trim() + (e.body.length > 50 ? '…' : '')}"`;

export function summaryOf(b: ImportBatchRecord, items: BatchItemRow[]): BatchSummary {
  const count = (d: string) => items.filter((i) => i.entry.importDecision === d && i.entry.workflowState !== 'published').length;
  return {
    id: b.id, fileName: b.fileName, sha256: b.sha256, planId: b.planId, periodKey: b.periodKey, state: b.state as ImportBatchState,
    createdAt: b.createdAt, createdBy: b.createdByName, publishedAt: b.publishedAt, undoneAt: b.undoneAt, counts: b.counts, warnings: b.warnings,
    items: { pending: count('pending'), accepted: count('accepted'), excluded: count('excluded'), published: items.filter((i) => i.entry.workflowState === 'published').length },
  };
}

export function itemOf(r: BatchItemRow, structure: PlanStructure | undefined): BatchItem {
  const e = r.entry;
  const outcome = structure?.outcomes.find((o) => o.id === e.outcomeId);
  return {
    id: e.id, title: e.title, body: e.body, sourceSection: e.sourceSection, decision: (e.importDecision ?? 'pending') as ImportDecision,
    published: e.workflowState === 'published', outcomeId: e.outcomeId, outcome: outcome?.title ?? null,
    themeId: e.themeId, theme: outcome?.themes.find((t) => t.id === e.themeId)?.title ?? null,
    facts: r.facts.map((f) => ({ id: f.id, kind: f.kind, value: f.value, unit: f.unit, text: f.text })),
    places: r.places.map((p) => p.name), partners: e.partners,
    commitments: r.commitments.map((c) => ({ id: c.id, text: c.text, dueText: c.dueText })),
    splitPoints: splitPoints(e.body),
  };
}

export const reviewItem = (r: BatchItemRow): ReviewItem => ({
  id: r.entry.id, title: r.entry.title, body: r.entry.body,
  facts: r.facts.map((f) => ({ id: f.id, text: f.text, start: f.start, end: f.end })),
  places: r.places.map((p) => p.name), commitments: r.commitments.map((c) => ({ id: c.id, text: c.text })),
});

