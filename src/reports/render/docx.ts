// The report as a Word document: real headings (navigable), real tables with header rows that repeat
// and rows that never split, charts as PNG images with alt text, DRAFT in the header of every page.
//
// The charts are still being drawn (in other threads) while the document is written: each image
// starts as a small stand-in that names its chart, and the finished PNGs replace the stand-ins in the
// zip at the end, stored as they are: PNG is compressed already, and deflating 20 MB of charts a
// second time only costs time.
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import { entryRuns } from './entry-runs.js';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Token, Tokens } from 'marked';
import type { ChartSpec, CommitmentView, EntryView, IndicatorRow, Labelled, ReportModel } from '../model/types.js';
import { DIRECTION_LABELS, QUARTILE_LABELS, RAG_LABELS, RAG_MEANINGS, TREND_LABELS } from '../../present/labels.js';
import { changesMarkdown } from './changes-markdown.js';
import type { ChartImage } from './chart-images.js';
import { marked, markdownToText, withoutRawHtml } from '../../present/markdown.js';

const H = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
const heading = (level: 1 | 2 | 3 | 4 | 5, text: string, pageBreakBefore = false) =>
  new Paragraph({ heading: H[level - 1], children: [new TextRun(text)], pageBreakBefore, keepNext: true });
const para = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 120 } });
const caption = (text: string) => new Paragraph({ style: 'Caption', children: [new TextRun({ text, bold: true })], keepNext: true });

function inlineRuns(tokens: Token[] | undefined, style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const t of tokens ?? []) {
    if (t.type === 'strong') runs.push(...inlineRuns((t as Tokens.Strong).tokens, { ...style, bold: true }));
    else if (t.type === 'em') runs.push(...inlineRuns((t as Tokens.Em).tokens, { ...style, italics: true }));
    else if (t.type === 'text' && (t as Tokens.Text).tokens) runs.push(...inlineRuns((t as Tokens.Text).tokens, style));
    else if (t.type === 'text' || t.type === 'codespan' || t.type === 'link' || t.type === 'escape') runs.push(new TextRun({ text: (t as Tokens.Text).text, ...style }));
    else if (t.type === 'br') runs.push(new TextRun({ break: 1 }));
    else if (t.type === 'html') continue; // raw HTML is never carried into the document
    else runs.push(new TextRun({ text: markdownToText(t.raw), ...style }));
  }
  return runs;
}

/** Markdown body → Word paragraphs (paragraphs, bullet and numbered lists; raw HTML dropped). */
export function markdownParagraphs(markdown: string, options: { headings?: boolean } = {}): Paragraph[] {
  const out: Paragraph[] = [];
  for (const t of marked.lexer(withoutRawHtml(markdown))) {
    // Headings only where the document's own outline is written as Markdown (what changed), never in an entry's body.
    if (t.type === 'heading' && options.headings) out.push(heading(Math.min(5, (t as Tokens.Heading).depth) as 1, markdownToText((t as Tokens.Heading).text)));
    else if (t.type === 'paragraph') out.push(new Paragraph({ children: inlineRuns((t as Tokens.Paragraph).tokens), spacing: { after: 120 } }));
    else if (t.type === 'list') {
      const list = t as Tokens.List;
      list.items.forEach((item, i) => out.push(new Paragraph({
        children: [new TextRun(list.ordered ? `${i + 1}. ` : '• '), ...inlineRuns(item.tokens.flatMap((x) => (x.type === 'text' && (x as Tokens.Text).tokens ? (x as Tokens.Text).tokens! : [x])))],
        indent: { left: 360, hanging: 240 },
      })));
    } else if (t.type === 'space' || t.type === 'hr') continue;
    else {
      const text = markdownToText(t.raw);
      if (text) out.push(para(text));
    }
  }
  return out;
}

const TABLE_TEXT = 'TableText';

function table(captionText: string, head: string[], rows: string[][], rowHeaders = true): (Paragraph | Table)[] {
  // Cell text takes its size from the Table Text style rather than from each run: a large report has
  // tens of thousands of cells, and the document is written markedly faster with less to say about each.
  const cell = (text: string, header: boolean) => new TableCell({
    children: [new Paragraph({ style: TABLE_TEXT, children: [header ? new TextRun({ text, bold: true }) : new TextRun(text)] })],
    shading: header ? { fill: 'F3F2F1' } : undefined,
  });
  return [
    caption(captionText),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h) => cell(h, true)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, rowHeaders && i === 0)) })),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

function entryBlocks(e: EntryView, level: 3 | 4): Paragraph[] {
  const state = e.workflowState === 'published' ? '' : ` [${e.workflowState}]`;
  const out = [heading(level, e.title + state)];
  const meta = [e.dateLabel, e.status ? `Status: ${e.status}` : null].filter(Boolean).join(' · ');
  if (meta) out.push(para(meta, { italics: true }));
  if (e.keyFigures.length) out.push(new Paragraph({ children: [new TextRun({ text: 'Key figures: ', bold: true }), new TextRun(e.keyFigures.join(' · '))], spacing: { after: 120 } }));
  out.push(...markdownParagraphs(e.body));
  if (e.places.length) out.push(new Paragraph({ children: [new TextRun({ text: 'Places: ', bold: true }), new TextRun(e.places.join(', '))] }));
  if (e.partners.length) out.push(new Paragraph({ children: [new TextRun({ text: 'Partners: ', bold: true }), new TextRun(e.partners.join(', '))] }));
  return out;
}

/** Titled entries under their own headings; a run of untitled ones as one bulleted list. */
function entriesBlocks(entries: EntryView[]): Paragraph[] {
  return entryRuns(entries).flatMap((r) => (r.kind === 'titled' ? entryBlocks(r.entry, 3) : r.entries.map((e) => {
    const extra = [e.workflowState === 'published' ? null : e.workflowState, e.places.length ? `Places: ${e.places.join(', ')}` : null].filter(Boolean).join('; ');
    return new Paragraph({ children: [new TextRun('• '), new TextRun(markdownToText(e.body).replace(/\s+/g, ' ').trim() + (extra ? ` (${extra})` : ''))], indent: { left: 360, hanging: 240 }, spacing: { after: 80 } });
  })));
}

function commitmentBlocks(items: CommitmentView[], captionText: string, level: 2 | 3): (Paragraph | Table)[] {
  if (!items.length) return [];
  return [heading(level, 'Commitments'), ...table(captionText, ['Commitment', 'Due', 'Status'],
    items.map((c) => [c.text + (c.workflowState === 'published' ? '' : ` [${c.workflowState}]`), c.due, c.statusLabel]), false)];
}

/** The charts of a Word report: each one's size (from its SVG), and their PNGs when drawn. */
export interface DocxCharts {
  sizes: Map<string, { width: number; height: number }>;
  images: Promise<ChartImage[]> | ChartImage[];
}

/** Stand-ins for the charts' PNGs while the document is written: bytes that name the chart. */
class ChartSlots {
  static readonly PREFIX = 'compendium chart ';
  readonly ids = new Set<string>();
  standIn(id: string): Uint8Array {
    this.ids.add(id);
    return new TextEncoder().encode(ChartSlots.PREFIX + id);
  }
  /** The chart a media file stands in for, if it is a stand-in. */
  idOf(data: Uint8Array): string | undefined {
    if (data.length > 512) return undefined;
    const text = new TextDecoder().decode(data);
    return text.startsWith(ChartSlots.PREFIX) ? text.slice(ChartSlots.PREFIX.length) : undefined;
  }
}

function chartBlocks(spec: ChartSpec, charts: DocxCharts, slots: ChartSlots, level: 3 | 4): (Paragraph | Table)[] {
  const size = charts.sizes.get(spec.id);
  const out: (Paragraph | Table)[] = [heading(level, spec.title), para(spec.description)];
  if (size) {
    const width = 600;
    out.push(new Paragraph({
      keepNext: true,
      children: [new ImageRun({
        type: 'png', data: slots.standIn(spec.id),
        transformation: { width, height: Math.round((size.height / size.width) * width) },
        altText: { name: spec.id, title: spec.title, description: `${spec.title}. ${spec.description} The data follows as a table.` },
      })],
    }));
  }
  out.push(para(spec.source, { size: 18 }));
  out.push(...table(`Data: ${spec.table.caption}`, spec.table.head, spec.table.rows));
  return out;
}

function compendiumRows(rows: IndicatorRow[]): string[][] {
  return rows.map((r) => [r.title, r.valueText, r.targetText, `${r.rag.symbol} ${r.rag.label}`, `${r.direction.symbol} ${r.direction.label}`, r.medianText, r.rankText, `${r.quartile.symbol} ${r.quartile.label}`, `${r.trend.symbol} ${r.trend.label}`]);
}

/**
 * Puts each chart's PNG where its stand-in is, stored as it is, and deflates the document's XML
 * (level 1: the images are most of the file). zipSync writes every size in the local headers, which
 * readers that go through a zip front to back need for stored entries.
 */
async function withCharts(packed: Uint8Array, slots: ChartSlots, images: DocxCharts['images']): Promise<Uint8Array> {
  const byId = new Map((await images).map((i) => [i.id, i.png]));
  if (slots.ids.size === 0) return packed;
  const files: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(packed))) {
    const id = name.startsWith('word/media/') ? slots.idOf(data) : undefined;
    if (id === undefined) { files[name] = [data, { level: 1 }]; continue; }
    const png = byId.get(id);
    if (!png) throw new Error(`chart ${id} was not drawn`);
    files[name] = [png, { level: 0 }];
  }
  return zipSync(files);
}

/** The Performance Compendium: its summary, each outcome's table with every indicator's sentence and charts, and how to read it. */
function compendiumBlocks(m: ReportModel, chartBlock: (spec: ChartSpec, level: 3 | 4) => (Paragraph | Table)[]): (Paragraph | Table)[] {
  const c = m.compendium!;
  const body: (Paragraph | Table)[] = [];
  body.push(heading(1, 'Performance Compendium', true));
  body.push(para(`How ${c.areaName} performed in ${c.periodLabel}, against its targets and compared with ${c.groupLabel} (${c.groupMembers} councils).`));
  body.push(heading(2, 'Summary'));
  for (const s of c.summary.sentences) body.push(para(s));
  for (const ch of c.summaryCharts) body.push(...chartBlock(ch, 3));
  body.push(...table(`Indicators by direction of travel since the previous period, ${c.periodLabel}`, ['Direction', 'Indicators'], c.summary.direction.map((d) => [`${d.symbol} ${d.label}`, String(d.count)])));
  if (c.missing?.length) {
    body.push(heading(3, `Measures with no value for ${c.periodLabel} (${c.missing.length})`));
    for (const x of c.missing) body.push(new Paragraph({ children: [new TextRun('• '), new TextRun({ text: x.title, bold: true }), new TextRun(` (${x.code}): ${x.reason}`)], indent: { left: 360, hanging: 240 }, spacing: { after: 80 } }));
  }
  const charts = new Map(c.charts.map((ch) => [ch.id, ch]));
  for (const o of c.outcomes) {
    body.push(heading(2, o.title, true));
    body.push(...table(`${o.title}: indicators for ${c.periodLabel}, compared with ${c.groupLabel}`,
      ['Indicator', 'Value', 'Target', 'Against target', 'Since last period', 'Group median', 'Rank', 'Quartile', 'Trend'], compendiumRows(o.rows)));
    if (o.coverage) body.push(para(o.coverage, { size: 18 }));
    for (const r of o.rows) {
      body.push(heading(3, `${r.title} (${r.code})`));
      body.push(para(`${r.polarityLabel}. ${c.periodLabel}: ${r.valueText}; ${r.previousPeriodLabel}: ${r.previousText}. Against target: ${r.rag.label}. Since last period: ${r.direction.label}. ${r.missingReason ?? r.coverageText}${r.source ? ` Source: ${r.source}.` : ''}`));
      for (const id of r.chartIds) {
        const spec = charts.get(id);
        if (spec) body.push(...chartBlock(spec, 4));
      }
    }
  }
  body.push(heading(2, 'How to read the compendium'));
  if (c.groupDescription !== c.groupLabel) body.push(para(`About the comparison group: ${c.groupDescription}`));
  body.push(para(`Values are compared with targets, with the previous period and with the other councils in ${c.groupLabel}. The group median and quartiles are taken over the councils that have a value; councils without one are left out, never counted as zero. Rank 1 is the best; tied councils share the best rank; quartile bands hold equal numbers of councils, the top quartile being the best. A trend needs at least five values and is tested at 95% confidence. The full method: ${m.meta.methodologyUrl}`));
  const key = (title: string, labels: Labelled<string | number>[], meaning?: (k: string) => string) => [
    heading(3, title),
    ...labels.map((l) => new Paragraph({ children: [new TextRun(`${l.symbol} `), new TextRun({ text: l.label, bold: true }), new TextRun(meaning ? `: ${meaning(String(l.key))}` : '')], spacing: { after: 60 } })),
  ];
  body.push(...key('Against target', Object.values(RAG_LABELS), (k) => RAG_MEANINGS[k as keyof typeof RAG_MEANINGS]));
  body.push(...key('Since last period', (['improving', 'worsening', 'no-change', 'increasing', 'decreasing', 'not-comparable'] as const).map((k) => DIRECTION_LABELS[k])));
  body.push(...key('Quartile', ([1, 2, 3, 4, 'none'] as const).map((k) => QUARTILE_LABELS[k])));
  body.push(...key('Trend', Object.values(TREND_LABELS)));
  body.push(para('The tables are also published as open data (CSV and JSON).'));
  return body;
}

export async function renderDocx(m: ReportModel, charts: DocxCharts): Promise<Uint8Array> {
  const slots = new ChartSlots();
  // Drawing can fail while the document is still being written; it is reported where it is awaited.
  Promise.resolve(charts.images).catch(() => undefined);
  const chartBlock = (spec: ChartSpec, level: 3 | 4) => chartBlocks(spec, charts, slots, level);
  const draft = m.meta.status === 'draft';
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${m.meta.title}${draft ? ' (DRAFT)' : ''}`)] }),
    para(m.meta.councilName, { bold: true, size: 32 }),
    para(m.meta.planLine),
    para(`Reporting period: ${m.meta.periodLabel}. ${draft ? 'Draft produced' : 'Published'} on ${m.meta.generatedOnLabel}.`),
    heading(1, 'Contents', true),
    ...m.contents.flatMap((c, i) => [
      new Paragraph({ children: [new TextRun(`${i + 1}. ${c.title}`)], spacing: { after: 40 } }),
      ...c.children.map((ch) => new Paragraph({ children: [new TextRun(ch.title)], indent: { left: 480 }, spacing: { after: 20 } })),
    ]),
    heading(1, 'Introduction', true),
    ...m.introduction.map((p) => para(p)),
    ...(m.narrative ?? []).flatMap((n) => [...(n.heading ? [heading(1, n.heading)] : []), ...n.paragraphs.map((p) => para(p))]),
    heading(1, 'Key priorities'),
    ...m.keyPriorities.map((k) => new Paragraph({ children: [new TextRun({ text: k.title, bold: true }), new TextRun(k.summary ? `: ${k.summary}` : '')], spacing: { after: 120 } })),
  ];
  if (m.financial) body.push(heading(1, 'Financial context'), ...(m.financial.narrative ?? []).map((p) => para(p)), ...(m.financial.charts ?? []).flatMap((ch) => chartBlock(ch, 3)), ...table(m.financial.heading, ['Measure', 'Figure', 'Note'], m.financial.figures.map((f) => [f.label, f.value, f.note ?? ''])));
  for (const o of m.outcomes) {
    body.push(heading(1, o.title, !o.noEntries));
    if (o.narrative?.length) body.push(...o.narrative.map((p) => para(p)));
    else if (o.summary) body.push(para(o.summary, { size: 26 }));
    if (o.noEntries) body.push(para(o.noEntries));
    body.push(...entriesBlocks(o.entries));
    for (const t of o.themes) {
      body.push(heading(2, t.title));
      if (t.narrative?.length) body.push(...t.narrative.map((p) => para(p)));
      else if (t.summary) body.push(para(t.summary));
      if (t.entries.length) body.push(...entriesBlocks(t.entries));
      else body.push(para(`Nothing is reported under this theme for ${m.meta.periodLabel}.`));
    }
    body.push(...commitmentBlocks(o.commitments, `${o.title}: commitments due in ${m.meta.periodLabel} or later`, 2));
  }
  if (m.other.length) {
    body.push(heading(1, 'Other achievements and commitments', true));
    for (const s of m.other) {
      body.push(heading(2, s.title));
      body.push(...entriesBlocks(s.entries));
      if (s.commitments) body.push(...commitmentBlocks(s.commitments, 'Commitments not yet linked to an outcome', 3));
    }
  }
  if (m.compendium) body.push(...compendiumBlocks(m, chartBlock));
  // What changed, in the same place and words as the HTML and PDF (after the compendium).
  if (m.changes) body.push(new Paragraph({ children: [], pageBreakBefore: true }), ...markdownParagraphs(changesMarkdown(m.changes, 1), { headings: true }));
  const small = (children: ParagraphChild[]) => new Paragraph({ alignment: AlignmentType.CENTER, children });
  const doc = new Document({
    creator: 'Compendium',
    title: `${m.meta.councilName}: ${m.meta.title}`,
    description: `${m.meta.planTitle}, ${m.meta.periodLabel}${draft ? ' (draft)' : ''}`,
    styles: {
      default: { document: { run: { font: 'Arial', size: 22 } } },
      paragraphStyles: [{ id: TABLE_TEXT, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: 18 } }],
    },
    features: { updateFields: false },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
      headers: { default: new Header({ children: [small(draft ? [new TextRun({ text: 'DRAFT: NOT FOR PUBLICATION', bold: true })] : [new TextRun(m.meta.councilName)])] }) },
      footers: { default: new Footer({ children: [small([new TextRun({ children: [`${draft ? 'DRAFT · ' : ''}${m.meta.title} · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })])] }) },
      children: body,
    }],
  });
  return withCharts(new Uint8Array(await Packer.toBuffer(doc)), slots, charts.images);
}
