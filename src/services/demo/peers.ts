// Invented indicator values for the real councils in the demo's peer group: repeatable (seeded by
// council and indicator code), spread around a centre with a yearly drift, with a few gaps.
import type { DemoIndicator } from './schema.js';

/** FNV-1a hash of a string, as a 32-bit seed. */
function seed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator; the same seed always gives the same numbers. */
function generator(s: number): () => number {
  let a = s;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly normal, mean 0 and standard deviation 1 (sum of uniforms). */
const normal = (next: () => number) => (next() + next() + next() + next() - 2) * Math.sqrt(3);

export interface PeerValue {
  periodKey: string;
  value: number | null;
}

/**
 * One peer's series for one indicator. A council keeps its place in the spread from year to year
 * (its own offset) with some year-to-year noise. About one value in 30 is missing, and about one
 * council in five has not yet published the latest period.
 */
export function peerSeries(indicator: DemoIndicator, areaCode: string, periods: string[]): PeerValue[] {
  const next = generator(seed(`${indicator.code}:${areaCode}`));
  const { centre, spread, drift, min = -Infinity, max = Infinity } = indicator.peers;
  const offset = normal(next);
  const scale = 10 ** indicator.decimalPlaces;
  return periods.map((periodKey, i) => {
    const noise = normal(next) * 0.3;
    const gap = next();
    const latest = i === periods.length - 1;
    if (gap < 1 / 30 || (latest && gap > 0.8)) return { periodKey, value: null };
    const raw = centre + drift * i + (offset + noise) * spread;
    const value = Math.round(Math.min(max, Math.max(min, raw)) * scale) / scale;
    return { periodKey, value };
  });
}
