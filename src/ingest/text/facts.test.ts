import { describe, expect, it } from 'vitest';
import { findFacts, type FactKind, type FoundFact } from './facts.js';

const of = (text: string, kind?: FactKind, reportYear?: number): FoundFact[] =>
  findFacts(text, { reportYear }).filter((f) => !kind || f.kind === kind);
const one = (text: string, kind: FactKind, reportYear?: number): FoundFact => {
  const found = of(text, kind, reportYear);
  expect(found, `${kind} in "${text}"`).toHaveLength(1);
  return found[0];
};

describe('findFacts: money', () => {
  it.each([
    ['secured £5.2m in funding', 5_200_000, '£5.2m'],
    ['generated £2.39bn for the economy', 2_390_000_000, '£2.39bn'],
    ['Securing £887k Active Travel England funding', 887_000, '£887k'],
    ['grant applications totalling £108,301.', 108_301, '£108,301'],
    ['a £1 million fund', 1_000_000, '£1 million'],
    ['a £3.5 billion fund', 3_500_000_000, '£3.5 billion'],
    ['save c£50k a year', 50_000, 'c£50k'],
    ['valued at $1 billion', 1_000_000_000, '$1 billion'],
  ])('reads "%s" as %d pounds (or dollars)', (text, value, span) => {
    const f = one(text, 'money');
    expect(f.value).toBe(value);
    expect(f.text).toBe(span);
    expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads a range with its top as valueMax, the second figure\'s scale applying to both', () => {
    expect(one('grants of £2,000 to £10,000 each', 'money')).toMatchObject({ value: 2000, valueMax: 10_000, text: '£2,000 to £10,000' });
    expect(one('grants between £2,000 and £10,000', 'money')).toMatchObject({ value: 2000, valueMax: 10_000, text: 'between £2,000 and £10,000' });
    expect(one('a budget of £2-3m', 'money')).toMatchObject({ value: 2_000_000, valueMax: 3_000_000 });
  });

  it('keeps a change "from £39m to £50m" and a pair joined by "and" as two amounts', () => {
    expect(of('push up the budget gap from £39m to £50m by 2024', 'money').map((f) => f.value)).toEqual([39_000_000, 50_000_000]);
    expect(of('£16m of investment and £34m to support people', 'money').map((f) => f.value)).toEqual([16_000_000, 34_000_000]);
  });

  it('marks qualified amounts approximate and includes the qualifier in the span', () => {
    expect(one('Secured almost £17,000 in funding', 'money')).toMatchObject({ approximate: true, text: 'almost £17,000' });
    expect(one('more than £2m to train students', 'money')).toMatchObject({ approximate: true, value: 2_000_000 });
    expect(one('bid for up to £25m funding', 'money')).toMatchObject({ approximate: true });
    expect(one('invested £23m in roads', 'money').approximate).toBe(false);
  });

  it('gives the currency as the unit', () => {
    expect(one('£5m', 'money').unit).toBe('£');
    expect(one('€5m', 'money').unit).toBe('€');
  });
});

describe('findFacts: percentages', () => {
  it('reads percentages, "per cent" and percentage points', () => {
    expect(one('94.8% primary applications', 'percent')).toMatchObject({ value: 94.8, unit: '%' });
    expect(one('There has been a 15% reduction in admissions', 'percent')).toMatchObject({ value: 15, text: '15%' });
    expect(one('with 0.09 per cent of owners', 'percent').value).toBe(0.09);
    expect(one('up 5 percentage points', 'percent')).toMatchObject({ value: 5, unit: 'percentage points' });
  });

  it('reads ranges, and a change "from 1.5% to 4.3%" as two figures', () => {
    expect(one('between 10 and 15 per cent', 'percent')).toMatchObject({ value: 10, valueMax: 15 });
    expect(one('a 10-15% rise', 'percent')).toMatchObject({ value: 10, valueMax: 15 });
    expect(of('an increase from 1.5% to 4.3% of the population', 'percent').map((f) => f.value)).toEqual([1.5, 4.3]);
  });

  it('marks "over" and "less than" approximate', () => {
    expect(one('emissions reduced by over 70% since 2008-09', 'percent')).toMatchObject({ approximate: true, text: 'over 70%' });
    expect(one('to less than 5% by 2025', 'percent').approximate).toBe(true);
  });
});

describe('findFacts: counts', () => {
  it.each([
    ['planted 437,000 trees', 437_000, 'trees'],
    ['supported 22,922 local jobs.', 22_922, 'local jobs'],
    ['31.2 million visitors generated', 31_200_000, 'visitors'],
    ['Seizing 10,340 vapes, 3633 cigarettes', 10_340, 'vapes'],
    ['2250 ‘Bookstart’ packs were delivered', 2250, '‘Bookstart’ packs'],
    ['with 18,500 tonnes of salt stored', 18_500, 'tonnes of salt'],
    ['to grit 1,300 miles of highway', 1300, 'miles of highway'],
    ['Nine Household Waste and Recycling Sites were converted', 9, 'Household Waste and Recycling Sites'],
    ['Nearly two thousand more children took part', 2000, 'children'],
    ['the 550-acre Lutterworth East site', 550, 'acres'],
    ['a six-bed short breaks building', 6, 'beds'],
    ['283 successful grant applications were processed', 283, 'successful grant applications'],
    ['668 families achieved sustained employment', 668, 'families'],
    ['bringing together the eight county and district councils', 8, 'county and district councils'],
    ['a roundabout for two large housing and employment sites.', 2, 'large housing and employment sites'],
    ['over 40 existing and emerging social enterprises to develop', 40, 'existing and emerging social enterprises'],
    ['approximately 312 tonnes of rock salt across the county', 312, 'tonnes of rock salt'],
    ['There are now 16 LACs covering 23 locations.', 16, 'LACs'],
    ['the scheme has seen 146 schools sign up', 146, 'schools'],
    ['engaged with 2,000 children and is in its final stages', 2000, 'children'],
    ['10 car parking spaces were added', 10, 'car parking spaces'],
    ['it attracted 76,000 page views and', 76_000, 'page views'],
    ['the draft, 100-page blueprint', 100, 'pages'],
  ])('"%s" counts %d %s', (text, value, unit) => {
    const f = of(text, 'count')[0];
    expect(f).toMatchObject({ value, unit });
  });

  it('marks c70, over and approximately as approximate', () => {
    expect(one('managed c70 school crossing patrols', 'count')).toMatchObject({ value: 70, unit: 'school crossing patrols', approximate: true, text: 'c70 school crossing patrols' });
    expect(one('with over 100 new placements created since 2020', 'count')).toMatchObject({ value: 100, unit: 'new placements', approximate: true });
    expect(one('approximately 350 learners per annum', 'count').approximate).toBe(true);
    expect(one('32 Numeracy Champions have been trained', 'count').approximate).toBe(false);
  });

  it('reads a range of counts and a count "of the" another', () => {
    expect(one('workshops ranging from 2,500 to 7,000 sq. ft. are now let', 'count')).toMatchObject({ value: 2500, valueMax: 7000, unit: 'sq ft' });
    expect(of('with 6 of the 12 units reserved', 'count').map((f) => [f.value, f.unit])).toEqual([[6, 'units'], [12, 'units']]);
  });

  it('finds what is counted before the figure: "the number of X … to 62"', () => {
    expect(one('Increased the number of active Community Response Plans to 62.', 'count')).toMatchObject({ value: 62, unit: 'active Community Response Plans' });
    expect(of('increasing the number of street lights repaired from 12,000 per year to 15,000', 'count').map((f) => f.value)).toEqual([12_000, 15_000]);
  });

  it('does not count labels, names, ages, years, times or bare numbers', () => {
    for (const text of [
      'at Level 3 in Year 11 during Wave 5',
      'the A6 and the M1 Junction 22',
      'training to 16/17-year-olds',
      'the 2023 Community Speed Watch programme',
      'the 2020 challenge has engaged',
      'the 1485 Tithe Barn restaurant',
      'impact of Covid 19',
      'a 24 hour, 365 days a year basis',
      'in the top 10 priority services',
      'our Net Zero Team',
      'thousands of young people',
      'increased to 62.',
      'Harborough Museum – 2020 marks 20 years since the discovery',
      'of which 18 increased farm productivity',
    ]) expect(of(text, 'count'), text).toEqual([]);
  });
});

describe('findFacts: dates and periods', () => {
  it('reads months, days, seasons, parts of years and years after a time word', () => {
    expect(one('In November 2023, we secured', 'date')).toMatchObject({ text: 'November 2023', dateStart: '2023-11-01', dateEnd: '2023-11-30', unit: 'month' });
    expect(one('As of July 2024, over 437,000 trees', 'date')).toMatchObject({ text: 'As of July 2024', dateStart: '2024-07-01' });
    expect(one('on 30 September 2019.', 'date')).toMatchObject({ dateStart: '2019-09-30', dateEnd: '2019-09-30', unit: 'day' });
    expect(one('set to open in autumn 2025', 'date')).toMatchObject({ dateStart: '2025-09-01', dateEnd: '2025-11-30', unit: 'season' });
    expect(one('expected to open in early 2026', 'date')).toMatchObject({ dateStart: '2026-01-01', dateEnd: '2026-04-30' });
    expect(one('In 2023 alone', 'date')).toMatchObject({ dateStart: '2023-01-01', dateEnd: '2023-12-31', unit: 'year' });
    expect(one('at the end of March 2020', 'date')).toMatchObject({ dateStart: '2020-03-21', dateEnd: '2020-03-31' });
  });

  it('reads financial and academic years and quarters with parsePeriod', () => {
    expect(one('Investing £23m in 2023/24.', 'period')).toMatchObject({ text: '2023/24', dateStart: '2023-04-01', dateEnd: '2024-03-31', unit: 'financial-year' });
    expect(one('reduced since 2008-09', 'period')).toMatchObject({ dateStart: '2008-04-01', dateEnd: '2009-03-31' });
    expect(one('in academic year 2023/24', 'period')).toMatchObject({ dateStart: '2023-09-01', unit: 'academic-year' });
    expect(one('by Q1 2024/25', 'period')).toMatchObject({ dateStart: '2024-04-01', dateEnd: '2024-06-30', unit: 'quarter' });
  });

  it('reads ranges as periods', () => {
    expect(one('Between 1 August 2023 to 31 March 2024, 283 grants', 'period')).toMatchObject({
      text: 'Between 1 August 2023 to 31 March 2024', dateStart: '2023-08-01', dateEnd: '2024-03-31', unit: 'range',
    });
    expect(one('from 1 August to 31 March 2024', 'period')).toMatchObject({ dateStart: '2023-08-01', dateEnd: '2024-03-31' });
    expect(one('from 2020-2025', 'period')).toMatchObject({ dateStart: '2020-01-01', dateEnd: '2025-12-31' });
    expect(one('The 2020-23 Sexual Health Strategy', 'period')).toMatchObject({ dateStart: '2020-01-01', dateEnd: '2023-12-31' });
    expect(one('to be launched in autumn/winter 2020', 'period')).toMatchObject({ dateStart: '2020-09-01', dateEnd: '2021-02-28' });
    expect(one('levels between mid-March and the end of June 2020.', 'period')).toMatchObject({ dateStart: '2020-03-11', dateEnd: '2020-06-30' });
  });

  it('dates a month or day without a year by the report year, and leaves it open without one', () => {
    expect(one('In September we reported', 'date', 2020)).toMatchObject({ dateStart: '2020-09-01', dateEnd: '2020-09-30' });
    expect(one('In September we reported', 'date')).toMatchObject({ dateStart: null, dateEnd: null });
    expect(one('applying by mid-April.', 'date', 2020)).toMatchObject({ dateStart: '2020-04-11', dateEnd: '2020-04-20' });
  });

  it('does not take names, numbers or "may" for dates', () => {
    for (const text of ['the National Energy Efficiency Awards 2020', 'the 2023 Community Speed Watch', 'from 39 to 2024 people', 'we may be able to', 'with 4,300 people']) {
      expect(of(text).filter((f) => f.kind === 'date' || f.kind === 'period'), text).toEqual([]);
    }
  });
});

describe('findFacts: durations', () => {
  it('reads durations in figures, words and hyphenated forms', () => {
    expect(one('an 18-month trial', 'duration')).toMatchObject({ value: 18, unit: 'months' });
    expect(one('funding over three years', 'duration')).toMatchObject({ value: 3, unit: 'years' });
    expect(one('our last four-year financial plan', 'duration')).toMatchObject({ value: 4, unit: 'years' });
    expect(one('a 12week intervention', 'duration')).toMatchObject({ value: 12, unit: 'weeks' });
    expect(one('cleaned on an 18 to 24-month programme', 'duration')).toMatchObject({ value: 18, valueMax: 24 });
  });

  it('does not take ages or round-the-clock phrases for durations', () => {
    expect(of('pre-driver training to 16/17-year-olds', 'duration')).toEqual([]);
    expect(of('a 24 hour, 365 days a year service', 'duration')).toEqual([]);
    expect(of('9,458 people over the age of 65 years with dementia', 'duration')).toEqual([]);
  });
});

describe('findFacts: overall', () => {
  it('gives each figure to one fact, in order, with offsets into the text', () => {
    const text = '31.2 million visitors generated £2.39bn and supported 22,922 local jobs during 2023/24.';
    const facts = findFacts(text);
    expect(facts.map((f) => f.kind)).toEqual(['count', 'money', 'count', 'period']);
    for (const f of facts) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('returns nothing for text without figures', () => {
    expect(findFacts('Supported volunteers with litter picking campaigns.')).toEqual([]);
    expect(findFacts('')).toEqual([]);
  });
});
