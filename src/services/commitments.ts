// Commitments through the year: the plan's promises with their due dates, and their status as the
// council tracks it (in progress, delivered, late, dropped). A change of status is proposed with its
// note and goes through the same approval as an entry (draft, submitted, approved, published); only
// when published does the public site and the next report show it, note beside the status.
import { COMMITMENT_STATUSES, CommitmentStatus, WorkflowState } from '../domain/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { formatMonth } from '../present/format.js';
import { COMMITMENT_LABELS } from '../present/labels.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getEntryRecord } from '../store/queries/entryEditing.js';
import {
  addEvidence, getCommitment, listEvidence, listPlanCommitments, listPlanEntryChoices, removeEvidence, setCommitmentProposal, setCommitmentStatus,
  type CommitmentListRow, type EntryChoiceRow, type EvidenceRow,
} from '../store/queries/commitmentEditing.js';
import type { Db } from '../store/db.js';
import { authorize, can, type Action, type Actor, type CommitmentScope } from './policy.js';
import { nextState, stepsFrom, type WorkflowStep } from './workflow.js';
import type { PlanService } from './plans.js';

export interface CommitmentItem extends CommitmentListRow {
  status: CommitmentStatus;
  statusLabel: string;
  /** The promise's own words for when ("by spring 2026"), or the month it is due by. */
  dueLabel: string;
  /** The proposed status in words, when a change waits for approval. */
  proposedLabel: string | null;
}

const item = (r: CommitmentListRow): CommitmentItem => {
  const status = CommitmentStatus.parse(r.status);
  const proposed = r.proposedStatus ? CommitmentStatus.safeParse(r.proposedStatus) : null;
  return {
    ...r, status, statusLabel: COMMITMENT_LABELS[status], dueLabel: r.dueText ?? (r.dueEnd ? formatMonth(r.dueEnd) : 'No date set'),
    proposedLabel: proposed?.success ? COMMITMENT_LABELS[proposed.data] : null,
  };
};

/** The policy's view of a commitment: its owner and outcome, and the state of its proposal (draft when none). */
const scopeOf = (r: CommitmentListRow): CommitmentScope => ({
  kind: 'commitment', owner: r.owner, outcomeId: r.outcomeId, workflowState: WorkflowState.catch('draft').parse(r.proposalState ?? 'draft'),
  ...(r.proposalState === 'submitted' ? { submittedBy: r.proposedBy } : {}),
});

/** The steps of a proposal: "publish" applies it; "unpublish" has no meaning for one. */
export const PROPOSAL_STEPS = ['submit', 'withdraw', 'approve', 'return', 'publish'] as const satisfies readonly WorkflowStep[];
export type ProposalStep = (typeof PROPOSAL_STEPS)[number];

export type EvidenceSort = 'newest' | 'oldest' | 'title';
export interface EvidenceFilter { q?: string; outcomeId?: string; sort?: EvidenceSort }

/** The evidence picker's list (pure): narrowed by title words and outcome, in the order asked for. */
export function pickEvidence(choices: EntryChoiceRow[], f: EvidenceFilter): EntryChoiceRow[] {
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kept = choices.filter((e) => (!f.outcomeId || e.outcomeId === f.outcomeId) && words.every((w) => e.title.toLowerCase().includes(w)));
  const byTitle = (a: EntryChoiceRow, b: EntryChoiceRow) => a.title.localeCompare(b.title, 'en-GB');
  const byDate = (a: EntryChoiceRow, b: EntryChoiceRow) => (a.date ?? '').localeCompare(b.date ?? '') || byTitle(a, b);
  if (f.sort === 'title') return kept.sort(byTitle);
  // Undated entries last either way.
  if (f.sort === 'oldest') return kept.sort((a, b) => (a.date ? 0 : 1) - (b.date ? 0 : 1) || byDate(a, b));
  return kept.sort((a, b) => (a.date ? 0 : 1) - (b.date ? 0 : 1) || byDate(b, a));
}

function parseChange(status: string, note: string | undefined): { status: CommitmentStatus; note: string | undefined } {
  const parsed = CommitmentStatus.safeParse(status);
  if (!parsed.success) throw new ValidationError('The status is not valid', [{ field: 'status', message: `Choose one of: ${COMMITMENT_STATUS_CHOICES.map((c) => c.text).join(', ')}` }]);
  const trimmedNote = note?.trim() || undefined;
  if (trimmedNote && trimmedNote.length > 2000) throw new ValidationError('The note is too long', [{ field: 'note', message: 'Keep the note to 2,000 characters or fewer' }]);
  return { status: parsed.data, note: trimmedNote };
}

async function mustGet(db: Db, id: string): Promise<CommitmentListRow> {
  const row = await getCommitment(db, id);
  if (!row) throw new NotFoundError('Commitment', id);
  return row;
}

/** Applies a status (and its note) as the published one, audited as the step that did it. */
async function applyStatus(tx: Db, actor: Actor, before: CommitmentListRow, status: CommitmentStatus, note: string | undefined, action: string): Promise<void> {
  await setCommitmentStatus(tx, before.id, status, { on: new Date().toISOString().slice(0, 10), note, statusChanged: before.status !== status });
  await appendAuditEvent(tx, {
    userId: actor.id, action, entityType: 'commitment', entityId: before.id,
    before: { status: before.status, ...(before.statusNote ? { statusNote: before.statusNote } : {}) },
    after: { status, ...(note ? { note } : {}) },
  });
}

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

    /**
     * One commitment with the entries that show it kept, whether the actor may link evidence
     * (canUpdate) or propose a status (canPropose), and the steps they may take on its proposal.
     */
    async get(actor: Actor, id: string): Promise<CommitmentItem & { evidence: EvidenceRow[]; canUpdate: boolean; canPropose: boolean; steps: ProposalStep[] }> {
      authorize(actor, 'drafts.read');
      const row = await mustGet(db, id);
      const scope = scopeOf(row);
      const steps = row.proposalState
        ? stepsFrom(scope.workflowState).filter((s): s is ProposalStep => (PROPOSAL_STEPS as readonly string[]).includes(s) && can(actor, `commitment.${s}` as Action, scope))
        : [];
      return { ...item(row), evidence: await listEvidence(db, id), canUpdate: can(actor, 'commitment.update'), canPropose: can(actor, 'commitment.propose', scope), steps };
    },

    /** Commitments whose status change waits for a reviewer (submitted or approved), soonest due first. */
    async awaitingApproval(actor: Actor): Promise<CommitmentItem[]> {
      authorize(actor, 'drafts.read');
      const planId = await plans.currentPlanId();
      return planId ? (await listPlanCommitments(db, planId, { proposalStates: ['submitted', 'approved'] })).map(item) : [];
    },

    /** Entries of the current plan that could be linked as evidence: newest first unless asked otherwise, narrowed by title and outcome. */
    async evidenceChoices(actor: Actor, filter: EvidenceFilter = {}): Promise<EntryChoiceRow[]> {
      authorize(actor, 'drafts.read');
      const planId = await plans.currentPlanId();
      return planId ? pickEvidence(await listPlanEntryChoices(db, planId), filter) : [];
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
    ...proposalMethods(db),
  };
}

/** Changing a status: proposed and moved through approval, or (for those who may publish) set at once. */
function proposalMethods(db: Db) {
  return {
    /**
     * Proposes a change of status with its note (published beside the status once approved), as a
     * draft or straight to submitted; replaces an earlier proposal the actor may still change.
     */
    async propose(actor: Actor, id: string, status: string, note?: string, opts: { submit?: boolean } = {}): Promise<CommitmentItem> {
      const change = parseChange(status, note);
      return db.transaction(async (tx) => {
        const before = await mustGet(tx, id);
        authorize(actor, 'commitment.propose', scopeOf(before));
        if (opts.submit) authorize(actor, 'commitment.submit', scopeOf(before));
        const state = opts.submit ? 'submitted' : 'draft';
        await setCommitmentProposal(tx, id, { status: change.status, note: change.note ?? null, state, by: actor.id });
        await appendAuditEvent(tx, {
          userId: actor.id, action: 'propose', entityType: 'commitment', entityId: id,
          before: { status: before.status }, after: { proposedStatus: change.status, ...(change.note ? { note: change.note } : {}), workflowState: state },
        });
        return item(await mustGet(tx, id));
      });
    },

    /** Moves a proposal a step (submit, withdraw, approve, return); publishing applies it to the status. */
    async proposalStep(actor: Actor, id: string, step: string, comment?: string): Promise<CommitmentItem> {
      if (!(PROPOSAL_STEPS as readonly string[]).includes(step)) throw new ValidationError('Unknown step', [{ field: 'step', message: `Choose one of: ${PROPOSAL_STEPS.join(', ')}` }]);
      const s = step as ProposalStep;
      return db.transaction(async (tx) => {
        const before = await mustGet(tx, id);
        if (!before.proposalState || !before.proposedStatus) throw new ConflictError('No change of status is proposed for this commitment.');
        const scope = scopeOf(before);
        authorize(actor, `commitment.${s}`, scope);
        const to = nextState(scope.workflowState, s, 'status change');
        if (to === 'published') {
          await applyStatus(tx, actor, before, CommitmentStatus.parse(before.proposedStatus), before.proposedNote ?? undefined, 'publish');
        } else {
          await setCommitmentProposal(tx, id, { state: to });
          await appendAuditEvent(tx, {
            userId: actor.id, action: s, entityType: 'commitment', entityId: id,
            before: { workflowState: scope.workflowState }, after: { workflowState: to, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
          });
        }
        return item(await mustGet(tx, id));
      });
    },

    /**
     * Sets and publishes a status at once, skipping approval: only for those who may publish status
     * changes (administrators, performance officers and the command line, which acts as the system).
     * The note is published beside the status; saving the same status without a note changes nothing.
     */
    async setStatus(actor: Actor, id: string, status: string, note?: string): Promise<CommitmentItem> {
      const change = parseChange(status, note);
      return db.transaction(async (tx) => {
        const before = await mustGet(tx, id);
        authorize(actor, 'commitment.publish', scopeOf(before));
        if (before.status !== change.status || change.note) await applyStatus(tx, actor, before, change.status, change.note, 'update');
        return item(await mustGet(tx, id));
      });
    },
  };
}

export type CommitmentService = ReturnType<typeof commitmentService>;
