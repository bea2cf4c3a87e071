// Sentence segmentation for report text. Splits at full stops, question and exclamation marks,
// blank lines and bullet or numbered list items, but not inside money ("£2.39bn"), decimals
// ("94.8%"), abbreviations ("St.", "No. 10", "e.g.", "Dr.", "sq. ft."), initials ("J. R. Smith")
// or a quotation's closing mark. Offsets are into the text given, end exclusive.

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Abbreviations after which even a capital letter or digit does not start a new sentence ("St. Helens",
 * "No. 10", "Dr. Patel", "e.g. Leicester"). Other abbreviations ("etc.", "sq. ft.") end a sentence only
 * when a capital follows, as a lower-case word never starts one.
 */
const TITLES = new Set(['st', 'no', 'nos', 'dr', 'mr', 'mrs', 'ms', 'prof', 'rev', 'cllr', 'lt', 'capt', 'sgt', 'col', 'gen', 'mt', 'e.g', 'i.e', 'eg', 'ie', 'cf', 'vs', 'viz', 'c', 'ca', 'approx', 'fig', 'figs', 'vol', 'p', 'pp', 'para', 'ref', 'tel', 'op']);

const CLOSERS = `"'”’)]»`;
/** A Markdown heading line stands alone. */
const HEADING_LINE = /^[ \t]*#{1,6}\s/;
const BULLET_LINE = /^[ \t]*(?:[-*•▪◦●‣–—]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])[ \t]+|^[ \t]*\|/i;

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
  return text.slice(i, dot);
}

const LIST_MARKER = /^[ \t]*\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})$/i;
/** The most characters other than spaces a list marker has before its stop ("(viii"). */
const MARKER_CHARS = 5;

/**
 * Whether the text from the start of the line to the stop at `dot` is a list marker. Stops looking
 * back once more characters than a marker has are passed: searching back to the line's start for
 * every stop made a long single-line text (thousands of stops on one line) quadratic.
 */
export function listMarkerBefore(text: string, dot: number): boolean {
  let k = dot - 1;
  let marks = 0;
  while (k >= 0 && text[k] !== '\n') {
    if (text[k] !== ' ' && text[k] !== '\t' && ++marks > MARKER_CHARS) return false;
    k--;
  }
  return LIST_MARKER.test(text.slice(k + 1, dot));
}

/** True when the full stop at `dot` ends a sentence, given what follows it. */
function endsSentence(text: string, dot: number): boolean {
  // A list marker at the start of a line: "1. Grow the economy", "a. Keep people safe".
  if (listMarkerBefore(text, dot)) return false;
  const word = wordBefore(text, dot);
  const bare = word.replace(/^\.+/, '').toLowerCase();
  // Find the next non-space character after the stop and any closing quotes or brackets.
  let j = dot + 1;
  while (j < text.length && CLOSERS.includes(text[j])) j++;
  if (j < text.length && !/\s/.test(text[j])) return false; // "2.39", "e.g.x", "Ashby.uk"
  while (j < text.length && /[ \t\u00a0]/.test(text[j])) j++;
  if (j >= text.length || text[j] === '\n' || text[j] === '\r') return true;
  const next = text[j];
  const startsLikeSentence = /[A-Z0-9£$€"“‘'(•]/.test(next);
  if (!startsLikeSentence) return false; // a lower-case continuation: "e.g. the", "approx. ten"
  if (TITLES.has(bare)) return false; // "St. Helens", "No. 10", "e.g. Leicester"
  if (/^[A-Z]$/.test(word)) return false; // an initial: "J. Smith"
  if (/^(?:[A-Z]\.)+[A-Z]$/.test(word) && word.length <= 5) return false; // "U.K. Government"
  return true;
}

/** Splits text into sentences with their offsets. Whitespace-only pieces are dropped. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A blank line, or a new bullet / numbered line, always starts a new sentence.
      let j = i + 1;
      while (j < text.length && /[ \t\r]/.test(text[j])) j++;
      const blank = j < text.length && text[j] === '\n';
      const bullet = BULLET_LINE.test(text.slice(i + 1, i + 12)) || HEADING_LINE.test(text.slice(i + 1, i + 8)) || HEADING_LINE.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
      if (blank || bullet) {
        push(start, i);
        start = i + 1;
      }
      continue;
    }
    if (ch === '?' || ch === '!' || ch === '…') {
      let j = i + 1;
      while (j < text.length && (CLOSERS.includes(text[j]) || text[j] === '!' || text[j] === '?')) j++;
      if (j >= text.length || /\s/.test(text[j])) {
        const after = text.slice(j, j + 40).match(/^\s*(\S)/);
        if (!after || /[A-Z0-9£$€"“‘'(\n]/.test(after[1]) || /\n/.test(text.slice(j, j + 2))) {
          push(start, j);
          start = j;
          i = j - 1;
        }
      }
      continue;
    }
    if (ch === '.') {
      if (text[i + 1] === '.') continue; // an ellipsis written as dots: decide at the last one
      if (endsSentence(text, i)) {
        let j = i + 1;
        while (j < text.length && CLOSERS.includes(text[j])) j++;
        push(start, j);
        start = j;
        i = j - 1;
      }
    }
  }
  push(start, text.length);
  return out;
}
