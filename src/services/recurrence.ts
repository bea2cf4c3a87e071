// Duties that repeat: monthly, quarterly or annually, the next period's duty follows from this one.
// Pure: what the next duty is; the reminder service decides when to create it.
import { nextPeriod, periodFromKey, type PeriodKind } from '../domain/index.js';

export const REPEATS = ['monthly', 'quarterly', 'annually'] as const;
export type Repeats = (typeof REPEATS)[number];

const MONTHS: Record<Repeats, number> = { monthly: 1, quarterly: 3, annually: 12 };
const KINDS: Record<Repeats, PeriodKind[]> = {
  monthly: ['month'],
  quarterly: ['financial-quarter'],
  annually: ['financial-year', 'academic-year', 'calendar-year', 'date'],
};

/** Why a period cannot repeat so (a monthly duty for a year, say), or null when it can. */
export function repeatProblem(periodKey: string, repeats: Repeats): string | null {
  const p = periodFromKey(periodKey);
  if (!p) return 'Enter a period such as Q1 2024/25';
  if (KINDS[repeats].includes(p.kind)) return null;
  const fits = (Object.keys(KINDS) as Repeats[]).find((r) => KINDS[r].includes(p.kind));
  return `A duty for ${periodKey} repeats ${fits ?? 'annually'}, not ${repeats}: choose ${fits ?? 'annually'}, or a ${repeats === 'monthly' ? 'month' : repeats === 'quarterly' ? 'quarter' : 'year'} as the period`;
}

/** The same day some months later, kept within the month (31 January + 1 month is 28 or 29 February). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const idx = y * 12 + (m - 1) + months;
  const year = Math.floor(idx / 12);
  const month = (idx % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The next period's key and due date of a repeating duty. */
export function nextDuty(d: { periodKey: string; dueDate: string; repeats: Repeats }): { periodKey: string; dueDate: string } {
  const p = periodFromKey(d.periodKey);
  if (!p) throw new RangeError(`"${d.periodKey}" is not a period key`);
  return { periodKey: nextPeriod(p).key, dueDate: addMonths(d.dueDate, MONTHS[d.repeats]) };
}
