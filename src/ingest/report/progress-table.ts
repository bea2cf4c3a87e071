// Tables in a report's text: Markdown or spaced-column rows ("| a | b |"), one item a row; and a
// progress table flattened one cell a line ("Action / Progress / Status", then each row's cells and
// its RAG word), as text copied from a web page or a PDF table gives it. Pure.
import { MappedText } from './mapped-text.js';
import { stripMarkup } from './headings.js';
import type { ReportUnit } from './structure.js';

type Unit = Omit<ReportUnit, 'section' | 'theme'>;

/** A RAG rating or a delivery status standing alone on its line, beside or under an action. */
export const RAG_ALONE = /^(?:RED|AMBER|GREEN|BLUE|Red|Amber|Green|Blue|Complete(?:d)?|On track|Off track|At risk|Not started|Delayed|In progress)\.?$/;

/** A progress table's column names, flattened one cell a line: "Action / Progress / Status". */
const CELL_HEAD = /^(?:(?:key |priority )?actions?|activity|commitments?|milestones?|projects?|what we said(?: we(?:'d| would) do)?|progress(?: update)?|update|commentary|comments?|what we did|lead|owner|target|due(?: date)?|deadline|(?:rag )?status|rag(?: rating)?|rating)$/i;
const STATUS_HEAD = /^(?:(?:rag )?status|rag(?: rating)?|rating)$/i;

/**
 * A progress table flattened one cell a line under its column names, each row closed by its RAG word:
 * the action is the row's title (and a promise), the rest its progress.
 */
export function flatProgressTable(
  lines: MappedText[], joinLines: (lines: MappedText[]) => MappedText, plain: (text: MappedText) => Unit,
): Unit[] | null {
  let h = 0;
  while (h < lines.length && h < 5 && CELL_HEAD.test(lines[h].text.trim())) h++;
  if (h < 2 || !STATUS_HEAD.test(lines[h - 1].text.trim()) || !lines.slice(h).some((l) => RAG_ALONE.test(l.text.trim()))) return null;
  const units: Unit[] = [];
  let row: MappedText[] = [];
  for (const l of lines.slice(h)) {
    if (!RAG_ALONE.test(l.text.trim())) {
      row.push(l);
      continue;
    }
    if (row.length) {
      const action = row[0].trim();
      const body = row.length > 1 ? joinLines(row.slice(1)) : action;
      units.push({ title: row.length > 1 ? stripMarkup(action.text).replace(/[.;]$/, '') : null, body, status: l.text.trim().replace(/\.$/, '').toLowerCase(), action });
    }
    row = [];
  }
  if (row.length) units.push(plain(joinLines(row)));
  return units;
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;

/** A table's rows, one unit each: the first cell the title, the others the body (short figures with their column names). */
export function tableUnits(lines: MappedText[], joinLines: (lines: MappedText[]) => MappedText): Unit[] {
  const rows: MappedText[][] = [];
  for (const l of lines) {
    if (!TABLE_ROW.test(l.text)) {
      // Wrapped cell text: belongs to the row above.
      const last = rows[rows.length - 1];
      if (last) last[last.length - 1] = joinLines([last[last.length - 1], l]);
      continue;
    }
    if (/^\s*\|?[\s:|-]+\|?\s*$/.test(l.text) && l.text.includes('-')) continue; // |---|---|
    const cells: MappedText[] = [];
    let from = l.text.indexOf('|') + 1;
    for (let at = l.text.indexOf('|', from); at >= 0; at = l.text.indexOf('|', from)) {
      cells.push(l.slice(from, at).trim());
      from = at + 1;
    }
    rows.push(cells);
  }
  if (!rows.length) return [];
  const header = rows[0].map((c) => c.text.toLowerCase());
  const looksLikeHeader = header.every((h) => h.length < 40 && !/[£$%]|\d,\d{3}/.test(h)) && !/^\d/.test(header[0] ?? '');
  const data = looksLikeHeader && rows.length > 1 ? rows.slice(1) : rows;
  const statusCol = looksLikeHeader ? header.findIndex((h) => /status|rag|rating/.test(h)) : -1;
  const labelled = looksLikeHeader && rows.length > 1;
  return data.filter((r) => r.some((c) => c.length)).map((r) => {
    // Short figures read best with their column names: "2023/24: 4,210; 2024/25: 3,870".
    const cells = r.map((c, i) => ({ c, i })).filter(({ c, i }) => i !== 0 && i !== statusCol && c.length);
    const short = cells.every(({ c }) => c.length <= 30);
    const parts = cells.flatMap(({ c, i }, k) => {
      const label = labelled && short && rows[0][i]?.length ? `${rows[0][i].text}: ` : '';
      const sep = k === 0 ? '' : short ? '; ' : /[.!?]$/.test(cells[k - 1].c.text) ? ' ' : '. ';
      return [MappedText.synthetic(sep + label, c.map[0]), c];
    });
    const body = MappedText.concat(parts);
    const status = statusCol >= 0 && r[statusCol]?.length ? r[statusCol].text.toLowerCase() : null;
    return body.length
      ? { title: stripMarkup(r[0].text) || null, body, status }
      : { title: null, body: r[0], status };
  });
}
