// Counts of things in report text: "1,200 trees", "c70 volunteers", "6 of the 12 units", with the
// years, labels and names ("Level 3", "the 2023 programme") that look like counts but are not.
import { NUMBER, WORD_NUMBER, clean, multiplier, readNumber } from './numbers.js';
import { approximateBefore, fact, type Claims, type FactSink } from './fact-core.js';
import { MEASURES, countedNoun } from './counted-noun.js';

/** A figure or a number in words that may start a count ("c70", "31.2 million", "Nine", "six-bed"). */
const COUNT_NUMBER_RE = new RegExp(String.raw`(?<![\w.,£$€/#-])(?<c>c\.?\s?|~)?(?<n>${NUMBER})(?<scale>\s?(?:million|billion|thousand))?(?![\w%]|[.,]\d|\/\d)|(?<![\w-])(?<w>${WORD_NUMBER})(?![\w]|-(?!(?:${[...MEASURES.keys()].join('|')})\b))`, 'gi');

/** Labels that make the figure after them a name or an ordinal, not a count ("Level 3", "Wave 5", "Year 11", "A6"). */
const LABEL_BEFORE = /(?:^|[^A-Za-z])(?:level|levels|wave|year|years|phase|junction|stage|key stage|tier|band|grade|priority|no\.?|number|page|pages|section|chapter|route|covid|covid-|ks|top|aged|ages|age|under|over-|week|weeks|day|days|room|unit|flat|house|plot|area|zone|ward|platform|gate|version|v|cohort|class|group|lot|schedule|appendix|annex|table|figure|item|step|round|term|quarter|q)\s?$/i;

/** "the number of X …" before a figure with no noun after it; X stops at a verb or a preposition. */
const NUMBER_OF = /\bthe\snumber\sof\s((?:[A-Za-z][A-Za-z'’-]*\s){0,5}?[A-Za-z][A-Za-z'’-]*?)(?:\s(?:treated|served|supported|helped|visited|recorded|provided|delivered|made|seen|completed))?\s(?:(?:has|have|had|was|were)\s(?:\w+\s)?)?(?:from\s[\d,.]+(?:\s(?:per|a|each)\s\w+)?\s)?(?:from|to|rose\sto|rising\sto|increased\sto|up\sto|at)\s(?:about\s|around\s|over\s|nearly\s)?$/i;

/** "1,000 to 9,000 sq. ft.": the top of a range of counts. */
const COUNT_RANGE_RE = new RegExp(String.raw`^\s?(?:-|–|to)\s?(${NUMBER})(?![\d%])`);
/** "6 of the 12 units": a second figure whose noun the first one shares. */
const OF_THE_RE = new RegExp(String.raw`^\s(?:of|out of)\s(?:the\s|our\s|its\s|these\s)?(${NUMBER}|${WORD_NUMBER})\b`, 'i');

export function findCounts(text: string, claims: Claims, out: FactSink): void {
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
    if (isYearLike && /^\s[a-z]+s?\s(?:the|a|an|its|our|\d)/.test(text.slice(start + m[0].length, start + m[0].length + 20)) && atSentenceStart(text, start)) continue;
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
    out.add(s, () => fact('count', text, s, end, { value: clean(value), valueMax, unit: noun.unit, approximate }));
  }
}

/**
 * Whether `at` starts the text or follows a sentence or clause mark (. ! ? : – -) and spaces. Looks
 * back over the spaces only, so that asking at every figure stays linear in the text.
 */
export function atSentenceStart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  if (i === 0) return at === 0;
  return '.!?:–-'.includes(text[i - 1]);
}

