// Clean-up's character and line rules, which the parse speed work changed in form but not in effect.
import { describe, expect, it } from 'vitest';
import { cleanText, normalise } from './clean.js';
import { MappedText } from './mapped-text.js';

describe('clean-up', () => {
  it('normalises quotes, spaces, ligatures and symbol-font bullets in one pass, keeping each character where it came from', () => {
    const raw = '\uf0a7 The \u2018Play\u2019 Area\u00a0- \u201cﬁne\u201d\tnow';
    const out = normalise(MappedText.original(raw, 100));
    expect(out.text).toBe('• The \'Play\' Area – "fine" now');
    expect(out.originalRange(2, 5)).toEqual({ start: 102, end: 105 });
    // A symbol-font character not followed by a space is left alone.
    expect(normalise(MappedText.original('a\uf0a7b')).text).toBe('a\uf0a7b');
  });

  it('rejoins a word broken at a line end, and keeps a real hyphen', () => {
    const text = 'The infra-\nstructure plan and the low-carbon buses.\n\nMore low-\ncarbon buses ran in the infrastructure zone.\n';
    expect(cleanText(text).paragraphs.map((p) => p.text.text)).toEqual([
      'The infrastructure plan and the low-carbon buses.', 'More low-carbon buses ran in the infrastructure zone.',
    ]);
  });

  it('drops furniture lines but never a long line of running text', () => {
    const text = 'OFFICIAL\n\nThe library reopened in May after a year of repairs to the roof, the windows and the heating system that served it.\n';
    const r = cleanText(text);
    expect(r.paragraphs.map((p) => p.text.text)).toEqual(['The library reopened in May after a year of repairs to the roof, the windows and the heating system that served it.']);
    expect(r.dropped.furniture).toBe(1);
  });

  it('takes each long line of a web page copied without blank lines for a paragraph, but rejoins lines a page wrapped', () => {
    const web = 'We are committed to reporting our progress openly, so that residents can judge for themselves how the council is doing on each of its promises.\n' +
      'Quarterly reports go to Cabinet, and the scrutiny committees look at the detail of each service area in turn through the year and ask for changes.\n';
    expect(cleanText(web).paragraphs).toHaveLength(2);
    const wrapped = 'The library reopened in May after a year of repairs.\nThe roof, the windows and the heating were all replaced.\n';
    expect(cleanText(wrapped).paragraphs).toHaveLength(1);
  });
});
