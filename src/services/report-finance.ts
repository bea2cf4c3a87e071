// Loads the report's financial context: the council's finance story for the plan and year, its funding
// per head against the report's group (the financial year's own figures), and the what-if model the
// council chose for the report. Each part is left out when there is nothing for it.
import { isNotFoundError, isValidationError } from '../errors.js';
import type { ReportFinance } from '../reports/model/input.js';
import type { FinanceStoryService } from './finance-story.js';
import type { FundingService } from './funding.js';

export type ReportFinanceLoader = (q: { area: string; periodKey: string; planId: string; group?: string }) => Promise<ReportFinance | undefined>;

const orNull = async <T>(work: () => Promise<T>): Promise<T | null> => {
  try {
    return await work();
  } catch (e) {
    if (isNotFoundError(e) || isValidationError(e)) return null;
    throw e;
  }
};

export function reportFinanceLoader(funding: FundingService, story: FinanceStoryService): ReportFinanceLoader {
  return async ({ area, periodKey, planId, group }) => {
    const s = await story.get(periodKey, planId);
    const cmp = await orNull(() => funding.compare({ area, group: group ?? 'english-upper-tier', period: periodKey }));
    const hasPeriod = cmp !== null && cmp.council.perHead !== null;
    const model = s.fundingModel ? await orNull(() => funding.runModel(s.fundingModel as string)) : null;
    if (!hasPeriod && !model && !s.narrative && !s.savings.length && !s.gaps.length && !s.pressures.length) return undefined;
    return { story: s, funding: hasPeriod ? cmp : null, whatIf: model ? { ...model, name: s.fundingModel as string } : null };
  };
}
