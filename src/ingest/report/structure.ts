// Finds a report's structure in its cleaned paragraphs: front matter, outcome sections, themes, and
// the items under them ("Title – text", bold lead-ins, bullets, table rows, "Priority action:" blocks).
import { MappedText } from './mapped-text.js';
import type { CleanParagraph } from './clean.js';
import { NUMBERED_SUB, NUMBERED_TOP, stripMarkup, headingLike, isCaps, findTitle, sectionKind, cleanHeading, type SectionKind } from './headings.js';
import { flatProgressTable, RAG_ALONE, tableUnits } from './progress-table.js';

export type { SectionKind };

export interface ReportTheme {
  title: string;
  /** Untitled paragraphs before its first item. */
  intro: MappedText[];
}

export interface ReportSection {
  title: string;
  kind: SectionKind;
  /** Original offsets of the heading (null for front matter that has none). */
  heading: { start: number; end: number } | null;
  intro: MappedText[];
  themes: ReportTheme[];
}

/** A piece of delivery text before it is split into entries. */
export interface ReportUnit {
  section: number;
  theme: number | null;
  /** null when the paragraph has no title of its own. */
  title: string | null;
  body: MappedText;
  status: string | null;
  /** A bullet or a numbered list item: one item whatever its length. */
  bullet?: boolean;
  /** The action of a "Priority action: … / Progress: …" block (a promise the report follows up). */
  action?: MappedText;
  /** A heading line on top of a list ("Next steps" over its bullets): it introduces the list, as "…:" does. */
  leadIn?: boolean;
}

export interface ReportStructure {
  /** The document's own title, when it opens with one ("Summary progress and achievements"). */
  title: string | null;
  sections: ReportSection[];
  units: ReportUnit[];
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const BULLET = /^(?:[-*•◦▪‣●]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)/;
const ACTION = /^(?:priority\s+action|key\s+action|action|commitment|priority|what\s+we\s+said\s+we(?:'d|\s+would)\s+do|what\s+we\s+planned)\s*:\s*/i;
/** A RAG word in capitals at the end of an action ("Open the new library   AMBER"). */
const RAG_END = /\s(?:[-–:|(]\s*)?(RED|AMBER|GREEN|BLUE)\)?\s*$/;
const PROGRESS = /\b(?:progress(?:\s+(?:by|to|at|as\s+at|in)\s+[A-Za-z0-9 ]{1,25}?)?|update|what\s+we\s+did)\s*:\s*/i;
const STATUS = /\b(?:status|rag(?:\s+rating)?)\s*:\s*([A-Za-z][A-Za-z ]{1,30}?)\s*\.?$/i;

/** Splits a heading line off the front of a paragraph when a short title line sits on top of running text. */
function splitLeadingHeading(p: CleanParagraph): CleanParagraph[] {
  if (p.lines.length < 2 || p.markdownLevel !== null) return [p];
  const first = p.lines[0].text;
  const rest = p.lines.slice(1);
  const longest = Math.max(...rest.map((l) => l.length));
  if (!headingLike(first) || findTitle(p.text.text) || first.length > 0.6 * longest || !/^["'A-Z0-9]/.test(rest[0].text)) return [p];
  if (TERMINAL_OR_OPEN.test(first)) return [p];
  const text = MappedText.concat(rest.flatMap((l, i) => (i ? [MappedText.synthetic(' ', l.map[0]), l] : [l])));
  return [
    { lines: [p.lines[0]], text: p.lines[0], pageStart: p.pageStart, markdownLevel: null, indented: p.indented },
    { lines: rest, text, pageStart: false, markdownLevel: null, indented: false },
  ];
}
const TERMINAL_OR_OPEN = /[.!?:;,(–-]$/;

const WORDS = (t: string) => t.split(/\s+/).filter(Boolean).length;

/**
 * A heading that ends with a full stop: a numbered heading at the margin ("4. How the partnership
 * works.", over two lines at most) with a list or text under it, or a few words ("Cross-cutting
 * priorities.") over a paragraph of text.
 */
function closedHeading(p: CleanParagraph, next: CleanParagraph | undefined): boolean {
  if (!next || p.lines.length > 2 || p.markdownLevel !== null || !/\.$/.test(p.text.text)) return false;
  const t = p.text.text.replace(/\.$/, '');
  if (/[.!?;:]\s/.test(t) || /,$/.test(t)) return false;
  if (/^\d{1,2}\.\s+[A-Z]/.test(t) && (p.indent ?? 0) < 2 && WORDS(t) <= 16) {
    return (next.indent ?? 0) > (p.indent ?? 0) || next.text.length >= 60;
  }
  return headingLike(t) && p.lines.length === 1 && WORDS(t) <= 4 && /^[A-Z]/.test(t) && next.text.length >= 60 && !BULLET.test(t);
}

/** "1.1 …", "1.2 …": numbered paragraphs run together in one block are one unit each. */
function splitNumberedParagraphs(p: CleanParagraph): CleanParagraph[] {
  if (!p.lines.slice(1).some((l) => /^\d{1,2}\.\d{1,2}\s+[A-Z]/.test(l.text))) return [p];
  const starts = p.lines.map((l, i) => (i > 0 && /^\d{1,2}\.(?:\d{1,2})?\s+[A-Z]/.test(l.text) ? i : -1)).filter((i) => i > 0);
  const cuts = [0, ...starts, p.lines.length];
  return cuts.slice(0, -1).map((from, k) => {
    const lines = p.lines.slice(from, cuts[k + 1]);
    const text = MappedText.concat(lines.flatMap((l, i) => (i ? [MappedText.synthetic(' ', l.map[0]), l] : [l])));
    return { ...p, lines, text, pageStart: k === 0 && p.pageStart };
  });
}

interface Block {
  p: CleanParagraph;
  heading: boolean;
  level: 0 | 1 | 2;
}

const known = (t: string) => cleanHeading(t).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The report's structure; `contents` are the titles its contents page lists (headings wherever they stand). */
export function findStructure(paragraphs: CleanParagraph[], joinLines: (lines: MappedText[]) => MappedText, contents: string[] = []): ReportStructure {
  const listed = new Set(contents.map(known));
  const split = joinActions(paragraphs.flatMap(splitLeadingHeading).flatMap(splitNumberedParagraphs));
  const blocks: Block[] = split.map((p, i) => ({
    p,
    heading: p.markdownLevel !== null || (p.lines.length <= 2 && headingLike(p.text.text) && !TABLE_ROW.test(p.text.text) &&
      (!BULLET.test(p.text.text) || (p.lines.length === 1 && (NUMBERED_TOP.test(p.text.text) || NUMBERED_SUB.test(p.text.text))))) ||
      closedHeading(p, split[i + 1]) || (p.lines.length <= 2 && listed.has(known(p.text.text))),
    level: 0,
  }));
  assignLevels(blocks);
  for (const b of blocks) if (b.heading && listed.has(known(b.p.text.text))) b.level = 1;

  const sections: ReportSection[] = [];
  const units: ReportUnit[] = [];
  let docTitle: string | null = null;
  let section = -1;
  let theme: number | null = null;
  const ensureSection = () => {
    if (section < 0) {
      sections.push({ title: 'Front matter', kind: 'front', heading: null, intro: [], themes: [] });
      section = 0;
    }
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.heading) {
      const title = cleanHeading(b.p.text.text);
      const next = blocks[i + 1];
      if (i === 0 && next?.heading) {
        docTitle = title;
        continue;
      }
      const r = b.p.text.originalRange();
      if (b.level === 1 || section < 0) {
        sections.push({ title, kind: sectionKind(title), heading: r, intro: [], themes: [] });
        section = sections.length - 1;
        theme = null;
      } else {
        sections[section].themes.push({ title, intro: [] });
        theme = sections[section].themes.length - 1;
      }
      continue;
    }
    ensureSection();
    for (const u of splitUnits(b.p, joinLines)) units.push({ section, theme, ...u });
  }
  return { title: docTitle, sections, units };
}

/** "Priority action: …" and "Progress by March 2025: …" written as two paragraphs are one item. */
function joinActions(paragraphs: CleanParagraph[]): CleanParagraph[] {
  const out: CleanParagraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && RAG_ALONE.test(p.text.text.trim()) && !RAG_ALONE.test(prev.text.text.trim())) {
      // The rating printed in its own column, after the action it rates.
      const rate = (t: MappedText) => MappedText.concat([t, MappedText.synthetic(' Status: ', p.text.map[0]), p.text]);
      out[out.length - 1] = { ...prev, lines: [...prev.lines.slice(0, -1), rate(prev.lines[prev.lines.length - 1])], text: rate(prev.text) };
      continue;
    }
    if (prev && ACTION.test(prev.text.text) && !PROGRESS.test(prev.text.text) && /^(?:progress|update|what we did)\b[^:]{0,30}:/i.test(p.text.text)) {
      out[out.length - 1] = {
        ...prev,
        lines: [...prev.lines, ...p.lines],
        text: MappedText.concat([prev.text, MappedText.synthetic(' ', p.text.map[0]), p.text]),
      };
    } else out.push(p);
  }
  return out;
}

function assignLevels(blocks: Block[]): void {
  const headings = blocks.filter((b) => b.heading);
  if (!headings.length) return;
  const caps = headings.filter((b) => isCaps(b.p.text.text));
  const capsMixed = caps.length > 0 && caps.length < headings.length;
  const marked = headings.filter((b) => b.p.markdownLevel !== null);
  const levelOf = new Map<Block, 1 | 2>();
  if (capsMixed) {
    for (const b of headings) levelOf.set(b, isCaps(b.p.text.text) ? 1 : 2);
  } else if (headings.some((b) => NUMBERED_TOP.test(stripMarkup(b.p.text.text)) || NUMBERED_SUB.test(stripMarkup(b.p.text.text)))) {
    for (const b of headings) levelOf.set(b, NUMBERED_SUB.test(stripMarkup(b.p.text.text)) || !NUMBERED_TOP.test(stripMarkup(b.p.text.text)) ? 2 : 1);
  } else if (marked.length) {
    const counts = new Map<number, number>();
    for (const b of marked) counts.set(b.p.markdownLevel!, (counts.get(b.p.markdownLevel!) ?? 0) + 1);
    const levels = [...counts.keys()].sort((a, z) => a - z);
    const top = levels.find((l) => (counts.get(l) ?? 0) >= 2) ?? levels[0];
    for (const b of headings) levelOf.set(b, (b.p.markdownLevel ?? 99) <= top ? 1 : 2);
  } else {
    // Text from a PDF: a section opens a page and is followed by an untitled introduction. Where the
    // extraction marks page tops with an indent, that mark is more reliable than page numbers.
    const byIndent = blocks.some((b) => b.p.indented);
    for (const b of headings) {
      const i = blocks.indexOf(b);
      const next = blocks[i + 1];
      const opensPage = (byIndent ? b.p.indented : b.p.pageStart) || i === 0;
      const intro = next && !next.heading && !findTitle(next.p.text.text);
      // Without page-top marks, an introduction after the heading is the only sign of a section.
      levelOf.set(b, (opensPage || !byIndent) && intro ? 1 : 2);
    }
  }
  if (![...levelOf.values()].includes(1)) for (const b of headings) levelOf.set(b, 1);
  for (const [b, l] of levelOf) b.level = l;
}

/** One paragraph → its units: bullets, table rows, "Priority action" blocks, or the paragraph itself. */
function splitUnits(p: CleanParagraph, joinLines: (lines: MappedText[]) => MappedText): Omit<ReportUnit, 'section' | 'theme'>[] {
  if (p.lines.some((l) => TABLE_ROW.test(l.text))) return tableUnits(p.lines, joinLines);
  const flat = p.lines.length >= 4 ? flatProgressTable(p.lines, joinLines, (t) => unit(t, false)) : null; // "Action / Progress / Status" cells
  if (flat) return flat;
  if (p.lines.filter((l) => BULLET.test(l.text)).length >= 1 && p.lines.length > 1 || BULLET.test(p.lines[0].text)) {
    const groups: MappedText[][] = [];
    for (const l of p.lines) {
      if (BULLET.test(l.text) || !groups.length) groups.push([]);
      groups[groups.length - 1].push(l);
    }
    return groups.map((g, k) => {
      // "Next steps" on the line above its bullets introduces them.
      if (k === 0 && !BULLET.test(g[0].text) && g.length === 1 && groups.length > 1 && headingLike(g[0].text)) {
        return { title: null, body: g[0], status: null, leadIn: true };
      }
      const first = g[0].replace(/^(?:[-*•◦▪‣●]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)/g, '');
      return { ...unit(joinLines([first, ...g.slice(1)]), true), bullet: true };
    });
  }
  return [unit(p.text, false)];
}

function unit(text: MappedText, allowColon: boolean): Omit<ReportUnit, 'section' | 'theme'> {
  let status: string | null = null;
  let t = text;
  const st = STATUS.exec(t.text) ?? RAG_END.exec(t.text);
  if (st && st.index > 0) {
    status = st[1].trim().toLowerCase();
    t = t.slice(0, st.index).trim();
  }
  const action = ACTION.exec(t.text);
  if (action) {
    const rest = t.slice(action[0].length);
    const progress = PROGRESS.exec(rest.text);
    if (progress) {
      const title = rest.text.slice(0, progress.index).trim().replace(/[.;]$/, '');
      const body = rest.slice(progress.index + progress[0].length).trim();
      if (title && body.length) return { title, body, status, action: rest.slice(0, progress.index).trim() };
    }
    return { title: null, body: rest.trim(), status, action: rest.trim() };
  }
  const found = findTitle(t.text, allowColon);
  if (found) return { title: stripMarkup(found.title), body: t.slice(found.bodyStart).trim(), status };
  return { title: null, body: t, status };
}
