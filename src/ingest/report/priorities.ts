// The outcomes a report says its plan has: a list in the opening pages, introduced by a line about
// the plan's priorities ("the Plan sets out 5 high-level priorities –", "Our outcomes are:"), each
// entry a short name with a dash or colon and a description after it ("Keeping People Safe – that
// people are safe …"), or a short name alone (a bullet). Pure: paragraphs in, names with offsets out.
import type { MappedText } from './mapped-text.js';

export interface FoundPriority {
  /** The outcome's name as written ("A Strong Economy"). */
  title: string;
  /** What the report says it means, when it does ("that people in Leicestershire are safe …"). */
  description: string;
  /** Offsets of the name in the original text. */
  start: number;
  end: number;
}

/** A line that introduces the plan's outcomes. */
const LEAD = /\b(?:priorities|outcomes|ambitions|objectives|themes|strategic aims|missions|pillars)\b(?![^.]*\b(?:were|was|have been)\b)/i;
/** A name: capitalised words (small joining words allowed), at most seven. */
const NAME = /^((?:[A-Z][A-Za-z'’]*|\d+)(?:[ ,]+(?:and|of|for|the|in|to|on|&|a|an|[A-Z][A-Za-z'’-]*)){0,6})\s*(?:[–—:]|\s-)\s*(?=\S)/;
const SHORT_NAME = /^(?:[A-Z][A-Za-z'’]*)(?:[ ,]+(?:and|of|for|the|in|to|on|&|a|an|[A-Z][A-Za-z'’-]*)){0,6}$/;
/** Where another entry may start inside a paragraph that extraction ran together: after "; and ". */
const JOINED = /;\s+(?:and\s+)?(?=[A-Z])/g;
const ENDS_WITH_JOINER = /\b(?:and|of|for|the|in|to|on|a|an)$/i;
const NOT_NAMES = /^(?:In|By|From|Since|During|This|These|We|Our|The Council|It|There|However|Also|Last|Next|Over|Through|With)\b/;

/** The description up to its first full stop or semicolon, or to where a lost full stop was ("… can afford The Council is …"). */
function firstSentence(text: string): string {
  const cut = /[.;](?:\s|$)|(?<=[a-z])\s+(?=(?:The|We|Our|This|It|In|As)\s)/.exec(text);
  return (cut ? text.slice(0, cut.index) : text).replace(/[,\s]*(?:and)?\s*$/, '').trim();
}

interface Candidate {
  title: string;
  description: string;
  start: number;
  end: number;
}

/** The entry (name and description) that opens `text` at `from`, if one does. */
function entryAt(p: MappedText, from: number, next: number, original: string): Candidate | null {
  const rest = p.text.slice(from, next);
  const named = NAME.exec(rest);
  const title = named ? named[1].replace(/[ ,]+$/, '') : SHORT_NAME.test(rest.trim().replace(/[;.]$/, '')) ? rest.trim().replace(/[;.]$/, '') : null;
  if (!title || ENDS_WITH_JOINER.test(title) || NOT_NAMES.test(title) || title.split(/\s+/).length > 7 || !/[a-z]{3}/.test(title)) return null;
  const description = named ? firstSentence(rest.slice(named[0].length)) : '';
  // A name with nothing after it is a heading or a bullet; with a description, the description reads as words.
  if (named && description.split(/\s+/).length < 3) return null;
  const at = p.originalRange(from, from + title.length);
  // A title split off its paragraph is put back in front of it without offsets of its own: find it just before.
  const written = at.end - at.start === title.length ? at.start : original.lastIndexOf(title, at.start);
  return written >= 0 && at.start - written < 200 ? { title, description, start: written, end: written + title.length } : { title, description, start: at.start, end: at.end };
}

/** Every entry a paragraph holds: at its start, and after "; and" where lines were run together. */
function entriesIn(p: MappedText, original: string): Candidate[] | null {
  const starts = [0, ...[...p.text.matchAll(JOINED)].map((m) => m.index + m[0].length)];
  const first = entryAt(p, 0, starts[1] ?? p.text.length, original);
  if (!first) return null;
  const out = [first];
  for (let k = 1; k < starts.length; k++) {
    const c = entryAt(p, starts[k], starts[k + 1] ?? p.text.length, original);
    if (c) out.push(c);
  }
  return out;
}

/**
 * The plan's outcomes as the report lists them in its front matter (`paragraphs` and headings, in order, and
 * `original`, the document's text, for offsets), or []
 * when it lists none: at least three and at most ten entries in a row, right after a line that
 * speaks of priorities, outcomes or ambitions.
 */
export function findPriorities(paragraphs: { text: MappedText; heading: boolean }[], original: string): FoundPriority[] {
  for (let i = 0; i < paragraphs.length - 1; i++) {
    if (!LEAD.test(paragraphs[i].text.text.slice(-160))) continue;
    const found: Candidate[] = [];
    // The list runs to the next heading or the first paragraph that is not an entry.
    for (let j = i + 1; j < paragraphs.length && !paragraphs[j].heading; j++) {
      const entries = entriesIn(paragraphs[j].text, original);
      if (!entries) break;
      found.push(...entries);
    }
    const titles = new Set(found.map((c) => c.title.toLowerCase()));
    if (found.length >= 3 && found.length <= 10 && titles.size === found.length) {
      return found.map((c) => ({ ...c, description: c.description ? c.description[0].toUpperCase() + c.description.slice(1) : '' }));
    }
  }
  return [];
}
