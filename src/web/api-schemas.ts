// The JSON API's parameters and responses as zod schemas. The routes in api-routes.ts are built from
// them, requests are validated with them, and the OpenAPI document is generated from them, so the
// document cannot drift from what is checked and served. Enumerations come from the domain's lists;
// response objects are strict, so the document says that nothing undocumented is ever sent.
import { z } from 'zod';
import {
  COMMITMENT_STATUSES, DIRECTIONS, ENTRY_KINDS, FACT_KINDS, FREQUENCIES, OBSERVATION_STATUSES, POLARITIES, RAGS, TRENDS, UNITS,
} from '../domain/index.js';

const component = <T extends z.ZodType>(schema: T, id: string, description: string): T => schema.meta({ id, description });

const Ref = z.strictObject({ slug: z.string(), title: z.string() });
const PlaceRef = z.strictObject({ name: z.string(), areaCode: z.string().nullable() });
const Segment = z.strictObject({ text: z.string(), match: z.boolean() });
const count = z.number().int().min(0);

export const ApiError = component(z.strictObject({ error: z.string(), detail: z.string() }), 'Error', 'What went wrong, in words.');

export const ApiPlan = component(z.strictObject({
  id: z.string(), title: z.string(), councilCode: z.string(), startDate: z.string(), endDate: z.string(),
  outcomes: z.array(z.strictObject({
    id: z.string(), slug: z.string(), title: z.string(), summary: z.string(), url: z.string(),
    themes: z.array(z.strictObject({ id: z.string(), slug: z.string(), title: z.string(), summary: z.string(), url: z.string() })),
  })),
}), 'Plan', 'The Strategic Plan with its outcomes and themes.');

export const ApiEntrySummary = component(z.strictObject({
  id: z.string(), kind: z.enum(ENTRY_KINDS), title: z.string(), date: z.string().nullable(), periodKey: z.string().nullable(),
  service: z.string().nullable(), status: z.string().nullable(), outcome: Ref.nullable(), theme: Ref.nullable(),
  places: z.array(PlaceRef), partners: z.array(z.string()), url: z.string(),
}), 'EntrySummary', 'A published entry: something the council did or reported.');

export const ApiEntryList = component(z.strictObject({
  total: count, page: z.number().int().min(1), pageSize: z.number().int().min(1), entries: z.array(ApiEntrySummary),
}), 'EntryList', 'One page of published entries, newest first.');

export const ApiEntry = component(ApiEntrySummary.extend({
  plan: Ref.meta({ description: 'The plan the entry was reported under (an earlier plan for an earlier year)' }),
  body: z.string().meta({ description: 'Markdown' }),
  sourceSection: z.string().nullable(),
  document: z.strictObject({ name: z.string(), mediaType: z.string() }).nullable(),
  facts: z.array(z.strictObject({ kind: z.enum(FACT_KINDS), value: z.number().nullable(), valueMax: z.number().nullable(), unit: z.string(), text: z.string(), approximate: z.boolean() })),
  commitments: z.array(z.strictObject({
    id: z.string(), text: z.string(), dueText: z.string().nullable(),
    status: z.enum(COMMITMENT_STATUSES).describe('As it stands today (late once past due with nothing published to show it kept).'),
    statusThen: z.enum(COMMITMENT_STATUSES).nullable().describe("As it stood on the last day of the entry's period; null when the entry has no period."),
  })),
}), 'Entry', 'A published entry with its text, figures and commitments.');

export const ApiCommitment = component(z.strictObject({
  id: z.string(), text: z.string(), dueText: z.string().nullable(), dueStart: z.string().nullable(), dueEnd: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES), statusLabel: z.string(),
  statusNote: z.string().nullable().meta({ description: 'The note published beside the status, such as "opened 15 months late" (null without one)' }),
  statusSetOn: z.string().nullable().meta({ description: 'The day the status was published, as YYYY-MM-DD (null when it has been as made since the plan was published)' }),
  outcome: Ref.nullable(),
  entryId: z.string().nullable(), evidence: z.array(z.strictObject({ id: z.string(), title: z.string() })),
}), 'Commitment', 'Something the council promised, when it is due and its status.');

export const ApiIndicator = component(z.strictObject({
  code: z.string(), title: z.string(), unit: z.enum(UNITS), decimalPlaces: z.number().int(), polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES), source: z.string().nullable(), definition: z.string().nullable(), outcome: Ref.nullable(), theme: z.string().nullable(), url: z.string(),
}), 'Indicator', 'A performance indicator of the plan.');

export const ApiValue = component(z.strictObject({
  periodKey: z.string(), period: z.string(), value: z.number().nullable(), status: z.enum(OBSERVATION_STATUSES), note: z.string().nullable(), target: z.number().nullable(),
}), 'Value', "The council's published value for one period, with its target.");

export const ApiIndicatorDetail = component(ApiIndicator.extend({ values: z.array(ApiValue) }), 'IndicatorDetail', 'An indicator with every published value of the council.');

export const ApiPlaces = component(z.strictObject({
  periodKey: z.string().meta({ description: 'The period counted' }), period: z.string(), plan: Ref,
  note: z.string().nullable().meta({ description: 'Said when the period has delivery but no indicator values, or the reverse' }),
  districts: z.array(z.strictObject({ code: z.string(), name: z.string(), entries: count, url: z.string() })),
  places: z.array(z.strictObject({ name: z.string(), areaCode: z.string().nullable(), entries: count, url: z.string() })),
}), 'Places', 'Published entries counted by district and by named place.');

export const ApiSearch = component(z.strictObject({
  query: z.string(), total: count,
  periodKey: z.string().nullable().meta({ description: 'The period searched; null when every year was' }),
  hits: z.array(z.strictObject({
    type: z.enum(['entry', 'indicator', 'commitment']), id: z.string(),
    key: z.string().nullable().meta({ description: "The indicator's code for an indicator, the outcome's slug for a commitment (null without one), null for an entry" }),
    url: z.string(), title: z.array(Segment), snippet: z.array(Segment),
    periodKey: z.string().nullable().meta({ description: "The year of an entry, or of the entry a commitment was made in; null for an indicator" }),
  })),
}), 'SearchResults', 'Search hits; title and snippet are pieces of text, those with match=true matched the query.');

export const ApiReport = component(z.strictObject({
  id: z.string(), periodKey: z.string(), format: z.string(), fileName: z.string(), mediaType: z.string(), size: count, url: z.string(),
}), 'Report', 'A published report file to download.');

const figure = z.number().nullable();
export const ApiCompendium = component(z.strictObject({
  area: z.strictObject({ code: z.string(), name: z.string() }),
  group: z.strictObject({ name: z.string(), label: z.string(), members: count }),
  periodKey: z.string(), period: z.string(),
  summary: z.strictObject({
    indicators: count,
    rag: z.record(z.enum(RAGS), count),
    quartiles: z.strictObject({ 1: count, 2: count, 3: count, 4: count, none: count }),
    direction: z.strictObject({ improving: count, worsening: count, noChange: count, notComparable: count }),
  }),
  rows: z.array(z.strictObject({
    code: z.string(), title: z.string(), unit: z.enum(UNITS), decimalPlaces: z.number().int(), polarity: z.enum(POLARITIES),
    value: figure, status: z.enum(OBSERVATION_STATUSES).nullable(), target: figure, rag: z.enum(RAGS),
    directionPrevious: z.enum(DIRECTIONS), directionYearEarlier: z.enum(DIRECTIONS),
    rank: z.number().int().min(1).nullable(), groupN: count, quartileBand: z.number().int().min(1).max(4).nullable(),
    median: figure, q1: figure, q3: figure, madDeviation: figure, trend: z.enum(TRENDS), url: z.string(),
  })),
}), 'Compendium', "The council's indicators for one period against one comparison group, as the methodology defines each figure.");

// Parameters: the same schemas validate the request and describe it in the document.
const slug = z.string().max(100).regex(/^[a-z0-9-]+$/, 'must be a slug: lower-case letters, digits and dashes');
const param = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

const periodText = z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2019/20 or FY2019-20');

export const PlacesQuery = z.object({
  period: param(periodText, 'Count the entries of this period, under the plan in force in it (default: the latest period with published delivery or indicator values)').optional(),
}).strict();

export const IndicatorsQuery = z.object({
  period: param(periodText, 'The indicators of the plan in force in this period (default: the current plan)').optional(),
}).strict();

export const IndicatorValuesQuery = z.object({
  period: param(periodText, "Only the values for this period and earlier: the series ending there (default: every published value)").optional(),
}).strict();

export const EntryQuery = z.object({
  outcome: param(slug, 'Outcome slug').optional(),
  theme: param(slug, 'Theme slug (with outcome)').optional(),
  area: param(z.string().max(20).regex(/^[A-Z0-9]+$/, 'must be an area code such as E07000133'), 'Area code of a district').optional(),
  place: param(z.string().min(1).max(200), 'Name of a town, village or site').optional(),
  period: param(z.string().max(20).regex(/^[A-Z0-9-]+$/, 'must be a period key such as FY2024-25'), "Reporting period key, such as FY2024-25: that period's entries, of the plan in force in it").optional(),
  page: param(z.coerce.number().int().min(1).max(10_000), 'Page number from 1').default(1),
  pageSize: param(z.coerce.number().int().min(1).max(200), 'Entries a page, up to 200').default(50),
}).strict();

export const PlanQuery = z.object({
  period: param(z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2019/20 or FY2019-20'), 'The plan in force in this period (default: the current plan)').optional(),
}).strict();

export const CommitmentQuery = z.object({
  outcome: param(slug, 'Outcome slug').optional(),
  status: param(z.enum(COMMITMENT_STATUSES), 'Status').optional(),
  period: param(z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2019/20 or FY2019-20'), "The commitments of the plan in force in this period made in or before it, each with its status on the period's last day (default: every commitment of the current plan, as it stands today)").optional(),
}).strict();

export const CompendiumQuery = z.object({
  period: param(z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2023/24 or FY2023-24'), 'Period, such as 2023/24 or FY2023-24 (default: the newest with values)').optional(),
  group: param(z.string().max(80).regex(/^[A-Za-z0-9_.:-]*$/, 'must be a comparison group name'), "Comparison group name (default: the workspace's)").optional(),
  outcome: param(slug, 'Outcome slug').optional(),
}).strict();

export const SearchQuery = z.object({
  q: param(z.string().max(200), 'Words to find; "quotes" for a phrase, -word to leave one out'),
  period: param(periodText, 'Search only the entries of this period, under the plan in force in it, with the commitments made by then (default: every year and plan)').optional(),
  limit: param(z.coerce.number().int().min(1).max(100), 'Most hits to return, up to 100').default(50),
}).strict();

export const EntryId = z.object({ id: param(z.string().max(200), 'Entry id') });
export const IndicatorCode = z.object({ code: param(z.string().max(100), 'Indicator code') });
