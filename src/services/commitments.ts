// Commitments through the year: the plan's promises with their due dates, and their status as the
// council tracks it (in progress, delivered, late, dropped). Status changes are audited and show on
// the public site and in the next report at once; the promise's words stay as its entry has them.
import { COMMITMENT_STATUSES, CommitmentStatus } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { formatMonth } from '../present/format.js';
import { COMMITMENT_LABELS } from '../present/labels.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getEntryRecord } from '../store/queries/entryEditing.js';
import {
  addEvidence, getCommitment, listEvidence, listPlanCommitments, listPlanEntryChoices, removeEvidence, setCommitmentStatus,
  type CommitmentListRow, type EvidenceRow,
} from '../store/queries/commitmentEditing.js';
import { authorize, can, type Actor } from './policy.js';
import type { PlanService } from './plans.js';

export interface CommitmentItem extends CommitmentListRow {
  status: CommitmentStatus;
  statusLabel: string;
  /** The promise's own words for when ("by spring 2026"), or the month it is due by. */
  dueLabel: string;
}

const item = (r: CommitmentListRow): CommitmentItem => {
  const status = CommitmentStatus.parse(r.status);
  return { ...r, status, statusLabel: COMMITMENT_LABELS[status], dueLabel: r.dueText ?? (r.dueEnd ? formatMonth(r.dueEnd) : 'No date set') };
};

export const COMMITMENT_STATUS_CHOICES = COMMITMENT_STATUSES.map((s) => ({ value: s, text: COMMITMENT_LABELS[s] }));

export function commitmentService(store: Store, plans: PlanService) {
  const { db } = store;
  return {
    /** The current plan's commitments, soonest due first; anyone signed in may read them. */
    async list(actor: Actor, filter: { status?: string } = {}): Promise<CommitmentItem[]> {
      authorize(actor, 'drafts.read');
      const planId = await plans.currentPlanId();
      if (!planId) return [];
      const status = filter.status && (COMMITMENT_STATUSES as readonly string[]).includes(filter.status) ? filter.status : undefined;
      return (await listPlanCommitments(db, planId, { status })).map(item);
    },

    /** One commitment with the entries that show it kept. */
    async get(actor: Actor, id: string): Promise<CommitmentItem & { evidence: EvidenceRow[]; canUpdate: boolean }> {
      authorize(actor, 'drafts.read');
      const row = await getCommitment(db, id);
      if (!row) throw new NotFoundError('Commitment', id);
      return { ...item(row), evidence: await listEvidence(db, id), canUpdate: can(actor, 'commitment.update') };
    },

    /** Entries of the current plan that could be linked as evidence, newest first. */
    async evidenceChoices(actor: Actor): Promise<{ id: string; title: string }[]> {
      authorize(actor, 'drafts.read');
      const planId = await plans.currentPlanId();
      return planId ? listPlanEntryChoices(db, planId) : [];
    },

    /**
     * Links (or unlinks) an entry as showing the commitment kept; audited. The public site lists a
     * commitment's evidence among its published entries only.
     */
    async linkEvidence(actor: Actor, id: string, entryId: string, linked: boolean): Promise<void> {
      authorize(actor, 'commitment.update');
      const planId = (await plans.currentPlanId()) ?? '';
      await db.transaction(async (tx) => {
        const commitment = await getCommitment(tx, id);
        if (!commitment) throw new NotFoundError('Commitment', id);
        let title: string;
        if (linked) {
          const entry = (await getEntryRecord(tx, entryId))?.entry;
          if (!entry || entry.planId !== planId) throw new ValidationError('Choose an entry of the plan', [{ field: 'entryId', message: 'Choose an entry of the plan that shows the commitment kept' }]);
          if (!(await addEvidence(tx, id, entryId))) return;
          title = entry.title;
        } else {
          const entry = (await listEvidence(tx, id)).find((e) => e.id === entryId);
          if (!entry) throw new NotFoundError('Evidence', entryId);
          await removeEvidence(tx, id, entryId);
          title = entry.title;
        }
        // The entry's title, so that the history reads without looking it up.
        await appendAuditEvent(tx, {
          userId: actor.id, action: 'update', entityType: 'commitment', entityId: id,
          before: linked ? null : { evidence: title }, after: linked ? { evidence: title } : null,
        });
      });
    },

    /** Sets a commitment's status, with an optional note for the audit trail (what shows it). */
    async setStatus(actor: Actor, id: string, status: string, note?: string): Promise<CommitmentItem> {
      authorize(actor, 'commitment.update');
      const parsed = CommitmentStatus.safeParse(status);
      if (!parsed.success) throw new ValidationError('The status is not valid', [{ field: 'status', message: `Choose one of: ${COMMITMENT_STATUS_CHOICES.map((c) => c.text).join(', ')}` }]);
      const trimmedNote = note?.trim() || undefined;
      if (trimmedNote && trimmedNote.length > 2000) throw new ValidationError('The note is too long', [{ field: 'note', message: 'Keep the note to 2,000 characters or fewer' }]);
      return db.transaction(async (tx) => {
        const before = await getCommitment(tx, id);
        if (!before) throw new NotFoundError('Commitment', id);
        if (before.status !== parsed.data || trimmedNote) {
          await setCommitmentStatus(tx, id, parsed.data, { on: new Date().toISOString().slice(0, 10), note: trimmedNote });
          await appendAuditEvent(tx, {
            userId: actor.id, action: 'update', entityType: 'commitment', entityId: id,
            before: { status: before.status }, after: { status: parsed.data, ...(trimmedNote ? { note: trimmedNote } : {}) },
          });
        }
        return item((await getCommitment(tx, id))!);
      });
    },
  };
}

export type CommitmentService = ReturnType<typeof commitmentService>;
