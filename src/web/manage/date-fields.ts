// Dates typed the GOV.UK way: day, month and year in three boxes, read back into one ISO date, with
// one message for the group when they do not make a real date.
import type { FormErrors } from './render.js';

/** Marks a typed date that is not a real one: the service refuses it, the form shows the boxes as typed. */
const NOT_A_DATE = 'not-a-date:';

export interface TypedDate {
  /** The ISO date, '' when all three boxes are empty, or the boxes as typed (marked) when not a date. */
  value: string;
  /** What is wrong, in words, for the whole group. */
  problem?: string;
}

/**
 * Reads `NAME-day`, `NAME-month` and `NAME-year`. A form that posts one `NAME` field instead (a
 * script, an older page) is read as it is.
 */
export function typedDate(get: (key: string) => string, name: string, label: string): TypedDate {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => get(`${name}-${part}`).trim());
  if (!day && !month && !year) return { value: get(name).trim() };
  const typed = `${NOT_A_DATE}${year}-${month}-${day}`;
  const missing = [['a day', day], ['a month', month], ['a year', year]].filter(([, v]) => !v).map(([w]) => w);
  if (missing.length) return { value: typed, problem: `${label} must include ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { value: typed, problem: `${label} must be in numbers, such as 31 3 2025` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { value: typed, problem: `${label} must be a real date, such as 31 3 2025` };
  return { value: iso };
}

/** The day, month and year to show in the boxes: from an ISO date or from what was typed. */
export function dateParts(value: string | null | undefined): { day: string; month: string; year: string } {
  const text = (value ?? '').startsWith(NOT_A_DATE) ? (value ?? '').slice(NOT_A_DATE.length) : value ?? '';
  const [year = '', month = '', day = ''] = text.split('-');
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text);
  return { day: iso ? String(Number(day)) : day, month: iso ? String(Number(month)) : month, year };
}

/** Puts the group's own message in place of the service's for a date field (one message, the same place). */
export function withDateProblem(errors: FormErrors, name: string, date: TypedDate): FormErrors {
  if (!date.problem) return errors;
  const text = date.problem;
  const summary = errors.summary.some((x) => x.href === `#${name}`)
    ? errors.summary.map((x) => (x.href === `#${name}` ? { text, href: x.href } : x))
    : [...errors.summary, { text, href: `#${name}` }];
  return { summary, field: { ...errors.field, [name]: { text } } };
}
