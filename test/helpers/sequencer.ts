// The order test files are handed to the two workers: costliest first, by the time each held its worker in a
// recorded run (test/file-costs.jsonl, the lines `COMPENDIUM_TEST_TIMES=test/file-costs.jsonl npm test`
// writes). Each worker takes the next file when it is free, so with the heavy files first both end
// within a light file of each other. Without it, a clean clone (no vitest cache) runs the largest
// files first, and short but costly ones (the CLI's) came last, one worker finishing alone.
// A file not in the table (new since it was recorded) comes after those in it, the larger first
// (vitest's own guess without a cache): new tests are expected to be light (docs/decisions.md §3).
import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const TABLE = path.resolve(import.meta.dirname, '../file-costs.jsonl');

/**
 * Each recorded file's cost in milliseconds: how long it held its worker (loading and tests), or its
 * CPU where that was more. A file that waits on Chromium or a command it started holds its worker
 * for longer than its own CPU says, and it is the time held that the two workers must share evenly.
 */
export function recordedCosts(text: string): Map<string, number> {
  const costs = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { file: string; load?: number; tests: number; cpu?: number };
    costs.set(r.file, Math.max((r.load ?? 0) + r.tests, r.cpu ?? 0));
  }
  return costs;
}

/** Files in the order to run them: by recorded cost, costliest first, then those not recorded, largest first. */
export function costliestFirst<T>(files: T[], name: (f: T) => string, costs: Map<string, number>, size: (f: T) => number): T[] {
  const key = (f: T): [number, number] => (costs.has(name(f)) ? [1, costs.get(name(f))!] : [0, size(f)]);
  return [...files].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return kb[0] - ka[0] || kb[1] - ka[1] || name(a).localeCompare(name(b));
  });
}

export default class CostliestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const costs = fs.existsSync(TABLE) ? recordedCosts(fs.readFileSync(TABLE, 'utf8')) : new Map<string, number>();
    const root = this.ctx.config.root;
    const size = (f: TestSpecification) => { try { return fs.statSync(f.moduleId).size; } catch { return 0; } };
    return costliestFirst(files, (f) => path.relative(root, f.moduleId).split(path.sep).join('/'), costs, size);
  }
}
