// The reviewer's edits to a batch's draft items: decisions, titles, outcomes, facts, merging and
// splitting. Each is one transaction with its audit event; a failure leaves the batch as it was.
import { randomUUID } from 'node:crypto';
import type { ImportDecision } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Db } from '../store/db.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { deleteEntry, insertEntry, updateEntry } from '../store/queries/entryEditing.js';
import {
  deleteEntryPlaces, insertEntryPlaces, listBatchItems, moveCommitments, moveFacts, setCommitmentsOutcome, setImportDecision, updateFact,
} from '../store/queries/importBatches.js';
import { getPlanStructure } from '../store/queries/plans.js';
import { authorize, type Actor } from './policy.js';
import { mergeItems, splitItem } from './import-plan/review.js';
import { FactFix, name, reviewItem } from './import-batch-view.js';
import type { BatchContext } from './import-batches.js';

/** The reviewer's decisions and edits on draft items. */
/** Decisions, titles, outcomes and facts. */
function batchDecisions(context: BatchContext) {
  const { db, openBatch, draftItems, findBatch } = context;
  const audit = (tx: Db, actor: Actor, action: string, entityType: string, entityId: string, before: unknown, after: unknown) =>
    appendAuditEvent(tx, { userId: actor.id, action, entityType, entityId, before, after });

  return {
    /** Accepts, excludes or reopens items of the batch. */
    async decide(actor: Actor, ref: string, itemIds: string[], decision: ImportDecision): Promise<void> {
      authorize(actor, 'import.run');
      if (!itemIds.length) throw new ValidationError('Choose at least one item', [{ field: 'items', message: 'Choose at least one item' }]);
      const batch = await findBatch(db, ref);
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'changed');
        const items = await draftItems(tx, batch, itemIds);
        await setImportDecision(tx, itemIds, decision);
        for (const i of items) await audit(tx, actor, decision === 'excluded' ? 'exclude' : decision === 'accepted' ? 'accept' : 'reopen', 'entry', i.entry.id, { importDecision: i.entry.importDecision }, { importDecision: decision, importBatchId: batch.id });
      });
    },

    /** A new title (blank leaves the item untitled, as many reports' items are). */
    async retitle(actor: Actor, ref: string, itemId: string, title: string): Promise<void> {
      authorize(actor, 'import.run');
      const clean = title.replace(/\s+/g, ' ').trim();
      if (clean.length > 300) throw new ValidationError('The title is too long', [{ field: 'title', message: 'A title is at most 300 characters' }]);
      const batch = await findBatch(db, ref);
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'changed');
        const [item] = await draftItems(tx, batch, [itemId]);
        await updateEntry(tx, itemId, { title: clean, updatedBy: actor.id });
        await audit(tx, actor, 'retitle', 'entry', itemId, { title: item.entry.title }, { title: clean, importBatchId: batch.id });
      });
    },

    /** Puts an item under another outcome and theme (or none). */
    async move(actor: Actor, ref: string, itemId: string, target: { outcomeId: string | null; themeId: string | null }): Promise<void> {
      authorize(actor, 'import.run');
      const batch = await findBatch(db, ref);
      const structure = await getPlanStructure(db, batch.planId);
      const outcome = structure?.outcomes.find((o) => o.id === target.outcomeId);
      if (target.outcomeId && !outcome) throw new ValidationError('Choose an outcome of the plan', [{ field: 'outcomeId', message: 'Choose an outcome of the plan' }]);
      if (target.themeId && !outcome?.themes.some((t) => t.id === target.themeId)) throw new ValidationError('Choose a theme of the chosen outcome', [{ field: 'themeId', message: 'Choose a theme of the chosen outcome' }]);
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'changed');
        const [item] = await draftItems(tx, batch, [itemId]);
        await updateEntry(tx, itemId, { outcomeId: target.outcomeId, themeId: target.themeId, updatedBy: actor.id });
        await setCommitmentsOutcome(tx, itemId, target.outcomeId);
        await audit(tx, actor, 'move', 'entry', itemId, { outcomeId: item.entry.outcomeId, themeId: item.entry.themeId }, { ...target, importBatchId: batch.id });
      });
    },

    /** Corrects a fact the importer read wrongly: its amount, unit or label. */
    async fixFact(actor: Actor, ref: string, factId: string, input: FactFix): Promise<void> {
      authorize(actor, 'import.run');
      const parsed = FactFix.safeParse(input);
      if (!parsed.success) throw new ValidationError('The fact is not valid', parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'value'), message: i.message })));
      const batch = await findBatch(db, ref);
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'changed');
        const items = await listBatchItems(tx, batch.id);
        const owner = items.find((i) => i.facts.some((f) => f.id === factId));
        if (!owner) throw new NotFoundError(`Fact of ${name(batch)}`, factId);
        await draftItems(tx, batch, [owner.entry.id]);
        const before = owner.facts.find((f) => f.id === factId)!;
        const v = parsed.data;
        const at = v.text === before.text ? before.start : owner.entry.body.indexOf(v.text);
        await updateFact(tx, factId, {
          value: v.value, valueMax: v.value === before.value ? before.valueMax : null, unit: v.unit, text: v.text,
          start: at !== null && at >= 0 ? at : null, end: at !== null && at >= 0 ? at + v.text.length : null,
        });
        await audit(tx, actor, 'fix', 'fact', factId, { value: before.value, unit: before.unit, text: before.text }, { ...v, entryId: owner.entry.id, importBatchId: batch.id });
      });
    },
  };
}

/** Merging two items and splitting one. */
function batchReshaping(context: BatchContext) {
  const { db, openBatch, draftItems, findBatch } = context;
  const audit = (tx: Db, actor: Actor, action: string, entityId: string, before: unknown, after: unknown) =>
    appendAuditEvent(tx, { userId: actor.id, action, entityType: 'entry', entityId, before, after });

  return {
    /** Joins `otherId` onto the end of `itemId`: one item with both texts, facts, places and commitments. */
    async merge(actor: Actor, ref: string, itemId: string, otherId: string): Promise<void> {
      authorize(actor, 'import.run');
      if (itemId === otherId) throw new ValidationError('Choose another item to merge with', [{ field: 'other', message: 'Choose another item to merge with' }]);
      const batch = await findBatch(db, ref);
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'changed');
        const [first, second] = await draftItems(tx, batch, [itemId, otherId]);
        const plan = mergeItems(reviewItem(first), reviewItem(second));
        await updateEntry(tx, itemId, { body: plan.body, title: plan.title, partners: [...new Set([...first.entry.partners, ...second.entry.partners])], updatedBy: actor.id });
        await moveFacts(tx, plan.factMoves);
        await insertEntryPlaces(tx, second.places.filter((p) => plan.places.includes(p.name)).map((p) => ({ entryId: itemId, name: p.name, areaCode: p.areaCode })));
        await moveCommitments(tx, plan.commitments, itemId, first.entry.outcomeId);
        await deleteEntry(tx, otherId);
        await audit(tx, actor, 'merge', itemId, { title: first.entry.title, merged: { id: otherId, title: second.entry.title, body: second.entry.body } }, { title: plan.title, importBatchId: batch.id });
      });
    },

    /** Splits an item at the start of one of its sentences; the rest becomes a new, untitled item just after it. */
    async split(actor: Actor, ref: string, itemId: string, at: number): Promise<string> {
      authorize(actor, 'import.run');
      const batch = await findBatch(db, ref);
      const newId = randomUUID();
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'changed');
        const [item] = await draftItems(tx, batch, [itemId]);
        const plan = splitItem(reviewItem(item), at);
        if (typeof plan === 'string') throw new ValidationError(plan, [{ field: 'at', message: plan }]);
        const e = item.entry;
        await updateEntry(tx, itemId, { body: plan.firstBody, updatedBy: actor.id });
        await insertEntry(tx, {
          ...e, id: newId, title: '', body: plan.secondBody, position: e.position, sourceStart: e.sourceStart === null ? null : e.sourceStart + at,
          createdBy: actor.id, updatedBy: actor.id, createdAt: undefined, updatedAt: undefined,
        });
        await moveFacts(tx, plan.factMoves.map((m) => ({ ...m, entryId: newId })));
        const moving = item.places.filter((p) => plan.placesToMove.includes(p.name));
        await insertEntryPlaces(tx, moving.map((p) => ({ entryId: newId, name: p.name, areaCode: p.areaCode })));
        await deleteEntryPlaces(tx, itemId, plan.placesToMove);
        await moveCommitments(tx, plan.commitmentsToMove, newId, e.outcomeId);
        await audit(tx, actor, 'split', itemId, { body: e.body }, { body: plan.firstBody, newEntry: { id: newId, body: plan.secondBody }, importBatchId: batch.id });
      });
      return newId;
    },
  };
}


export function batchEdits(context: BatchContext) {
  return { ...batchDecisions(context), ...batchReshaping(context) };
}
