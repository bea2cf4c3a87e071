// The years a Strategic Plan is in force, and how plans of one workspace relate through them: which
// plan a period belongs to, and whether two plans' years overlap. A plan "2018–2022" runs from
// 1 April 2018 to 31 March 2022 (UK financial years). Pure.
import { slugify } from './model.js';

export interface PlanSpan {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
}

/** "2018–2022": the years a plan is in force, as people write them. */
export function planYearsLabel(p: { startDate: string; endDate: string }): string {
  return `${p.startDate.slice(0, 4)}–${p.endDate.slice(0, 4)}`;
}

/** The dates of a plan in force from April of `startYear` to March of `endYear`. */
export function planDates(startYear: number, endYear: number): { startDate: string; endDate: string } {
  return { startDate: `${startYear}-04-01`, endDate: `${endYear}-03-31` };
}

/**
 * Years written in a plan's title or options: "2018-22", "2018–2022", "2022 to 2026". Undefined
 * when there is no pair of years, or the second is not after the first (within 12 years).
 */
export function yearsFromTitle(text: string): { startYear: number; endYear: number } | undefined {
  const m = /\b((?:19|20)\d{2})\s?(?:[-–/]|to)\s?((?:19|20)?\d{2})\b/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2].length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
  return b > a && b - a <= 12 ? { startYear: a, endYear: b } : undefined;
}

/** "a four-year Strategic Plan … to 2022" in a report's text: the plan's years. */
export function yearsFromText(text: string): { startYear: number; endYear: number } | undefined {
  const words: Record<string, number> = { three: 3, four: 4, five: 5, ten: 10, '3': 3, '4': 4, '5': 5, '10': 10 };
  const m = /\b(three|four|five|ten|[3-5]|10)[-\s]year\s(?:[A-Za-z]+\s){0,6}?(?:Strategic\s)?Plan\b[^.]{0,120}?\b(?:to|until|up\sto)\s((?:19|20)\d{2})\b/i.exec(text);
  if (!m) return undefined;
  const end = Number(m[2]);
  return { startYear: end - words[m[1].toLowerCase()], endYear: end };
}

/** The plan whose years hold the period (by its last day, then its first). */
export function planInForce<P extends PlanSpan>(plans: P[], period: { start: string; end: string }): P | undefined {
  const holds = (p: P, day: string) => p.startDate <= day && day <= p.endDate;
  return plans.find((p) => holds(p, period.end)) ?? plans.find((p) => holds(p, period.start));
}

/** The first plan whose years overlap the candidate's (a plan never overlaps itself). */
export function overlappingPlan<P extends PlanSpan>(plans: P[], candidate: { id?: string; startDate: string; endDate: string }): P | undefined {
  return plans.find((p) => p.id !== candidate.id && p.startDate <= candidate.endDate && candidate.startDate <= p.endDate);
}

/** Each plan's slug: its title's, numbered by start date where two titles give the same one. */
export function planSlugs<P extends PlanSpan>(plans: P[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of [...plans].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))) {
    const base = slugify(p.title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(p.id, slug);
  }
  return out;
}

/** The plan a person named by its id, its slug or its exact title (any case); undefined when none. */
export function findPlanByRef<P extends PlanSpan>(plans: P[], ref: string): P | undefined {
  const wanted = ref.trim();
  const slugs = planSlugs(plans);
  return plans.find((p) => p.id === wanted)
    ?? plans.find((p) => slugs.get(p.id) === wanted.toLowerCase())
    ?? plans.find((p) => p.title.trim().toLowerCase() === wanted.toLowerCase());
}
