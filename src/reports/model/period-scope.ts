// A report kept to its period: the commitments made in or before it, each with the status it had on
// the period's last day (or today, if that is earlier), a promise past due shown as late; and each
// indicator's series ending at the period. Pure.
import { commitmentStanding, comparePeriodKeys, periodFromKey, type CommitmentStatus, type IndicatorHistory } from '../../domain/index.js';

export interface ScopedCommitment {
  periodKey: string | null;
  status: CommitmentStatus;
  dueStart: string | null;
  dueEnd: string | null;
  statusSetOn: string | null;
}

/** The day a period's statuses are judged on: its last day, or today when the period is not over. */
export function judgedOn(periodKey: string, today: string): string {
  const end = periodFromKey(periodKey)?.end ?? today;
  return end < today ? end : today;
}

/** Whether something of period `key` (none: undated) belongs to an output for `periodKey`: it is in or before it. */
export const inOrBefore = (key: string | null, periodKey: string) => key === null || !periodFromKey(key) || comparePeriodKeys(key, periodKey) <= 0;

/** The commitments made in or before the period, with their status then; evidence counts by commitment id. */
export function commitmentsForPeriod<C extends ScopedCommitment & { id: string }>(all: C[], periodKey: string, today: string, evidence: Map<string, number> = new Map()): C[] {
  const day = judgedOn(periodKey, today);
  return all.filter((c) => inOrBefore(c.periodKey, periodKey)).map((c) => {
    const standing = commitmentStanding({ ...c, evidence: evidence.get(c.id) ?? 0 }, day);
    return { ...c, status: standing.overdue && standing.status === 'open' ? 'late' : standing.status };
  });
}

/** Each indicator's series cut at the period: no point after it. */
export function historiesToPeriod(histories: Record<string, IndicatorHistory>, periodKey: string): Record<string, IndicatorHistory> {
  return Object.fromEntries(Object.entries(histories).map(([id, h]) => [id, { ...h, points: h.points.filter((p) => inOrBefore(p.periodKey, periodKey)) }]));
}
