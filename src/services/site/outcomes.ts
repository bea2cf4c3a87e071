// The public site's home, outcome and theme pages: each outcome with its delivery and indicators.
import { formatPeriod } from '../../domain/index.js';
import { NotFoundError } from '../../errors.js';
import { shortGroupLabel } from '../../reports/model/chart-specs.js';
import { groupRows } from '../../reports/model/indicator-groups.js';
import { periodLabel } from '../../present/format.js';
import { summarise } from '../../stats/index.js';
import type { Store } from '../../store/index.js';
import { countPublishedEntriesByOutcome } from '../../store/queries/countPublishedEntriesByOutcome.js';
import { listPlanIndicators } from '../../store/queries/listPlanIndicators.js';
import { listPublishedCommitments } from '../../store/queries/listPublishedCommitments.js';
import { listPublishedEntries } from '../../store/queries/listPublishedEntries.js';
import { outcomeBySlug, type SitePlanService } from './current-plan.js';
import type { SiteIndicatorService } from './indicators.js';
import { PAGE_SIZE } from './paging.js';

export function siteOutcomeService(deps: { store: Store; sitePlan: SitePlanService; siteIndicators: SiteIndicatorService }) {
  const { db } = deps.store;
  const { sitePlan } = deps;
  const paging = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return {
    /** The home page: each outcome with its number of published entries this year and all told. */
    async home(today = new Date().toISOString().slice(0, 10)) {
      const structure = await sitePlan.structure();
      if (!structure) return undefined;
      const year = await sitePlan.headlineYear(structure, today);
      const counts = await countPublishedEntriesByOutcome(db, structure.plan.id, year.start, year.end);
      const byOutcome = new Map(counts.map((c) => [c.outcomeId, c]));
      // The compendium page's own figures (the newest period, the default group), so that the home
      // page, the compendium page, the report and its CSV count the same indicators the same way.
      const compendium = await deps.siteIndicators.compendium({}).catch((e: unknown) => {
        if (e instanceof NotFoundError) return undefined;
        throw e;
      });
      const groups = compendium ? groupRows(compendium.rows, structure.outcomes) : [];
      const outcomeSummary = (outcomeId: string) => (compendium ? summarise(groups.find((g) => g.outcomeId === outcomeId)?.rows ?? []) : undefined);
      return {
        plan: structure.plan,
        year: { key: year.key, label: formatPeriod(year) },
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
    },

    async outcome(slug: string, page = 1) {
      const structure = await sitePlan.requireStructure();
      const outcome = outcomeBySlug(structure, slug);
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, outcomeId: outcome.id, ...paging(page) });
      const indicators = (await listPlanIndicators(db, structure.plan.id)).filter((i) => i.outcomeId === outcome.id);
      const commitments = await listPublishedCommitments(db, { planId: structure.plan.id, outcomeId: outcome.id });
      return { plan: structure.plan, outcome, entries, indicators, commitments, page };
    },

    async theme(outcomeSlug: string, themeSlug: string, page = 1) {
      const structure = await sitePlan.requireStructure();
      const outcome = outcomeBySlug(structure, outcomeSlug);
      const theme = outcome.themes.find((t) => t.slug === themeSlug);
      if (!theme) throw new NotFoundError('Theme', `${outcomeSlug}/${themeSlug}`);
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, themeId: theme.id, ...paging(page) });
      const indicators = (await listPlanIndicators(db, structure.plan.id)).filter((i) => i.themeId === theme.id);
      return { plan: structure.plan, outcome, theme, entries, indicators, page };
    },
  };
}

export type SiteOutcomeService = ReturnType<typeof siteOutcomeService>;
