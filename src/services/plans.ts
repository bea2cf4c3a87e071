// The Strategic Plan: its outcomes and themes.
import { randomUUID } from 'node:crypto';
import { Plan, slugify } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { getPlan, getPlanStructure, insertOutcome, insertPlan, insertTheme, listPlans, type PlanStructure } from '../store/queries/plans.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getSetting, putSettings } from '../store/queries/settings.js';

export interface NewPlan {
  title: string;
  councilCode: string;
  startDate: string;
  endDate: string;
  outcomes?: { title: string; summary?: string; themes?: { title: string; summary?: string }[] }[];
}

export function planService(store: Store) {
  const { db } = store;
  return {
    list: () => listPlans(db),

    /** The plan the workspace is working on: the one set in settings, or else the latest. */
    async currentPlanId(): Promise<string | undefined> {
      const chosen = await getSetting<string | null>(db, 'currentPlanId');
      if (chosen && (await getPlan(db, chosen))) return chosen;
      const all = await listPlans(db);
      return all.at(-1)?.id;
    },

    async structure(planId?: string): Promise<PlanStructure> {
      const id = planId ?? (await this.currentPlanId());
      if (!id) throw new NotFoundError('Plan', 'current (the workspace has no plan yet)');
      const s = await getPlanStructure(db, id);
      if (!s) throw new NotFoundError('Plan', id);
      return s;
    },

    /** Creates a plan with its outcomes and themes in one transaction and makes it current. */
    async create(input: NewPlan, userId: string | null = null): Promise<string> {
      const id = randomUUID();
      const parsed = Plan.safeParse({ id, ...input });
      if (!parsed.success) throw new ValidationError('The plan is not valid', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      if (input.endDate < input.startDate) throw new ValidationError('The plan ends before it starts', [{ field: 'endDate', message: 'must be after the start date' }]);
      await db.transaction(async (tx) => {
        await insertPlan(tx, { id, title: input.title, councilCode: input.councilCode, startDate: input.startDate, endDate: input.endDate });
        for (const [i, o] of (input.outcomes ?? []).entries()) {
          const outcomeId = randomUUID();
          await insertOutcome(tx, { id: outcomeId, planId: id, slug: slugify(o.title), title: o.title, summary: o.summary ?? '', position: i + 1 });
          for (const [j, t] of (o.themes ?? []).entries()) {
            await insertTheme(tx, { id: randomUUID(), outcomeId, slug: slugify(t.title), title: t.title, summary: t.summary ?? '', position: j + 1 });
          }
        }
        await putSettings(tx, { currentPlanId: id });
        await appendAuditEvent(tx, { userId, action: 'create', entityType: 'plan', entityId: id, after: input });
      });
      return id;
    },
  };
}

export type PlanService = ReturnType<typeof planService>;
