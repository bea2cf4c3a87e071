// Charts as PNG images for Word. resvg draws each chart's SVG in worker threads (one a core), so the
// drawing runs beside the main thread while it writes the document. No browser is needed: only a
// sans-serif font on the machine, found once per process.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RenderToolMissingError } from './errors.js';

export interface ChartImage {
  id: string;
  png: Uint8Array;
}

export interface ChartFont {
  family: string;
  files: string[];
}

/** Raised when no font for the charts' text is installed; the hint names the package. */
export class ChartFontMissingError extends RenderToolMissingError {
  constructor(searched: string[]) {
    super(`No font for the charts' text was found (looked for Liberation Sans, Arial or DejaVu Sans in ${searched.join(', ')}), so the Word file cannot be made`,
      'install one with "apt-get install fonts-liberation", or set CHART_FONT_DIRS to a folder holding LiberationSans-Regular.ttf');
  }
}

/** Folders searched for fonts, most specific first. */
export function fontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env.CHART_FONT_DIRS?.split(path.delimiter).filter(Boolean) ?? [];
  return [
    ...fromEnv,
    path.join(os.homedir(), '.local/share/fonts'), path.join(os.homedir(), '.fonts'),
    '/usr/local/share/fonts', '/usr/share/fonts', '/Library/Fonts', '/System/Library/Fonts/Supplemental', 'C:\\Windows\\Fonts',
  ];
}

// The charts ask for Arial, Helvetica Neue, Helvetica, sans-serif. Liberation Sans has Arial's metrics,
// so labels take the room they were laid out for; DejaVu Sans is wider but always on Debian.
const CANDIDATES: { family: string; regular: string[]; bold: string[] }[] = [
  { family: 'Liberation Sans', regular: ['LiberationSans-Regular.ttf'], bold: ['LiberationSans-Bold.ttf'] },
  { family: 'Arial', regular: ['Arial.ttf', 'arial.ttf'], bold: ['Arial Bold.ttf', 'arialbd.ttf'] },
  { family: 'DejaVu Sans', regular: ['DejaVuSans.ttf'], bold: ['DejaVuSans-Bold.ttf'] },
];

function filesUnder(dir: string, depth = 0, out = new Map<string, string>()): Map<string, string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && depth < 4) filesUnder(full, depth + 1, out);
    else if (!out.has(e.name)) out.set(e.name, full);
  }
  return out;
}

// Liberation Sans has no ✓ ✗ ▲ ▼ ● ◆ ↑: resvg takes those from any other font it was given that has them.
const FALLBACKS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'NotoSansSymbols2-Regular.ttf'];

const found = new Map<string, ChartFont>();
/**
 * The first candidate font with a regular face in the given folders, with its bold face and the
 * fonts that fill in its missing symbols when they are there (remembered per list of folders).
 */
export function findChartFont(dirs: string[] = fontDirs()): ChartFont {
  const key = dirs.join('\n');
  const known = found.get(key);
  if (known) return known;
  const files = new Map<string, string>();
  for (const d of dirs) for (const [name, full] of filesUnder(d)) if (!files.has(name)) files.set(name, full);
  for (const c of CANDIDATES) {
    const regular = c.regular.map((n) => files.get(n)).find(Boolean);
    if (!regular) continue;
    const bold = c.bold.map((n) => files.get(n)).find(Boolean);
    const fallbacks = FALLBACKS.map((n) => files.get(n)).filter((f): f is string => Boolean(f));
    const font = { family: c.family, files: [...new Set([regular, ...(bold ? [bold] : []), ...fallbacks])] };
    found.set(key, font);
    return font;
  }
  throw new ChartFontMissingError(dirs);
}

/** The width and height a chart's SVG declares in its viewBox (Plot always writes one). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg.slice(0, svg.indexOf('>') + 1));
  if (!m) throw new Error('chart SVG has no viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Charts a message: small enough that the threads start early and share the work evenly. */
export const BATCH = 16;

interface WorkerReply { batch: number; images?: ChartImage[]; error?: string }

/**
 * Pixels per SVG unit. Word shows a 680-unit chart 6¼ inches (600 px at 100%) wide, so 1.25 gives
 * 850 px: 136 pixels an inch on paper and 1.4 image pixels a screen pixel. 1.5 was sharper on
 * paper but drew a 519-chart report about a second slower on two cores.
 */
export const CHART_SCALE = 1.25;

/**
 * Charts already drawn in this process, by a digest of their SVG, scale and font: a report made again
 * (a draft, then the published version, then a correction) draws only the charts that changed.
 * Least recently used first out, to at most CACHE_BYTES of PNG.
 */
const drawnCharts = new Map<string, Uint8Array>();
let drawnBytes = 0;
const CACHE_BYTES = 48 * 1024 * 1024;
export const chartCache = { hits: 0, misses: 0, size: () => drawnCharts.size };

function cacheKey(svg: string, scale: number, font: ChartFont): string {
  return createHash('sha256').update(`${scale}\n${font.files.join('\n')}\n${svg}`).digest('base64url');
}

function remember(key: string, png: Uint8Array): void {
  if (drawnCharts.has(key) || png.byteLength > CACHE_BYTES) return;
  drawnCharts.set(key, png);
  drawnBytes += png.byteLength;
  for (const [k, v] of drawnCharts) {
    if (drawnBytes <= CACHE_BYTES) break;
    drawnCharts.delete(k);
    drawnBytes -= v.byteLength;
  }
}

function recall(key: string): Uint8Array | undefined {
  const png = drawnCharts.get(key);
  if (png) {
    drawnCharts.delete(key); // to the back of the queue: recently used
    drawnCharts.set(key, png);
  }
  return png;
}

/**
 * Charts being drawn to PNG in worker threads (one a core), fed in batches as their SVGs are made, so
 * that drawing starts while the rest are still being laid out. With `cache`, charts drawn before in
 * this process are taken from memory, and the threads start only when a chart needs drawing.
 */
export class ChartDrawing {
  private workers: Worker[] = [];
  private readonly batches: Promise<ChartImage[]>[] = [];
  private readonly waiting = new Map<number, { resolve: (images: ChartImage[]) => void; reject: (e: Error) => void; worker: Worker }>();
  private readonly threads: number;
  private readonly scale: number;
  private sent = 0;

  /** expected: about how many charts will come, to decide how many threads are worth starting. */
  constructor(private readonly font: ChartFont, private readonly options: { expected: number; scale?: number; threads?: number; cache?: boolean }) {
    // Below a few dozen charts a second thread costs more to start than it saves; none start for none.
    this.threads = Math.min(options.threads ?? os.availableParallelism(), Math.ceil(options.expected / 24));
    this.scale = options.scale ?? CHART_SCALE;
    if (!options.cache) this.startWorkers();
  }

  private startWorkers(): void {
    if (this.workers.length) return;
    this.workers = Array.from({ length: Math.max(1, this.threads) }, () => {
      const worker = new Worker(new URL('./raster-worker.mjs', import.meta.url), { workerData: { scale: this.scale, font: this.font } });
      worker.on('message', (reply: WorkerReply) => {
        const w = this.waiting.get(reply.batch);
        this.waiting.delete(reply.batch);
        if (reply.error !== undefined) w?.reject(new Error(reply.error));
        else w?.resolve(reply.images!.map((i) => ({ ...i, png: new Uint8Array(i.png.buffer, i.png.byteOffset, i.png.byteLength) })));
      });
      const fail = (e: Error) => {
        for (const [batch, w] of this.waiting) if (w.worker === worker) { this.waiting.delete(batch); w.reject(e); }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the chart drawing thread stopped with code ${code}`)));
      return worker;
    });
  }

  /** Queues charts for drawing, in batches of BATCH that the threads take in turn. */
  add(charts: { id: string; svg: string }[]): void {
    if (charts.length && !this.threads) throw new Error('charts were added to a drawing started for none');
    for (let i = 0; i < charts.length; i += BATCH) {
      const items = charts.slice(i, i + BATCH);
      if (!this.options.cache) {
        this.batches.push(this.draw(items));
        continue;
      }
      const keys = items.map((c) => cacheKey(c.svg, this.scale, this.font));
      const known = keys.map(recall);
      const missing = items.filter((_, j) => !known[j]);
      chartCache.hits += items.length - missing.length;
      chartCache.misses += missing.length;
      const drawn = missing.length ? this.draw(missing) : Promise.resolve([]);
      this.batches.push(drawn.then((images) => {
        const byId = new Map(images.map((img) => [img.id, img.png]));
        return items.map((c, j) => {
          const png = known[j] ?? byId.get(c.id)!;
          if (!known[j]) remember(keys[j], png);
          return { id: c.id, png };
        });
      }));
      this.batches[this.batches.length - 1].catch(() => undefined);
    }
  }

  /** Sends one batch to the next thread. */
  private draw(items: { id: string; svg: string }[]): Promise<ChartImage[]> {
    this.startWorkers();
    const batch = this.sent++;
    const worker = this.workers[batch % this.workers.length];
    const images = new Promise<ChartImage[]>((resolve, reject) => this.waiting.set(batch, { resolve, reject, worker }));
    images.catch(() => undefined); // reported by done(), not as an unhandled rejection meanwhile
    worker.postMessage({ batch, items });
    return images;
  }

  /** Every chart queued, in the order queued; the threads are stopped whether or not all went well. */
  async done(): Promise<ChartImage[]> {
    try {
      return (await Promise.all(this.batches)).flat();
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Draws SVG strings (each with a viewBox) at the given scale; returns PNGs in the same order. */
export async function svgsToPng(svgs: { id: string; svg: string }[], options: { scale?: number; font?: ChartFont; threads?: number } = {}): Promise<ChartImage[]> {
  if (svgs.length === 0) return [];
  const drawing = new ChartDrawing(options.font ?? findChartFont(), { expected: svgs.length, scale: options.scale, threads: options.threads });
  drawing.add(svgs);
  return drawing.done();
}
