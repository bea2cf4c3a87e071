import { describe, expect, it } from 'vitest';
import { costliestFirst, recordedCosts } from './sequencer.js';

describe('the order of test files', () => {
  it('puts recorded files first by the time they held their worker (their CPU where more), then the rest largest first', () => {
    const costs = recordedCosts([
      '{"file":"a.test.ts","load":5,"tests":900,"cpu":300}',
      '{"file":"b.test.ts","load":5,"tests":100,"cpu":2000}',
      '',
      '{"file":"c.test.ts","load":5,"tests":700}',
    ].join('\n'));
    expect([...costs]).toEqual([['a.test.ts', 905], ['b.test.ts', 2000], ['c.test.ts', 705]]);
    const sizes: Record<string, number> = { 'a.test.ts': 1, 'b.test.ts': 1, 'c.test.ts': 1, 'new-small.test.ts': 10, 'new-big.test.ts': 5000 };
    const order = costliestFirst(Object.keys(sizes), (f) => f, costs, (f) => sizes[f]);
    expect(order).toEqual(['b.test.ts', 'a.test.ts', 'c.test.ts', 'new-big.test.ts', 'new-small.test.ts']);
  });
});
