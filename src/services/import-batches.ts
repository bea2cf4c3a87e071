// Reviewing an import batch: its items as the report's own outline, the reviewer's decisions and
// edits, publishing the batch (or the accepted part) and undoing it. Each action is one transaction
// with its audit events, so a failure leaves the batch as it was.
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { Db } from '../store/db.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import {
  deleteBatchRows, getImportBatch, listBatchItems, listImportBatches, lockImportBatch, publishBatchEntries, publishBatchNarrativeCommitments, updateImportBatch, type BatchItemRow, type ImportBatchRecord,
} from '../store/queries/importBatches.js';
import { getPlanStructure } from '../store/queries/plans.js';
import { authorize, can, type Actor } from './policy.js';
import { outlineOf } from './import-plan/review.js';
import { itemName, itemOf, name, summaryOf, type BatchSummary, type BatchView } from './import-batch-view.js';
import { batchEdits } from './import-batch-edits.js';

export { FactFix, type BatchItem, type BatchSummary, type BatchView } from './import-batch-view.js';

/** Finds a batch by its id or the start of it (at least 6 characters, as the CLI prints 8). */
async function findBatch(db: Db, ref: string): Promise<ImportBatchRecord> {
  const key = ref.trim();
  const exact = key ? await getImportBatch(db, key) : undefined;
  if (exact) return exact;
  const matches = key.length >= 6 ? (await listImportBatches(db)).filter((b) => b.id.startsWith(key)) : [];
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new ValidationError(`"${key}" is the start of ${matches.length} import batches' ids: give more of it`);
  throw new NotFoundError('Import batch', key);
}

/** Everything the batch actions share: finding the batch, locking it and checking it can still be changed. */
function batchContext(store: Store) {
  const { db } = store;

  /** Inside a transaction: the batch locked, refused when it was undone. */
  async function openBatch(tx: Db, ref: ImportBatchRecord, doing: string) {
    const batch = await lockImportBatch(tx, ref.id);
    if (!batch) throw new NotFoundError('Import batch', ref.id);
    if (batch.state === 'undone') throw new ConflictError(`${name(batch)} was undone on ${String(batch.undoneAt).slice(0, 10)}, so it cannot be ${doing}: import the file again to start over.`);
    return batch;
  }

  /** The items named, each of this batch and still a draft. */
  async function draftItems(tx: Db, batch: { id: string; fileName: string }, ids: string[]) {
    const items = await listBatchItems(tx, batch.id);
    const byId = new Map(items.map((i) => [i.entry.id, i]));
    return ids.map((id) => {
      const item = byId.get(id);
      if (!item) throw new NotFoundError(`Item of ${name(batch)}`, id);
      if (item.entry.workflowState === 'published') throw new ConflictError(`${itemName(item.entry)} is already published: change it on its entry page instead.`);
      return item;
    });
  }

  return { db, openBatch, draftItems, findBatch };
}

export type BatchContext = ReturnType<typeof batchContext>;

/** Listing and reading batches. */
function batchReads(context: BatchContext) {
  const { db } = context;
  return {
    async list(actor: Actor, filter: { planId?: string } = {}): Promise<BatchSummary[]> {
      authorize(actor, 'drafts.read');
      const batches = await listImportBatches(db, filter);
      const out: BatchSummary[] = [];
      for (const b of batches) out.push(summaryOf(b, await listBatchItems(db, b.id)));
      return out;
    },

    async get(actor: Actor, ref: string): Promise<BatchView> {
      authorize(actor, 'drafts.read');
      const batch = await findBatch(db, ref);
      const rowsIn = await listBatchItems(db, batch.id);
      const structure = await getPlanStructure(db, batch.planId);
      const items = rowsIn.map((r) => itemOf(r, structure));
      return {
        ...summaryOf(batch, rowsIn),
        outline: outlineOf(batch.outline, items),
        outcomes: (structure?.outcomes ?? []).map((o) => ({ id: o.id, title: o.title, themes: o.themes.map((t) => ({ id: t.id, title: t.title })) })),
      };
    },
  };
}

/** Publishing and undoing a whole batch. */
function batchLifecycle(context: BatchContext) {
  const { db, openBatch } = context;
  return {
    /**
     * Publishes the batch's items through the approval workflow's last step: the named items, or
     * with `acceptedOnly` those accepted, or else every item not excluded. Naming an excluded item
     * is refused, and then nothing is published.
     */
    async publish(actor: Actor, ref: string, choice: { items?: string[]; acceptedOnly?: boolean } = {}): Promise<{ published: number; batch: BatchSummary }> {
      authorize(actor, 'entry.publish');
      const batch = await findBatch(db, ref);
      const at = new Date().toISOString();
      let published = 0;
      await db.transaction(async (tx) => {
        await openBatch(tx, batch, 'published');
        const items = await listBatchItems(tx, batch.id);
        const drafts = items.filter((i) => i.entry.workflowState !== 'published');
        let chosen: BatchItemRow[];
        if (choice.items?.length) {
          const byId = new Map(items.map((i) => [i.entry.id, i]));
          chosen = choice.items.map((id) => {
            const item = byId.get(id) ?? items.find((i) => i.entry.id.startsWith(id) && id.length >= 6);
            if (!item) throw new NotFoundError(`Item of ${name(batch)}`, id);
            if (item.entry.importDecision === 'excluded') throw new ConflictError(`${itemName(item.entry)} is excluded from ${name(batch)}, so it cannot be published: include it first. Nothing was published.`);
            return item;
          }).filter((i) => i.entry.workflowState !== 'published');
        } else {
          chosen = drafts.filter((i) => (choice.acceptedOnly ? i.entry.importDecision === 'accepted' : i.entry.importDecision !== 'excluded'));
        }
        if (!chosen.length) throw new ConflictError(`${name(batch)} has no ${choice.acceptedOnly ? 'accepted ' : ''}items waiting to be published.`);
        for (const i of chosen) authorize(actor, 'entry.publish', { kind: 'entry', service: i.entry.service, outcomeId: i.entry.outcomeId, workflowState: 'approved' });
        await publishBatchEntries(tx, chosen.map((i) => i.entry.id), { userId: actor.id, at });
        await publishBatchNarrativeCommitments(tx, batch.id, at);
        for (const i of chosen) {
          await appendAuditEvent(tx, { userId: actor.id, action: 'publish', entityType: 'entry', entityId: i.entry.id, before: { workflowState: i.entry.workflowState }, after: { workflowState: 'published', importBatchId: batch.id } });
        }
        await updateImportBatch(tx, batch.id, { state: 'published', publishedAt: at, publishedBy: actor.id });
        await appendAuditEvent(tx, { userId: actor.id, action: 'publish', entityType: 'import_batch', entityId: batch.id, before: { state: batch.state }, after: { state: 'published', items: chosen.length } });
        published = chosen.length;
      });
      const after = (await listImportBatches(db, { ids: [batch.id] }))[0];
      return { published, batch: summaryOf(after, await listBatchItems(db, batch.id)) };
    },

    /** Removes everything the batch wrote, published or not; the batch stays, marked undone. */
    async undo(actor: Actor, ref: string): Promise<{ entries: number; commitments: number; documents: number }> {
      authorize(actor, 'import.run');
      const batch = await findBatch(db, ref);
      const undoneAlready = (b: { id: string; fileName: string; undoneAt: string | null }) =>
        new ConflictError(`${name(b)} was already undone on ${String(b.undoneAt).slice(0, 10)}: there is nothing left to undo.`);
      if (batch.state === 'undone') throw undoneAlready(batch);
      // Taking published content off the public site needs the right to publish it.
      if (batch.state === 'published') authorize(actor, 'entry.publish');
      let removed = { entries: 0, commitments: 0, documents: 0 };
      await db.transaction(async (tx) => {
        const locked = await lockImportBatch(tx, batch.id);
        if (!locked) throw new NotFoundError('Import batch', batch.id);
        if (locked.state === 'undone') throw undoneAlready(locked);
        removed = await deleteBatchRows(tx, locked);
        await updateImportBatch(tx, batch.id, { state: 'undone', undoneAt: new Date().toISOString(), undoneBy: actor.id, documentId: null });
        await appendAuditEvent(tx, { userId: actor.id, action: 'undo', entityType: 'import_batch', entityId: batch.id, before: { state: locked.state, fileName: locked.fileName }, after: { state: 'undone', removed } });
      });
      return removed;
    },
  };
}

export function importBatchService(store: Store) {
  const context = batchContext(store);
  return { ...batchReads(context), ...batchEdits(context), ...batchLifecycle(context) };
}

/** Whether this person may publish (for showing the button). */
export const canPublishImports = (actor: Actor) => can(actor, 'entry.publish');

