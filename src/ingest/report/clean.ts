// Repairs the damage text extraction does to a report: drops page numbers and repeated page furniture,
// rejoins paragraphs broken across lines, blank lines and pages, rejoins words hyphenated at line ends
// (keeping real hyphens), and normalises quotes, dashes and spaces. Every character keeps its
// offset in the original text (see MappedText).
import { MappedText } from './mapped-text.js';
import { dropFrontMatter, dropSignaturesAndFootnotes, endsLongLine, figuresNear, isFurnitureLine, hasColumnGap } from './furniture.js';

export interface CleanParagraph {
  /** The paragraph's lines, each trimmed and normalised (bullets and tables need them). */
  lines: MappedText[];
  /** The lines joined into running text. */
  text: MappedText;
  /** True when the paragraph opens a page of the original (a form feed, a page number, a page-start indent). */
  pageStart: boolean;
  /** Markdown heading level ("## x" → 2), when the source marks it. */
  markdownLevel: number | null;
  /** Opens with the single-space indent some PDF extractions put at the top of a page. */
  indented: boolean;
  /** Spaces before the first line's text in the original (a list under a heading is indented; the heading is not). */
  indent?: number;
}

export interface CleanResult {
  paragraphs: CleanParagraph[];
  /** Page numbers and furniture lines dropped, for the summary. */
  dropped: { pageNumbers: number; furniture: number };
  /** The document's words, for joining lines later (bullets, table cells). */
  vocabulary: Vocabulary;
}

interface Line {
  raw: string;
  start: number;
  /** A form feed or page number came just before it. */
  afterPageBreak: boolean;
  drop: 'page-number' | 'furniture' | null;
}

const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;
const URL_ONLY = /^\s*(?:https?:\/\/|www\.)\S+\s*$/i;
const TERMINAL = /[.!?:;]["'’”)]?\s*$/;
const CONNECTOR = new Set(('and or of the a an to in for with by on at from that which as our their its is are was were be been has have this ' +
  'these those into between including such than per within across also both will would could should can may not but its whose where when while').split(' '));
const BULLET = /^\s*(?:[-*•◦▪‣●–\uf0a7\uf0b7\uf076\uf0d8\uf0fc\u25aa\u25cf\u00b7]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;

function splitLines(original: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let pageBreak = false;
  const re = /\r\n|\r|\n|\f/g;
  for (let m = re.exec(original); ; m = re.exec(original)) {
    const end = m ? m.index : original.length;
    lines.push({ raw: original.slice(start, end), start, afterPageBreak: pageBreak, drop: null });
    pageBreak = m?.[0] === '\f';
    if (!m) break;
    start = end + m[0].length;
  }
  return lines;
}

const isBlank = (l: Line | undefined) => !l || l.drop !== null || l.raw.trim() === '';

/** Marks page numbers (and URL footnotes next to them) and lines repeated on many pages. */
function markFurniture(lines: Line[], markdown: boolean): { pageNumbers: number; furniture: number } {
  let pageNumbers = 0;
  let furniture = 0;
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!PAGE_NUMBER.test(l.raw)) continue;
    // Only a number standing alone between blank lines or page breaks is a page number.
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const alone = (!prev || prev.raw.trim() === '' || PAGE_NUMBER.test(prev.raw) || l.afterPageBreak) &&
      (!next || next.raw.trim() === '' || PAGE_NUMBER.test(next.raw) || next.afterPageBreak);
    if (alone) candidates.push(i);
  }
  for (const i of candidates) {
    // Numbers alone close to other figures are the cells of a flattened table, not page numbers;
    // a number beside a page break is a page number whatever is near it.
    const atBreak = lines[i].afterPageBreak || lines[i + 1]?.afterPageBreak;
    if (!atBreak && figuresNear(lines, i)) continue;
    lines[i].drop = 'page-number';
    pageNumbers++;
  }
  for (const l of lines) {
    if (!l.drop && isFurnitureLine(l.raw)) {
      l.drop = 'furniture';
      furniture++;
    }
  }
  if (markdown) furniture += dropFrontMatter(lines);
  furniture += dropSignaturesAndFootnotes(lines);
  // The first content after a page number opens a page; footnote URLs sitting by page numbers go too.
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].drop !== 'page-number') continue;
    for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
      if (lines[j].drop) break;
      if (lines[j].raw.trim() === '') continue;
      if (URL_ONLY.test(lines[j].raw)) {
        lines[j].drop = 'furniture';
        furniture++;
        continue;
      }
      lines[j].afterPageBreak = true;
      break;
    }
  }
  if (!markdown) {
    // Running headers and footers: a short line standing alone that repeats three or more times.
    const counts = new Map<string, number[]>();
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i].raw.trim().toLowerCase();
      if (!t || t.length > 90 || lines[i].drop) continue;
      if (!(isBlank(lines[i - 1]) || lines[i].afterPageBreak) || !(isBlank(lines[i + 1]) || lines[i + 1]?.afterPageBreak)) continue;
      counts.set(t, [...(counts.get(t) ?? []), i]);
    }
    for (const at of counts.values()) {
      if (at.length < 3) continue;
      for (const i of at) lines[i].drop = 'furniture';
      furniture += at.length;
    }
  }
  return { pageNumbers, furniture };
}

/** Words of the document, to tell "infra-\nstructure" (one word) from "low-\ncarbon" (a real hyphen). */
export class Vocabulary {
  private words: Set<string> | null = null;
  private compounds: Set<string> | null = null;
  constructor(private readonly text: string) {}

  /** Reads the words on first use: many documents break no word at a line end and never need them. */
  private read(): { words: Set<string>; compounds: Set<string> } {
    if (this.words && this.compounds) return { words: this.words, compounds: this.compounds };
    const words = new Set<string>();
    const compounds = new Set<string>();
    // Fragments of words broken at line ends say nothing about which words exist.
    const whole = this.text.replace(/[A-Za-z]+-[ \t]*\r?\n[ \t]*[A-Za-z]+/g, ' ').toLowerCase();
    for (const token of whole.split(/[^a-z-]+/)) {
      const w = token.startsWith('-') || token.endsWith('-') ? token.replace(/^-+|-+$/g, '') : token;
      if (!w) continue;
      if (w.includes('-')) {
        // "low--carbon" is two words; "low-carbon" a compound and two words.
        if (!w.includes('--')) compounds.add(w);
        for (const part of w.split('-')) if (part) words.add(part);
      } else words.add(w);
    }
    this.words = words;
    this.compounds = compounds;
    return { words, compounds };
  }

  /** Whether "left-" at a line end and "right" at the next line's start form a hyphenated word. */
  keepsHyphen(left: string, right: string): boolean {
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    if (!/^[a-z]+$/.test(r) || !/[a-z]$/.test(l)) return true; // digits, capitals after: "2019-\n2037", "Francis-\nDehqani"
    const { words, compounds } = this.read();
    if (compounds.has(`${l}-${r}`)) return true;
    if (['', 's', 'es', 'ed', 'd', 'ing', 'ment', 'ments', 'er', 'ers'].some((end) => words.has(l + r + end))) return false;
    if (HYPHEN_PREFIXES.has(l)) return true;
    // Both halves are words in their own right: "accommodation-\nbased", "car-\nsharing".
    if (words.has(l) && words.has(r)) return true;
    // Fragments that are not words ("infra", "structure" may be) are one word split by the typesetter.
    return !SUFFIXES.test(r);
  }
}

const HYPHEN_PREFIXES = new Set('non co self well low high multi anti cross ex pre post pop part full half long short semi sub mid'.split(' '));
const SUFFIXES = /^(?:tion|tions|sion|sions|ment|ments|ness|ing|ings|ed|er|ers|ly|ity|ities|ance|ence|able|ible|al|ial|ous|ive|ture|tures|ure)$/;

const QUOTES: [RegExp, string][] = [
  [/[‘’‚‛′]/, "'"],
  [/[“”„‟″]/, '"'],
  [/[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]/, ' '],
  [/\u200b|\u200c|\u200d|\ufeff|\u00ad/, ''],
  [/ﬁ/, 'fi'], [/ﬂ/, 'fl'], [/ﬀ/, 'ff'], [/ﬃ/, 'ffi'], [/ﬄ/, 'ffl'],
  [/\t/, ' '],
  // Symbol-font and other bullets copied out of Word and PDF files read as a plain bullet.
  [/[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\u25aa\u25a0\u25cf\u27a2\u2219\u00b7\u2043\u25e6](?=\s)/, '•'],
];

/** Every character QUOTES replaces, in one pattern: one pass over a line instead of eleven. */
const ANY_QUOTED = new RegExp(QUOTES.map(([re]) => re.source).join('|'), 'g');
// Each pattern without what it looks ahead to tells which one a matched character is.
const QUOTE_CHARS: [RegExp, string][] = QUOTES.map(([re, by]) => [new RegExp(re.source.replace(/\(\?=[^)]*\)$/, '')), by]);
const quoted = (m: RegExpExecArray) => QUOTE_CHARS.find(([re]) => re.test(m[0]))?.[1] ?? m[0];
/** Normalises one piece of text: straight quotes, en dash for spaced dashes, single spaces. */
export function normalise(t: MappedText): MappedText {
  let out = t;
  out = out.replace(ANY_QUOTED, quoted);
  // A dash with space on either side is punctuation: write it as an en dash.
  out = out.replace(/ (?:-{1,2}|—|―|‒) /g, ' – ');
  out = out.replace(/ {2,}/g, ' ');
  return out.trim();
}

/** Joins wrapped lines into running text, rejoining hyphenated words. */
export function joinLines(lines: MappedText[], vocabulary: Vocabulary): MappedText {
  const parts: MappedText[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (i > 0) {
      const prev = parts[parts.length - 1];
      const hyphen = /([A-Za-z0-9]+)-$/.exec(prev.text);
      const nextWord = /^[A-Za-z0-9]+/.exec(line.text);
      if (hyphen && nextWord) {
        if (!vocabulary.keepsHyphen(hyphen[1], nextWord[0])) parts[parts.length - 1] = prev.slice(0, prev.length - 1);
      } else {
        parts.push(MappedText.synthetic(' ', prev.map[prev.length]));
      }
    }
    line = line.trim();
    parts.push(line);
  }
  return normalise(MappedText.concat(parts));
}

const lastWord = (s: string) => (/\S*\d\S*\s*$/.test(s) ? '' : /([A-Za-z']+)[^A-Za-z']*$/.exec(s)?.[1]?.toLowerCase() ?? ''); // '' on a figure ("in 2021-22")

/** Whether two pieces separated by a blank line belong to one paragraph. */
function continues(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (!p || !n || TERMINAL.test(p)) return false;
  if (/^[a-z]/.test(n)) return true;
  if (/[,–-]$/.test(p) || CONNECTOR.has(lastWord(p))) return true;
  // A stray last word or two: "...our Health and Wellbeing \n\n Strategy."
  return /^\S+(?: \S+){0,2}[.!?]$/.test(n.trim());
}

export function cleanText(original: string, options: { markdown?: boolean } = {}): CleanResult {
  const markdown = options.markdown ?? false;
  const lines = splitLines(original);
  const dropped = markFurniture(lines, markdown);
  const vocabulary = new Vocabulary(original);

  interface Raw { lines: Line[]; pageStart: boolean; heading: number | null; indented: boolean }
  const raws: Raw[] = [];
  let current = null as Raw | null;
  let pageStart = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.drop) {
      if (l.drop === 'page-number') pageStart = true;
      continue;
    }
    if (l.afterPageBreak) pageStart = true;
    if (l.raw.trim() === '') {
      current = null;
      continue;
    }
    const mdHeading = markdown ? /^\s{0,3}(#{1,6})\s+/.exec(l.raw) : null;
    // A single leading space opens a page in text extracted from a PDF; if the line before ended a sentence, a new paragraph starts.
    const indented = !markdown && /^ \S/.test(l.raw);
    const prevLine: Line | undefined = current ? current.lines[current.lines.length - 1] : undefined;
    const breakHere: boolean = current !== null && Boolean(mdHeading || current.heading !== null ||
      (indented && prevLine && TERMINAL.test(prevLine.raw)) || (prevLine && endsLongLine(prevLine.raw, l.raw)) ||
      (markdown && TABLE_ROW.test(l.raw) !== TABLE_ROW.test(prevLine?.raw ?? '')));
    if (indented && !current) pageStart = true;
    if (!current || breakHere) {
      current = { lines: [], pageStart: pageStart || (indented && breakHere), heading: mdHeading ? mdHeading[1].length : null, indented };
      raws.push(current);
    }
    current.lines.push(l);
    pageStart = false;
  }

  // Rejoin paragraphs split by blank lines (double spacing, page breaks in mid-sentence).
  const merged: Raw[] = [];
  for (const r of raws) {
    const prev = merged[merged.length - 1];
    const first = r.lines[0].raw;
    if (prev && prev.heading === null && r.heading === null && !BULLET.test(first) && !TABLE_ROW.test(first) &&
      continues(prev.lines[prev.lines.length - 1].raw, first)) {
      prev.lines.push(...r.lines);
    } else merged.push(r);
  }

  const paragraphs = merged.map((r): CleanParagraph => {
    // Columns laid out with spaces (pdftotext -layout): rows become "| a | b |" like a Markdown table.
    const gapped = markdown ? 0 : r.lines.filter((l) => hasColumnGap(l.raw)).length;
    const table = gapped >= 2 && gapped * 2 >= r.lines.length;
    let mapped = r.lines.map((l) => {
      const line = MappedText.original(l.raw, l.start);
      if (!table || !hasColumnGap(l.raw)) return normalise(line);
      const cells = normalise(line.trim().replace(/ {3,}/g, ' | '));
      return MappedText.concat([MappedText.synthetic('| ', cells.map[0]), cells, MappedText.synthetic(' |', cells.map[cells.length])]);
    });
    if (r.heading !== null) mapped = mapped.map((m) => m.replace(/^#{1,6}\s+|\s+#+$/g, ''));
    mapped = mapped.filter((m) => m.length > 0);
    // "1.1 / text": a table's cells flattened with slashes; the number leads the paragraph.
    mapped = mapped.map((m) => (/^\d{1,2}(?:\.\d{1,2})*\.?\s+\/\s/.test(m.text) ? m.replace(/\s+\/(?=\s)/g, (x) => (x.index < 8 ? '' : x[0])) : m));
    const indent = /^ */.exec(r.lines[0].raw)![0].length;
    return { lines: mapped, text: joinLines(mapped, vocabulary), pageStart: r.pageStart, markdownLevel: r.heading, indented: r.indented, indent };
  }).filter((p) => p.text.length > 0);
  return { paragraphs, dropped, vocabulary };
}
