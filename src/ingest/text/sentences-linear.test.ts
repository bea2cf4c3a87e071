// A stop looks back for a list marker only as far as a marker reaches. It once searched back to the
// start of its line, so that one long line with thousands of stops took time in the square of its
// length (0.25 → 0.5 MB: 1.3 → 5.1 s). Timings live in bench/parse-large.ts; these tests check the
// answers and how far the check reads.
import { describe, expect, it } from 'vitest';
import { countingText } from '../../../test/helpers/counting-text.js';
import { listMarkerBefore, splitSentences } from './sentences.js';

describe('listMarkerBefore', () => {
  it('answers as the search back to the line start did', () => {
    const old = (text: string, dot: number) => /^[ \t]*\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})$/i.test(text.slice(text.lastIndexOf('\n', dot - 1) + 1, dot));
    const samples = ['1. Grow', 'a. Keep', '(iv. x', '                    (viii. deep', 'Done. Next', 'x\n  12. item', 'x\n(12345. no', 'The end.', '\n.'];
    for (const s of samples) {
      for (let dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) expect(listMarkerBefore(s, dot), `${s} @${dot}`).toBe(old(s, dot));
    }
  });

  it('reads a bounded number of characters before a stop at the end of a long line', () => {
    const { text, reads } = countingText(`${'word '.repeat(20_000)}end.`);
    listMarkerBefore(text, text.length - 1);
    // A few reads for each of the six characters looked at, against 100,004 to the line's start.
    expect(reads()).toBeLessThan(40);
  });

  it('does not end a sentence at a deeply indented item number', () => {
    const pieces = splitSentences('Our aims:\n                 3. Keep people safe. Grow.').map((s) => s.text);
    expect(pieces.some((p) => p.endsWith('3.'))).toBe(false);
    expect(pieces.at(-1)).toBe('Grow.');
  });
});
