import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { readReport } from './read.js';
import { parseReport } from './parse.js';
import { OWN_REPORTS, REPORT_2020, SUMMARY_2024 } from '../../../test/helpers/reports.js';

const file = (name: string, content: string | Uint8Array) => ({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });

const REPORT_HTML = `<!doctype html><html lang="en"><body style="font-family:Arial">
<h1>A Strong Economy</h1>
<p>Our aim is a growing economy that works for everyone in the county.</p>
<p><b>Enterprise Hub</b> – the new hub in Coalville opened in May 2024 and is home to 28 businesses.</p>
<p><b>Road Safety</b> – we trained 3,000 children in cycling and cut casualties by 9%.</p>
<h1>Keeping People Safe</h1>
<p>We want people to be safe in their homes and on the streets.</p>
<p><b>Trading Standards</b> – officers removed 12,000 unsafe products from sale in 2023/24.</p>
</body></html>`;

describe('reading each format', () => {
  let browser: Browser;
  let pdf: Uint8Array;
  let blankPdf: Uint8Array;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    const page = await browser.newPage();
    await page.setContent(REPORT_HTML);
    pdf = new Uint8Array(await page.pdf({ format: 'A4' }));
    await page.setContent('<!doctype html><html><body><svg width="400" height="300"><rect width="300" height="200" fill="#345"/></svg></body></html>');
    blankPdf = new Uint8Array(await page.pdf({ format: 'A4' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('.txt as it is, with its SHA-256 and size', async () => {
    const bytes = fs.readFileSync(REPORT_2020);
    const r = await readReport({ name: REPORT_2020, bytes });
    expect(r.format).toBe('txt');
    expect(r.text).toBe(bytes.toString('utf8'));
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.size).toBe(bytes.length);
    expect(r.markdown).toBe(false);
  });

  it('.md keeps its Markdown marks', async () => {
    const r = await readReport({ name: 'summary.md', bytes: fs.readFileSync(SUMMARY_2024) });
    expect(r.markdown).toBe(true);
    expect(r.text).toContain('## **Transport**');
  });

  it('.html into headings, bold lead-ins and list items', async () => {
    const r = await readReport({ name: 'westbrook-bullets-2023.html', bytes: fs.readFileSync(path.join(OWN_REPORTS, 'westbrook-bullets-2023.html')) });
    expect(r.text).toContain('## Strong Economy');
    expect(r.text).toContain('- **Broadband** – full fibre reached 2,400 more rural homes.');
    expect(r.text).not.toContain('font-family');
  });

  it('.docx through mammoth, keeping headings and bold titles', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ text: 'A Strong Economy', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Our aim is a growing economy.' }),
          new Paragraph({ children: [new TextRun({ text: 'Apprenticeships', bold: true }), new TextRun(' – we created 140 apprenticeships in 2024.')] }),
          new Paragraph({ text: 'Keeping People Safe', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: 'Fostering', bold: true }), new TextRun(' – 36 new foster carers were approved.')] }),
        ],
      }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const r = await readReport(file('plan-2024.docx', bytes));
    expect(r.extractor).toBe('mammoth');
    expect(r.text).toContain('# A Strong Economy');
    const p = parseReport(r.text, r.markdown, { name: r.name });
    expect(p.sections.map((s) => s.title)).toEqual(['A Strong Economy', 'Keeping People Safe']);
    expect(p.entries.map((e) => [e.title, e.body])).toEqual([
      ['Apprenticeships', 'We created 140 apprenticeships in 2024.'],
      ['Fostering', '36 new foster carers were approved.'],
    ]);
    expect(r.text.slice(p.entries[1].start, p.entries[1].end)).toBe('36 new foster carers were approved.');
  });

  it.each([true, false])('.pdf from its text layer (pdftotext: %s)', async (usePdftotext) => {
    const r = await readReport(file('report-2024.pdf', pdf), { pdftotext: usePdftotext });
    expect(r.extractor).toBe(usePdftotext ? 'pdftotext -layout' : 'unpdf');
    expect(r.pages).toBe(1);
    const p = parseReport(r.text, r.markdown, { name: r.name });
    expect(p.sections.map((s) => s.title)).toEqual(['A Strong Economy', 'Keeping People Safe']);
    expect(p.entries.map((e) => e.title)).toEqual(['Enterprise Hub', 'Road Safety', 'Trading Standards']);
    expect(p.entries[2].body).toBe('Officers removed 12,000 unsafe products from sale in 2023/24.');
  });

  describe('refusals name the file and the problem', () => {
    const refuse = async (f: { name: string; bytes: Uint8Array }, message: RegExp, maxBytes?: number) => {
      await expect(readReport(f, { maxBytes })).rejects.toThrow(message);
    };
    it('an empty file', () => refuse(file('empty.txt', ''), /^empty\.txt: the file is empty$/));
    it('a file of blank lines', () => refuse(file('blank.md', '\n\n   \n'), /^blank\.md: the file has no text in it$/));
    it('a binary file renamed .pdf', () => refuse(file('photo.pdf', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70])), /^photo\.pdf: not a PDF file/));
    it('a binary file renamed .txt', () => refuse(file('data.txt', new Uint8Array([1, 2, 0, 4, 5])), /^data\.txt: the file is binary/));
    it('a broken PDF', () => refuse(file('broken.pdf', '%PDF-1.7\nthis is not really a pdf'), /^broken\.pdf: (?:the PDF cannot be read|the PDF has no text layer)/));
    it('a scanned PDF with no text layer', () => refuse(file('scan.pdf', blankPdf), /^scan\.pdf: the PDF has no text layer \(it looks like a scanned document\); OCR is not done, so import a copy with selectable text or the original document$/));
    it('a .docx that is not a zip', () => refuse(file('notes.docx', 'plain words'), /^notes\.docx: not a Word document/));
    it('a .docx that is a zip of something else', async () => {
      const bytes = zipSync({ 'readme.txt': strToU8('hello') });
      await refuse(file('archive.docx', bytes), /^archive\.docx: a zip file but not a Word document/);
    });
    it('a file over the size limit (100 MB by default)', () => refuse(file('huge.txt', new Uint8Array(100 * 1024 * 1024 + 1)), /^huge\.txt: the file is 100 MB, over the 100 MB limit/));
    it('an unsupported type', () => refuse(file('figures.xlsx', 'x'), /^figures\.xlsx: unsupported file type "\.xlsx"/));
  });
});
