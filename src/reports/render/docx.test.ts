// The Word file, opened as the zip it is: headings, tables, alt text, and charts that are real PNGs
// drawn at the right size, stored without a second compression. No Chromium is needed for any of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { chartSvg } from '../charts/index.js';
import { buildReportModel } from '../model/index.js';
import { CHART_SCALE, svgSize } from './chart-images.js';
import { ChartFontMissingError, findChartFont, renderReport, svgsToPng } from './index.js';

const model = buildReportModel(fixtureInput());
const specs = [...model.compendium!.summaryCharts, ...model.compendium!.charts];
let zip: Uint8Array;
let parts: Record<string, Uint8Array>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-docx-'));

beforeAll(async () => {
  const [file] = await renderReport(model, ['docx'], { chromiumPath: '/nonexistent/chromium' });
  zip = file.bytes;
  parts = unzipSync(zip);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * Each entry's compression method, from the zip's central directory (0 stored, 8 deflated), after
 * checking that its local header gives its size (no trailing data descriptor, general flag bit 3):
 * readers that go through a zip front to back cannot find the end of a stored entry without it.
 */
function methods(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, number>();
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    expect(view.getUint16(local + 6, true) & 8, `${name} has a data descriptor`).toBe(0);
    expect(view.getUint32(local + 18, true), `${name}: size in its local header`).toBe(view.getUint32(at + 20, true));
    out.set(name, view.getUint16(at + 10, true));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** A PNG's size and the share of its pixels that are dark (lines and text), read from its own chunks. */
function readPng(png: Uint8Array): { width: number; height: number; dark: number } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  expect([b[24], b[25]]).toEqual([8, 6]); // 8-bit RGBA
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length;) {
    const length = b.readUInt32BE(at);
    if (b.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  let dark = 0;
  let clear = 0;
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)], 'filter type').toBe(0);
    for (let x = 0; x < width; x++) {
      const p = y * (width * 4 + 1) + 1 + x * 4;
      if (raw[p + 3] !== 255) clear++;
      if (raw[p] + raw[p + 1] + raw[p + 2] < 300) dark++;
    }
  }
  expect(clear, 'pixels not opaque').toBe(0);
  return { width, height, dark: dark / (width * height) };
}

describe('Word', () => {
  it('has heading styles, tables with repeating header rows, and chart images with alt text', () => {
    const xml = strFromU8(parts['word/document.xml']);
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(5);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    const alts = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(alts).toHaveLength(specs.length);
    for (const alt of alts) expect(alt.length).toBeGreaterThan(20);
    expect(xml.includes('alert('), 'script text in the document').toBe(false);
    expect(xml).toContain('Repair cafés');
  });

  it('holds each chart as a PNG drawn at CHART_SCALE × its size, in the order of the document, stored as it is', () => {
    const rels = strFromU8(parts['word/_rels/document.xml.rels']);
    const targets = new Map([...rels.matchAll(/Id="([^"]+)" Type="[^"]*\/image" Target="([^"]+)"/g)].map((m) => [m[1], `word/${m[2]}`]));
    const xml = strFromU8(parts['word/document.xml']);
    const embedded = [...xml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => targets.get(m[1])!);
    expect(embedded).toHaveLength(specs.length);
    const how = methods(zip);
    embedded.forEach((name, i) => {
      expect(parts[name], name).toBeDefined();
      const png = readPng(parts[name]);
      const size = svgSize(chartSvg(specs[i], '#1d70b8'));
      expect([png.width, png.height], specs[i].id).toEqual([Math.round(size.width * CHART_SCALE), Math.round(size.height * CHART_SCALE)]);
      // Axes, marks and labels are drawn: a blank or all-black image fails either bound.
      expect(png.dark, specs[i].id).toBeGreaterThan(0.002);
      expect(png.dark, specs[i].id).toBeLessThan(0.5);
      expect(how.get(name), `${name} stored, not deflated again`).toBe(0);
    });
    expect(how.get('word/document.xml')).toBe(8);
    expect(how.size).toBe(Object.keys(parts).length);
    // No stand-in is left behind.
    for (const [name, data] of Object.entries(parts)) if (name.startsWith('word/media/')) expect(strFromU8(data.subarray(0, 17)), name).not.toBe('compendium chart ');
  });
});

describe('chart drawing', () => {
  it('keeps the order of the charts across threads and says which chart could not be drawn', async () => {
    const svgs = specs.map((s) => ({ id: s.id, svg: chartSvg(s, '#1d70b8') }));
    const many = Array.from({ length: 30 }, (_, i) => ({ ...svgs[i % svgs.length], id: `c${i}` }));
    const images = await svgsToPng(many, { threads: 2 });
    expect(images.map((i) => i.id)).toEqual(many.map((c) => c.id));
    expect(images[svgs.length].png).toEqual(images[0].png);
    const err = await svgsToPng([...svgs, { id: 'broken', svg: '<svg xmlns="http://www.w3.org/2000/svg"><g>' }]).catch((e: unknown) => e);
    expect(String(err)).toContain('chart broken could not be drawn');
  });

  it('draws the status symbols with real glyphs, not the missing-glyph box', async () => {
    const symbols = ['✓', '✗', '▲', '▼', '●', '◆', '↑', '↓', '→', '–', '£'];
    const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" font-family="Arial, sans-serif" font-size="24"><text x="6" y="30">${text}</text></svg>`;
    // U+E000 is a private-use character no font here draws: it comes out as the missing-glyph box.
    const [missing, ...drawn] = await svgsToPng([{ id: 'missing', svg: svg('\uE000') }, ...symbols.map((s) => ({ id: s, svg: svg(s) }))], { threads: 1 });
    for (const d of drawn) expect(Buffer.from(d.png).equals(Buffer.from(missing.png)), `${d.id} drawn as the missing-glyph box`).toBe(false);
    expect(new Set(drawn.map((d) => Buffer.from(d.png).toString('base64'))).size).toBe(symbols.length);
  });

  it('names the font package to install when no font is found, and still hands over the other files', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'fonts-'));
    const err = await renderReport(model, ['html', 'docx'], { chromiumPath: '/nonexistent/chromium', fontDirs: [empty] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChartFontMissingError);
    expect((err as ChartFontMissingError).message).toContain(empty);
    expect((err as ChartFontMissingError).hint).toContain('apt-get install fonts-liberation');
    expect((err as ChartFontMissingError).partial.map((f) => f.format)).toEqual(['html']);
  });

  it('finds a font given in a folder of its own', () => {
    const system = findChartFont();
    const dir = fs.mkdtempSync(path.join(tmp, 'fonts-'));
    fs.symlinkSync(system.files[0], path.join(dir, path.basename(system.files[0])));
    expect(findChartFont([dir])).toEqual({ family: system.family, files: [path.join(dir, path.basename(system.files[0]))] });
  });
});
