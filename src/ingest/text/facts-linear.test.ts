// Fact finding looks back only a bounded distance from each figure. A year-like figure once made the
// matcher test a pattern anchored at the end of all the text before it, so that a single-line text
// of many years took time in the square of its length (4 MB: 18 s). Timings live in
// bench/parse-large.ts; these tests check the behaviour on that shape and how far the check looks.
import { describe, expect, it } from 'vitest';
import { countingText } from '../../../test/helpers/counting-text.js';
import { atSentenceStart } from './fact-counts.js';
import { findFacts } from './facts.js';

describe('atSentenceStart', () => {
  it('answers as the old end-anchored pattern did', () => {
    const old = (text: string, at: number) => /(?:^|[.!?:–-]\s*)$/.test(text.slice(0, at));
    const samples = ['2020 marks', 'Done. 2020 marks', 'Done.   2020', 'and 2020', '  2020', 'x: 2020', 'a – 2020', 'a-2020', 'end!\n\n2020', '.2020'];
    for (const text of samples) {
      for (let at = 0; at <= text.length; at++) expect([text, at, atSentenceStart(text, at)]).toEqual([text, at, old(text, at)]);
    }
  });

  it('reads only the spaces before the position and one character more', () => {
    const long = 'word '.repeat(100_000) + '   2020 marks';
    const counted = countingText(long);
    expect(atSentenceStart(counted.text, long.indexOf('2020'))).toBe(false);
    expect(counted.reads()).toBeLessThan(10); // the three spaces and the "d" before them, not 500,000 characters
  });
});

describe('findFacts on a long single line of years', () => {
  const unit = 'In 2021 we planted 1,200 trees and 2022 saw 34 new homes; ';
  const text = unit.repeat(2000);

  it('finds the same facts in every repetition, wherever it stands in the line', () => {
    const facts = findFacts(text, { reportYear: 2021 });
    const one = findFacts(unit, { reportYear: 2021 }).map((f) => [f.kind, f.text, f.value]);
    expect(one.length).toBeGreaterThan(2);
    expect(facts).toHaveLength(one.length * 2000);
    const last = facts.slice(-one.length).map((f) => [f.kind, f.text, f.value]);
    expect(last).toEqual(one);
    expect(facts.at(-1)!.start).toBeGreaterThan(text.length - unit.length);
  });

  it('keeps "2020 marks the anniversary" from being a count at the start of a sentence far into the text', () => {
    const far = 'Work went on. '.repeat(50_000) + '2020 marks the anniversary of the plan.';
    expect(findFacts(far).filter((f) => f.kind === 'count')).toEqual([]);
  });
});
