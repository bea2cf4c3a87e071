import { describe, expect, it } from 'vitest';
import { commitmentStanding } from './commitment-standing.js';

const promise = { status: 'open' as const, dueStart: '2020-11-01', dueEnd: '2020-11-30', statusSetOn: null, evidence: 0 };

describe('where a commitment stands on a day', () => {
  it('is overdue from the day after its due date, unless delivered, dropped or evidenced', () => {
    expect(commitmentStanding(promise, '2020-11-30').overdue).toBe(false);
    expect(commitmentStanding(promise, '2020-12-01').overdue).toBe(true);
    expect(commitmentStanding({ ...promise, evidence: 1 }, '2026-12-01').overdue).toBe(false);
    expect(commitmentStanding({ ...promise, status: 'delivered', statusSetOn: '2021-01-10' }, '2026-12-01')).toEqual({ status: 'delivered', overdue: false });
  });
  it('shows the status as it was on the day: one set later is not yet known', () => {
    expect(commitmentStanding({ ...promise, status: 'delivered', statusSetOn: '2021-01-10' }, '2020-03-31')).toEqual({ status: 'open', overdue: false });
  });
});
