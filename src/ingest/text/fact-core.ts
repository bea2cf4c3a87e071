// What every fact matcher shares: the shape of a found fact, the record of which characters a fact
// has already claimed, and the qualifier ("over", "almost") that may stand before a figure.
import type { CoveredPeriod } from './dates.js';
import { QUALIFIER_BEFORE } from './numbers.js';

export type FactKind = 'money' | 'count' | 'percent' | 'date' | 'period' | 'duration';

export interface FoundFact {
  kind: FactKind;
  /** The figure (pounds for money, the percentage for percent, the number of units for count and duration); null for dates. */
  value: number | null;
  /** The top of a range ("£2,000 to £10,000"), else null. */
  valueMax: number | null;
  /** The currency symbol (£, $, €) for money, as the domain model's Fact.unit says, "%" for percent, what is counted for count ("trees", "local jobs"),
   *  years/months/weeks/days/hours for duration, the grain for dates and periods (day, month, season, financial-year, range …). */
  unit: string;
  text: string;
  start: number;
  end: number;
  /** Written with a qualifier ("over", "almost", "c70", "up to"), or a vague amount. */
  approximate: boolean;
  /** The window a date or period covers, ISO yyyy-mm-dd; null for other kinds or when the year is unknown. */
  dateStart: string | null;
  dateEnd: string | null;
}

export interface FindFactsOptions {
  /** The year the report was written in: dates a month or day given without a year ("In September"). */
  reportYear?: number;
  /** The period the report covers: dates such a month by it and the sentence's tense instead (dates.ts). */
  covered?: CoveredPeriod;
}

export class Claims {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}

/**
 * Where matchers put the facts they find: every one is counted, and with a limit only the first
 * `limit` by where they start are kept. Facts come kind by kind, each kind in reading order; when
 * twice the limit are held, the first `limit` are kept and a fact starting after the last of them
 * is only counted from then on, never made. A 50 MB line of figures has millions of facts, of which
 * a report item keeps a thousand (report/parse.ts): holding them all took a quarter of the parse in
 * garbage collection.
 */
export class FactSink {
  private kept: FoundFact[] = [];
  private cutoff = Infinity;
  /** Facts found, kept or not. */
  total = 0;

  constructor(private readonly limit = Infinity) {}

  /** Counts the fact starting at `start`, and makes and keeps it while it may be among the first `limit`. */
  add(start: number, make: () => FoundFact): void {
    this.total++;
    if (start > this.cutoff) return;
    this.kept.push(make());
    if (this.kept.length >= 2 * this.limit) {
      this.sort();
      this.kept.length = this.limit;
      this.cutoff = this.kept[this.limit - 1].start;
    }
  }

  private sort(): void {
    this.kept.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** The facts kept, in order of where they start (at most `limit`). */
  facts(): FoundFact[] {
    this.sort();
    if (this.kept.length > this.limit) this.kept.length = this.limit;
    return this.kept;
  }
}

export function approximateBefore(text: string, start: number): { approximate: boolean; start: number } {
  const before = text.slice(Math.max(0, start - 30), start);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m) return { approximate: false, start };
  const qStart = start - before.length + m.index + m[0].indexOf(m[1]);
  return { approximate: true, start: Math.min(start, qStart) };
}

export function fact(kind: FactKind, text: string, start: number, end: number, extra: Partial<FoundFact>): FoundFact {
  return {
    kind, value: null, valueMax: null, unit: '', text: text.slice(start, end), start, end, approximate: false, dateStart: null, dateEnd: null,
    ...extra,
  };
}
