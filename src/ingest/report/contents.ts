// A report's contents page: found under a "Contents" (or "Index") heading, or as a run of short
// lines ending in page numbers. Its lines are kept as the contents (titles and pages), used to know
// the report's headings, and never imported as entries; their page numbers are not counts.
import type { CleanParagraph } from './clean.js';
import type { MappedText } from './mapped-text.js';

export interface ContentsLine {
  title: string;
  page: number | null;
  start: number;
  end: number;
}

const CONTENTS_HEADING = /^(?:contents|table of contents|index|in this (?:report|document))$/i;
const PAGE_AT_END = /^(.*?\S)(?:\s*\.{2,}\s*|\s+)(\d{1,3})$/;
const NUMBERED = /^(?:\d{1,2}(?:\.\d{1,2})?\.?|[A-Z][.)]|section \d+)\s+/i;
const NOTE = /^page numbers?\b/i;

/** A contents line: short, not a sentence, perhaps numbered and perhaps ending in a page number. */
function asContentsLine(line: MappedText): ContentsLine | null {
  const text = line.text.trim().replace(NUMBERED, '');
  if (!text || text.length > 90 || /[.!?;:]\s/.test(text) || (/[.!?]$/.test(text) && !/\.{2,}/.test(text))) return null;
  const paged = PAGE_AT_END.exec(text);
  const title = (paged ? paged[1] : text).replace(/[.\s]+$/, '').trim();
  if (!/^[A-Z"'‘(]/.test(title) || title.split(/\s+/).length > 14) return null;
  const { start, end } = line.originalRange();
  return { title, page: paged ? Number(paged[2]) : null, start, end };
}

const FRONT_PARAGRAPHS = 120;
const linesOf = (p: CleanParagraph) => (p.lines.length ? p.lines : [p.text]);

/** Splits the contents page off the paragraphs; the rest are returned in order. */
export function findContents(paragraphs: CleanParagraph[]): { contents: ContentsLine[]; rest: CleanParagraph[] } {
  // A contents page sits near the front.
  for (let i = 0; i < Math.min(paragraphs.length, FRONT_PARAGRAPHS); i++) {
    const headed = CONTENTS_HEADING.test(paragraphs[i].text.text.replace(/[#*:]/g, '').trim());
    const from = headed ? i + 1 : i;
    const found: ContentsLine[] = [];
    let j = from;
    for (; j < paragraphs.length; j++) {
      const lines = linesOf(paragraphs[j]).filter((l) => !NOTE.test(l.text));
      if (!lines.length) continue;
      const read = lines.map(asContentsLine);
      // The body starts where a line is missing its page number or repeats a title already listed.
      if (read.some((r) => r === null || found.some((f) => f.title === r.title))) break;
      found.push(...(read as ContentsLine[]));
    }
    // Under a heading, three lines make a contents page; without one, four lines that all end in page numbers.
    const enough = headed ? found.length >= 3 : found.length >= 4 && found.every((f) => f.page !== null);
    if (enough) return { contents: found, rest: [...paragraphs.slice(0, i), ...paragraphs.slice(j)] };
  }
  return { contents: [], rest: paragraphs };
}
