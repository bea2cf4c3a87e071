// The public site's plans across years: the current plan and the earlier ones, each with its years in
// force, its outcomes and themes, the periods it has published delivery for and its published reports.
import { comparePeriodKeys } from '../../domain/index.js';
import { NotFoundError } from '../../errors.js';
import { periodLabel } from '../../present/format.js';
import type { Store } from '../../store/index.js';
import { listPublishedPlanPeriods } from '../../store/queries/listPublishedPlanPeriods.js';
import type { PlanService } from '../plans.js';
import type { SitePublishedReportService } from './published-reports.js';

export interface PublicPlanPeriod { key: string; label: string; entries: number }

export function sitePlanVersionService(deps: { store: Store; plans: PlanService; reports: SitePublishedReportService }) {
  const { db } = deps.store;

  /** Every plan, latest first, with the periods it has published delivery for (newest first). */
  async function planList() {
    const periods = await listPublishedPlanPeriods(db);
    return (await deps.plans.summaries()).map((p) => ({
      id: p.id, title: p.title, slug: p.slug, years: p.years, startDate: p.startDate, endDate: p.endDate, current: p.current, outcomes: p.counts.outcomes,
      periods: periods.filter((x) => x.planId === p.id).sort((a, b) => comparePeriodKeys(b.periodKey, a.periodKey))
        .map((x): PublicPlanPeriod => ({ key: x.periodKey, label: periodLabel(x.periodKey), entries: x.entries })),
    })).reverse();
  }

  return {
    planList,

    /** One plan by its slug: its years, outcomes and themes, periods and published reports. */
    async planPage(slug: string) {
      const plan = (await planList()).find((p) => p.slug === slug);
      if (!plan) throw new NotFoundError('Plan', slug);
      const structure = await deps.plans.structure(plan.id);
      return { plan, outcomes: structure.outcomes, reports: await deps.reports.reports(plan.id) };
    },
  };
}

export type SitePlanVersionService = ReturnType<typeof sitePlanVersionService>;
