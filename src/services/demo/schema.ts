// The shape of the demo workspace's content (the JSON files in demo/ at the package root), checked
// when it is loaded. Entries name their outcome and theme by slug and their places by area name, so
// the files stay readable; the builder resolves them and says which name it cannot find.
import { z } from 'zod';
import {
  AreaType, CommitmentStatus, EntryKind, FactKind, Frequency, Polarity, Role, ToleranceKind, Unit, WorkflowState,
} from '../../domain/index.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd');

export const DemoUserKey = z.enum(['admin', 'officer', 'contributor', 'viewer']);

export const DemoArea = z.strictObject({
  code: z.string(), name: z.string(), shortName: z.string(), type: AreaType, parentCode: z.string().nullable(), population: z.number().int().nullable(),
});

export const DemoPlan = z.strictObject({
  title: z.string(), startDate: day, endDate: day,
  outcomes: z.array(z.strictObject({
    title: z.string(), summary: z.string(),
    /** Key of the user who owns the outcome. */
    owner: DemoUserKey,
    themes: z.array(z.strictObject({ title: z.string(), summary: z.string() })),
  })),
});

/** A figure in an entry's body, named by its exact words; the builder finds the offsets. */
export const DemoFact = z.strictObject({
  text: z.string().min(1), kind: FactKind, value: z.number().nullable(), valueMax: z.number().optional(), unit: z.string(),
  approximate: z.boolean().optional(), dateStart: day.optional(), dateEnd: day.optional(),
  /** Which occurrence of `text` in the body (1 = first), when it appears more than once. */
  occurrence: z.number().int().positive().optional(),
});

export const DemoCommitment = z.strictObject({
  key: z.string(), text: z.string(), dueText: z.string(), dueStart: day, dueEnd: day, status: CommitmentStatus,
  workflowState: WorkflowState.optional(),
  /** Keys of the entries that show it was kept. */
  evidence: z.array(z.string()).optional(),
});

/** A place: the name of a demo area, or a named place inside one. */
export const DemoPlace = z.union([z.string(), z.strictObject({ name: z.string(), in: z.string() })]);

export const DemoEntry = z.strictObject({
  key: z.string(),
  /** Outcome by its slug, theme by its slug within that outcome. */
  outcome: z.string(), theme: z.string(),
  kind: EntryKind, title: z.string(), body: z.string(), date: day, periodKey: z.string(), service: z.string(),
  places: z.array(DemoPlace), partners: z.array(z.string()), status: z.string().nullable(), workflowState: WorkflowState,
  author: DemoUserKey, reviewComment: z.string().optional(), facts: z.array(DemoFact), commitments: z.array(DemoCommitment).optional(),
});

export const DemoIndicator = z.strictObject({
  code: z.string(), title: z.string(), unit: Unit, decimalPlaces: z.number().int().min(0), polarity: Polarity,
  /** Outcome and theme by slug; null for context indicators that belong to no outcome. */
  outcome: z.string().nullable(), theme: z.string().nullable(),
  frequency: Frequency, source: z.string(), definition: z.string(), changeTolerance: z.number(), owner: DemoUserKey,
  /** Demoshire's values by period key; null = missing. */
  values: z.record(z.string(), z.number().nullable()),
  /** Periods whose Demoshire value is still provisional, and any not yet published. */
  provisional: z.array(z.string()).optional(),
  unpublished: z.array(z.strictObject({ periodKey: z.string(), workflowState: WorkflowState })).optional(),
  notes: z.record(z.string(), z.string()).optional(),
  targets: z.array(z.strictObject({ periodKey: z.string(), value: z.number(), tolerance: z.number(), toleranceKind: ToleranceKind })),
  /** How the invented peer values are spread: centre, spread and yearly drift per period. */
  peers: z.strictObject({ centre: z.number(), spread: z.number(), drift: z.number(), min: z.number().optional(), max: z.number().optional() }),
});

export const DemoUser = z.strictObject({
  key: DemoUserKey, name: z.string(), email: z.string(), role: Role,
  /** Demo-only, published in the docs: never use these anywhere real. */
  password: z.string(),
  services: z.array(z.string()),
  /** Outcomes by slug. */
  outcomes: z.array(z.string()),
});

export const DemoFinancialFigure = z.strictObject({
  periodKey: z.string(), label: z.string(),
  /** Pounds for money (stored as pence), plain numbers otherwise. */
  amount: z.number(), unit: z.enum(['£', '%']), note: z.string().nullable(),
});

/** Who supplies an indicator's value or an outcome's update for a period, by when, and when they did. */
export const DemoDuty = z.strictObject({
  subject: z.union([z.strictObject({ indicator: z.string() }), z.strictObject({ outcome: z.string() })]),
  periodKey: z.string(), owner: DemoUserKey, dueDate: day,
  /** When it was done (ISO timestamp), or null while it is outstanding. */
  doneAt: z.string().nullable(),
});

/** demo/council.json: who the demo council is, its peer group, and the periods its indicators cover. */
export const DemoCouncil = z.strictObject({
  council: z.strictObject({ code: z.string(), name: z.string(), brandColour: z.string().regex(/^#[0-9a-f]{6}$/i) }),
  group: z.strictObject({ name: z.string(), description: z.string() }),
  peerCodes: z.array(z.string()),
  /** Every period the indicators have values for, oldest first. */
  indicatorPeriods: z.array(z.string()),
});

export const DemoContent = z.strictObject({
  ...DemoCouncil.shape,
  areas: z.array(DemoArea),
  plan: DemoPlan,
  users: z.array(DemoUser),
  entries: z.array(DemoEntry),
  indicators: z.array(DemoIndicator),
  financialFigures: z.array(DemoFinancialFigure),
  duties: z.array(DemoDuty),
});

export type DemoUserKey = z.infer<typeof DemoUserKey>;
export type DemoPlace = z.infer<typeof DemoPlace>;
export type DemoIndicator = z.infer<typeof DemoIndicator>;
export type DemoContent = z.infer<typeof DemoContent>;
