// Telling headings and item titles from running text: a short line of words that is a heading, a
// "Title – text" lead-in, and whether a section is front matter or an outcome.

/** Front matter, or a section about one of the plan's outcomes. */
export type SectionKind = 'front' | 'outcome';

export const NUMBERED_SUB = /^\d{1,2}\.\d{1,2}\.?\s+(?=[A-Z])/;
export const NUMBERED_TOP = /^(?:(?:priority|outcome|ambition|aim|objective|theme|section)\s+\d+\s*[:.–-]?\s+|\d{1,2}[.)]?\s+(?=[A-Z]))/i;
const CONNECTOR_END = /\b(?:and|or|of|the|a|an|to|in|for|with|by|on|at|from|that|which|as|our|their|its|is|are|was|were|will)$/i;
const FRONT = /^(?:introduction|foreword|preface|contents|table of contents|overview|executive summary|summary|about (?:this|the) report|financial (?:context|position|overview)|leader'?s? (?:foreword|introduction)|welcome|key priorities)\b/i;
/** Words before a colon that introduce rather than name: "Note:", "Source:", "For example:", "Figure 2:". */
const COLON_LEAD = /^(?:note|notes|source|sources|for example|example|e\.g|figure|table|chart|update|progress|status|target|key|summary|please note|in summary|in short|result|results|outcome|date|time|venue|contact|email|tel|telephone|website|address|subject|purpose|recommendations?|decision|reason|action)\b/i;

/** A line without bold, underline or inline HTML marks. */
export const stripMarkup = (s: string) => s.replace(/\*\*|__|<\/?[a-z]+>/gi, '').trim();
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A short line of words that could be a heading. */
export function headingLike(text: string): boolean {
  // "Highlights from the year:" leads into a list; "**Skills:**" is a heading.
  if (/:$/.test(text.trim()) && !/^\*\*.*\*\*$/.test(text.trim())) return false;
  const t = stripMarkup(text).replace(/:$/, '').replace(NUMBERED_SUB, '').replace(/^\d{1,2}[.)]\s+(?=[A-Z])/, '');
  if (!t || t.length > 100 || wordCount(t) > 12) return false;
  if (!/^["'(]?[A-Z0-9]/.test(t)) return false;
  if (/[.;,]$/.test(t) || /[.!?]\s/.test(t) || CONNECTOR_END.test(t)) return false;
  if (/ – [a-z]/.test(t) && wordCount(t) > 6) return false; // "Fair Funding – given ..." is an item
  return /[A-Za-z]{3}/.test(t);
}

export const isCaps = (t: string) => {
  const letters = stripMarkup(t).replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
};

/** A paragraph-opening title: "Title – text", "Title - text", "**Title** - text". */
export function findTitle(text: string, allowColon = false): { title: string; bodyStart: number } | null {
  const bold = /^\*\*([^*]{1,100}?)\*\*\s*(?:(?:–|:)\s*)?/.exec(text);
  if (bold) {
    const title = bold[1].replace(/[:.\s–-]+$/, '').trim();
    if (title && text.length > bold[0].length) return { title, bodyStart: bold[0].length };
  }
  const head = text.slice(0, 140);
  const candidates: { title: string; bodyStart: number; lower: boolean }[] = [];
  for (const m of head.matchAll(/ – /g)) {
    const title = text.slice(0, m.index).trim();
    if (!validTitle(title)) continue;
    const bodyStart = m.index + m[0].length;
    candidates.push({ title, bodyStart, lower: /^[a-z]/.test(text.slice(bodyStart)) });
  }
  if (allowColon) {
    const c = /^([^:]{2,60}):\s+(?=\S)/.exec(text);
    if (c && validTitle(c[1]) && wordCount(c[1]) <= 8) candidates.push({ title: c[1].trim(), bodyStart: c[0].length, lower: true });
  } else {
    // A paragraph's lead-in before a colon, when it is a short name and a sentence follows: "Libraries: Visits rose …".
    const c = /^([^:]{2,50}):\s+(?=["'‘“(]?[A-Z0-9£])/.exec(text);
    if (c && validTitle(c[1]) && wordCount(c[1]) <= 6 && !COLON_LEAD.test(c[1]) && /[.!?]["'’”)]?$/.test(text.trim())) {
      candidates.push({ title: c[1].trim(), bodyStart: c[0].length, lower: true });
    }
  }
  if (!candidates.length) return null;
  // "Coalville – A511 – in August…": the title runs to the last dash followed by running text.
  const lower = candidates.filter((c) => c.lower);
  const pick = lower.length ? lower[lower.length - 1] : candidates[0];
  return text.length > pick.bodyStart ? { title: pick.title, bodyStart: pick.bodyStart } : null;
}

function validTitle(title: string): boolean {
  if (!title || title.length > 100 || wordCount(title) > 12) return false;
  if (!/^["'(]?[A-Z0-9]/.test(title)) return false;
  // "22602 – The number of contacts …": a figure and what it counts, not a title.
  if (!/[A-Za-z]{2}/.test(title)) return false;
  if (/[%£$€]/.test(title) || /[.!?;]\s/.test(title) || /[.;,]$/.test(title)) return false;
  // "A new clerk was employed during 2005 – …" is a sentence, not a title.
  if (/\b(?:was|were|has been|have been|had been)\s+[a-z]+(?:ed|en)\b/.test(title)) return false;
  return !CONNECTOR_END.test(title);
}

/** Front matter (introduction, foreword, contents …) or an outcome section. */
export function sectionKind(title: string): SectionKind {
  return FRONT.test(title.replace(/^the\s+/i, '')) ? 'front' : 'outcome';
}

/** A heading's words without marks, numbering or a closing colon. */
export function cleanHeading(text: string): string {
  return stripMarkup(text).replace(NUMBERED_TOP, '').replace(NUMBERED_SUB, '').replace(/:$/, '').trim();
}
