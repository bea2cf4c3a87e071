// Reads the cells of one worksheet of an XLSX workbook (Office Open XML, ECMA-376 part 1 §18) with
// fflate and a small scanner of the few XML parts a table needs: the workbook's sheet list and its
// relationships, the shared strings, the number formats (to know which numbers are dates) and the
// sheet itself. What the product reads is a table of values, so formulas give their cached results,
// rich text its plain text, and error cells are reported by the caller.
import { unzipSync } from 'fflate';

export type XlsxCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string };

export interface XlsxRow {
  /** The row's number in the sheet (1-based). */
  number: number;
  /** Cells by 1-based column number; a sparse array where cells are empty. */
  cells: (XlsxCell | undefined)[];
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
}

/** Raised when the archive is not a workbook this reader understands; the caller words it for people. */
export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError';
}

const decoder = new TextDecoder('utf-8');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references decoded, and Excel's `_xHHHH_` escapes. */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The value of attribute `name` in a tag's attribute text, decoded, or undefined. */
const attrPatterns = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`));
  const m = re.exec(attrs);
  if (!m) return undefined;
  const raw = m[2] ?? m[3];
  return raw.includes('&') || raw.includes('_x') ? xmlText(raw) : raw;
}

/** The text of every `<t>` in a fragment (a shared string or inline string), phonetic runs left out. */
function runsText(xml: string): string {
  const plain = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += xmlText(m[1]);
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a format code shows a date: d, m, y, h or s outside quotes, escapes and [colour] blocks. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s?]*$/.test(bare);
}

/** For each cell style index, whether numbers in it are dates. */
function dateStyles(styles: string | undefined): boolean[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = attr(m[1], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
  });
}

/** Excel's serial day number as an ISO date (1900 system, with its phantom 29 February 1900, or 1904). */
export function serialToIso(serial: number, date1904: boolean): string {
  const days = Math.floor(serial + 1e-9);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const ms = epoch + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** 1-based column number of a cell reference such as "AB12", or undefined. */
function columnOf(ref: string | undefined): number | undefined {
  const m = ref ? /^([A-Z]{1,3})\d+$/i.exec(ref) : null;
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Parts {
  workbook: string;
  rels: string;
  shared?: string;
  styles?: string;
  files: Record<string, Uint8Array>;
}

/** The path inside the archive that a workbook relationship's target names. */
function partPath(target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  const parts = ['xl'];
  for (const seg of t.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function unzipWorkbook(content: Uint8Array): Parts {
  let files: Record<string, Uint8Array>;
  try {
    // Only the parts a table needs: drawings, images and printer settings stay compressed.
    files = unzipSync(content, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(f.name) });
  } catch (e) {
    throw new XlsxReadError(`the archive cannot be unpacked (${(e as Error).message})`);
  }
  const text = (name: string) => {
    const key = Object.keys(files).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? decoder.decode(files[key]) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxReadError('it has no workbook part (xl/workbook.xml), so it is not an XLSX workbook');
  return { workbook, rels, shared: text('xl/sharedStrings.xml'), styles: text('xl/styles.xml'), files };
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g)].map((m) => (m[1] === undefined ? '' : runsText(m[1])));
}

/** The sheets in the workbook's order, each with its part's path. */
function sheetList(parts: Parts): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  for (const m of parts.rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, partPath(target));
  }
  return [...parts.workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].flatMap((m) => {
    const name = attr(m[1], 'name');
    const target = targets.get(attr(m[1], 'id') ?? '');
    return name !== undefined && target ? [{ name, path: target }] : [];
  });
}

/** One cell's value from its attributes and inner XML. */
function cellValue(attrs: string, inner: string, ctx: { shared: string[]; dates: boolean[]; date1904: boolean }): XlsxCell | undefined {
  const type = attr(attrs, 't') ?? 'n';
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  switch (type) {
    case 's': {
      const text = v === undefined ? undefined : ctx.shared[Number(v)];
      return text === undefined ? undefined : { kind: 'text', text };
    }
    case 'inlineStr': return { kind: 'text', text: runsText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '') };
    case 'str': return v === undefined ? undefined : { kind: 'text', text: xmlText(v) };
    case 'b': return v === undefined ? undefined : { kind: 'boolean', value: v.trim() === '1' };
    case 'e': return { kind: 'error', code: xmlText(v ?? '#VALUE!') };
    case 'd': return v === undefined ? undefined : { kind: 'date', iso: xmlText(v).slice(0, 10) };
    default: {
      if (v === undefined || v.trim() === '') return undefined;
      const value = Number(v);
      if (!Number.isFinite(value)) return { kind: 'text', text: xmlText(v) };
      return ctx.dates[Number(attr(attrs, 's') ?? 0)] ? { kind: 'date', iso: serialToIso(value, ctx.date1904) } : { kind: 'number', value };
    }
  }
}

/** The rows of a worksheet part, with their cells by column. */
function sheetRows(xml: string, ctx: { shared: string[]; dates: boolean[]; date1904: boolean }): XlsxRow[] {
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? '';
  const rows: XlsxRow[] = [];
  let previous = 0;
  for (const r of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const number = Number(attr(r[1], 'r') ?? previous + 1);
    previous = number;
    const cells: (XlsxCell | undefined)[] = [];
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      col = columnOf(attr(c[1], 'r')) ?? col + 1;
      const cell = c[2] === undefined ? undefined : cellValue(c[1], c[2], ctx);
      if (cell) cells[col] = cell;
    }
    if (cells.length) rows.push({ number, cells });
  }
  return rows;
}

/** Reads the named worksheet, or the first, of the workbook in `content`. Null when no such sheet. */
export function readXlsxSheet(content: Uint8Array, sheet?: string): XlsxSheet | null {
  const parts = unzipWorkbook(content);
  const sheets = sheetList(parts);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen) return null;
  const key = Object.keys(parts.files).find((k) => k.toLowerCase() === chosen.path.toLowerCase());
  if (!key) throw new XlsxReadError(`its sheet "${chosen.name}" has no part ${chosen.path}`);
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(parts.workbook)?.[1] ?? '';
  const date1904 = ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  const ctx = { shared: sharedStrings(parts.shared), dates: dateStyles(parts.styles), date1904 };
  return { name: chosen.name, rows: sheetRows(decoder.decode(parts.files[key]), ctx) };
}
