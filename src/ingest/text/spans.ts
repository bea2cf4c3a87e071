// Spans of a text already claimed by a finding, so that a later finding overlapping one is dropped.
// A list searched from its start for every new finding made long single-line texts quadratic (a
// 1 MB line of organisation names held about 30,000 spans, each new one checked against them all).
// Here the spans are kept sorted by start in a few runs; asking or adding costs a binary search.

/** Spans [start, end) that never overlap one another, sorted by start. */
class SortedRun {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** How many spans the searches have looked at (tests count the work with it). */
  looked = 0;

  /** Index of the last span starting before `end`, or -1. */
  private lastBefore(end: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      this.looked++;
      if (this.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  overlaps(start: number, end: number): boolean {
    // Spans do not overlap one another, so their ends rise with their starts: only the last span
    // starting before `end` can reach past `start`.
    const i = this.lastBefore(end);
    return i >= 0 && this.ends[i] > start;
  }

  add(start: number, end: number): void {
    const i = this.lastBefore(start) + 1;
    // Findings mostly come in reading order, so this is nearly always an append.
    if (i === this.starts.length) {
      this.starts.push(start);
      this.ends.push(end);
    } else {
      this.starts.splice(i, 0, start);
      this.ends.splice(i, 0, end);
    }
  }
}

/**
 * Claimed spans of a text. Call `pass()` before each scan of the text in reading order: each pass
 * keeps its own sorted run, so a second scan from the start never inserts into the middle of the
 * first's spans.
 */
export class ClaimedSpans {
  private readonly runs: SortedRun[] = [new SortedRun()];

  /** How many claimed spans the searches have looked at, for tests that count the work. */
  get looked(): number {
    return this.runs.reduce((n, r) => n + r.looked, 0);
  }

  /** Whether [start, end) overlaps a claimed span. */
  overlaps(start: number, end: number): boolean {
    return this.runs.some((r) => r.overlaps(start, end));
  }

  /** Claims [start, end), which must not overlap a claimed span. */
  claim(start: number, end: number): void {
    this.runs[this.runs.length - 1].add(start, end);
  }

  /** Starts a new scan from the text's start. */
  pass(): void {
    if (this.runs[this.runs.length - 1].starts.length) this.runs.push(new SortedRun());
  }
}
