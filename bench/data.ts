// Deterministic synthetic benchmarking data: 250 indicators × every current English council in
// the reference areas × 12 financial years (~950,000 values, ~3 % blank), with realistic spreads
// (a lasting position per council, a slow trend, year-to-year noise). The same seed always gives
// the same file. Used by bench/benchmarking.ts and by anyone who needs a big workspace to try.
import fs from 'node:fs';
import { financialYear } from '../src/domain/index.js';
import type { Services } from '../src/services/index.js';
import type { ObservationImportOptions, ObservationImportResult } from '../src/services/observations.js';
import { readReferenceAreas } from '../src/store/queries/loadReferenceAreas.js';

export interface BenchmarkDataOptions {
  indicators?: number;
  periods?: number;
  /** Share of values left blank (missing). */
  missing?: number;
  seed?: number;
}

export interface BenchmarkDataSummary {
  file: string;
  rows: number;
  indicators: number;
  areas: number;
  periods: string[];
  bytes: number;
}

/** Small, fast, seedable generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNCIL_TYPES = new Set(['county', 'district', 'unitary', 'metropolitan-district', 'london-borough']);

/** Every current English council in the reference areas (City of London included). */
export function benchmarkAreas(): string[] {
  return readReferenceAreas()
    .filter((a) => a.nation === 'England' && !a.endDate && (COUNCIL_TYPES.has(a.type) || a.code === 'E09000001'))
    .map((a) => a.code);
}

const KINDS = [
  { unit: 'percent', mean: 62, spread: 0.15, decimals: 1, max: 100 },
  { unit: 'rate per 100000', mean: 480, spread: 0.3, decimals: 1, max: Infinity },
  { unit: 'count', mean: 1200, spread: 0.5, decimals: 0, max: Infinity },
  { unit: 'days', mean: 38, spread: 0.25, decimals: 1, max: Infinity },
  { unit: '£ per head', mean: 310, spread: 0.2, decimals: 2, max: Infinity },
] as const;

/** Writes the synthetic values as a long CSV (period, area, indicator, title, polarity, value). */
export function writeBenchmarkCsv(file: string, options: BenchmarkDataOptions = {}): BenchmarkDataSummary {
  const { indicators = 250, periods = 12, missing = 0.03, seed = 20240401 } = options;
  const rand = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const areas = benchmarkAreas();
  const periodKeys = Array.from({ length: periods }, (_, i) => financialYear(2024 - periods + i).key);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'period,area,indicator,title,polarity,value\n');
  let rows = 0;
  let bytes = 0;
  for (let k = 0; k < indicators; k++) {
    const kind = KINDS[k % KINDS.length];
    const code = `BM${String(k + 1).padStart(3, '0')}`;
    const polarity = k % 20 < 9 ? 'desc' : k % 20 < 17 ? 'asc' : 'None';
    const title = `Synthetic measure ${k + 1} (${kind.unit})`;
    const drift = normal() * 0.015; // shared trend per year, as a share of the mean
    const lines: string[] = [];
    for (const area of areas) {
      const position = normal() * kind.spread; // where this council sits, lasting over the years
      const own = normal() * 0.01; // its own trend
      for (let p = 0; p < periods; p++) {
        let value = '';
        if (rand() >= missing) {
          const x = kind.mean * (1 + position + (drift + own) * p + normal() * kind.spread * 0.1);
          value = Math.min(kind.max, Math.max(0, x)).toFixed(kind.decimals);
        }
        lines.push(`${periodKeys[p]},${area},${code},${title},${polarity},${value}`);
      }
    }
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    fs.writeSync(fd, chunk);
    rows += lines.length;
  }
  fs.closeSync(fd);
  return { file, rows, indicators, areas: areas.length, periods: periodKeys, bytes };
}

/** Imports a file written by writeBenchmarkCsv into a workspace, through the ordinary bulk import. */
export function loadBenchmarkCsv(s: Pick<Services, 'observations'>, file: string, options: Pick<ObservationImportOptions, 'onProgress' | 'userId'> = {}): Promise<ObservationImportResult> {
  return s.observations.import(file, { ...options, polarityFrom: 'polarity' });
}
