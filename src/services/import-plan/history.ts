// An import's place in the council's history, decided without the database: which plan a report
// goes into (the one in force in its year), the new plan's years, the one-sentence refusals (no year,
// overlapping years, a period already reported), and the rows' period and plan-end due dates.
import { financialYear, overlappingPlan, periodFromKey, planDates, planInForce, planYearsLabel, yearsFromText, yearsFromTitle, type PlanSpan } from '../../domain/index.js';
import { periodLabel as periodLabelOf } from '../../present/format.js';
import type { ParsedReport } from '../../ingest/report/parse.js';
import type { ImportPlan } from './types.js';

/** The sentence asking for the year, when neither the options, the file name nor the text gave it. */
export function missingYearProblem(name: string, report: ParsedReport): string | undefined {
  if (report.periodSource !== 'none') return undefined;
  return `${name}: cannot tell which year the report covers from its name or text: give it with --year (the year it was published, e.g. --year 2020) or --period (e.g. --period 2019/20)`;
}

/** The years of a new plan: asked for ("2018-2022"), in its title ("Strategic Plan 2018-22"), in the report ("a four-year plan … to 2022"). */
export function newPlanYears(input: { title: string; years?: string; report?: ParsedReport; reportText?: string }): { startDate: string; endDate: string } | undefined {
  if (input.years !== undefined) {
    const y = yearsFromTitle(input.years);
    if (!y) throw new RangeError(`--years must be two years such as 2018-2022, not "${input.years}"`);
    return planDates(y.startYear, y.endYear);
  }
  const y = yearsFromTitle(input.title) ?? (input.reportText ? yearsFromText(input.reportText) : undefined);
  if (!y) return undefined;
  // A plan read off the report must hold the year the report covers; otherwise the guess is wrong.
  const dates = planDates(y.startYear, y.endYear);
  const covered = input.report ? periodFromKey(input.report.periodKey) : undefined;
  return !covered || planInForce([{ id: '', title: '', ...dates }], covered) ? dates : undefined;
}

/** The sentence refusing a plan whose years overlap another's. */
export function overlapSentence(plans: PlanSpan[], candidate: { title: string; startDate: string; endDate: string }): string | undefined {
  const other = overlappingPlan(plans, candidate);
  return other && `The plan "${candidate.title}" (${planYearsLabel(candidate)}) overlaps the years of "${other.title}" (${planYearsLabel(other)}): a workspace's plans may not overlap, so choose other years`;
}

/** The plan in force in the report's period, or the sentence saying there is none. */
export function planForPeriod<P extends PlanSpan>(plans: P[], periodKey: string): { plan: P } | { problem: string } {
  const period = periodFromKey(periodKey) ?? financialYear(Number(periodKey.slice(2, 6)));
  const plan = planInForce(plans, period);
  if (plan) return { plan };
  if (!plans.length) return { problem: 'The workspace has no plan to import into: use --new-plan TITLE to make one from this report' };
  const known = plans.map((p) => `"${p.title}" ${planYearsLabel(p)}`).join(', ');
  return { problem: `No plan is in force in ${periodLabelOf(periodKey)} (the plans are ${known}): use --new-plan TITLE to start the plan this report belongs to, or --plan to choose one` };
}

/** A warning when a report is put into a plan whose years do not hold its period. */
export function outsidePlanWarning(plan: PlanSpan, periodKey: string): string | undefined {
  const period = periodFromKey(periodKey);
  if (!period || planInForce([plan], period)) return undefined;
  return `the report covers ${periodLabelOf(periodKey)}, outside the years of the plan "${plan.title}" (${planYearsLabel(plan)}): it may belong to another plan (see compendium plans list)`;
}

/** Stamps each write with its period, and gives promises without a date the plan's end as their due date. */
export function stampHistory(planned: ImportPlan, plan: { endDate: string }): void {
  for (const w of planned.writes) {
    const periodKey = w.audit.periodKey as string;
    w.rows.document.periodKey = periodKey;
    for (const c of w.rows.commitments) {
      c.periodKey = periodKey;
      if (!c.dueStart && !c.dueEnd) {
        c.dueStart = plan.endDate;
        c.dueEnd = plan.endDate;
        c.dueBasis = 'plan-end';
        c.dueText ??= 'by the end of the plan';
      }
    }
  }
}
