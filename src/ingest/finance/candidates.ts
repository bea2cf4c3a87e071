// Money facts in an imported report's financial section, offered as candidates for the council's
// finance story (a saving, a budget gap, a one-off pressure or grant), each with its sentence so a
// person can judge it. Nothing is written from them without someone choosing to.
import { findFacts } from '../text/facts.js';

export type CandidateField = 'saving' | 'budget-gap' | 'pressure' | 'other';

export interface FinanceCandidate {
  field: CandidateField;
  /** Pounds. */
  amount: number;
  /** The words of the figure ("£80m") and the sentence it is in. */
  text: string;
  sentence: string;
  /** A financial year written in the sentence ("2023/24"), when there is one. */
  year: string | null;
  section: string;
}

const FIELD_WORDS: [CandidateField, RegExp][] = [
  ['budget-gap', /\b(?:gap|shortfall|deficit|overspend)\b/i],
  ['saving', /\bsav(?:e|ed|es|ing|ings)\b/i],
  ['pressure', /\b(?:covid|coronavirus|pandemic|pressures?|grants?|one-off|costs?)\b/i],
];

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n')) + 1;
  const stop = text.slice(end).search(/\.(\s|$)/);
  return text.slice(from, stop < 0 ? text.length : end + stop + 1).replace(/\s+/g, ' ').trim();
}

/** Candidates from the sections whose title is about finance (the front matter's "Financial Context …"). */
export function financeCandidates(sections: { title: string; intro: string }[], reportYear?: number): FinanceCandidate[] {
  const out: FinanceCandidate[] = [];
  for (const s of sections.filter((x) => /financ|budget|funding/i.test(x.title))) {
    for (const f of findFacts(s.intro, { reportYear })) {
      if (f.kind !== 'money' || f.value === null) continue;
      const sentence = sentenceAround(s.intro, f.start, f.end);
      const field = FIELD_WORDS.find(([, re]) => re.test(sentence))?.[0] ?? 'other';
      out.push({ field, amount: f.value, text: f.text, sentence, year: /\b(20\d\d\/\d\d)\b/.exec(sentence)?.[1] ?? null, section: s.title });
    }
  }
  return out;
}
