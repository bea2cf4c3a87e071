// What the report model is built from: plain records the reports service loads from the store.
import type { ChangesModel } from './changes.js';
import type { Commitment, Compendium, Entry, FinanceStory, IndicatorHistory } from '../../domain/index.js';
import type { WhatIfResult } from '../../stats/finance/fair-funding.js';
import type { FundingComparison } from '../../stats/finance/funding-compare.js';

export interface ReportPlan {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  outcomes: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    position: number;
    themes: { id: string; slug: string; title: string; summary: string; position: number }[];
  }[];
}

export type ReportEntry = Pick<Entry, 'id' | 'outcomeId' | 'themeId' | 'kind' | 'title' | 'body' | 'date' | 'periodKey'
  | 'places' | 'partners' | 'status' | 'workflowState' | 'sourceSection' | 'position'> & {
  /** Extracted facts; money, counts, percentages and durations become the entry's key figures. */
  facts: { kind: string; text: string; start: number | null }[];
};

export type ReportCommitment = Pick<Commitment, 'id' | 'outcomeId' | 'text' | 'dueText' | 'dueStart' | 'dueEnd' | 'status' | 'workflowState'>;

export interface ReportFinancialFigure {
  label: string;
  /** Integer pence for money (unit gbp), plain numbers otherwise. */
  amount: number;
  unit: string;
  note: string | null;
  position: number;
}

/** The values of every member of the comparison group for one indicator in the report's period. */
export interface PeerValue {
  code: string;
  name: string;
  value: number | null;
}

/** The financial context: the council's own story, funding per head against its group, a what-if model. */
export interface ReportFinance {
  story: FinanceStory;
  funding: (FundingComparison & { groupLabel: string; periodLabel: string }) | null;
  whatIf: (WhatIfResult & { name: string }) | null;
}

export interface ReportInput {
  council: { code: string; name: string; brandColour: string; fictional: boolean };
  plan: ReportPlan;
  periodKey: string;
  draft: boolean;
  /** yyyy-mm-dd */
  generatedOn: string;
  entries: ReportEntry[];
  commitments: ReportCommitment[];
  financialFigures: ReportFinancialFigure[];
  finance?: ReportFinance;
  compendium: Compendium | null;
  /** By indicator id. */
  histories: Record<string, IndicatorHistory>;
  /** By indicator id. */
  peerValues: Record<string, PeerValue[]>;
  methodologyUrl: string;
  /** What changed since the latest earlier period with entries (services/changes), when there is one. */
  changes?: ChangesModel | null;
}
