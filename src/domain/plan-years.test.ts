import { describe, expect, it } from 'vitest';
import { findPlanByRef, overlappingPlan, planDates, planInForce, planSlugs, planYearsLabel, yearsFromText, yearsFromTitle } from './plan-years.js';
import { financialYear } from './period.js';

const p2018 = { id: 'a', title: 'Strategic Plan 2018-22', ...planDates(2018, 2022) };
const p2022 = { id: 'b', title: 'Strategic Plan 2022-26', ...planDates(2022, 2026) };

describe('plan years', () => {
  it('reads years from a title and from a report\'s words', () => {
    expect(yearsFromTitle('Strategic Plan 2018-22')).toEqual({ startYear: 2018, endYear: 2022 });
    expect(yearsFromTitle('Plan 2022 to 2026')).toEqual({ startYear: 2022, endYear: 2026 });
    expect(yearsFromTitle('Plan 2022')).toBeUndefined();
    expect(yearsFromTitle('Plan 2026-2022')).toBeUndefined();
    expect(yearsFromText('Late in 2017 members signed off a four-year Strategic Plan running to 2022.')).toEqual({ startYear: 2018, endYear: 2022 });
    expect(planYearsLabel(p2018)).toBe('2018–2022');
  });

  it('finds the plan in force in a period and a plan whose years overlap', () => {
    expect(planInForce([p2018, p2022], financialYear(2019))?.id).toBe('a');
    expect(planInForce([p2018, p2022], financialYear(2023))?.id).toBe('b');
    expect(planInForce([p2018], financialYear(2023))).toBeUndefined();
    expect(overlappingPlan([p2018, p2022], { ...planDates(2021, 2025) })?.id).toBe('a');
    expect(overlappingPlan([p2018], p2022)).toBeUndefined();
    expect(overlappingPlan([p2018], p2018)).toBeUndefined();
  });

  it('names a plan by id, slug or exact title, numbering slugs two titles share', () => {
    const twin = { ...p2022, id: 'c', title: 'Strategic Plan 2018-22', startDate: '2030-04-01', endDate: '2034-03-31' };
    expect(planSlugs([twin, p2018])).toEqual(new Map([['a', 'strategic-plan-2018-22'], ['c', 'strategic-plan-2018-22-2']]));
    expect(findPlanByRef([p2018, p2022], 'b')?.id).toBe('b');
    expect(findPlanByRef([p2018, p2022], 'strategic-plan-2022-26')?.id).toBe('b');
    expect(findPlanByRef([p2018, p2022], 'strategic plan 2018-22')?.id).toBe('a');
    expect(findPlanByRef([p2018, p2022], 'Strategic Plan')).toBeUndefined();
  });
});
