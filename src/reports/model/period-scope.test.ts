import { describe, expect, it } from 'vitest';
import { commitmentsForPeriod, historiesToPeriod, judgedOn } from './period-scope.js';
import type { IndicatorHistory } from '../../domain/index.js';

const promise = (id: string, periodKey: string | null, dueEnd: string, extra: Partial<{ status: 'open' | 'delivered'; statusSetOn: string }> = {}) =>
  ({ id, periodKey, dueStart: dueEnd, dueEnd, status: 'open' as const, statusSetOn: null, ...extra });

describe('a report kept to its period', () => {
  it('lists promises made in or before the period, with the status they had at its end', () => {
    const all = [promise('a', 'FY2019-20', '2020-11-30'), promise('b', 'FY2023-24', '2026-06-30'), promise('c', null, '2019-12-31'), promise('d', 'FY2019-20', '2021-05-31', { status: 'delivered', statusSetOn: '2021-06-01' })];
    const in2019 = commitmentsForPeriod(all, 'FY2019-20', '2026-12-07');
    expect(in2019.map((c) => [c.id, c.status])).toEqual([['a', 'open'], ['c', 'late'], ['d', 'open']]);
    const in2023 = commitmentsForPeriod(all, 'FY2023-24', '2026-12-07', new Map([['a', 1]]));
    expect(in2023.map((c) => [c.id, c.status])).toEqual([['a', 'open'], ['b', 'open'], ['c', 'late'], ['d', 'delivered']]);
    expect(judgedOn('FY2026-27', '2026-12-07')).toBe('2026-12-07');
  });
  it('cuts each indicator\'s series at the period', () => {
    const point = (periodKey: string) => ({ periodKey, value: 1, target: null, n: 1, median: null, q1: null, q3: null });
    const h = { x: { points: [point('FY2018-19'), point('FY2019-20'), point('FY2020-21')] } as unknown as IndicatorHistory };
    expect(historiesToPeriod(h, 'FY2019-20').x.points.map((p) => p.periodKey)).toEqual(['FY2018-19', 'FY2019-20']);
  });
});
