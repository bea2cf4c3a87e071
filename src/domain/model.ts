// The council's own words for what Compendium keeps, as zod schemas (parse at the edge) and types.
import { z } from 'zod';

export const AREA_TYPES = ['county', 'district', 'unitary', 'metropolitan-district', 'london-borough', 'region', 'nation', 'other'] as const;
export const AreaType = z.enum(AREA_TYPES);
export type AreaType = z.infer<typeof AreaType>;

export const Area = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().min(1),
  type: AreaType,
  parentCode: z.string().nullable(),
  region: z.string().nullable(),
  nation: z.string().nullable(),
  population: z.number().int().nonnegative().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** True for invented areas such as the demo council. */
  fictional: z.boolean().default(false),
  /** Last day of an abolished or merged council; null while it exists. */
  endDate: z.string().nullable().default(null),
});
export type Area = z.infer<typeof Area>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');

export const Plan = z.object({
  id: z.string(),
  title: z.string().min(1, 'a plan needs a title'),
  councilCode: z.string(),
  startDate: IsoDate,
  endDate: IsoDate,
});
export type Plan = z.infer<typeof Plan>;

export const Outcome = z.object({
  id: z.string(),
  planId: z.string(),
  slug: z.string(),
  title: z.string().min(1, 'an outcome needs a title'),
  summary: z.string().default(''),
  position: z.number().int(),
});
export type Outcome = z.infer<typeof Outcome>;

export const Theme = z.object({
  id: z.string(),
  outcomeId: z.string(),
  slug: z.string(),
  title: z.string().min(1, 'a theme needs a title'),
  summary: z.string().default(''),
  position: z.number().int(),
});
export type Theme = z.infer<typeof Theme>;

export const ENTRY_KINDS = ['achievement', 'update', 'project', 'commitment'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

/** Approval workflow for entries and indicator values. Only `published` reaches the public. */
export const WORKFLOW_STATES = ['draft', 'submitted', 'approved', 'published'] as const;
export const WorkflowState = z.enum(WORKFLOW_STATES);
export type WorkflowState = z.infer<typeof WorkflowState>;

/** Where a piece of text came from: an imported document and character offsets in its original text. */
export const Provenance = z.object({
  documentId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Place = z.object({
  name: z.string().min(1),
  /** The reference area it lies in or is, when known. */
  areaCode: z.string().nullable(),
});
export type Place = z.infer<typeof Place>;

export const FACT_KINDS = ['money', 'count', 'percent', 'date', 'period', 'duration'] as const;
export const FactKind = z.enum(FACT_KINDS);
export type FactKind = z.infer<typeof FactKind>;

export const Fact = z.object({
  id: z.string(),
  entryId: z.string(),
  kind: FactKind,
  /** Money in pounds (may have pence as decimals), counts, percentages, durations in days; dates have none. */
  value: z.number().nullable(),
  /** Upper end of a range such as "£2,000 to £10,000". */
  valueMax: z.number().nullable(),
  /** What it counts or measures: "£", "%", "trees", "homes", "days". */
  unit: z.string(),
  /** The exact words in the entry's text. */
  text: z.string(),
  /** Offsets of `text` within the entry body. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  approximate: z.boolean(),
  /** For dates and periods: the span they cover. */
  dateStart: IsoDate.nullable(),
  dateEnd: IsoDate.nullable(),
});
export type Fact = z.infer<typeof Fact>;

export const Entry = z.object({
  id: z.string(),
  planId: z.string(),
  outcomeId: z.string().nullable(),
  themeId: z.string().nullable(),
  kind: EntryKind,
  title: z.string(),
  /** Markdown. */
  body: z.string(),
  /** A day, when known. */
  date: IsoDate.nullable(),
  /** Reporting period key (FY2023-24). */
  periodKey: z.string().nullable(),
  service: z.string().nullable(),
  places: z.array(Place),
  partners: z.array(z.string()),
  /** Delivery status in the service's words: complete, on track, delayed... */
  status: z.string().nullable(),
  workflowState: WorkflowState,
  /** The report section heading it was imported under, kept even when mapped to an outcome. */
  sourceSection: z.string().nullable(),
  position: z.number().int(),
  provenance: Provenance.nullable(),
  reviewComment: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Entry = z.infer<typeof Entry>;

export const COMMITMENT_STATUSES = ['open', 'delivered', 'late', 'dropped', 'unknown'] as const;
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

export const Commitment = z.object({
  id: z.string(),
  planId: z.string(),
  outcomeId: z.string().nullable(),
  /** The entry it was stated in. */
  entryId: z.string().nullable(),
  text: z.string().min(1),
  /** Due as written ("early 2026") and as a range of days. An exact date has dueStart = dueEnd. */
  dueText: z.string().nullable(),
  dueStart: IsoDate.nullable(),
  dueEnd: IsoDate.nullable(),
  status: CommitmentStatus,
  workflowState: WorkflowState,
  /** Entries that show it was kept. */
  evidenceEntryIds: z.array(z.string()),
  provenance: Provenance.nullable(),
});
export type Commitment = z.infer<typeof Commitment>;

export const POLARITIES = ['higher', 'lower', 'none'] as const;
export const Polarity = z.enum(POLARITIES);
export type Polarity = z.infer<typeof Polarity>;

export const FREQUENCIES = ['annual-financial', 'annual-academic', 'annual-calendar', 'quarterly', 'monthly', 'snapshot'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

export const UNITS = ['percent', 'rate-per-1000', 'rate-per-100000', 'count', 'gbp', 'gbp-thousands', 'gbp-millions', 'days', 'score', 'ratio', 'other'] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

export const Indicator = z.object({
  id: z.string(),
  code: z.string().min(1, 'an indicator needs a code').max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a code is letters, digits, dot, dash or underscore'),
  title: z.string().min(1, 'an indicator needs a title'),
  unit: Unit,
  decimalPlaces: z.number().int().min(0).max(6),
  polarity: Polarity,
  frequency: Frequency,
  outcomeId: z.string().nullable(),
  themeId: z.string().nullable(),
  source: z.string().nullable(),
  definition: z.string().nullable(),
  /** Differences no bigger than this count as "no change" in direction of travel. */
  changeTolerance: z.number().nonnegative(),
  ownerId: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const TOLERANCE_KINDS = ['absolute', 'percent'] as const;
export const ToleranceKind = z.enum(TOLERANCE_KINDS);
export type ToleranceKind = z.infer<typeof ToleranceKind>;

export const Target = z.object({
  id: z.string(),
  indicatorId: z.string(),
  areaCode: z.string(),
  periodKey: z.string(),
  value: z.number(),
  tolerance: z.number().nonnegative(),
  toleranceKind: ToleranceKind,
});
export type Target = z.infer<typeof Target>;

export const OBSERVATION_STATUSES = ['provisional', 'final'] as const;
export const ObservationStatus = z.enum(OBSERVATION_STATUSES);
export type ObservationStatus = z.infer<typeof ObservationStatus>;

export const Observation = z.object({
  indicatorId: z.string(),
  areaCode: z.string(),
  periodKey: z.string(),
  /** null = missing: not published or not yet supplied. Never zero in its place. */
  value: z.number().nullable(),
  status: ObservationStatus,
  note: z.string().nullable(),
  workflowState: WorkflowState,
});
export type Observation = z.infer<typeof Observation>;

export const GROUP_KINDS = ['builtin', 'neighbours', 'custom'] as const;
export const GroupKind = z.enum(GROUP_KINDS);
export type GroupKind = z.infer<typeof GroupKind>;

export const ComparatorGroup = z.object({
  id: z.string(),
  /** Groups of kind neighbours share a name and differ by anchor: each council's own group. */
  name: z.string().min(1),
  kind: GroupKind,
  anchorAreaCode: z.string().nullable(),
  description: z.string().nullable(),
  memberCodes: z.array(z.string()),
});
export type ComparatorGroup = z.infer<typeof ComparatorGroup>;

/** Money held as integer pence so that sums are exact. */
export const Money = z.object({ pence: z.number().int() });
export type Money = z.infer<typeof Money>;
export const pounds = (m: Money): number => m.pence / 100;
export const fromPounds = (p: number): Money => ({ pence: Math.round(p * 100) });

/** Makes a URL-safe slug from a title: "Keeping People Safe" → "keeping-people-safe". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'untitled';
}
