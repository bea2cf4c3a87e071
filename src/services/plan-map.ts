// Outcome maps between plan versions: which of a later plan's outcomes continue each of an earlier
// plan's. Suggested from titles and content (./plan-map/suggest.ts), confirmed by a person (CLI or
// workspace); the confirmed map is what "what changed" and the links across years read.
import { planSlugs } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { listOutcomeMaps, outcomeTexts, replaceOutcomeMap } from '../store/queries/planOutcomeMaps.js';
import { getPlanStructure, listPlans } from '../store/queries/plans.js';
import type { PlanService } from './plans.js';
import { parseOutcomeMap } from './plan-map/parse.js';
import { suggestOutcomeMap, type MapSuggestion } from './plan-map/suggest.js';

export type { MapSuggestion } from './plan-map/suggest.js';

/** One line of a confirmed map, with both outcomes' titles. */
export interface OutcomeMapLine {
  fromPlanId: string;
  toPlanId: string;
  fromOutcomeId: string;
  from: string;
  toOutcomeId: string;
  to: string;
  confirmedAt: string;
}

/** A map between two plans as people read it: each earlier outcome and the later ones it became. */
export interface OutcomeMap {
  from: { id: string; title: string; slug: string };
  to: { id: string; title: string; slug: string };
  lines: OutcomeMapLine[];
}

type PlanOutcomes = { title: string; outcomes: { id: string; title: string }[] };

/** Pairs of outcome ids checked against the two plans, written as the command line's map ("Earlier=Later,Another") for the audit. */
function pairLines(pairs: { fromId: string; toId: string }[], from: PlanOutcomes, to: PlanOutcomes): string[] {
  const title = (plan: PlanOutcomes, id: string) => plan.outcomes.find((o) => o.id === id)?.title;
  for (const p of pairs) {
    for (const [plan, id] of [[from, p.fromId], [to, p.toId]] as const) {
      if (!title(plan, id)) throw new ValidationError(`"${id}" is not an outcome of "${plan.title}"`, [{ field: 'map', message: 'names an outcome that does not exist' }]);
    }
  }
  if (!pairs.length) throw new ValidationError(`Choose, for at least one outcome of "${from.title}", the outcome of "${to.title}" that continues it`, [{ field: 'map', message: 'empty' }]);
  return from.outcomes.filter((o) => pairs.some((p) => p.fromId === o.id))
    .map((o) => `${o.title}=${pairs.filter((p) => p.fromId === o.id).map((p) => title(to, p.toId)).join(',')}`);
}

export function planMapService(store: Store, plans: PlanService) {
  const { db } = store;

  async function pairOf(fromRef: string, toRef: string) {
    const from = await plans.resolve(fromRef);
    const to = await plans.resolve(toRef);
    if (from.id === to.id) throw new ValidationError(`--from and --to name the same plan, "${from.title}": a map links an earlier plan to a later one`, [{ field: 'to', message: 'same plan' }]);
    if (to.startDate < from.startDate) throw new ValidationError(`"${to.title}" starts before "${from.title}": map from the earlier plan (--from) to the later one (--to)`, [{ field: 'to', message: 'earlier than --from' }]);
    return { from, to };
  }

  async function mapOf(fromId: string, toId: string): Promise<OutcomeMap> {
    const all = await listPlans(db);
    const slugs = planSlugs(all);
    const [f, t] = [all.find((p) => p.id === fromId)!, all.find((p) => p.id === toId)!];
    const titles = new Map<string, string>();
    for (const id of [fromId, toId]) for (const o of (await getPlanStructure(db, id))?.outcomes ?? []) titles.set(o.id, o.title);
    const lines = (await listOutcomeMaps(db, fromId)).filter((r) => r.fromPlanId === fromId && r.toPlanId === toId).map((r) => ({
      fromPlanId: r.fromPlanId, toPlanId: r.toPlanId, fromOutcomeId: r.fromOutcomeId, from: titles.get(r.fromOutcomeId) ?? '', toOutcomeId: r.toOutcomeId, to: titles.get(r.toOutcomeId) ?? '', confirmedAt: r.confirmedAt,
    }));
    return { from: { id: f.id, title: f.title, slug: slugs.get(f.id)! }, to: { id: t.id, title: t.title, slug: slugs.get(t.id)! }, lines };
  }

  const outcomesOf = async (id: string) => ((await getPlanStructure(db, id))?.outcomes ?? []).map((o) => ({ id: o.id, title: o.title }));

  /** Replaces the map between two plans with these pairs, and records who did it and how they wrote it. */
  async function write(fromId: string, toId: string, pairs: { fromId: string; toId: string }[], lines: string[], userId: string | null): Promise<OutcomeMap> {
    await db.transaction(async (tx) => {
      await replaceOutcomeMap(tx, fromId, toId, pairs.map((p) => ({ fromOutcomeId: p.fromId, toOutcomeId: p.toId, confirmedBy: userId })));
      await appendAuditEvent(tx, { userId, action: 'update', entityType: 'plan', entityId: toId, after: { mapFrom: fromId, lines } });
    });
    return mapOf(fromId, toId);
  }

  return {
    /** The confirmed map between two plans (each named by id, slug or title). */
    async get(fromRef: string, toRef: string): Promise<OutcomeMap> {
      const { from, to } = await pairOf(fromRef, toRef);
      return mapOf(from.id, to.id);
    },

    /** Every confirmed line touching a plan (as earlier or later plan): for links and "what changed". */
    async linesFor(planId?: string): Promise<{ fromPlanId: string; toPlanId: string; fromOutcomeId: string; toOutcomeId: string }[]> {
      return listOutcomeMaps(db, planId);
    },

    /** Suggestions for the map between two plans, from titles and content; writes nothing. */
    async suggest(fromRef: string, toRef: string): Promise<{ from: string; to: string; suggestions: MapSuggestion[]; lines: string[] }> {
      const { from, to } = await pairOf(fromRef, toRef);
      const suggestions = suggestOutcomeMap(await outcomeTexts(db, from.id), await outcomeTexts(db, to.id));
      // The same suggestions as `plans map` arguments a person can check, change and confirm.
      const byFrom = new Map<string, string[]>();
      for (const s of suggestions) byFrom.set(s.from, [...(byFrom.get(s.from) ?? []), s.to]);
      return { from: from.title, to: to.title, suggestions, lines: [...byFrom].map(([f, ts]) => `${f}=${ts.join(',')}`) };
    },

    /** Confirms the map between two plans, replacing any earlier one; all or nothing, audited. */
    async confirm(fromRef: string, toRef: string, lines: string[], userId: string | null = null): Promise<OutcomeMap> {
      const { from, to } = await pairOf(fromRef, toRef);
      let pairs;
      try {
        pairs = parseOutcomeMap(lines, { from: { title: from.title, outcomes: await outcomesOf(from.id) }, to: { title: to.title, outcomes: await outcomesOf(to.id) } });
      } catch (e) {
        if (e instanceof RangeError) throw new ValidationError(e.message, [{ field: 'map', message: 'names an outcome that does not exist' }]);
        throw e;
      }
      if (!pairs.length) throw new ValidationError('Give the map as "Earlier outcome=Later outcome,Another" (or see the suggestions with --suggest)', [{ field: 'map', message: 'empty' }]);
      return write(from.id, to.id, pairs, lines, userId);
    },

    /** Confirms the map as ticked in the workspace: pairs of outcome ids; one sentence for an id of neither plan; all or nothing, audited. */
    async confirmPairs(fromRef: string, toRef: string, pairs: { fromId: string; toId: string }[], userId: string | null = null): Promise<OutcomeMap> {
      const { from, to } = await pairOf(fromRef, toRef);
      const lines = pairLines(pairs, { title: from.title, outcomes: await outcomesOf(from.id) }, { title: to.title, outcomes: await outcomesOf(to.id) });
      return write(from.id, to.id, pairs, lines, userId);
    },
  };
}

export type PlanMapService = ReturnType<typeof planMapService>;
