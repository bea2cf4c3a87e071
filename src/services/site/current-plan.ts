// The plan the public site shows (the workspace's current one), the site's settings and the key
// under which its pages are cached.
import { parsePeriod, periodContaining, periodFromKey, Settings, type Period } from '../../domain/index.js';
import { periodLabel } from '../../present/format.js';
import { listPublishedPlanPeriods } from '../../store/queries/listPublishedPlanPeriods.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { getDataVersion } from '../../store/queries/getDataVersion.js';
import { listPublishedEntries } from '../../store/queries/listPublishedEntries.js';
import { getPlanStructure, type PlanStructure } from '../../store/queries/plans.js';
import type { PlanService } from '../plans.js';
import { DEFAULT_SETTINGS } from '../workspace.js';
import { defaultPeriodKey, periodsWithPublished } from '../default-period.js';

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

/** The period a public page or answer shows, the plan it reads, and what the period has been published with. */
export interface PeriodScope {
  structure: PlanStructure;
  /** The plan's slug, for its page at /plans/SLUG. */
  planSlug: string;
  period: Period;
  key: string;
  label: string;
  /** Asked for (else the default: the latest period with published delivery or indicator values). */
  chosen: boolean;
  /** Whether the plan read is the current one (an earlier plan for an earlier period). */
  currentPlan: boolean;
  hasEntries: boolean;
  hasValues: boolean;
  /** A sentence when the period has delivery but no indicator values, or the reverse, or neither. */
  note?: string;
  /** Every period with published delivery or values, newest first, to choose another. */
  periods: { key: string; label: string }[];
}

/** The periods with published delivery and those with indicator values; every one of them newest first. */
async function publishedPeriods(db: Store['db'], valuePeriods: () => Promise<string[]>) {
  const entryPeriods = new Set((await listPublishedPlanPeriods(db)).map((x) => x.periodKey));
  const values = new Set(await valuePeriods());
  return { entryPeriods, valuePeriods: values, keys: periodsWithPublished(entryPeriods, values) };
}

/** The sentence for a period with delivery but no indicator values, or the reverse, or neither. */
function periodNote(label: string, hasEntries: boolean, hasValues: boolean): string | undefined {
  if (hasEntries && !hasValues) return `There are no indicator values for ${label} yet; delivery was published for it.`;
  if (!hasEntries && hasValues) return `Nothing delivered in ${label} has been published; there are only indicator values for it.`;
  if (!hasEntries && !hasValues) return `Nothing has been published for ${label}: no delivery and no indicator values.`;
  return undefined;
}

/**
 * The settings and a key that changes whenever anything public may have changed (any audited
 * change, any setting, the day). One query; pages are cached under the key.
 */
async function dataVersion(db: Store['db'], today: string): Promise<{ key: string; settings: Settings }> {
  const v = await getDataVersion(db);
  return { key: `${v.lastAuditId}|${today}|${JSON.stringify(v.settings)}`, settings: settingsOf(v.settings) };
}

/**
 * The year "entries this year" counts when nothing has a period: the financial year containing
 * today, or, when nothing is dated in it yet, the latest financial year that has published entries.
 */
async function headlineYear(db: Store['db'], plan: PlanStructure, today: string): Promise<Period> {
  const current = periodContaining(today, 'financial-year');
  const recent = await listPublishedEntries(db, { planId: plan.plan.id, to: today, limit: 1 });
  const latest = recent.entries[0]?.date;
  if (!latest || latest >= current.start) return current;
  return periodContaining(latest, 'financial-year');
}

export function sitePlanService(deps: { store: Store; plans: PlanService; valuePeriods: () => Promise<string[]> }) {
  const { db } = deps.store;

  async function structure(): Promise<PlanStructure | undefined> {
    const id = await deps.plans.currentPlanId();
    return id ? getPlanStructure(db, id) : undefined;
  }

  /** The default period (the rule in ../default-period.ts): the latest with published delivery or indicator values. */
  async function defaultPeriod(): Promise<Period | undefined> {
    const { entryPeriods, valuePeriods } = await publishedPeriods(db, deps.valuePeriods);
    const key = defaultPeriodKey(entryPeriods, valuePeriods);
    return key ? periodFromKey(key) : undefined;
  }

  /**
   * The plan a period's pages show: the one in force in the period (an earlier plan for an earlier
   * year), else the current one. Without a period asked for, the default period (the latest with
   * published delivery or indicator values) and the plan in force in it: `chosen` says which. The
   * period as a key ("FY2019-20") or as people write it ("2019/20"); one sentence when it is not a
   * period. No period at all only when nothing has been published.
   */
  async function structureFor(periodText?: string): Promise<{ structure: PlanStructure; period?: Period; chosen: boolean }> {
    if (!periodText) {
      const fallback = await defaultPeriod();
      if (!fallback) return { structure: await requireStructure(), chosen: false };
      return { ...(await structureFor(fallback.key)), chosen: false };
    }
    const parsed = parsePeriod(periodText);
    if (!parsed.ok) throw new ValidationError(`The period "${periodText.slice(0, 40)}" is not valid`, [{ field: 'period', message: parsed.error }]);
    const inForce = await deps.plans.inForce(parsed.period);
    const s = inForce ? await getPlanStructure(db, inForce.id) : undefined;
    return { structure: s ?? (await requireStructure()), period: parsed.period, chosen: true };
  }

  async function requireStructure(): Promise<PlanStructure> {
    const s = await structure();
    if (!s) throw new NotFoundError('Plan', 'current (nothing has been published yet)');
    return s;
  }

  /**
   * The period a page shows: the one asked for, else the latest with published delivery or indicator
   * values; read under the plan in force in it (else the current plan). One sentence when it is not a period.
   */
  async function periodScope(periodText?: string): Promise<PeriodScope> {
    const { entryPeriods, valuePeriods, keys } = await publishedPeriods(db, deps.valuePeriods);
    const scoped = await structureFor(periodText);
    const period = scoped.period ?? periodContaining(new Date().toISOString().slice(0, 10), 'financial-year');
    const label = periodLabel(period.key);
    const [hasEntries, hasValues] = [entryPeriods.has(period.key), valuePeriods.has(period.key)];
    const note = periodNote(label, hasEntries, hasValues);
    const summary = (await deps.plans.summaries()).find((p) => p.id === scoped.structure.plan.id);
    return {
      structure: scoped.structure, planSlug: summary?.slug ?? '', period, key: period.key, label, chosen: scoped.chosen,
      currentPlan: Boolean(summary?.current),
      hasEntries, hasValues, note, periods: keys.map((key) => ({ key, label: periodLabel(key) })),
    };
  }

  return {
    structure,
    structureFor,
    defaultPeriod,
    currentPlanId: () => deps.plans.currentPlanId(),
    periodScope,
    /** Every period with published delivery or indicator values, newest first (none before anything is published). */
    periodChoices: async () => (await publishedPeriods(db, deps.valuePeriods)).keys.map((key) => ({ key, label: periodLabel(key) })),

    requireStructure,

    version: (today = new Date().toISOString().slice(0, 10)) => dataVersion(db, today),
    headlineYear: (plan: PlanStructure, today = new Date().toISOString().slice(0, 10)) => headlineYear(db, plan, today),
  };
}

export type SitePlanService = ReturnType<typeof sitePlanService>;
