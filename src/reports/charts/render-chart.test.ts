import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { buildReportModel, type PositionChartSpec, type TrendChartSpec } from '../model/index.js';
import { chartSvg, renderChart } from './index.js';

const model = buildReportModel(fixtureInput());
const charts = model.compendium!.charts;
const trend = charts.find((c): c is TrendChartSpec => c.kind === 'trend')!;
const position = charts.find((c): c is PositionChartSpec => c.kind === 'position')!;
const svgOf = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg')!;
const translateY = (el: Element) => Number(/translate\([^,]+,([^)]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1] ?? 0);
const texts = (svg: Element) => Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);

describe('charts', () => {
  it('labels the council, the group median and the target on the trend chart itself', () => {
    const svg = svgOf(chartSvg(trend, '#2b5329'));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('[aria-label]').length).toBe(0);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Fenmarsh', 'Group median', 'Target', 'Middle half of group', '2019/20', '2023/24']));
    // Distinct line styles, so the lines can be told apart without colour.
    const dashes = Array.from(svg.querySelectorAll('[stroke-dasharray]')).map((g) => g.getAttribute('stroke-dasharray'));
    expect(new Set(dashes)).toEqual(new Set(['7,4', '2,3']));
  });

  it('keeps end labels at least 15px apart even when the lines end close together', () => {
    const close: TrendChartSpec = { ...trend, points: trend.points.map((p) => ({ ...p, value: 50, median: 50.1, target: 49.9 })) };
    const ys = Array.from(svgOf(chartSvg(close, '#2b5329')).querySelectorAll('text'))
      .filter((t) => ['Fenmarsh', 'Group median', 'Target'].includes(t.textContent ?? ''))
      // Plot puts a label's own position on the text and its nudge (dy) on the group around it.
      .map((t) => translateY(t) + translateY(t.parentElement!))
      .sort((a, b) => a - b);
    expect(ys).toHaveLength(3);
    expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(14.9);
    expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(14.9);
  });

  it('names every council in a small group and picks out this council by shape and label', () => {
    const svg = svgOf(chartSvg(position, '#2b5329'));
    expect(texts(svg)).toEqual(expect.arrayContaining(['Ashcombe', 'Greyhithe', '◆ Fenmarsh', 'Group median']));
  });

  it('shows a large group as a strip with only this council named', () => {
    const many: PositionChartSpec = {
      ...position,
      members: Array.from({ length: 40 }, (_, i) => ({ code: `C${i}`, name: i === 7 ? 'Fenmarsh' : `Council ${i}`, value: 80 - i, highlighted: i === 7 })),
    };
    const labels = texts(svgOf(chartSvg(many, '#2b5329')));
    expect(labels).toContain('◆ Fenmarsh');
    expect(labels.filter((t) => t?.startsWith('Council '))).toEqual([]);
  });

  it('wraps a chart in a figure with its headline at the given level, its reading, source and data', () => {
    const d = parseHTML(`<!doctype html><html><body>${renderChart(position, { brandColour: '#2b5329', headingLevel: 5 })}</body></html>`).document;
    const figure = d.querySelector('figure')!;
    expect(figure.querySelector('h5')!.textContent).toBe(position.title);
    expect(figure.querySelector('.cmp-figure__description')!.textContent).toBe(position.description);
    expect(figure.querySelector('.cmp-figure__source')!.textContent).toBe(position.source);
    expect(figure.querySelectorAll('table tbody tr').length).toBe(position.members.length);
    // Print layout hooks: the kind of chart, the table in its own block, short tables marked to print whole.
    expect(figure.classList.contains('cmp-figure--position')).toBe(true);
    expect(figure.querySelector('.cmp-figure__data > table.cmp-chart-data')).not.toBeNull();
    expect(figure.querySelector('table')!.classList.contains('cmp-chart-data--short')).toBe(position.table.rows.length <= 12);
  });
});

describe('bar charts of counts', () => {
  const bars = (counts: boolean | undefined, values: number[]) => ({
    kind: 'bars' as const, id: 'chart-counts', unitLabel: 'Commitments', title: 't', description: 'd', source: 's', counts,
    bars: values.map((v, i) => ({ label: `Month ${i + 1}`, value: v, valueText: String(v), series: 'primary' as const })),
    table: { caption: 'c', head: ['Month', 'Commitments'], rows: [] },
  });
  // The x axis's tick labels are the texts Plot sets below their tick (y="0.71em").
  const axis = (svg: Element) => Array.from(svg.querySelectorAll('text[y="0.71em"]')).map((t) => t.textContent);

  it('marks the axis in whole numbers only, however small the largest count', () => {
    expect(axis(svgOf(chartSvg(bars(true, [1, 0, 0]), '#2b5329')))).toEqual(['0', '1']);
    expect(axis(svgOf(chartSvg(bars(true, [3, 1]), '#2b5329')))).toEqual(['0', '1', '2', '3']);
    // Money and other amounts keep their fractional steps.
    expect(axis(svgOf(chartSvg(bars(undefined, [1, 0]), '#2b5329')))).toContain('0.2');
  });
});
