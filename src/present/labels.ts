// The words (and colour-free symbols) people read for each status and enumeration, shared by the web
// pages, the CLI and every report format, so a status is called the same thing everywhere.
import type { CommitmentStatus, Direction, Polarity, QuartileBand, Rag, Trend, Unit } from '../domain/index.js';

export interface Labelled<K extends string | number> {
  key: K;
  label: string;
  /** A text symbol that carries the status without colour. */
  symbol: string;
}

/** "✓ Green (met)": a status in its symbol and words, for plain-text output. */
export const labelText = (l: Labelled<string | number>): string => `${l.symbol} ${l.label}`;

/** The unit as an axis label: "%", "£", "per 1,000". */
export function unitLabel(unit: Unit | string): string {
  switch (unit) {
    case 'percent': return 'Per cent';
    case 'gbp': return 'Pounds (£)';
    case 'gbp-millions': return '£ million';
    case 'gbp-thousands': return '£ thousand';
    case 'rate-per-1000': return 'Rate per 1,000';
    case 'rate-per-100000': return 'Rate per 100,000';
    case 'days': return 'Days';
    case 'count': return 'Number';
    case 'score': return 'Score';
    case 'ratio': return 'Ratio';
    default: return 'Value';
  }
}

export const RAG_LABELS: Record<Rag, Labelled<Rag>> = {
  green: { key: 'green', label: 'Green (met)', symbol: '✓' },
  amber: { key: 'amber', label: 'Amber (close)', symbol: '!' },
  red: { key: 'red', label: 'Red (missed)', symbol: '✗' },
  'no-target': { key: 'no-target', label: 'No target', symbol: '–' },
  missing: { key: 'missing', label: 'Missing', symbol: 'M' },
};

/** What each RAG status means, for the key on the methodology page. */
export const RAG_MEANINGS: Record<Rag, string> = {
  green: 'meets or beats the target',
  amber: 'misses the target by no more than its tolerance',
  red: 'misses the target by more than its tolerance',
  'no-target': 'there is no target to judge against',
  missing: 'no value was supplied when one was due',
};

export const DIRECTION_LABELS: Record<Direction, Labelled<Direction>> = {
  improving: { key: 'improving', label: 'Improving', symbol: '▲' },
  worsening: { key: 'worsening', label: 'Worsening', symbol: '▼' },
  'no-change': { key: 'no-change', label: 'No change', symbol: '●' },
  increasing: { key: 'increasing', label: 'Increasing', symbol: '↑' },
  decreasing: { key: 'decreasing', label: 'Decreasing', symbol: '↓' },
  'not-comparable': { key: 'not-comparable', label: 'Not comparable', symbol: '–' },
};

export const TREND_LABELS: Record<Trend, Labelled<Trend>> = {
  'getting-better': { key: 'getting-better', label: 'Getting better', symbol: '▲' },
  'getting-worse': { key: 'getting-worse', label: 'Getting worse', symbol: '▼' },
  increasing: { key: 'increasing', label: 'Increasing', symbol: '↑' },
  decreasing: { key: 'decreasing', label: 'Decreasing', symbol: '↓' },
  'no-significant-change': { key: 'no-significant-change', label: 'No significant change', symbol: '●' },
  'too-few-points': { key: 'too-few-points', label: 'Too few points', symbol: '–' },
};

export const QUARTILE_LABELS: Record<QuartileBand | 'none', Labelled<QuartileBand | 'none'>> = {
  1: { key: 1, label: 'Top quartile', symbol: 'Q1' },
  2: { key: 2, label: 'Second quartile', symbol: 'Q2' },
  3: { key: 3, label: 'Third quartile', symbol: 'Q3' },
  4: { key: 4, label: 'Bottom quartile', symbol: 'Q4' },
  none: { key: 'none', label: 'Not banded', symbol: '–' },
};

export const COMMITMENT_LABELS: Record<CommitmentStatus, string> = {
  open: 'In progress', delivered: 'Delivered', late: 'Late', dropped: 'Dropped', unknown: 'Not known',
};

/** A symbol beside each commitment status, so that the status never rests on colour alone. */
export const COMMITMENT_SYMBOLS: Record<CommitmentStatus, string> = { open: '○', delivered: '✓', late: '!', dropped: '✗', unknown: '?' };

export const POLARITY_LABELS: Record<Polarity, string> = { higher: 'Higher is better', lower: 'Lower is better', none: 'No judgement' };

/** What a figure found in a text is, in words ("Amount of money"), never the extractor's kind name. */
export const FACT_KIND_LABELS: Record<string, string> = {
  money: 'Amount of money', count: 'Number of things', percent: 'Percentage', date: 'Date', period: 'Period of time', duration: 'Length of time',
};
