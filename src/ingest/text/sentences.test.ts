import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at full stops followed by a capital, keeping offsets into the text', () => {
    const t = 'We planted trees. The county grew.  Then it rained.';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['We planted trees.', 'The county grew.', 'Then it rained.']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });

  it('survives money, decimals, approximate counts and thousands separators', () => {
    expect(texts('31.2 million visitors generated £2.39bn for the economy. We gritted 1,300 miles with c200 volunteers. 94.8% got their first choice.')).toEqual([
      '31.2 million visitors generated £2.39bn for the economy.',
      'We gritted 1,300 miles with c200 volunteers.',
      '94.8% got their first choice.',
    ]);
  });

  it('does not split after titles and abbreviations such as St., No., Dr., e.g. and i.e.', () => {
    expect(texts('Work at St. Mary’s and No. 10 Downing Street went well. Dr. Patel spoke, e.g. About funding. Next one.')).toEqual([
      'Work at St. Mary’s and No. 10 Downing Street went well.',
      'Dr. Patel spoke, e.g. About funding.',
      'Next one.',
    ]);
  });

  it('does not split after initials or inside "sq. ft." followed by lower case', () => {
    expect(texts('J. R. Smith opened it. Units of 1,000 to 9,000 sq. ft. were built. Done.')).toEqual([
      'J. R. Smith opened it.',
      'Units of 1,000 to 9,000 sq. ft. were built.',
      'Done.',
    ]);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(texts('The Secretary praised the “absolutely heroic job.” Councils led. He said ‘thank you’. Then left.')).toEqual([
      'The Secretary praised the “absolutely heroic job.”',
      'Councils led.',
      'He said ‘thank you’.',
      'Then left.',
    ]);
  });

  it('starts a new sentence at a blank line, a bullet, a numbered item or a heading', () => {
    expect(texts('Intro line\nwith a break\n\n- first item\n- second item\n1. numbered\n## Heading\nBody text')).toEqual([
      'Intro line\nwith a break',
      '- first item',
      '- second item',
      '1. numbered',
      '## Heading',
      'Body text',
    ]);
  });

  it('does not split at a lower-case continuation or a question mark inside a sentence', () => {
    expect(texts('Approx. ten sites were used, e.g. the library. Why? Because it rained!')).toEqual([
      'Approx. ten sites were used, e.g. the library.',
      'Why?',
      'Because it rained!',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
