// Which of an entry's facts are shown as key figures: only those a reader understands on their own,
// with a number in digits, a unit they recognise (£, %, or a counted noun) and a subject ("£3.2m
// refurbishment", "6,749 learners", "63% of businesses"). Bare numbers ("6"), numbers in words
// ("two drive"), acronyms as units ("39 LCC") and durations are left in the text.

const STOP = new Set([
  'a', 'an', 'the', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'but', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'by', 'from',
  'with', 'which', 'that', 'this', 'these', 'those', 'over', 'per', 'each', 'will', 'would', 'be', 'been', 'being', 'it', 'its', 'as',
  'than', 'more', 'less', 'up', 'into', 'across', 'during', 'since', 'between', 'we', 'our', 'they', 'their', 'who', 'so', 'also',
  'of', 'year', 'years', 'annually', 'million', 'm', 'k', 'bn',
]);
const WORD = /^[A-Za-z][A-Za-z'-]*$/;
const MAX_SUBJECT_WORDS = 3;

/** Up to three words after the fact that say what it is about, stopping at punctuation or a small word. */
function subjectAfter(body: string, from: number, allowOf: boolean): string {
  const rest = body.slice(from).replace(/^\*\*/, '');
  const m = /^[ \t]+([^.,;:!?()\n]*)/.exec(rest);
  if (!m) return '';
  const words = m[1].split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const [i, raw] of words.entries()) {
    const w = raw.replace(/\*+/g, '');
    if (!WORD.test(w)) break;
    if (i === 0 && allowOf && w.toLowerCase() === 'of') {
      out.push(w);
      continue;
    }
    if (STOP.has(w.toLowerCase())) break;
    // A verb ends the subject: "63% of businesses closed".
    if (out.length && /[a-z]{3}ed$/.test(w)) break;
    out.push(w);
    if (out.filter((x) => x !== 'of').length >= MAX_SUBJECT_WORDS) break;
  }
  return out.some((w) => w !== 'of' && w.length >= 3) ? out.join(' ') : '';
}

/** Where the fact's words are in the body (stored offsets may count Markdown marks differently). */
function endOf(body: string, text: string, start: number | null): number {
  const at = body.indexOf(text, Math.max(0, (start ?? 0) - 12));
  const found = at >= 0 ? at : body.indexOf(text);
  return found >= 0 ? found + text.length : -1;
}

/** The fact as a key figure, or null when it would not mean anything on its own. */
export function keyFigure(f: { kind: string; text: string; start: number | null }, body: string): string | null {
  const text = f.text.trim();
  if (!/\d/.test(text)) return null;
  if (f.kind === 'count') {
    // The counted noun is in the fact itself: "6,749 learners", "50 two-hour sessions".
    const unit = text.replace(/^[^A-Za-z]*/, '');
    const first = unit.split(/\s+/)[0] ?? '';
    if (!first || first === first.toUpperCase() || first.length < 3 || STOP.has(first.toLowerCase())) return null;
    return text;
  }
  if (f.kind !== 'money' && f.kind !== 'percent') return null;
  const end = endOf(body, text, f.start);
  if (end < 0) return null;
  const subject = subjectAfter(body, end, true);
  return subject ? `${text} ${subject}` : null;
}
