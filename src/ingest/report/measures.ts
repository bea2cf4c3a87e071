// Figures laid out as a table rather than written in sentences: a KPI table flattened to a cell a
// line, "label  figure" lines, and the data line a chart leaves behind ("Red, 7, 14%; Green, 21, 43%").
// They are offered to the indicator import as measures, never imported as entries or dropped.
import type { CleanParagraph } from './clean.js';
import { MappedText } from './mapped-text.js';
import type { ParsedMeasure } from './parse.js';

const FIGURE = String.raw`[£$€]?\s?-?\d[\d,]*(?:\.\d+)?\s?(?:%|k|m|bn)?`;
const FIGURE_ONLY = new RegExp(`^${FIGURE}$`, 'i');
const LABEL_FIGURE = new RegExp(`^([A-Za-z][A-Za-z0-9 ()'&/,-]{1,60}?)\\s+(${FIGURE})$`, 'i');
const CHART_PAIR = new RegExp(`([A-Z][A-Za-z ]{0,30}),\\s*(${FIGURE})(?:,\\s*(${FIGURE})|\\s*\\((${FIGURE})\\))?`, 'g');
const CHART_LINE = new RegExp(`^(?:[A-Z][A-Za-z ]{0,30},\\s*${FIGURE}(?:,\\s*${FIGURE}|\\s*\\(${FIGURE}\\))?\\s*[;,]?\\s*){2,}$`);

function measure(label: string, figure: MappedText, column: string | null): ParsedMeasure {
  const text = figure.text.trim();
  const unit = /%$/.test(text) ? '%' : /^[£$€]/.test(text) ? text[0] : /(?:k|m|bn)$/i.test(text) ? text.slice(-1).toLowerCase() : '';
  const value = Number(text.replace(/[£$€%,\s]|k$|m$|bn$/gi, ''));
  const { start, end } = figure.originalRange();
  return { label: label.trim(), text, value, unit, column, start, end };
}

/** A short line naming a row: no sentence in it, not a bullet. */
const isLabel = (t: string) => t.length <= 80 && /[A-Za-z]{3}/.test(t) && !/[.!?;:]$/.test(t) && !/[.!?]\s/.test(t) && !/^[-*•]/.test(t);

interface Cell { p: number; l: number; line: MappedText }

/** The measures in `paragraphs`, and the paragraphs without the lines they came from. */
export function findMeasures(paragraphs: CleanParagraph[]): { measures: ParsedMeasure[]; rest: CleanParagraph[] } {
  const measures: ParsedMeasure[] = [];
  const taken = new Set<string>();
  const cells: Cell[] = paragraphs.flatMap((para, p) => para.lines.map((line, l) => ({ p, l, line })));
  for (const c of cells) {
    if (!CHART_LINE.test(c.line.text)) continue;
    for (const m of c.line.text.matchAll(CHART_PAIR)) {
      const at = m.index + m[0].indexOf(m[2], m[1].length);
      measures.push(measure(m[1], c.line.slice(at, at + m[2].length), null));
      const share = m[3] ?? m[4];
      if (share) {
        const s = m.index + m[0].lastIndexOf(share);
        measures.push(measure(m[1], c.line.slice(s, s + share.length), 'share'));
      }
    }
    taken.add(`${c.p}/${c.l}`);
  }
  for (let i = 0; i < cells.length; i++) {
    // Only a line holding a figure, or a label over one, can open a table.
    if (!/\d/.test(cells[i].line.text) && !/\d/.test(cells[i + 1]?.line.text ?? '')) continue;
    const run = tableRun(cells, i, taken);
    if (run.length < 3) continue;
    let label = '';
    for (const c of run) {
      taken.add(`${c.p}/${c.l}`);
      const t = c.line.text.trim();
      const lf = LABEL_FIGURE.exec(t);
      if (FIGURE_ONLY.test(t)) measures.push(measure(label || 'Figure', c.line.trim(), null));
      else if (lf) measures.push(measure(lf[1], c.line.slice(c.line.text.lastIndexOf(lf[2]), c.line.text.lastIndexOf(lf[2]) + lf[2].length), null));
      else label = t;
    }
    i += run.length - 1;
  }
  if (!taken.size) return { measures, rest: paragraphs };
  const rest = paragraphs.flatMap((para, p): CleanParagraph[] => {
    const lines = para.lines.filter((_, l) => !taken.has(`${p}/${l}`));
    if (lines.length === para.lines.length) return [para];
    if (!lines.length) return [];
    const text = MappedText.concat(lines.flatMap((l, k) => (k ? [MappedText.synthetic(' ', l.map[0]), l] : [l])));
    return [{ ...para, lines, text }];
  });
  return { measures, rest };
}

/**
 * The table starting at cell i: figures alone, "label figure" lines, and label lines each directly
 * followed by a figure. At least two figures, and figures at least two lines in five.
 */
function tableRun(cells: Cell[], i: number, taken: Set<string>): Cell[] {
  const run: Cell[] = [];
  for (let j = i; j < cells.length && !taken.has(`${cells[j].p}/${cells[j].l}`); j++) {
    const t = cells[j].line.text.trim();
    const figure = FIGURE_ONLY.test(t) || (LABEL_FIGURE.test(t) && isLabel(LABEL_FIGURE.exec(t)![1]));
    const next = cells[j + 1]?.line.text.trim() ?? '';
    if (!figure && !(isLabel(t) && FIGURE_ONLY.test(next))) break;
    run.push(cells[j]);
  }
  const figures = run.filter((c) => FIGURE_ONLY.test(c.line.text.trim()) || LABEL_FIGURE.test(c.line.text.trim())).length;
  return figures >= 2 && figures * 5 >= run.length * 2 ? run : [];
}
