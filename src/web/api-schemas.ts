// The JSON API's response shapes as zod schemas: the OpenAPI document is generated from them and the
// tests check real responses against them, so the document cannot drift from what is served.
import { z } from 'zod';

export const apiRegistry = z.registry<{ id: string; description?: string }>();
const reg = <T extends z.ZodType>(schema: T, id: string, description: string): T => {
  apiRegistry.add(schema, { id, description });
  return schema;
};

const Ref = z.object({ slug: z.string(), title: z.string() });
const PlaceRef = z.object({ name: z.string(), areaCode: z.string().nullable() });
const Segment = z.object({ text: z.string(), match: z.boolean() });

export const ApiError = reg(z.object({ error: z.string(), detail: z.string() }), 'Error', 'What went wrong, in words.');

export const ApiPlan = reg(z.object({
  id: z.string(), title: z.string(), councilCode: z.string(), startDate: z.string(), endDate: z.string(),
  outcomes: z.array(z.object({
    id: z.string(), slug: z.string(), title: z.string(), summary: z.string(), url: z.string(),
    themes: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string(), summary: z.string(), url: z.string() })),
  })),
}), 'Plan', 'The Strategic Plan with its outcomes and themes.');

export const ApiEntrySummary = reg(z.object({
  id: z.string(), kind: z.string(), title: z.string(), date: z.string().nullable(), periodKey: z.string().nullable(),
  service: z.string().nullable(), status: z.string().nullable(), outcome: Ref.nullable(), theme: Ref.nullable(),
  places: z.array(PlaceRef), partners: z.array(z.string()), url: z.string(),
}), 'EntrySummary', 'A published entry: something the council did or reported.');

export const ApiEntryList = reg(z.object({
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), entries: z.array(ApiEntrySummary),
}), 'EntryList', 'One page of published entries, newest first.');

export const ApiEntry = reg(ApiEntrySummary.extend({
  body: z.string().meta({ description: 'Markdown' }),
  sourceSection: z.string().nullable(),
  document: z.object({ name: z.string(), mediaType: z.string() }).nullable(),
  facts: z.array(z.object({ kind: z.string(), value: z.number().nullable(), valueMax: z.number().nullable(), unit: z.string(), text: z.string(), approximate: z.boolean() })),
  commitments: z.array(z.object({ id: z.string(), text: z.string(), dueText: z.string().nullable(), status: z.string() })),
}), 'Entry', 'A published entry with its text, figures and commitments.');

export const ApiCommitment = reg(z.object({
  id: z.string(), text: z.string(), dueText: z.string().nullable(), dueStart: z.string().nullable(), dueEnd: z.string().nullable(),
  status: z.enum(['open', 'delivered', 'late', 'dropped', 'unknown']), statusLabel: z.string(), outcome: Ref.nullable(),
  entryId: z.string().nullable(), evidence: z.array(z.object({ id: z.string(), title: z.string() })),
}), 'Commitment', 'Something the council promised, when it is due and its status.');

export const ApiIndicator = reg(z.object({
  code: z.string(), title: z.string(), unit: z.string(), decimalPlaces: z.number().int(), polarity: z.enum(['higher', 'lower', 'none']),
  frequency: z.string(), source: z.string().nullable(), definition: z.string().nullable(), outcome: Ref.nullable(), theme: z.string().nullable(), url: z.string(),
}), 'Indicator', 'A performance indicator of the plan.');

export const ApiValue = reg(z.object({
  periodKey: z.string(), period: z.string(), value: z.number().nullable(), status: z.string(), note: z.string().nullable(), target: z.number().nullable(),
}), 'Value', "The council's published value for one period, with its target.");

export const ApiIndicatorDetail = reg(ApiIndicator.extend({ values: z.array(ApiValue) }), 'IndicatorDetail', 'An indicator with every published value of the council.');

export const ApiPlaces = reg(z.object({
  districts: z.array(z.object({ code: z.string(), name: z.string(), entries: z.number().int(), url: z.string() })),
  places: z.array(z.object({ name: z.string(), areaCode: z.string().nullable(), entries: z.number().int(), url: z.string() })),
}), 'Places', 'Published entries counted by district and by named place.');

export const ApiSearch = reg(z.object({
  query: z.string(), total: z.number().int(),
  hits: z.array(z.object({
    type: z.enum(['entry', 'indicator', 'commitment']), id: z.string(), url: z.string(),
    title: z.array(Segment), snippet: z.array(Segment),
  })),
}), 'SearchResults', 'Search hits; title and snippet are pieces of text, those with match=true matched the query.');

export const ApiReport = reg(z.object({
  id: z.string(), periodKey: z.string(), format: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), url: z.string(),
}), 'Report', 'A published report file to download.');

const Nullable = z.number().nullable();
export const ApiCompendium = reg(z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  group: z.object({ name: z.string(), label: z.string(), members: z.number().int() }),
  periodKey: z.string(), period: z.string(),
  summary: z.object({
    indicators: z.number().int(),
    rag: z.record(z.string(), z.number().int()),
    quartiles: z.record(z.string(), z.number().int()),
    direction: z.record(z.string(), z.number().int()),
  }),
  rows: z.array(z.object({
    code: z.string(), title: z.string(), unit: z.string(), decimalPlaces: z.number().int(), polarity: z.enum(['higher', 'lower', 'none']),
    value: Nullable, status: z.enum(['provisional', 'final']).nullable(), target: Nullable,
    rag: z.enum(['green', 'amber', 'red', 'no-target', 'missing']),
    directionPrevious: z.string(), directionYearEarlier: z.string(),
    rank: z.number().int().nullable(), groupN: z.number().int(), quartileBand: z.number().int().min(1).max(4).nullable(),
    median: Nullable, q1: Nullable, q3: Nullable, madDeviation: Nullable, trend: z.string(), url: z.string(),
  })),
}), 'Compendium', "The council's indicators for one period against one comparison group, as the methodology defines each figure.");
