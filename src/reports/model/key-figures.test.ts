import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAndParseHere } from '../../ingest/report/read-and-parse.js';
import { REPORT_2020 } from '../../../test/helpers/reports.js';
import { keyFigure } from './key-figures.js';

const fig = (kind: string, text: string, body: string) => keyFigure({ kind, text, start: body.indexOf(text) }, body);

describe('key figures', () => {
  it('shows a figure with a number, a unit and a subject', () => {
    expect(fig('money', '£3.2m', 'We completed the £3.2m refurbishment of the library.')).toBe('£3.2m refurbishment');
    expect(fig('money', '£2.4m', 'delivers the £2.4m European Social Fund project, which')).toBe('£2.4m European Social Fund');
    expect(fig('count', '6,749 learners', 'reached 6,749 learners in 54 venues')).toBe('6,749 learners');
    expect(fig('percent', '63%', 'Some 63% of businesses closed.')).toBe('63% of businesses');
    expect(fig('money', '£45,000', 'with a £45,000 grant. Residents')).toBe('£45,000 grant');
  });

  it('never shows bare numbers, numbers in words, acronyms as units or figures without a subject', () => {
    expect(fig('count', '6', 'We opened 6 of them.')).toBeNull();
    expect(fig('count', 'two drive', 'two drive-through sites')).toBeNull();
    expect(fig('count', '39 LCC', 'with 39 LCC apprentices')).toBeNull();
    expect(fig('duration', 'two-hour', '50 two-hour sessions')).toBeNull();
    expect(fig('money', '£2.4m', 'The budget was £2.4m.')).toBeNull();
    expect(fig('percent', '15%', 'rose by 15% in the year')).toBeNull();
    expect(fig('date', 'September 2023', 'In September 2023 we')).toBeNull();
  });

  it('ends the phrase on its noun, not on the words that follow it', () => {
    // A count's own words ran on past its noun ("700 acre site and includes").
    expect(fig('count', '700 acre site and includes', 'The park is a 700 acre site and includes a rail depot.')).toBe('700-acre site');
    expect(fig('percent', '88%', 'By March, 88% of homes now have fibre.')).toBe('88% of homes');
    expect(fig('money', '£2 billion', 'bids for a £2 billion fund available to councils')).toBe('£2 billion fund');
    expect(fig('money', '£6m', 'The £6m scheme aims to ease traffic.')).toBe('£6m scheme');
    expect(fig('money', '£900m', 'agreed a £900m capital plan featuring new roads')).toBe('£900m capital plan');
    expect(fig('money', '£4.5m', 'We have £4.5m invested in roads this year.')).toBe('£4.5m invested in roads');
    expect(fig('money', '£300K', 'and £300K secured for local clubs')).toBe('£300K secured for local clubs');
    expect(fig('money', '£300K', 'and £300K secured for 40 clubs')).toBeNull();
  });

  it('runs on to the noun when the figure stops at a modifier', () => {
    expect(fig('count', '40 community', 'There are 40 community owned halls across the county.')).toBe('40 community owned halls');
    expect(fig('count', '60-place', 'A new 60-place primary school opened in May.')).toBe('60-place primary school');
    expect(fig('count', '20-bed', 'including a 20-bed refuge in Melton')).toBe('20-bed refuge');
    expect(fig('count', '300 first-time', 'fitting 300 first-time gas boilers in homes')).toBe('300 first-time gas boilers');
    // A proper name is finished rather than cut after three words.
    expect(fig('money', '£80m', 'from the £80m Rural Roads Safety Improvement Fund for')).toBe('£80m Rural Roads Safety Improvement Fund');
    expect(fig('money', '£12m', 'started a £12m County Council bypass scheme near Oakham')).toBe('£12m County Council bypass scheme');
    expect(fig('count', '1,200 miles', 'we gritted 1,200 miles of road each night')).toBe('1,200 miles of road');
  });

  it('leaves a figure in the text when no whole noun phrase follows it', () => {
    // A verb or a preposition straight after the sum.
    expect(fig('money', '£12,000', 'the club was awarded £12,000 provide hot meals')).toBeNull();
    expect(fig('money', '£8k', 'received £8k towards a new minibus')).toBeNull();
    expect(fig('money', '£2m', 'raised the fund to £2m following strong demand')).toBeNull();
    expect(fig('money', '£50k', 'and £50k extra to help the team')).toBeNull();
    expect(fig('percent', '0.4%', 'a rise of 0.4% compared to last year')).toBeNull();
    expect(fig('money', 'between £1,000 to £5,000', 'grants of between £1,000 to £5,000 dependent on size')).toBeNull();
    // A count with no counted noun: an adjective, or a verb.
    expect(fig('count', '4,100 mainstream', 'creating 4,100 mainstream and 300 special places')).toBeNull();
    expect(fig('count', '5 remain', 'Of these, 5 remain open.')).toBeNull();
  });
});

// An independent reading of "a fragment": the words a whole noun phrase cannot end on, and the ways
// a figure may start (a number, a sum, or a word such as "around" before it).
const CANNOT_END = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'from', 'with', 'towards', 'around',
  'over', 'than', 'into', 'as', 'that', 'which', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'will', 'now', 'also', 'available',
  'dependent', 'extra', 'following', 'including', 'compared', 'provide', 'includes', 'remain', 'aims', 'secured', 'providing', 'featuring']);
const STARTS = /^(?:(?:just |well )?(?:over|under|around|about|nearly|almost|approximately|up to|more than|less than|fewer than|at least|between) |c\.?\s?)?£?\d/;

describe('key figures of the real 2020 Leicestershire report', () => {
  let chips: string[] = [];
  beforeAll(async () => {
    const file = { name: 'leicestershire-annual-delivery-report-2020.txt', bytes: new Uint8Array(fs.readFileSync(REPORT_2020)) };
    const { parsed } = await readAndParseHere({ file, read: { maxBytes: 10 * 1024 * 1024 }, parse: { reportYear: 2020, areas: [] } });
    chips = parsed.entries.flatMap((e) => e.facts.map((f) => keyFigure(f, e.body))).filter((c): c is string => c !== null);
  }, 60_000);

  it('gives every chip as a whole phrase: a number first, never ending on a small word, a verb or a bare measure', () => {
    expect(chips.length).toBeGreaterThan(150);
    const bad = chips.filter((c) => {
      const words = c.split(/\s+/);
      const last = words[words.length - 1].toLowerCase();
      return !STARTS.test(c) || words.length < 2 || CANNOT_END.has(last) || /(?:ing|ed)$/.test(last) && !/(?:funding|housing|planning|flooding|building|training|heating|learning)$/.test(last) || /^\d[\d,]*-[a-z]+$/.test(last);
    });
    expect(bad).toEqual([]);
  });

  it('reads the fragments seen before as whole phrases, or leaves them out', () => {
    for (const fragment of ['700 acre site and includes', '96.5% of premises now', '£5m scheme aims', '£17,500 provide foodbank services', '7 remain live', '35 community', '5,900 mainstream', '£10k towards', '0.33% compared', '80-place', '£250m Emergency Active Travel']) {
      expect(chips, fragment).not.toContain(fragment);
    }
    for (const whole of ['700-acre site', '96.5% of premises', '35 community managed libraries', '£250m Emergency Active Travel Fund', '210-place primary school', '2,789 miles of road']) {
      expect(chips, whole).toContain(whole);
    }
  });
});
