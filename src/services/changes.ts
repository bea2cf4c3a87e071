// "What changed" between two periods: reads the plans in force, the commitments with their
// evidence, the accepted links' figures and the indicators against the group, and hands them to
// the pure buildChanges. Outcomes follow the confirmed plan map (plans map) between the two periods'
// plans; until one is confirmed, they are matched by title.
import { CommitmentStatus, parsePeriod, periodFromKey, type Compendium, type Period } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import { periodLabel } from '../present/format.js';
import { COMMITMENT_LABELS } from '../present/labels.js';
import { buildChanges, type ChangesModel, type ChangesSide, type IndicatorPosition } from '../reports/model/changes.js';
import type { Store } from '../store/index.js';
import { listAcceptedEntryLinks, listCommitmentsWithEvidence, listEntryPeriods } from '../store/queries/listChangeInputs.js';
import type { PlanService } from './plans.js';
import type { WorkspaceService } from './workspace.js';

export interface ChangesDeps {
  plans: PlanService;
  workspace: WorkspaceService;
  performance: { compendium(q: { area: string; group?: string; period?: string }): Promise<Compendium> };
  /** The confirmed maps between plans' outcomes (plans map): used when the two periods fall under different plans. */
  planMaps?: { linesFor(planId?: string): Promise<{ fromPlanId: string; toPlanId: string; fromOutcomeId: string; toOutcomeId: string }[]> };
}

function periodOrThrow(text: string, field: 'from' | 'to'): Period {
  const p = parsePeriod(text);
  if (!p.ok) throw new ValidationError(`The period "${text}" is not valid`, [{ field, message: `Give --${field} as a period such as 2019/20: ${p.error}` }]);
  return p.period;
}

/** The confirmed map from the earlier plan's outcomes to the later plan's, or undefined when none is confirmed. */
async function confirmedMap(deps: ChangesDeps, fromPlan: string | undefined, toPlan: string | undefined, fromSide: ChangesSide): Promise<{ from: string; to: string[] }[] | undefined> {
  if (!deps.planMaps || !fromPlan || !toPlan || fromPlan === toPlan) return undefined;
  const lines = (await deps.planMaps.linesFor(fromPlan)).filter((l) => l.fromPlanId === fromPlan && l.toPlanId === toPlan);
  if (!lines.length) return undefined;
  // An earlier outcome the confirmed map does not carry on was dropped.
  return fromSide.outcomes.map((o) => ({ from: o.id, to: lines.filter((l) => l.fromOutcomeId === o.id).map((l) => l.toOutcomeId) }));
}

export function changesService(store: Store, deps: ChangesDeps) {
  const { db } = store;

  /** The plan a period was reported under: the one in force in it (by the plans' years), as PlanService says. */
  async function planFor(period: Period): Promise<string | undefined> {
    return (await deps.plans.inForce(period))?.id;
  }

  async function side(period: Period): Promise<ChangesSide> {
    const planId = await planFor(period);
    const structure = planId ? await deps.plans.structure(planId) : undefined;
    return {
      periodKey: period.key, label: periodLabel(period.key), start: period.start, end: period.end, planTitle: structure?.plan.title ?? null,
      outcomes: structure?.outcomes.map((o) => ({ id: o.id, title: o.title, themes: o.themes.map((t) => t.title) })) ?? [],
    };
  }

  async function positions(area: string, period: string): Promise<{ rows: IndicatorPosition[]; group: string | null }> {
    try {
      const c = await deps.performance.compendium({ area, period });
      return { group: c.group.label, rows: c.rows.map((r) => ({ code: r.indicator.code, title: r.indicator.title, rank: r.rank, n: r.group.n, quartileBand: r.quartileBand })) };
    } catch {
      // No values for the period (or no group): the model says so in a sentence.
      return { rows: [], group: null };
    }
  }

  const service = {
    /**
     * What changed since the latest earlier year with entries (of any plan), for a report of this
     * period; null when nothing was reported before it.
     */
    async sinceEarlier(periodKey: string): Promise<ChangesModel | null> {
      const to = periodFromKey(periodKey);
      if (!to) return null;
      const earlier = (await listEntryPeriods(db)).map((k) => periodFromKey(k)).filter((p): p is Period => Boolean(p) && p!.end < to.start && p!.kind === to.kind)
        .sort((a, b) => a.end.localeCompare(b.end)).at(-1);
      return earlier ? service.between(earlier.key, to.key) : null;
    },

    /** What changed from one period to a later one: `from` and `to` as people write them ("2019/20"). */
    async between(fromText: string, toText: string): Promise<ChangesModel> {
      const from = periodOrThrow(fromText, 'from');
      const to = periodOrThrow(toText, 'to');
      if (from.end >= to.start) throw new ValidationError(`${periodLabel(from.key)} does not end before ${periodLabel(to.key)} begins`, [{ field: 'to', message: 'Give --to a period later than --from' }]);
      const area = (await deps.workspace.settings()).councilCode;
      const [fromSide, toSide, commitments, links, before, after] = [
        await side(from), await side(to), await listCommitmentsWithEvidence(db), await listAcceptedEntryLinks(db),
        await positions(area, from.key), await positions(area, to.key),
      ];
      const inRange = (key: string | null, p: Period) => key === p.key;
      const outcomeMap = await confirmedMap(deps, await planFor(from), await planFor(to), fromSide);
      return buildChanges({
        from: fromSide, to: toSide, ...(outcomeMap ? { outcomeMap } : {}),
        commitments: commitments.map((c) => {
          const status = CommitmentStatus.safeParse(c.status);
          return { ...c, statusLabel: status.success ? COMMITMENT_LABELS[status.data] : c.status };
        }),
        // Figures that moved: schemes with an entry in each of the two periods.
        links: links.filter((l) => inRange(l.earlier.periodKey, from) && inRange(l.later.periodKey, to)),
        indicators: { from: before.rows, to: after.rows, group: after.group ?? before.group },
      }, (key) => (key ? periodLabel(key) : 'undated'));
    },
  };
  return service;
}

export type ChangesService = ReturnType<typeof changesService>;
