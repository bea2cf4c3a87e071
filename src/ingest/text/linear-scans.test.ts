// Two scans that once made a long single-line text take time in the square of its length, found by
// profiling bench/parse-large: partner names checked against every name found before them (a 1 MB
// line of organisation names: 41 times as long at 8 MB as at 1 MB), and the tense of a bare month
// read from all the text before it (the 2020 report run together: 22 times). Timings live in the
// bench; these tests check the answers and count the work done, never the time. Last, a text
// crowded with figures makes only the facts a report item keeps, and counts the rest.
import { describe, expect, it } from 'vitest';
import { findTimeExpressions } from './dates.js';
import { FactSink } from './fact-core.js';
import { findFacts, findFirstFacts } from './facts.js';
import { futureAround, futureTeller } from './date-windows.js';
import { findPartners } from './partners.js';
import { ClaimedSpans } from './spans.js';

describe('ClaimedSpans', () => {
  it('answers as a search of every claimed span does, in reading order or not', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const spans = new ClaimedSpans();
    const list: [number, number][] = [];
    for (let pass = 0; pass < 3; pass++) {
      spans.pass();
      for (let k = 0; k < 400; k++) {
        // Mostly forward, sometimes back a little, as findings come.
        const start = pass === 0 ? random(5000) : Math.floor((k / 400) * 5000) + random(40) - 20;
        const end = start + 1 + random(30);
        const naive = list.some(([a, b]) => start < b && end > a);
        expect(spans.overlaps(start, end), `${start}-${end}`).toBe(naive);
        if (!naive) {
          spans.claim(start, end);
          list.push([start, end]);
        }
      }
    }
    expect(list.length).toBeGreaterThan(250);
  });

  it('looks at a number of spans that grows with the logarithm of those claimed, not with them', () => {
    const spans = new ClaimedSpans();
    const n = 50_000;
    for (let i = 0; i < n; i++) if (!spans.overlaps(i * 10, i * 10 + 5)) spans.claim(i * 10, i * 10 + 5);
    // A search of every span would look at about n²/2 = 1.25e9 spans.
    expect(spans.looked).toBeLessThan(n * 2 * 18);
    expect(spans.looked).toBeGreaterThan(n);
  });
});

describe('findPartners on a long single line of names', () => {
  it('finds the same partners in every repetition, wherever it stands in the line', () => {
    const unit = 'Melton Borough Council and Leicestershire Police Partnership Board with ';
    const one = findPartners(unit).map((p) => p.name);
    expect(one.length).toBeGreaterThan(0);
    const found = findPartners(unit.repeat(3000));
    expect(found.map((p) => p.name)).toEqual(Array.from({ length: 3000 }, () => one).flat());
    expect(found.at(-1)!.start).toBeGreaterThanOrEqual(unit.length * 2999);
  });
});

/** A string that counts how many characters were handed out by slice() and read by index. */
function countingSlices(text: string): { text: string; chars: () => number } {
  let chars = 0;
  const proxy = new Proxy(new String(text), {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) chars++;
      if (key === 'slice') {
        return (a?: number, b?: number) => {
          const s = target.slice(a, b);
          chars += s.length;
          return s;
        };
      }
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { text: proxy as unknown as string, chars: () => chars };
}

describe('the tense of the sentence around a bare month', () => {
  it('reads the sentence the month stands in, between stops followed by a blank', () => {
    expect(futureAround('It rained. We will open in May. It rained.', 25)).toBe(true);
    expect(futureAround('We will try. It opened in May. We will see.', 26)).toBe(false);
    expect(futureAround('It opened in May!', 12)).toBe(false);
    expect(futureAround('Next? It opens in May', 17)).toBe(false);
    expect(futureAround('No stop at all and it will open in May', 34)).toBe(true);
    // "e.g." or "3.5" without a blank after the stop does not end the sentence.
    expect(futureAround('It will cost £3.5m in May', 21)).toBe(true);
  });

  it('does not read the text before an earlier figure with a point in it', () => {
    // The old search took the whole text as the sentence when the last stop before the month was a
    // decimal point, so a "will" anywhere before it made a past month future.
    const text = 'We will report on it later. The £5.2m park was completed in November.';
    expect(futureAround(text, text.indexOf('November'))).toBe(false);
    // A 2019/20 report: November of the period covered, not the November after it.
    const dated = findTimeExpressions(text, 2020, { start: '2019-04-01', end: '2020-03-31' });
    expect(dated.map((d) => [d.text, d.dateStart])).toEqual([['November', '2019-11-01']]);
  });

  it('reads each sentence once however many months it names, and each character a bounded number of times', () => {
    const line = 'in March we will plant trees and in May we will dig ponds, '.repeat(2000);
    const counted = countingSlices(line);
    const future = futureTeller(counted.text);
    let asked = 0;
    for (const m of line.matchAll(/March|May/g)) {
      expect(future(m.index)).toBe(true);
      asked++;
    }
    expect(asked).toBe(4000);
    // One pass for the stops (each character looked at once or twice) and one read of the sentence;
    // reading all the text before each month would hand out about 4000²/2 × 30 = 240 million.
    expect(counted.chars()).toBeLessThan(line.length * 3);
  });

  it('dates every bare month of a long single line by its own sentence', () => {
    const unit = 'In March we planted trees. In May the park will open. ';
    const covered = { start: '2019-04-01', end: '2020-03-31' };
    const found = findTimeExpressions(unit.repeat(2000), 2020, covered).map((t) => t.dateStart);
    expect(found).toHaveLength(4000);
    expect(new Set(found.filter((_, i) => i % 2 === 0))).toEqual(new Set(['2020-03-01']));
    expect(new Set(found.filter((_, i) => i % 2 === 1))).toEqual(new Set(['2020-05-01']));
  });
});

describe('the first facts of a text crowded with figures', () => {
  const unit = 'In 2021 we planted 1,200 trees, spent £3m and 2022 saw 34 new homes, 12% more; ';
  const text = unit.repeat(3000);

  it('are the first of all its facts, and all of them are counted', () => {
    const all = findFacts(text, { reportYear: 2021 });
    const first = findFirstFacts(text, { reportYear: 2021 }, 1000);
    expect(all.length).toBeGreaterThan(10_000);
    expect(first.total).toBe(all.length);
    expect(first.facts).toEqual(all.slice(0, 1000));
  });

  it('makes at most twice the limit of facts per kind of fact, however many the text holds', () => {
    const sink = new FactSink(100);
    let made = 0;
    const make = (start: number) => () => {
      made++;
      return { kind: 'count' as const, value: 1, valueMax: null, unit: 'x', text: 'x', start, end: start + 1, approximate: false, dateStart: null, dateEnd: null };
    };
    // Two kinds, each in reading order, the second starting over from the text's start.
    for (let i = 0; i < 50_000; i++) sink.add(i * 10, make(i * 10));
    for (let i = 0; i < 50_000; i++) sink.add(i * 10 + 5, make(i * 10 + 5));
    expect(sink.total).toBe(100_000);
    expect(made).toBeLessThanOrEqual(2 * 200);
    expect(sink.facts().map((f) => f.start)).toEqual(Array.from({ length: 100 }, (_, i) => i * 5));
  });
});

describe('the times of a long text asked for twice', () => {
  it('are found once: facts and commitments of a one-sentence item share them', () => {
    const text = 'In March 2021 we planted trees and by June 2026 we will plant more; '.repeat(200);
    const first = findTimeExpressions(text, 2021);
    expect(findTimeExpressions(text.slice(0), 2021)).toBe(first);
    // Another period, or another text, is read afresh.
    expect(findTimeExpressions(text, 2022)).not.toBe(first);
    // What is remembered is what reading gives: the same times one character on in a longer text.
    const shifted = findTimeExpressions(` ${text}`, 2021);
    expect(shifted.map((t) => ({ ...t, start: t.start - 1, end: t.end - 1 }))).toEqual(first);
  });
});
