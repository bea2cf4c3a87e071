// Plan structure administration: adding, editing, reordering and removing outcomes and themes (admins).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { slugify } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getPlanStructure, insertOutcome, insertTheme } from '../store/queries/plans.js';
import { countAttached, deleteOutcome, deleteTheme, getOutcome, getTheme, updateOutcome, updateTheme } from '../store/queries/planStructureEditing.js';
import { fieldProblems } from './form-problems.js';
import { authorize, type Actor } from './policy.js';

const Heading = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200, 'A title is at most 200 characters'),
  summary: z.string().trim().max(2000, 'A summary is at most 2,000 characters').default(''),
});
export type HeadingInput = z.input<typeof Heading>;

function parseHeading(input: HeadingInput) {
  const r = Heading.safeParse(input);
  if (!r.success) throw new ValidationError('Check the title and summary', fieldProblems(r.error));
  return r.data;
}

/** A slug not yet used among siblings: "housing", "housing-2"… */
function freeSlug(title: string, taken: string[]): string {
  const base = slugify(title);
  let slug = base;
  for (let n = 2; taken.includes(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** What the structure methods share: the database and the audited write of a heading. */
function structureServiceContext(store: Store) {
  const { db } = store;

  async function structureOf(planId: string) {
    const s = await getPlanStructure(db, planId);
    if (!s) throw new NotFoundError('Plan', planId);
    return s;
  }

  return { db, structureOf };
}

type StructureServiceContext = ReturnType<typeof structureServiceContext>;

/** Adding outcomes and themes to a plan. */
function headingAdds(context: StructureServiceContext) {
  const { db, structureOf } = context;
  return {
    async addOutcome(actor: Actor, planId: string, input: HeadingInput): Promise<string> {
      authorize(actor, 'plan.manage');
      const v = parseHeading(input);
      const s = await structureOf(planId);
      const id = randomUUID();
      const row = { id, planId, slug: freeSlug(v.title, s.outcomes.map((o) => o.slug)), title: v.title, summary: v.summary, position: s.outcomes.length + 1 };
      await db.transaction(async (tx) => {
        await insertOutcome(tx, row);
        await appendAuditEvent(tx, { userId: actor.id, action: 'create', entityType: 'outcome', entityId: id, after: row });
      });
      return id;
    },

    async addTheme(actor: Actor, outcomeId: string, input: HeadingInput): Promise<string> {
      authorize(actor, 'plan.manage');
      const v = parseHeading(input);
      const outcome = await getOutcome(db, outcomeId);
      if (!outcome) throw new NotFoundError('Outcome', outcomeId);
      const siblings = (await structureOf(outcome.planId)).outcomes.find((o) => o.id === outcomeId)!.themes;
      const id = randomUUID();
      const row = { id, outcomeId, slug: freeSlug(v.title, siblings.map((t) => t.slug)), title: v.title, summary: v.summary, position: siblings.length + 1 };
      await db.transaction(async (tx) => {
        await insertTheme(tx, row);
        await appendAuditEvent(tx, { userId: actor.id, action: 'create', entityType: 'theme', entityId: id, after: row });
      });
      return id;
    },
  };
}

/** Editing an outcome or theme. */
function headingEdits(context: StructureServiceContext) {
  const { db } = context;
  return {
    /** Changes title and summary; the slug (and so public addresses) stays as it was. */
    async editOutcome(actor: Actor, id: string, input: HeadingInput): Promise<void> {
      authorize(actor, 'plan.manage');
      const v = parseHeading(input);
      const before = await getOutcome(db, id);
      if (!before) throw new NotFoundError('Outcome', id);
      await db.transaction(async (tx) => {
        await updateOutcome(tx, id, v);
        await appendAuditEvent(tx, { userId: actor.id, action: 'update', entityType: 'outcome', entityId: id, before: { title: before.title, summary: before.summary }, after: v });
      });
    },

    async editTheme(actor: Actor, id: string, input: HeadingInput): Promise<void> {
      authorize(actor, 'plan.manage');
      const v = parseHeading(input);
      const before = await getTheme(db, id);
      if (!before) throw new NotFoundError('Theme', id);
      await db.transaction(async (tx) => {
        await updateTheme(tx, id, v);
        await appendAuditEvent(tx, { userId: actor.id, action: 'update', entityType: 'theme', entityId: id, before: { title: before.title, summary: before.summary }, after: v });
      });
    },
  };
}

/** Reordering and removing outcomes and themes. */
function headingMoves(context: StructureServiceContext) {
  const { db, structureOf } = context;
  return {
    /** Swaps an outcome with its neighbour above or below. */
    async moveOutcome(actor: Actor, id: string, direction: 'up' | 'down'): Promise<void> {
      authorize(actor, 'plan.manage');
      const outcome = await getOutcome(db, id);
      if (!outcome) throw new NotFoundError('Outcome', id);
      const list = (await structureOf(outcome.planId)).outcomes;
      const i = list.findIndex((o) => o.id === id);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= list.length) return;
      await db.transaction(async (tx) => {
        const order = list.map((o) => o.id);
        [order[i], order[j]] = [order[j], order[i]];
        for (const [n, oid] of order.entries()) await updateOutcome(tx, oid, { position: n + 1 });
        await appendAuditEvent(tx, { userId: actor.id, action: 'reorder', entityType: 'outcome', entityId: id, before: { position: i + 1 }, after: { position: j + 1 } });
      });
    },

    /** Removes an outcome or theme only when no entry or indicator is filed under it. */
    async remove(actor: Actor, kind: 'outcome' | 'theme', id: string): Promise<void> {
      authorize(actor, 'plan.manage');
      const before = kind === 'outcome' ? await getOutcome(db, id) : await getTheme(db, id);
      if (!before) throw new NotFoundError(kind === 'outcome' ? 'Outcome' : 'Theme', id);
      const attached = await countAttached(db, kind, id);
      if (attached > 0) {
        throw new ValidationError(`This ${kind} cannot be removed`, [{ field: 'id', message: `${attached} entries or indicators are filed under “${before.title}”: move them first` }]);
      }
      await db.transaction(async (tx) => {
        if (kind === 'outcome') await deleteOutcome(tx, id);
        else await deleteTheme(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: 'delete', entityType: kind, entityId: id, before });
      });
    },
  };
}

export function structureService(store: Store) {
  const context = structureServiceContext(store);
  return { ...headingAdds(context), ...headingEdits(context), ...headingMoves(context) };
}
