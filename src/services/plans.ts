// The Strategic Plans of a workspace: each with its outcomes and themes and its years in force; one
// is current. People name a plan by its id, its slug or its exact title (resolve()).
import { randomUUID } from 'node:crypto';
import { findPlanByRef, parsePeriod, Plan, planInForce, planSlugs, planYearsLabel, slugify } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { Db } from '../store/db.js';
import { getCurrentPlanId, getPlan, getPlanStructure, insertOutcome, insertPlan, insertTheme, listPlans, type PlanRow, type PlanStructure } from '../store/queries/plans.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { putSettings } from '../store/queries/settings.js';
import { planCounts, type PlanCounts } from '../store/queries/planCounts.js';
import { overlapSentence } from './import-plan/history.js';

/** A plan as `plans list` shows it. */
export interface PlanSummary {
  id: string;
  title: string;
  slug: string;
  startDate: string;
  endDate: string;
  /** "2018–2022". */
  years: string;
  current: boolean;
  counts: PlanCounts;
}


export interface NewPlan {
  title: string;
  councilCode: string;
  startDate: string;
  endDate: string;
  outcomes?: { title: string; summary?: string; themes?: { title: string; summary?: string }[] }[];
  /** Make it the current plan (default true). */
  makeCurrent?: boolean;
}

/** Every plan with its slug, years, counts and whether it is current, earliest first. */
async function planSummaries(db: Db, current: string | undefined): Promise<PlanSummary[]> {
  const all = await listPlans(db);
  const slugs = planSlugs(all);
  const counts = await planCounts(db);
  return all.map((p) => ({
    id: p.id, title: p.title, slug: slugs.get(p.id)!, startDate: p.startDate, endDate: p.endDate, years: planYearsLabel(p),
    current: p.id === current, counts: counts.get(p.id) ?? { outcomes: 0, entries: 0, commitments: 0, reports: 0 },
  }));
}

/** The plan named by its id, slug or exact title; one sentence naming the plans there are otherwise. */
async function resolvePlan(db: Db, ref: string): Promise<PlanRow> {
  const all = await listPlans(db);
  const found = findPlanByRef(all, ref);
  if (found) return found;
  const slugs = planSlugs(all);
  const known = all.map((p) => `${slugs.get(p.id)} ("${p.title}")`).join(', ');
  throw new ValidationError(`There is no plan "${ref}": ${all.length ? `name one by id, slug or title: ${known}` : 'the workspace has no plans yet'}`, [{ field: 'plan', message: 'not found' }]);
}

/** The plan in force in a period given as a key ("FY2019-20"), as people write it ("2019/20") or as its dates. */
async function planInForceIn(db: Db, period: string | { start: string; end: string }): Promise<PlanRow | undefined> {
  if (typeof period !== 'string') return planInForce(await listPlans(db), period);
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new ValidationError(`The period "${period}" is not valid`, [{ field: 'period', message: parsed.error }]);
  return planInForce(await listPlans(db), parsed.period);
}

export function planService(store: Store) {
  const { db } = store;
  /** The plan the workspace is working on: the one set in settings, or else the latest. */
  async function currentPlanId(): Promise<string | undefined> {
    return getCurrentPlanId(db);
  }
  return {
    list: () => listPlans(db),

    /** Every plan with its slug, years, counts and whether it is current, earliest first. */
    summaries: async (): Promise<PlanSummary[]> => planSummaries(db, await currentPlanId()),

    /** The plan named by its id, slug or exact title; one sentence naming the plans there are otherwise. */
    resolve: (ref: string): Promise<PlanRow> => resolvePlan(db, ref),

    /** The id of the plan named, or the current plan's when none is named. */
    async idOf(ref: string | undefined): Promise<string | undefined> {
      return ref === undefined ? currentPlanId() : (await resolvePlan(db, ref)).id;
    },

    /** Makes the named plan current. */
    async setCurrent(ref: string, userId: string | null = null): Promise<PlanRow> {
      const plan = await resolvePlan(db, ref);
      await db.transaction(async (tx) => {
        await putSettings(tx, { currentPlanId: plan.id });
        await appendAuditEvent(tx, { userId, action: 'update', entityType: 'plan', entityId: plan.id, after: { current: true } });
      });
      return plan;
    },

    /** The plan the workspace is working on: the one set in settings, or else the latest. */
    currentPlanId,

    /**
     * The plan in force in a period (by its years: the one holding the period's last day, else its
     * first), whatever the current plan is; undefined when none of the workspace's plans holds it.
     */
    inForce: (period: string | { start: string; end: string }): Promise<PlanRow | undefined> => planInForceIn(db, period),

    async structure(planId?: string): Promise<PlanStructure> {
      // A plan is named by its id, slug or exact title wherever one is asked for.
      const id = planId === undefined ? await currentPlanId() : (await getPlan(db, planId))?.id ?? findPlanByRef(await listPlans(db), planId)?.id ?? planId;
      if (!id) throw new NotFoundError('Plan', 'current (the workspace has no plan yet)');
      const s = await getPlanStructure(db, id);
      if (!s) throw new NotFoundError('Plan', id);
      return s;
    },

    /** Creates a plan with its outcomes and themes in one transaction and makes it current (unless told not to). */
    async create(input: NewPlan, userId: string | null = null): Promise<string> {
      const id = randomUUID();
      const parsed = Plan.safeParse({ id, ...input });
      if (!parsed.success) throw new ValidationError('The plan is not valid', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      if (input.endDate < input.startDate) throw new ValidationError('The plan ends before it starts', [{ field: 'endDate', message: 'must be after the start date' }]);
      const overlap = overlapSentence(await listPlans(db), input);
      if (overlap) throw new ValidationError(overlap, [{ field: 'startDate', message: 'overlaps another plan' }]);
      const { makeCurrent = true, ...record } = input;
      await db.transaction(async (tx) => {
        await insertPlan(tx, { id, title: input.title, councilCode: input.councilCode, startDate: input.startDate, endDate: input.endDate });
        for (const [i, o] of (input.outcomes ?? []).entries()) {
          const outcomeId = randomUUID();
          await insertOutcome(tx, { id: outcomeId, planId: id, slug: slugify(o.title), title: o.title, summary: o.summary ?? '', position: i + 1 });
          for (const [j, t] of (o.themes ?? []).entries()) {
            await insertTheme(tx, { id: randomUUID(), outcomeId, slug: slugify(t.title), title: t.title, summary: t.summary ?? '', position: j + 1 });
          }
        }
        if (makeCurrent) await putSettings(tx, { currentPlanId: id });
        await appendAuditEvent(tx, { userId, action: 'create', entityType: 'plan', entityId: id, after: record });
      });
      return id;
    },
  };
}

export type PlanService = ReturnType<typeof planService>;
