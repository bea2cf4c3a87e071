// Reads a report file into text: .txt and .md as they are, .html and .docx (via mammoth) into text
// that keeps headings, lists and tables, .pdf from its text layer (pdftotext -layout when installed,
// for tables; unpdf otherwise). Each refusal is one sentence naming the file and the problem.
import { createHash } from 'node:crypto';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ValidationError } from '../../errors.js';
import { decodeTextBytes } from '../decode-text.js';
import { archiveLimitFor, archiveProblem } from '../zip-limit.js';
import { htmlToText } from './html.js';

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
}

export type ReportFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface ReadReport {
  name: string;
  format: ReportFormat;
  mediaType: string;
  sha256: string;
  size: number;
  /** The text as extracted: every provenance offset points into it. */
  text: string;
  /** Whether the text marks structure with Markdown ("#" headings, "**bold**", "- " items). */
  markdown: boolean;
  pages: number | null;
  extractor: string;
}

export interface ReadOptions {
  /** Refuse files bigger than this (bytes). */
  maxBytes?: number;
  /** The most a Word document may unpack to (default: archiveLimitFor(maxBytes)). */
  maxUnpackedBytes?: number;
  /** Use pdftotext -layout when it is installed (default true). */
  pdftotext?: boolean;
}

const MEDIA: Record<ReportFormat, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const EXTENSIONS: Record<string, ReportFormat> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx',
};
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export class ReportReadError extends ValidationError {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
  }
}

export function formatOf(name: string): ReportFormat | null {
  return EXTENSIONS[path.extname(name).toLowerCase()] ?? null;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readReport(file: ReportFile, options: ReadOptions = {}): Promise<ReadReport> {
  const name = path.basename(file.name);
  const format = formatOf(name);
  if (!format) {
    throw new ReportReadError(name, `unsupported file type "${path.extname(name) || 'no extension'}": use ${SUPPORTED_EXTENSIONS.filter((e) => !['.text', '.markdown', '.htm'].includes(e)).join(', ')}`);
  }
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  if (file.bytes.length > maxBytes) throw new ReportReadError(name, `the file is ${mb(file.bytes.length)}, over the ${mb(maxBytes)} limit (COMPENDIUM_MAX_UPLOAD_MB)`);
  if (file.bytes.length === 0) throw new ReportReadError(name, 'the file is empty');

  let text: string;
  let pages: number | null = null;
  let extractor: string;
  switch (format) {
    case 'txt':
    case 'md':
      text = decodeText(name, file.bytes);
      extractor = format === 'md' ? 'markdown' : 'text';
      break;
    case 'html':
      text = htmlToText(decodeText(name, file.bytes));
      extractor = 'html';
      break;
    case 'docx':
      text = await readDocx(name, file.bytes, options.maxUnpackedBytes ?? archiveLimitFor(maxBytes));
      extractor = 'mammoth';
      break;
    case 'pdf': {
      const pdf = await readPdf(name, file.bytes, options.pdftotext ?? true);
      text = pdf.text;
      pages = pdf.pages;
      extractor = pdf.extractor;
      break;
    }
  }
  if (text.replace(/\s/g, '').length === 0) throw new ReportReadError(name, 'the file has no text in it');
  return {
    name, format, mediaType: MEDIA[format], sha256: sha256(file.bytes), size: file.bytes.length,
    text, markdown: format !== 'txt' && extractor !== 'pdftotext -layout', pages, extractor,
  };
}

function decodeText(name: string, bytes: Uint8Array): string {
  const decoded = decodeTextBytes(bytes);
  if (!decoded) throw new ReportReadError(name, 'the file is binary, not text (is the extension right?)');
  return decoded.text.replace(/^\ufeff/, '');
}

async function readDocx(name: string, bytes: Uint8Array, unpackedLimit: number): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReportReadError(name, 'not a Word document (a .docx is a zip file and this is not one)');
  const tooBig = archiveProblem(bytes, unpackedLimit);
  if (tooBig) throw new ReportReadError(name, `the Word document cannot be opened: ${tooBig}`);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (e) {
    const msg = (e as Error).message ?? '';
    if (/word\/document\.xml|main document part|Could not find/i.test(msg)) throw new ReportReadError(name, 'a zip file but not a Word document (it has no word/document.xml)');
    // The reader's own message is JavaScript's, not the person's: say what is wrong instead.
    throw new ReportReadError(name, 'the Word document cannot be read: it is damaged, or not a Word document saved as .docx');
  }
  return htmlToText(html);
}

const NO_TEXT_LAYER = 'the PDF has no text layer (it looks like a scanned document); OCR is not done, so import a copy with selectable text or the original document';
const PASSWORD_PROTECTED = 'the PDF is protected by a password, so it cannot be read: save a copy without the password and import that';

let pdftotextPresent: boolean | undefined;
function hasPdftotext(): boolean {
  pdftotextPresent ??= spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
  return pdftotextPresent;
}

async function readPdf(name: string, bytes: Uint8Array, usePdftotext: boolean): Promise<{ text: string; pages: number; extractor: string }> {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new ReportReadError(name, 'not a PDF file (it does not start with %PDF)');
  let pages: string[];
  let extractor: string;
  if (usePdftotext && hasPdftotext()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-pdf-'));
    const file = path.join(dir, 'in.pdf');
    try {
      fs.writeFileSync(file, bytes);
      const { stdout } = await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 512 * 1024 * 1024 });
      pages = stdout.split('\f');
      if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
      extractor = 'pdftotext -layout';
    } catch (e) {
      const msg = ((e as { stderr?: string }).stderr || (e as Error).message || '').split('\n').find((l) => l.trim()) ?? 'corrupt file';
      if (/incorrect password/i.test(msg)) throw new ReportReadError(name, PASSWORD_PROTECTED);
      throw new ReportReadError(name, `the PDF cannot be read (${msg.trim()})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const { extractTextItems, getDocumentProxy } = await import('unpdf');
    try {
      const doc = await getDocumentProxy(new Uint8Array(bytes));
      pages = layOutPages((await extractTextItems(doc)).items);
      extractor = 'unpdf';
    } catch (e) {
      if ((e as Error).name === 'PasswordException' || /password/i.test((e as Error).message ?? '')) throw new ReportReadError(name, PASSWORD_PROTECTED);
      throw new ReportReadError(name, `the PDF cannot be read (${((e as Error).message ?? 'corrupt file').split('\n')[0]})`);
    }
  }
  const text = pages.join('\n\f');
  if (text.replace(/\s/g, '').length < 20) throw new ReportReadError(name, NO_TEXT_LAYER);
  return { text, pages: pages.length, extractor };
}

interface PdfItem {
  str: string;
  y: number;
  fontSize: number;
  hasEOL: boolean;
}

/**
 * pdf.js text items → lines, with a blank line where the gap between lines is wider than usual
 * (a new paragraph) and "#" before lines in a larger type than the body (headings, biggest first).
 */
function layOutPages(pages: PdfItem[][]): string[] {
  const lines = pages.map((items) => {
    const out: { text: string; y: number; size: number }[] = [];
    let text = '';
    let y = 0;
    let size = 0;
    for (const it of items) {
      if (!text) y = it.y;
      text += it.str;
      // A heading is large throughout: the smallest type on the line decides.
      if (it.str.trim()) size = size ? Math.min(size, it.fontSize) : it.fontSize;
      if (it.hasEOL) {
        if (text.trim()) out.push({ text: text.trim(), y, size });
        text = '';
        size = 0;
      }
    }
    if (text.trim()) out.push({ text: text.trim(), y, size });
    return out;
  });
  const sizes = lines.flat().map((l) => Math.round(l.size * 10) / 10);
  const bodySize = mode(sizes);
  const headingSizes = [...new Set(sizes.filter((s) => s >= bodySize * 1.15))].sort((a, b) => b - a).slice(0, 3);
  return lines.map((page) => {
    const parts: string[] = [];
    page.forEach((l, i) => {
      const level = headingSizes.indexOf(Math.round(l.size * 10) / 10) + 1;
      const gap = i > 0 ? page[i - 1].y - l.y : 0;
      // Lines of a paragraph sit about 1.2 type sizes apart; more than 1.6 is a new paragraph.
      if (i > 0 && (level || gap > Math.max(l.size, bodySize) * 1.6 || gap < 0 || parts[parts.length - 1].startsWith('#'))) parts.push('');
      parts.push(level ? `${'#'.repeat(level)} ${l.text}` : l.text);
    });
    return parts.join('\n');
  });
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
