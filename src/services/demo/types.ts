// The shape of the demo workspace's content: plain typed data that the demo service turns into rows.
// Entries name their outcome and theme by slug and their places by area name, so the text stays readable.
import type { AreaType, CommitmentStatus, EntryKind, FactKind, Frequency, Polarity, Role, ToleranceKind, Unit, WorkflowState } from '../../domain/index.js';

export interface DemoArea {
  code: string;
  name: string;
  shortName: string;
  type: AreaType;
  parentCode: string | null;
  population: number | null;
}

export interface DemoTheme {
  title: string;
  summary: string;
}

export interface DemoOutcome {
  title: string;
  summary: string;
  /** Key of the user who owns the outcome. */
  owner: DemoUserKey;
  themes: DemoTheme[];
}

export interface DemoPlan {
  title: string;
  startDate: string;
  endDate: string;
  outcomes: DemoOutcome[];
}

/** A figure in an entry's body, named by its exact words; the loader finds the offsets. */
export interface DemoFact {
  text: string;
  kind: FactKind;
  value: number | null;
  valueMax?: number;
  unit: string;
  approximate?: boolean;
  dateStart?: string;
  dateEnd?: string;
  /** Which occurrence of `text` in the body (1 = first), when it appears more than once. */
  occurrence?: number;
}

export interface DemoCommitment {
  key: string;
  text: string;
  dueText: string;
  dueStart: string;
  dueEnd: string;
  status: CommitmentStatus;
  workflowState?: WorkflowState;
  /** Keys of the entries that show it was kept. */
  evidence?: string[];
}

/** A place: the name of a demo area, or a named place inside one. */
export type DemoPlace = string | { name: string; in: string };

export interface DemoEntry {
  key: string;
  /** Outcome by its slug, theme by its slug within that outcome. */
  outcome: string;
  theme: string;
  kind: EntryKind;
  title: string;
  body: string;
  date: string;
  periodKey: string;
  service: string;
  places: DemoPlace[];
  partners: string[];
  status: string | null;
  workflowState: WorkflowState;
  author: DemoUserKey;
  reviewComment?: string;
  facts: DemoFact[];
  commitments?: DemoCommitment[];
}

export interface DemoIndicator {
  code: string;
  title: string;
  unit: Unit;
  decimalPlaces: number;
  polarity: Polarity;
  /** Outcome and theme by slug; null for context indicators that belong to no outcome. */
  outcome: string | null;
  theme: string | null;
  frequency: Frequency;
  source: string;
  definition: string;
  changeTolerance: number;
  owner: DemoUserKey;
  /** Demoshire's values by period key; null = missing. */
  values: Record<string, number | null>;
  /** Periods whose Demoshire value is still provisional, and any not yet published. */
  provisional?: string[];
  unpublished?: { periodKey: string; workflowState: WorkflowState }[];
  notes?: Record<string, string>;
  targets: { periodKey: string; value: number; tolerance: number; toleranceKind: ToleranceKind }[];
  /** How the invented peer values are spread: centre, spread and yearly drift per period. */
  peers: { centre: number; spread: number; drift: number; min?: number; max?: number };
}

export type DemoUserKey = 'admin' | 'officer' | 'contributor' | 'viewer';

export interface DemoUser {
  key: DemoUserKey;
  name: string;
  email: string;
  role: Role;
  /** Demo-only, published in the docs: never use these anywhere real. */
  password: string;
  services: string[];
  /** Outcomes by slug. */
  outcomes: string[];
}

export interface DemoFinancialFigure {
  periodKey: string;
  label: string;
  /** Pounds for money (stored as pence), plain numbers otherwise. */
  amount: number;
  unit: '£' | '%';
  note: string | null;
}

/** Who supplies an indicator's value or an outcome's update for a period, by when, and when they did. */
export interface DemoDuty {
  subject: { indicator: string } | { outcome: string };
  periodKey: string;
  owner: DemoUserKey;
  dueDate: string;
  /** When it was done (ISO timestamp), or null while it is outstanding. */
  doneAt: string | null;
}

export interface DemoContent {
  council: { code: string; name: string; brandColour: string };
  areas: DemoArea[];
  peerCodes: string[];
  group: { name: string; description: string };
  plan: DemoPlan;
  users: DemoUser[];
  entries: DemoEntry[];
  indicators: DemoIndicator[];
  /** Every period the indicators have values for, oldest first. */
  indicatorPeriods: string[];
  financialFigures: DemoFinancialFigure[];
  duties: DemoDuty[];
}
