// The plan the public site shows (the workspace's current one), the site's settings and the key
// under which its pages are cached.
import { parsePeriod, periodContaining, Settings, type Period } from '../../domain/index.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { getDataVersion } from '../../store/queries/getDataVersion.js';
import { listPublishedEntries } from '../../store/queries/listPublishedEntries.js';
import { getPlanStructure, type PlanStructure } from '../../store/queries/plans.js';
import type { PlanService } from '../plans.js';
import { DEFAULT_SETTINGS } from '../workspace.js';

const settingsOf = (raw: Record<string, unknown>): Settings => {
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...raw });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
};

/** One of the plan's outcomes by its slug, or NotFoundError. */
export function outcomeBySlug(structure: PlanStructure, slug: string): PlanStructure['outcomes'][number] {
  const outcome = structure.outcomes.find((o) => o.slug === slug);
  if (!outcome) throw new NotFoundError('Outcome', slug);
  return outcome;
}

export function sitePlanService(deps: { store: Store; plans: PlanService }) {
  const { db } = deps.store;

  async function structure(): Promise<PlanStructure | undefined> {
    const id = await deps.plans.currentPlanId();
    return id ? getPlanStructure(db, id) : undefined;
  }

  /**
   * The plan a period's pages show: the one in force in the period (an earlier plan for an earlier
   * year), else the current one; the current one when no period is asked for. The period as a key
   * ("FY2019-20") or as people write it ("2019/20"); one sentence when it is not a period.
   */
  async function structureFor(periodText?: string): Promise<{ structure: PlanStructure; period?: Period }> {
    if (!periodText) return { structure: await requireStructure() };
    const parsed = parsePeriod(periodText);
    if (!parsed.ok) throw new ValidationError(`The period "${periodText.slice(0, 40)}" is not valid`, [{ field: 'period', message: parsed.error }]);
    const inForce = await deps.plans.inForce(parsed.period);
    const s = inForce ? await getPlanStructure(db, inForce.id) : undefined;
    return { structure: s ?? (await requireStructure()), period: parsed.period };
  }

  async function requireStructure(): Promise<PlanStructure> {
    const s = await structure();
    if (!s) throw new NotFoundError('Plan', 'current (nothing has been published yet)');
    return s;
  }

  return {
    structure,
    structureFor,

    requireStructure,

    /**
     * The settings and a key that changes whenever anything public may have changed (any audited
     * change, any setting, the day). One query; pages are cached under the key.
     */
    async version(today = new Date().toISOString().slice(0, 10)): Promise<{ key: string; settings: Settings }> {
      const v = await getDataVersion(db);
      return { key: `${v.lastAuditId}|${today}|${JSON.stringify(v.settings)}`, settings: settingsOf(v.settings) };
    },

    /**
     * The year "entries this year" counts: the financial year containing today, or, when nothing
     * is dated in it yet, the latest financial year that has published entries.
     */
    async headlineYear(plan: PlanStructure, today = new Date().toISOString().slice(0, 10)): Promise<Period> {
      const current = periodContaining(today, 'financial-year');
      const recent = await listPublishedEntries(db, { planId: plan.plan.id, to: today, limit: 1 });
      const latest = recent.entries[0]?.date;
      if (!latest || latest >= current.start) return current;
      return periodContaining(latest, 'financial-year');
    },
  };
}

export type SitePlanService = ReturnType<typeof sitePlanService>;
