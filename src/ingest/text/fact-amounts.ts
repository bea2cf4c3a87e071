// Money, percentages and durations in report text.
import { NUMBER, WORD_NUMBER, clean, multiplier, readNumber } from './numbers.js';
import { approximateBefore, fact, type Claims, type FactSink } from './fact-core.js';

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

/** Where the first amount of a money match ends: "£39m" in "£39m to £50m". */
const FIRST_AMOUNT = /^[£$€]\s?[\d,.]+(?:\s?(?:bn|billion|mn|million|m|k|thousand)(?![A-Za-z]))?/;

export function findMoney(text: string, claims: Claims, out: FactSink): void {
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
    out.add(s, () => fact('money', text, s, end, { value: clean(value), valueMax: valueMax === null ? null : clean(valueMax), unit: CURRENCY[g.a], approximate: q.approximate }));
  }
}

const CHANGE_BEFORE = /(?:increas|ris|rose|grow|grew|push|fell|fall|reduc|cut|went|gone|up|down|chang|mov|improv|drop|jump|climb|declin|doubl|shrink|shrank)\w*\b[^.]*$/i;

export function findPercents(text: string, claims: Claims, out: FactSink): void {
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
    out.add(s, () => fact('percent', text, s, end, { value, valueMax, unit, approximate: q.approximate }));
  }
}

/** Round-the-clock phrases are not durations: "24 hour", "24/7", "365 days a year", "7 days a week". */
function roundTheClock(value: number, unit: string, after: string): boolean {
  if (/^\s?(?:a|per)\s(?:year|week|day)\b/i.test(after)) return true;
  return (value === 24 && unit === 'hours') || (value === 365 && unit === 'days');
}

export function findDurations(text: string, claims: Claims, out: FactSink): void {
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
    out.add(s, () => fact('duration', text, s, end, { value: n, valueMax: n2, unit, approximate: !!q }));
  }
}

