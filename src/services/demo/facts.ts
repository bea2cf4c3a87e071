// Short ways to write an entry's facts in the demo content: the words as they appear, and their meaning.
import type { DemoFact } from './types.js';

type Extra = Pick<DemoFact, 'approximate' | 'occurrence' | 'valueMax'>;

export const money = (text: string, pounds: number, extra: Extra = {}): DemoFact => ({ text, kind: 'money', value: pounds, unit: '£', ...extra });
export const count = (text: string, value: number, unit: string, extra: Extra = {}): DemoFact => ({ text, kind: 'count', value, unit, ...extra });
export const percent = (text: string, value: number, extra: Extra = {}): DemoFact => ({ text, kind: 'percent', value, unit: '%', ...extra });
export const duration = (text: string, days: number, extra: Extra = {}): DemoFact => ({ text, kind: 'duration', value: days, unit: 'days', ...extra });
/** A day, or a month or season written as one ("March 2024"): the span of days it covers. */
export const date = (text: string, dateStart: string, dateEnd = dateStart, extra: Extra = {}): DemoFact => ({ text, kind: 'date', value: null, unit: 'date', dateStart, dateEnd, ...extra });
/** A stretch of time such as "2023/24" or "over the next three years". */
export const period = (text: string, dateStart: string, dateEnd: string, extra: Extra = {}): DemoFact => ({ text, kind: 'period', value: null, unit: 'period', dateStart, dateEnd, ...extra });
