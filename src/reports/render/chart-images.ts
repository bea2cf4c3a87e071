// Charts as PNG images for Word: Chromium draws every SVG onto a canvas in one page, which is far
// quicker than a screenshot per chart, and encodes them side by side.
import type { Browser } from 'playwright-core';
import { withBrowser } from './browser.js';

export interface ChartImage {
  id: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** Rasterises SVG strings (each with a viewBox) at the given scale; returns PNGs in the same order. */
export async function svgsToPng(svgs: { id: string; svg: string }[], options: { chromiumPath: string; browser?: Browser; scale?: number }): Promise<ChartImage[]> {
  if (svgs.length === 0) return [];
  // 1.5 × the chart's own size is sharp at the width Word shows it (600px) and keeps the file small.
  const scale = options.scale ?? 1.5;
  return withBrowser(options.chromiumPath, options.browser, async (browser) => {
    const page = await browser.newPage();
    try {
      await page.setContent('<!doctype html><html><body></body></html>');
      const out = await page.evaluate(async ({ items, k }) => {
        // Every chart at once: decoding and PNG encoding (toBlob) run on Chromium's worker threads,
        // so they use every core instead of queueing on the page's one thread.
        return Promise.all(items.map(async (item) => {
          const doc = new DOMParser().parseFromString(item.svg, 'image/svg+xml');
          const root = doc.documentElement;
          const vb = (root.getAttribute('viewBox') ?? '0 0 640 400').split(/\s+/).map(Number);
          const [w, h] = [vb[2], vb[3]];
          root.setAttribute('width', String(w));
          root.setAttribute('height', String(h));
          const text = new XMLSerializer().serializeToString(root);
          const img = new Image();
          img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(w * k);
          canvas.height = Math.round(h * k);
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`chart ${item.id} could not be drawn`))), 'image/png'));
          // (No named helper functions in here: the bundler would wrap them in a name-keeping call the page does not have.)
          const data = await new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          });
          return { id: item.id, data, width: w, height: h };
        }));
      }, { items: svgs, k: scale });
      return out.map((r) => ({ id: r.id, png: new Uint8Array(Buffer.from(r.data, 'base64')), width: r.width, height: r.height }));
    } finally {
      await page.close();
    }
  });
}
