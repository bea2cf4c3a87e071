// The public site's home, outcome and theme pages: each outcome with its delivery and indicators.
import { comparePeriodKeys, formatPeriod } from '../../domain/index.js';
import { periodLabel } from '../../present/format.js';
import { listPublishedPlanPeriods } from '../../store/queries/listPublishedPlanPeriods.js';
import { NotFoundError } from '../../errors.js';
import { shortGroupLabel } from '../../reports/model/chart-specs.js';
import { groupRows } from '../../reports/model/indicator-groups.js';
import { summarise } from '../../stats/index.js';
import type { Store } from '../../store/index.js';
import { countPublishedEntriesByOutcome } from '../../store/queries/countPublishedEntriesByOutcome.js';
import { listPlanIndicators } from '../../store/queries/listPlanIndicators.js';
import { listPublishedCommitments } from '../../store/queries/listPublishedCommitments.js';
import { listPublishedEntries } from '../../store/queries/listPublishedEntries.js';
import { outcomeBySlug, type PeriodScope, type SitePlanService } from './current-plan.js';
import type { SiteIndicatorService } from './indicators.js';
import { PAGE_SIZE } from './paging.js';
import { commitmentsAsOf } from './entries.js';

type Deps = { store: Store; sitePlan: SitePlanService; siteIndicators: SiteIndicatorService };

/**
 * The home page: each outcome with its number of published entries in the year shown and all told.
 * The year is the one asked for (its plan the one in force then, its indicators' series ending
 * there), else the default period (the latest with published delivery or values, see
 * ../default-period.ts), or with nothing published the headline year; with the periods there are to choose from, and a sentence when
 * the year has delivery but no indicator values, or the reverse.
 */
async function homePage(deps: Deps, today: string, periodText?: string) {
  const { db } = deps.store;
  const { sitePlan } = deps;
  if (!periodText && !(await sitePlan.structure())) return undefined;
  // The year asked for, else the default period (the latest with published delivery or values), under the plan in force in it.
  const chosen = await sitePlan.structureFor(periodText);
  const structure = chosen.structure;
  const year = chosen.period ?? (await sitePlan.headlineYear(structure, today));
  const counts = await countPublishedEntriesByOutcome(db, structure.plan.id, year.start, year.end, chosen.period ? year.key : undefined);
  const byOutcome = new Map(counts.map((c) => [c.outcomeId, c]));
  const label = formatPeriod(year);
  const [entryPeriods, valuePeriods] = [new Set((await listPublishedPlanPeriods(db)).map((x) => x.periodKey)), await deps.siteIndicators.periods()];
  // The compendium page's own figures (the default group), so that the home page, the compendium
  // page, the report and its CSV count the same indicators the same way: for the newest period, or
  // for a year asked for, its series ending there (the latest period with values up to it).
  const upTo = chosen.period ? valuePeriods.filter((p) => comparePeriodKeys(p, year.key) <= 0).sort(comparePeriodKeys).at(-1) : undefined;
  const compendium = chosen.period && !upTo ? undefined : await deps.siteIndicators.compendium(upTo ? { period: upTo } : {}).catch((e: unknown) => {
    if (e instanceof NotFoundError) return undefined;
    throw e;
  });
  const groups = compendium ? groupRows(compendium.rows, structure.outcomes) : [];
  const outcomeSummary = (outcomeId: string) => (compendium ? summarise(groups.find((g) => g.outcomeId === outcomeId)?.rows ?? []) : undefined);
  const entries = counts.reduce((n, c) => n + c.inSpan, 0);
  const values = valuePeriods.includes(year.key);
  const note = entries && !values ? `There are no indicator values for ${label} yet${compendium ? `: the figures shown are for ${periodLabel(compendium.periodKey)}, the latest before it` : ''}.`
    : !entries && values ? `Nothing delivered in ${label} has been published yet; the indicator figures are for ${label}.` : undefined;
  return {
    plan: structure.plan,
    year: { key: year.key, label, chosen: chosen.chosen },
    /** Whether the plan shown is the workspace's current one (else the one in force in the year shown). */
    currentPlan: (await sitePlan.currentPlanId()) === structure.plan.id,
    periods: [...new Set([...entryPeriods, ...valuePeriods])].sort(comparePeriodKeys).reverse().map((key) => ({ key, label: periodLabel(key) })),
    note,
    performance: compendium ? {
      areaName: compendium.area.name, groupLabel: shortGroupLabel(compendium.group.label), members: compendium.group.members,
      /** Every indicator, those under no outcome included: the compendium's own summary. */
      summary: compendium.summary,
      period: { key: compendium.periodKey, label: periodLabel(compendium.periodKey) },
      /** Indicators under no outcome, by their source or topic. */
      groups: groups.filter((g) => g.outcomeId === null).map((g) => ({ title: g.title, kind: g.kind, summary: summarise(g.rows) })),
    } : undefined,
    outcomes: structure.outcomes.map((o) => ({
      ...o,
      entriesThisYear: byOutcome.get(o.id)?.inSpan ?? 0,
      entriesTotal: byOutcome.get(o.id)?.total ?? 0,
      performance: outcomeSummary(o.id),
    })),
  };
}

/** The scope with only the other periods whose plan in force has the outcome (and theme): a link to another year never leads nowhere. */
async function periodsWith(sitePlan: SitePlanService, scope: PeriodScope, outcomeSlug: string, themeSlug?: string): Promise<PeriodScope> {
  const has = new Map<string, boolean>();
  const periods = [];
  for (const p of scope.periods) {
    const { structure } = await sitePlan.structureFor(p.key);
    if (!has.has(structure.plan.id)) {
      const outcome = structure.outcomes.find((o) => o.slug === outcomeSlug);
      has.set(structure.plan.id, Boolean(outcome && (!themeSlug || outcome.themes.some((t) => t.slug === themeSlug))));
    }
    if (has.get(structure.plan.id)) periods.push(p);
  }
  return { ...scope, periods };
}

export function siteOutcomeService(deps: Deps) {
  const { db } = deps.store;
  const { sitePlan } = deps;
  const paging = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return {
    home: (today = new Date().toISOString().slice(0, 10), periodText?: string) => homePage(deps, today, periodText),

    /** An outcome's page, of the plan in force in `periodText` (or the current one); `span` narrows its entries. */
    async outcome(slug: string, page = 1, periodText?: string, span?: { from: string; to: string }, today = new Date().toISOString().slice(0, 10)) {
      const scope = await periodsWith(sitePlan, await sitePlan.periodScope(periodText), slug);
      const { structure, period, chosen } = scope;
      const outcome = outcomeBySlug(structure, slug);
      // A period asked for keeps the page to its entries.
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, outcomeId: outcome.id, periodKey: period.key, ...span, ...paging(page) });
      const indicators = (await listPlanIndicators(db, structure.plan.id)).filter((i) => i.outcomeId === outcome.id);
      // Only promises made in or before the period, with the status they had then (or today, for the default period).
      const commitments = commitmentsAsOf(await listPublishedCommitments(db, { planId: structure.plan.id, outcomeId: outcome.id }), { period, chosen }, today);
      return { plan: structure.plan, outcome, entries, indicators, commitments, page, scope };
    },

    async theme(outcomeSlug: string, themeSlug: string, page = 1, periodText?: string) {
      const scope = await periodsWith(sitePlan, await sitePlan.periodScope(periodText), outcomeSlug, themeSlug);
      const { structure, period } = scope;
      const outcome = outcomeBySlug(structure, outcomeSlug);
      const theme = outcome.themes.find((t) => t.slug === themeSlug);
      if (!theme) throw new NotFoundError('Theme', `${outcomeSlug}/${themeSlug}`);
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, themeId: theme.id, periodKey: period.key, ...paging(page) });
      const indicators = (await listPlanIndicators(db, structure.plan.id)).filter((i) => i.themeId === theme.id);
      return { plan: structure.plan, outcome, theme, entries, indicators, page, scope };
    },
  };
}

export type SiteOutcomeService = ReturnType<typeof siteOutcomeService>;
