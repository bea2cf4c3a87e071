// Draws a chart spec as an accessible SVG figure with Observable Plot on a linkedom document.
// Every figure says in words what the colour shows: direct labels, distinct line dashes and symbols.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { BarChartSpec, ChartSpec, PositionChartSpec, SummaryChartSpec, TrendChartSpec } from '../model/types.js';
import { escapeHtml } from '../render/escape.js';

const INK = '#0b0c0c';
const MID_GREY = '#505a5f';
const LIGHT_GREY = '#b1b4b6';
const BAND_GREY = '#dddddd';
const FONT_FAMILY = 'Arial, "Helvetica Neue", Helvetica, sans-serif';

export interface ChartOptions {
  /** Council brand colour for the council's own marks (must be dark enough to read in greyscale). */
  brandColour: string;
  /** Heading level of the chart's headline (figures sit under a section heading). */
  headingLevel: 3 | 4 | 5 | 6;
  /** Only the SVG, for images in Word documents. */
  svgOnly?: boolean;
}

// Plot only creates elements with it (nothing is added to it), so one document serves every chart.
let shared: Document | undefined;
function document(): Document {
  return (shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);
}

const pointsWith = <T>(rows: T[], key: keyof T) => rows.filter((r) => r[key] !== null && r[key] !== undefined);

function trendSvg(spec: TrendChartSpec, brand: string): Element {
  const pts = spec.points;
  const labels = pts.map((p) => p.periodLabel);
  const last = <K extends 'value' | 'median' | 'target'>(k: K) => [...pts].reverse().find((p) => p[k] !== null);
  const endLabels: { x: string; y: number; text: string; fontWeight: string }[] = [];
  const lv = last('value');
  const lm = last('median');
  const lt = last('target');
  if (lv) endLabels.push({ x: lv.periodLabel, y: lv.value!, text: spec.areaShortName, fontWeight: 'bold' });
  if (lm) endLabels.push({ x: lm.periodLabel, y: lm.median!, text: 'Group median', fontWeight: 'normal' });
  if (lt) endLabels.push({ x: lt.periodLabel, y: lt.target!, text: 'Target', fontWeight: 'normal' });
  const band = pointsWith(pts, 'q1').filter((p) => p.q3 !== null);
  const all = pts.flatMap((p) => [p.value, p.median, p.q1, p.q3, p.target]).filter((v): v is number => v !== null);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const domain = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  const [height, marginTop, marginBottom] = [260, 26, 36];
  const draw = (labelled: (typeof endLabels[number] & { dy: number })[]) => Plot.plot({
    document: document(),
    className: 'cmp-plot',
    width: 680, height, marginLeft: 64, marginRight: 150, marginTop, marginBottom,
    x: { type: 'point', domain: labels, label: null, padding: 0.3 },
    y: { label: spec.unitLabel, grid: true, nice: true, domain },
    marks: [
      Plot.areaY(band, { x: 'periodLabel', y1: 'q1', y2: 'q3', fill: BAND_GREY, fillOpacity: 1, curve: 'linear' }),
      band.length ? Plot.text([band[0]], { x: 'periodLabel', y: 'q3', text: () => 'Middle half of group', dy: -8, textAnchor: 'start', dx: -6, fill: MID_GREY, fontSize: 11 }) : null,
      Plot.lineY(pts, { x: 'periodLabel', y: 'median', stroke: MID_GREY, strokeWidth: 2, strokeDasharray: '7,4' }),
      Plot.dot(pointsWith(pts, 'median'), { x: 'periodLabel', y: 'median', symbol: 'diamond', fill: MID_GREY, r: 4 }),
      Plot.lineY(pts, { x: 'periodLabel', y: 'target', stroke: INK, strokeWidth: 1.5, strokeDasharray: '2,3' }),
      Plot.dot(pointsWith(pts, 'target'), { x: 'periodLabel', y: 'target', symbol: 'times', stroke: INK, r: 4 }),
      Plot.lineY(pts, { x: 'periodLabel', y: 'value', stroke: brand, strokeWidth: 3 }),
      Plot.dot(pointsWith(pts, 'value'), { x: 'periodLabel', y: 'value', symbol: 'circle', fill: brand, stroke: '#ffffff', r: 5 }),
      ...labelled.map((l) => Plot.text([l], { x: 'x', y: 'y', text: 'text', dx: 12, dy: l.dy, textAnchor: 'start', fontWeight: l.fontWeight, fill: INK, fontSize: 12 })),
    ],
  }) as unknown as Element;
  // End labels must not overlap: place them on the same y scale the plot will use, at least 15px apart.
  const y = Plot.scale({ y: { domain, nice: true, range: [height - marginBottom, marginTop] } }) as unknown as { apply(v: number): number };
  const placed = endLabels.map((l) => ({ ...l, px: y.apply(l.y) })).sort((a, b) => a.px - b.px);
  for (let i = 1; i < placed.length; i++) placed[i].px = Math.max(placed[i].px, placed[i - 1].px + 15);
  return draw(placed.map((l) => ({ ...l, dy: l.px - y.apply(l.y) })));
}

function positionSvg(spec: PositionChartSpec, brand: string): Element {
  const many = spec.members.length > 30;
  const names = spec.members.map((m) => m.name);
  const height = many ? 160 : 40 + 19 * spec.members.length;
  const council = spec.members.filter((m) => m.highlighted);
  const others = spec.members.filter((m) => !m.highlighted);
  return Plot.plot({
    document: document(),
    className: 'cmp-plot',
    width: 680, height, marginLeft: many ? 20 : 190, marginRight: 160, marginTop: 30, marginBottom: 36,
    x: { label: spec.unitLabel, grid: true, nice: true },
    y: many ? { axis: null, domain: names, padding: 0 } : { domain: names, label: null, tickSize: 0 },
    marks: [
      spec.median === null ? null : Plot.ruleX([spec.median], { stroke: MID_GREY, strokeWidth: 1.5, strokeDasharray: '7,4' }),
      spec.median === null ? null : Plot.text([spec.median], { x: (d: number) => d, frameAnchor: 'top', dy: -20, text: () => 'Group median', fill: INK, fontSize: 11 }),
      many
        ? Plot.tickX(others, { x: 'value', stroke: LIGHT_GREY, strokeWidth: 1.5 })
        : Plot.dot(others, { x: 'value', y: 'name', fill: '#6f777b', r: 4, symbol: 'circle' }),
      many
        ? Plot.tickX(council, { x: 'value', stroke: brand, strokeWidth: 4 })
        : Plot.dot(council, { x: 'value', y: 'name', fill: brand, stroke: INK, r: 7, symbol: 'diamond' }),
      Plot.text(council, { x: 'value', y: many ? undefined : 'name', frameAnchor: many ? 'middle' : undefined, text: (m: { name: string }) => `◆ ${m.name}`, dx: 12, textAnchor: 'start', fontWeight: 'bold', fill: INK, fontSize: 12 }),
    ],
  }) as unknown as Element;
}

const RAG_FILL: Record<string, string> = { green: '#00703c', amber: '#ffdd00', red: '#d4351c', 'no-target': '#b1b4b6', missing: '#ffffff' };
const QUARTILE_FILL: Record<string, string> = { '1': '#0b0c0c', '2': '#505a5f', '3': '#b1b4b6', '4': '#ffffff', none: '#f3f2f1' };

function summarySvg(spec: SummaryChartSpec): Element {
  const fills = spec.kind === 'rag' ? RAG_FILL : QUARTILE_FILL;
  const rows = spec.counts.map((c) => ({ ...c, name: `${c.symbol}  ${c.label}` }));
  return Plot.plot({
    document: document(),
    className: 'cmp-plot',
    width: 680, height: 40 + 34 * rows.length, marginLeft: 220, marginRight: 50, marginTop: 10, marginBottom: 36,
    x: { label: 'Number of indicators', grid: true, domain: [0, Math.max(1, ...rows.map((r) => r.count))], ticks: Math.min(10, Math.max(1, ...rows.map((r) => r.count))), tickFormat: 'd' },
    y: { domain: rows.map((r) => r.name), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'name', fill: (r: { key: string }) => fills[r.key] ?? LIGHT_GREY, stroke: INK, strokeWidth: 1, insetTop: 4, insetBottom: 4 }),
      Plot.text(rows, { x: 'count', y: 'name', text: (r: { count: number }) => String(r.count), dx: 8, textAnchor: 'start', fill: INK, fontWeight: 'bold', fontSize: 13 }),
    ],
  }) as unknown as Element;
}

function barsSvg(spec: BarChartSpec, brand: string): Element {
  const values = spec.bars.map((b) => b.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return Plot.plot({
    document: document(),
    className: 'cmp-plot',
    width: 680, height: 40 + 30 * spec.bars.length, marginLeft: 200, marginRight: 90, marginTop: 10, marginBottom: 36,
    x: {
      label: spec.unitLabel, grid: true, nice: true, domain: lo === hi ? [0, 1] : [lo, hi],
      // Counts: at most one tick per whole number, so the step is never below 1.
      ...(spec.counts ? { ticks: Math.min(10, Math.max(1, hi - lo)), tickFormat: 'd' } : {}),
    },
    y: { domain: spec.bars.map((b) => b.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(spec.bars, { x: 'value', y: 'label', fill: (b: BarChartSpec['bars'][number]) => (b.series === 'primary' ? brand : '#ffffff'), stroke: INK, strokeWidth: 1, insetTop: 3, insetBottom: 3 }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.text(spec.bars, { x: 'value', y: 'label', text: 'valueText', dx: 6, textAnchor: 'start', fill: INK, fontSize: 12, fontWeight: 'bold' }),
    ],
  }) as unknown as Element;
}

// Drawing a chart with Plot takes a few milliseconds, and a report with a large compendium has
// hundreds; a report is made several times over (draft, preview, each format, publish) from the same
// figures, so each chart's SVG is kept, by what it is drawn from, for the next time. Bounded, oldest
// dropped first.
const MAX_KEPT = 4000;
const kept = new Map<string, string>();

/** The bare SVG of a chart (for rasterising into Word documents); drawn once per spec and colour. */
export function chartSvg(spec: ChartSpec, brandColour: string): string {
  const key = `${brandColour}\u0000${JSON.stringify(spec)}`;
  const found = kept.get(key);
  if (found !== undefined) return found;
  const svg = drawChartSvg(spec, brandColour);
  kept.set(key, svg);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return svg;
}

function drawChartSvg(spec: ChartSpec, brandColour: string): string {
  const svg = spec.kind === 'trend' ? trendSvg(spec, brandColour) : spec.kind === 'position' ? positionSvg(spec, brandColour) : spec.kind === 'bars' ? barsSvg(spec, brandColour) : summarySvg(spec);
  svg.removeAttribute('aria-label');
  // The figure's headline and description name the chart; Plot's labels on inner groups are not allowed under role="img".
  for (const el of Array.from(svg.querySelectorAll('[aria-label],[aria-description]'))) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('font-size', '13');
  svg.setAttribute('color', INK);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${spec.id}-title ${spec.id}-desc`);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Plot's stylesheet is the same in every chart; keep one copy in the page stylesheet instead.
  svg.querySelector('style')?.remove();
  return svg.outerHTML;
}

/** The most rows a chart's data table has to be kept on one page in print. */
const SHORT_TABLE_ROWS = 12;

export function dataTable(spec: ChartSpec): string {
  const t = spec.table;
  const head = t.head.map((h) => `<th scope="col" class="govuk-table__header">${escapeHtml(h)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr class="govuk-table__row">${r.map((c, i) => i === 0
    ? `<th scope="row" class="govuk-table__header">${escapeHtml(c)}</th>`
    : `<td class="govuk-table__cell">${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  // A short table (a few periods) is printed whole: split, it left a row or two alone on the next page.
  const short = t.rows.length <= SHORT_TABLE_ROWS ? ' cmp-chart-data--short' : '';
  return `<table class="govuk-table cmp-table cmp-chart-data${short}"><caption class="govuk-table__caption govuk-table__caption--s">Data: ${escapeHtml(t.caption)}</caption><thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>`;
}

/** A chart as a complete figure: headline, one-sentence description, SVG, Source line and data table. */
export function renderChart(spec: ChartSpec, options: ChartOptions & { svg?: string }): string {
  const svg = options.svg ?? chartSvg(spec, options.brandColour);
  if (options.svgOnly) return svg;
  const h = `h${options.headingLevel}`;
  return `<figure class="cmp-figure cmp-figure--${spec.kind}" id="${spec.id}" aria-labelledby="${spec.id}-title">
<div class="cmp-figure__keep"><figcaption class="cmp-figure__caption"><${h} class="govuk-heading-s cmp-figure__title" id="${spec.id}-title">${escapeHtml(spec.title)}</${h}>
<p class="govuk-body cmp-figure__description" id="${spec.id}-desc">${escapeHtml(spec.description)}</p></figcaption>
<div class="cmp-figure__chart">${svg}</div>
<p class="govuk-body-s cmp-figure__source">${escapeHtml(spec.source)}</p></div>
<div class="cmp-figure__data">${dataTable(spec)}</div>
</figure>`;
}
