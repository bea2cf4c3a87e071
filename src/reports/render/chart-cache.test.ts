// A report made again (draft, published version, correction) takes the charts it drew before from
// memory: the same PNG bytes, drawn once; a different scale or chart is drawn afresh.
import { describe, expect, it } from 'vitest';
import { ChartDrawing, chartCache, findChartFont } from './chart-images.js';

// The run's own mark in an attribute makes the charts new to this process; the label is what is drawn.
const chart = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg" data-run="${label}" viewBox="0 0 60 30" font-family="Arial, sans-serif" font-size="12"><rect x="2" y="2" width="40" height="20" fill="#1d70b8"/><text x="4" y="28">${label.split('-').pop()}</text></svg>`;

async function draw(labels: string[], scale?: number) {
  const drawing = new ChartDrawing(findChartFont(), { expected: labels.length, cache: true, scale });
  drawing.add(labels.map((l) => ({ id: `chart-${l}`, svg: chart(l) })));
  return drawing.done();
}

describe('charts drawn before', () => {
  it('are taken from memory with the same bytes, and only new charts are drawn', async () => {
    const unique = `${process.pid}-${Date.now()}`;
    const labels = Array.from({ length: 20 }, (_, i) => `${unique}-${i}`);
    const before = { ...chartCache };
    const first = await draw(labels);
    expect(chartCache.misses - before.misses).toBe(20);
    const again = await draw([...labels.slice(0, 19), `${unique}-new`]);
    expect(chartCache.hits - before.hits).toBe(19);
    expect(chartCache.misses - before.misses).toBe(21);
    expect(again.map((i) => i.id)).toEqual([...labels.slice(0, 19), `${unique}-new`].map((l) => `chart-${l}`));
    for (let i = 0; i < 19; i++) expect(Buffer.from(again[i].png).equals(Buffer.from(first[i].png))).toBe(true);
    expect(Buffer.from(again[19].png).equals(Buffer.from(first[19].png))).toBe(false);
    // Another scale is another picture.
    const bigger = await draw(labels.slice(0, 1), 2);
    expect(chartCache.misses - before.misses).toBe(22);
    expect(bigger[0].png.byteLength).toBeGreaterThan(first[0].png.byteLength);
  });
});
