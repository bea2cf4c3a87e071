import { describe, expect, it } from 'vitest';
import * as compendium from './index.js';

describe('library surface', () => {
  it('offers periods, statistics, text analysis and the report model without the store', () => {
    expect(compendium.formatPeriod(compendium.periodFromKey('FY2023-24')!, 'short')).toBe('2023/24');
    expect(compendium.stats.quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    const facts = compendium.text.findFacts('We planted 437,000 trees for £5.2m.');
    expect(facts.map((f) => [f.kind, f.value])).toEqual([['count', 437000], ['money', 5_200_000]]);
    expect(typeof compendium.reportModel.buildReportModel).toBe('function');
  });
});
