// Facts in report text: money, percentages, dates and periods, durations and counts of things.
// Matchers run in that order; each figure belongs to the first fact that claims it, so "£2.39bn"
// is money and never a count, and "2023/24" is a period and never a number.
import { findTimeExpressions } from './dates.js';
import { NUMBER, WORD_NUMBER, QUALIFIER_BEFORE, clean, multiplier, readNumber } from './numbers.js';

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
}

class Claims {
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

const CURRENCY: Record<string, string> = { '£': '£', $: '$', '€': '€' };
const MULT = String.raw`(?:\s?(?:bn|billion|mn|million|m|k|K|thousand))?`;
const MONEY_RE = new RegExp(
  String.raw`(?<a>[£$€])\s?(?<n1>${NUMBER})(?<m1>${MULT})(?![A-Za-z0-9])` +
    String.raw`(?:(?<join>\s?(?:-|–|to|and)\s?)(?:[£$€]\s?)?(?<n2>${NUMBER})(?<m2>${MULT})(?![A-Za-z0-9]))?` +
    String.raw`(?:\s(?<words>million|billion))?`,
  'g',
);

const PERCENT_RE = new RegExp(
  String.raw`(?<![\w.,])(?<n1>${NUMBER})\s?(?:%|per\s?cent)?(?:\s?(?:-|–|to|and)\s?(?<n2>${NUMBER}))?\s?(?<unit>%|per\s?cent\b|percent\b|percentage points?\b)`,
  'gi',
);

const DURATION_UNIT = String.raw`(?:years?|months?|weeks?|days?|hours?|decades?)`;
const DURATION_RE = new RegExp(
  String.raw`(?<![\w.,£$€/-])(?<n>${NUMBER}|${WORD_NUMBER}|one|a)(?:\s?(?:to|-|–)\s?(?<n2>${NUMBER}|${WORD_NUMBER}))?[\s-]?(?<unit>${DURATION_UNIT})(?![\w-])(?!\s(?:old|of age)|-old)`,
  'gi',
);

/** Units of measure that a count may use ("1,300 miles", "18,500 tonnes of salt", "550-acre site"). */
const MEASURES = new Map<string, string>([
  ['mile', 'miles'], ['miles', 'miles'], ['km', 'km'], ['kilometre', 'km'], ['kilometres', 'km'], ['metre', 'metres'], ['metres', 'metres'], ['m2', 'square metres'],
  ['acre', 'acres'], ['acres', 'acres'], ['hectare', 'hectares'], ['hectares', 'hectares'], ['ha', 'hectares'], ['tonne', 'tonnes'], ['tonnes', 'tonnes'], ['tons', 'tonnes'],
  ['litre', 'litres'], ['litres', 'litres'], ['mw', 'MW'], ['kw', 'kW'], ['kwh', 'kWh'], ['mwh', 'MWh'], ['gwh', 'GWh'], ['bed', 'beds'], ['storey', 'storeys'], ['seat', 'seats'], ['place', 'places'], ['page', 'pages'], ['megawatt', 'megawatts'], ['megawatts', 'megawatts'],
]);

/** A figure or a number in words that may start a count ("c70", "31.2 million", "Nine", "six-bed"). */
const COUNT_NUMBER_RE = new RegExp(String.raw`(?<![\w.,£$€/#-])(?<c>c\.?\s?|~)?(?<n>${NUMBER})(?<scale>\s?(?:million|billion|thousand))?(?![\w%]|[.,]\d|\/\d)|(?<![\w-])(?<w>${WORD_NUMBER})(?![\w]|-(?!(?:${[...MEASURES.keys()].join('|')})\b))`, 'gi');

/** Labels that make the figure after them a name or an ordinal, not a count ("Level 3", "Wave 5", "Year 11", "A6"). */
const LABEL_BEFORE = /(?:^|[^A-Za-z])(?:level|levels|wave|year|years|phase|junction|stage|key stage|tier|band|grade|priority|no\.?|number|page|pages|section|chapter|route|covid|covid-|ks|top|aged|ages|age|under|over-|week|weeks|day|days|room|unit|flat|house|plot|area|zone|ward|platform|gate|version|v|cohort|class|group|lot|schedule|appendix|annex|table|figure|item|step|round|term|quarter|q)\s?$/i;

/** Words that end the noun phrase naming what a count counts. */
const STOP = new Set(`and or but nor without despite against to in on at for with by from into onto across over under within during since than as through throughout including excluding per were was is are be been being have has had will would can could should may might must who which that where when while whilst this these those the a an its their our it they we he she them alone each every via like such so if who's whose having also now then there here been not all both either more less most least than between against about around after before until upon among amongst towards toward along beside besides near off out up down already still just only even because though although whether due plus versus vs out of took take takes taking gave give gives made make makes got get gets went go goes came come comes became become becomes began begin won win ran run led lead leads left leave met meet kept keep held hold brought bring built build found grew grow received receive receives attended attend joined join completed complete benefited benefit benefiting`.split(/\s+/));


const WORD_RE = /^(?:[‘'"“][^’'"”]{1,40}[’'"”]|[A-Za-z][A-Za-z'’&-]*(?:\/[A-Za-z][A-Za-z'’-]*)?)/;

/** Words ending in -ed that are not verbs. */
const ED_NOT_VERB = /^(?:need|seed|speed|bed|shed|feed|red|bred|breed|weed|hundred|steed|reed|deed)$/i;
/** A lower-case plural noun: the head of what is counted ("trees", "local jobs"), after which the phrase ends. */
const IRREGULAR_PLURALS = new Set(['children', 'people', 'women', 'men', 'staff', 'police', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'criteria', 'sheep', 'deer', 'fish', 'livestock', 'cattle']);
const isPlural = (w: string) => IRREGULAR_PLURALS.has(w) || (/^[a-z][a-z'’-]*s$/.test(w) && !/(?:ss|us|is|ous|ics)$/.test(w));
/** What follows a verb in -ing that takes an object: "16 LACs covering 23 locations", "teams dealing with". */
const VERB_OBJECT = /^(?:\d|the\b|a\b|an\b|their\b|our\b|its\b|this\b|these\b|with\b|to\b|for\b|from\b|on\b|in\b|at\b|into\b|across\b|up\b|out\b)/;

/** " of rock salt", " of highway": up to three words after a unit of measure. */
function ofPhrase(text: string, i: number): { words: string[]; end: number } {
  const m = /^\sof((?:\s[a-z][a-z-]*){1,3})/.exec(text.slice(i, i + 60));
  if (!m) return { words: [], end: i };
  const words: string[] = [];
  let end = i + 3;
  for (const w of m[1].trim().split(/\s+/)) {
    if (STOP.has(w) || /^[a-z]+ed$/.test(w)) break;
    words.push(w);
    end = text.indexOf(w, end) + w.length;
  }
  return words.length ? { words: ['of', ...words], end } : { words: [], end: i };
}

/** The words after a count that say what it counts; '' when none ("increased to 62."). */
function countedNoun(text: string, from: number): { unit: string; end: number } {
  let i = from;
  const words: string[] = [];
  let end = from;
  // A compound unit written with a hyphen: "550-acre", "60-bed".
  const hyphen = /^-([A-Za-z]+)/.exec(text.slice(i, i + 20));
  if (hyphen && MEASURES.has(hyphen[1].toLowerCase())) return { unit: MEASURES.get(hyphen[1].toLowerCase())!, end: i + hyphen[0].length };
  if (text[i] !== ' ' && text[i] !== '\u00a0') return { unit: '', end: from };
  // "sq. ft." and "square feet" first.
  const sq = /^\s(?:sq\.?\s?ft\.?|square\s(?:feet|foot|metres|meters|miles|kilometres))/i.exec(text.slice(i, i + 20));
  if (sq) return { unit: /ft|feet|foot/i.test(sq[0]) ? 'sq ft' : sq[0].trim().toLowerCase(), end: i + sq[0].length - (sq[0].endsWith('.') ? 1 : 0) };
  const wordAt = (at: number) => {
    const ws = /^[ \u00a0]+/.exec(text.slice(at, at + 4));
    if (!ws) return undefined;
    const m = WORD_RE.exec(text.slice(at + ws[0].length, at + ws[0].length + 60));
    return m ? { w: m[0], next: at + ws[0].length + m[0].length } : undefined;
  };
  while (words.length < 9) {
    const got = wordAt(i);
    if (!got) break;
    const { w, next } = got;
    const lower = w.toLowerCase();
    if (words.length === 0 && lower === 'more') {
      // "two thousand more children": the comparison word is not part of what is counted.
      i = next;
      continue;
    }
    if (lower === 'and' && words.length > 0) {
      const after = text.slice(next, next + 60);
      // "Nine Household Waste and Recycling Sites": "and" inside a capitalised name.
      const capitalised = /^[A-Z]/.test(words[words.length - 1]) && /^\s[A-Z]/.test(after);
      // "eight county and district councils", "two large housing and employment sites": a shared plural head follows.
      const sharedHead = !words.some(isPlural) && /^(?:\s[a-z][a-z-]*){0,2}\s[a-z][a-z'’-]*s\b/.test(after) && !/^\s(?:the|a|an|our|their|its)\b/.test(after);
      if (capitalised || sharedHead) {
        words.push('and');
        i = next;
        continue;
      }
    }
    if (STOP.has(lower) || /^\d/.test(w) || MONTH_WORD.test(w)) break;
    if (words.length > 0) {
      // After the noun, a verb ends the phrase: "668 families achieved …", "146 schools sign up".
      if (/^[a-z]+ed$/.test(w) && !ED_NOT_VERB.test(w)) break;
      // "16 LACs covering 23 locations" ends at the -ing word; "10 car parking spaces", "housing and employment sites" do not.
      if (/^[a-z]+ing$/.test(w) && VERB_OBJECT.test(text.slice(next, next + 12).trimStart())) break;
    }
    // "18 increased farm productivity": a participle first must be followed soon by a plural ("32 trained volunteers").
    if (words.length === 0 && /^[a-z]+ed$/.test(w) && !ED_NOT_VERB.test(w)) {
      const ahead = text.slice(next, next + 40).trim().split(/\s+/).slice(0, 2);
      if (!ahead.some((x) => isPlural(x.replace(/[^a-z'’-]/g, '')))) break;
    }
    words.push(w);
    i = next;
    end = i;
    // A unit of measure written as a word is plural or abbreviated ("miles", "km"); "76,000 page views" counts views.
    if (MEASURES.has(lower) && words.length === 1 && (/s$/.test(lower) || /^(?:km|ha|mw|kw|kwh|mwh|gwh|m2)$/.test(lower))) {
      // A unit of measure is the whole unit, with what it measures: "tonnes of rock salt".
      const of = ofPhrase(text, i);
      words.push(...of.words);
      if (of.words.length) end = of.end;
      break;
    }
    if (isPlural(w)) break;
  }
  // Trailing participles and adverbs belong to the verb, not the noun: "trees planted", "jobs created".
  while (words.length > 1 && /(?:ed|ing|ly)$/i.test(words[words.length - 1]) && !/^[A-Z]/.test(words[words.length - 1]) && !/(?:ings|ding|ling|thing|ring)$/.test(words[words.length - 1]) && !ED_NOT_VERB.test(words[words.length - 1])) {
    const w = words.pop()!;
    end = text.lastIndexOf(w, end);
    end = text.slice(0, end).replace(/\s+$/, '').length;
  }
  if (words.length === 1 && /(?:ed|ly)$/i.test(words[0]) && !ED_NOT_VERB.test(words[0])) return { unit: '', end: from };
  const unit = words.join(' ').trim();
  const first = unit.split(' ')[0]?.toLowerCase();
  if (first && MEASURES.has(first) && unit.split(' ').length === 1) return { unit: [MEASURES.get(first)!, ...unit.split(' ').slice(1)].join(' '), end };
  return { unit, end };
}

/** "the number of X …" before a figure with no noun after it; X stops at a verb or a preposition. */
const NUMBER_OF = /\bthe\snumber\sof\s((?:[A-Za-z][A-Za-z'’-]*\s){0,5}?[A-Za-z][A-Za-z'’-]*?)(?:\s(?:treated|served|supported|helped|visited|recorded|provided|delivered|made|seen|completed))?\s(?:(?:has|have|had|was|were)\s(?:\w+\s)?)?(?:from\s[\d,.]+(?:\s(?:per|a|each)\s\w+)?\s)?(?:from|to|rose\sto|rising\sto|increased\sto|up\sto|at)\s(?:about\s|around\s|over\s|nearly\s)?$/i;

const MONTH_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

function approximateBefore(text: string, start: number): { approximate: boolean; start: number } {
  const before = text.slice(Math.max(0, start - 30), start);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m) return { approximate: false, start };
  const qStart = start - before.length + m.index + m[0].indexOf(m[1]);
  return { approximate: true, start: Math.min(start, qStart) };
}

function fact(kind: FactKind, text: string, start: number, end: number, extra: Partial<FoundFact>): FoundFact {
  return {
    kind, value: null, valueMax: null, unit: '', text: text.slice(start, end), start, end, approximate: false, dateStart: null, dateEnd: null,
    ...extra,
  };
}

/** Where the first amount of a money match ends: "£39m" in "£39m to £50m". */
const FIRST_AMOUNT = /^[£$€]\s?[\d,.]+(?:\s?(?:bn|billion|mn|million|m|k|thousand)(?![A-Za-z]))?/;

function findMoney(text: string, claims: Claims, out: FoundFact[]): void {
  MONEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY_RE.exec(text))) {
    const g = m.groups!;
    let end = m.index + m[0].length;
    const firstOnly = () => {
      end = m!.index + FIRST_AMOUNT.exec(m![0])![0].length;
      MONEY_RE.lastIndex = end; // the second amount is found on its own
      return Number(g.n1.replace(/,/g, '')) * multiplier(g.m1);
    };
    let value: number;
    let valueMax: number | null = null;
    if (g.n2) {
      const join = (g.join ?? '').trim();
      const mult2 = multiplier(g.m2 || g.words);
      // "£2-3m": the second figure's scale applies to the first when the first has none.
      const mult1 = g.m1 ? multiplier(g.m1) : mult2;
      const lo = Number(g.n1.replace(/,/g, '')) * mult1;
      const hi = Number(g.n2.replace(/,/g, '')) * mult2;
      const lead = text.slice(Math.max(0, m.index - 60), m.index);
      if (join === 'and' && !/between\s*$/i.test(lead)) value = firstOnly();
      else if (/from\s*$/i.test(lead) && CHANGE_BEFORE.test(lead.replace(/\s*from\s*$/i, ''))) value = firstOnly();
      else if (hi <= lo) value = firstOnly();
      else {
        value = lo;
        valueMax = hi;
      }
    } else value = Number(g.n1.replace(/,/g, '')) * multiplier(g.m1 || g.words);
    let start = m.index;
    const q = approximateBefore(text, start);
    // "c£480K": circa written against the amount.
    if (!q.approximate && /(?:^|[^A-Za-z])c\.?$/.test(text.slice(Math.max(0, start - 3), start))) {
      q.approximate = true;
      q.start = text.lastIndexOf('c', start);
    }
    const between = /between\s$/i.exec(text.slice(Math.max(0, start - 8), start));
    if (between && valueMax !== null) start -= between[0].length;
    const s = q.approximate ? q.start : start;
    if (!claims.free(s, end)) continue;
    claims.take(s, end);
    out.push(fact('money', text, s, end, { value: clean(value), valueMax: valueMax === null ? null : clean(valueMax), unit: CURRENCY[g.a], approximate: q.approximate }));
  }
}

const CHANGE_BEFORE = /(?:increas|ris|rose|grow|grew|push|fell|fall|reduc|cut|went|gone|up|down|chang|mov|improv|drop|jump|climb|declin|doubl|shrink|shrank)\w*\b[^.]*$/i;

function findPercents(text: string, claims: Claims, out: FoundFact[]): void {
  PERCENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT_RE.exec(text))) {
    const g = m.groups!;
    const start = m.index;
    let end = start + m[0].length;
    const value = Number(g.n1.replace(/,/g, ''));
    let valueMax: number | null = null;
    if (g.n2) {
      const hi = Number(g.n2.replace(/,/g, ''));
      const first = new RegExp(String.raw`^(?:${NUMBER})\s?(?:%|per\s?cent|percent)`, 'i').exec(m[0]);
      if (first && (/from\s*$/i.test(text.slice(Math.max(0, start - 5), start)) || hi <= value)) {
        // "from 60% to 70%": two figures; the second is found on its own.
        end = start + first[0].length;
        PERCENT_RE.lastIndex = end;
      } else if (hi > value) valueMax = hi;
    }
    if (!claims.free(start, end)) continue;
    const q = approximateBefore(text, start);
    const s = q.approximate ? q.start : start;
    const unit = /points?/i.test(g.unit) ? 'percentage points' : '%';
    claims.take(s, end);
    out.push(fact('percent', text, s, end, { value, valueMax, unit, approximate: q.approximate }));
  }
}

function findDates(text: string, claims: Claims, out: FoundFact[], reportYear?: number): void {
  for (const t of findTimeExpressions(text, reportYear)) {
    if (!claims.free(t.start, t.end)) continue;
    claims.take(t.start, t.end);
    out.push(fact(t.kind, text, t.start, t.end, { unit: t.grain, dateStart: t.dateStart, dateEnd: t.dateEnd }));
  }
}

/** Round-the-clock phrases are not durations: "24 hour", "24/7", "365 days a year", "7 days a week". */
function roundTheClock(value: number, unit: string, after: string): boolean {
  if (/^\s?(?:a|per)\s(?:year|week|day)\b/i.test(after)) return true;
  return (value === 24 && unit === 'hours') || (value === 365 && unit === 'days');
}

function findDurations(text: string, claims: Claims, out: FoundFact[]): void {
  for (const m of text.matchAll(DURATION_RE)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (!claims.free(start, end)) continue;
    // "16/17-year-olds", "year-round": not durations.
    if (/^-olds?/.test(text.slice(end, end + 5))) continue;
    const word = g.n.toLowerCase();
    const n = word === 'a' || word === 'one' ? 1 : readNumber(g.n);
    const n2 = g.n2 ? readNumber(g.n2) : null;
    if (!Number.isFinite(n) || (n2 !== null && !(n2 > n))) continue;
    // A bare figure joined to its unit needs a hyphen or a space: "12week" is allowed, "2years" too, but not "a-year".
    if (word === 'a' && !/(?:for|over|within|in|after)\s$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
    let unit = g.unit.toLowerCase();
    if (!unit.endsWith('s')) unit += 's';
    if (roundTheClock(n, unit, text.slice(end, end + 12))) continue;
    // An age, not a duration: "over the age of 65 years", "aged 18 years and over".
    if (/\b(?:age|ages)\sof\s$|\baged\s(?:between\s|over\s|under\s)?$/i.test(text.slice(Math.max(0, start - 24), start))) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    const q = /(?:more than|almost|nearly|around|approximately|about|up to|just under|under|less than|at least|some)\s$/i.exec(before);
    const s = q ? start - q[0].length : start;
    claims.take(s, end);
    out.push(fact('duration', text, s, end, { value: n, valueMax: n2, unit, approximate: !!q }));
  }
}

/** "1,000 to 9,000 sq. ft.": the top of a range of counts. */
const COUNT_RANGE_RE = new RegExp(String.raw`^\s?(?:-|–|to)\s?(${NUMBER})(?![\d%])`);
/** "6 of the 12 units": a second figure whose noun the first one shares. */
const OF_THE_RE = new RegExp(String.raw`^\s(?:of|out of)\s(?:the\s|our\s|its\s|these\s)?(${NUMBER}|${WORD_NUMBER})\b`, 'i');

function findCounts(text: string, claims: Claims, out: FoundFact[]): void {
  for (const m of text.matchAll(COUNT_NUMBER_RE)) {
    const g = m.groups!;
    const start = m.index;
    let end = start + m[0].length;
    if (!claims.free(start, end)) continue;
    const before = text.slice(Math.max(0, start - 14), start);
    if (LABEL_BEFORE.test(before)) continue;
    if (/[A-Za-z]$/.test(before) && !g.c) continue;
    let value: number;
    let approximate = !!g.c;
    if (g.w) {
      const w = g.w.toLowerCase();
      if (w === 'one' || w === 'dozens' || w === 'dozen') continue;
      value = readNumber(w);
      // "thousands of", "hundreds of" are vague; skipped as counts.
      if (/^\s?(?:of)\b/.test(text.slice(end, end + 4))) continue;
    } else {
      value = Number(g.n.replace(/,/g, '')) * multiplier(g.scale?.trim());
    }
    if (!Number.isFinite(value) || value === 0) continue;
    // A year standing in front of a name ("the 2023 Community Speed Watch programme") is not a count.
    const isYearLike = !g.w && /^(?:19|20)\d{2}$/.test(g.n ?? '') && !g.scale;
    let valueMax: number | null = null;
    // "1,000 to 9,000 sq. ft.", "2 to 5": a range of counts.
    const range = COUNT_RANGE_RE.exec(text.slice(end, end + 20));
    let nounFrom = end;
    if (range && !g.w) {
      const hi = Number(range[1].replace(/,/g, ''));
      if (hi > value) {
        valueMax = hi;
        nounFrom = end + range[0].length;
      }
    }
    // "6 of the 12 units": the first figure counts what the second one does.
    const ofThe = OF_THE_RE.exec(text.slice(end, end + 30));
    let noun = countedNoun(text, nounFrom);
    if (!noun.unit && ofThe) {
      const afterSecond = end + ofThe[0].length;
      const second = countedNoun(text, afterSecond);
      if (second.unit) noun = { unit: second.unit, end };
    }
    // "increased the number of drains treated from 64,000 to 92,000", "the number of plans to 62": the noun comes first.
    if (!noun.unit) {
      const lead = NUMBER_OF.exec(text.slice(Math.max(0, start - 120), start));
      if (lead) noun = { unit: lead[1].replace(/\s+\w+ed$/, ''), end };
    }
    if (!noun.unit) continue;
    if (isYearLike && (/^[A-Z]/.test(noun.unit) || /(?:in|since|by|until|of|from|to|during|before|after)\s$/i.test(before))) continue;
    // "2020 marks the anniversary": a year as the subject of a sentence.
    if (isYearLike && /^\s[a-z]+s?\s(?:the|a|an|its|our|\d)/.test(text.slice(start + m[0].length, start + m[0].length + 20)) && /(?:^|[.!?:–-]\s*)$/.test(text.slice(0, start))) continue;
    // "the 2020 challenge": a year before a singular noun names an edition, not a number of things.
    if (isYearLike && /(?:^|\s)(?:the|a|an|this|that|our|its|their|each)\s$/i.test(before) && !/s$/.test(noun.unit.split(' ')[0])) continue;
    if (/^(?:per|percent|pence|p)$/i.test(noun.unit)) continue;
    // Spans of time are durations or nothing ("24 hour, 365 days a year"), never counts.
    if (/^(?:hours?|days?|weeks?|months?|years?|decades?|minutes?|seconds?)\b/i.test(noun.unit)) continue;
    // "1485 Tithe Barn restaurant": a four-figure number before a capitalised name is part of the name.
    if (!g.w && /^\d{4}$/.test(g.n ?? '') && /^[A-Z]/.test(noun.unit)) continue;
    const q = approximateBefore(text, start);
    if (q.approximate) approximate = true;
    const s = q.approximate ? q.start : start;
    // Only the figures are claimed: the words after them may hold another fact.
    const figuresEnd = Math.max(start + m[0].length, nounFrom);
    if (!claims.free(s, figuresEnd)) continue;
    claims.take(s, figuresEnd);
    end = Math.max(noun.end, end);
    out.push(fact('count', text, s, end, { value: clean(value), valueMax, unit: noun.unit, approximate }));
  }
}

/** Every fact in the text, in order of where it starts. */
export function findFacts(text: string, opts: FindFactsOptions = {}): FoundFact[] {
  const claims = new Claims(text.length);
  const out: FoundFact[] = [];
  findMoney(text, claims, out);
  findPercents(text, claims, out);
  findDates(text, claims, out, opts.reportYear);
  findDurations(text, claims, out);
  findCounts(text, claims, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
