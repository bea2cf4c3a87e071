// Commitments as the workspace tracks them: a plan's list with their outcome and entry, one by id,
// and a change of status.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitments, entries, outcomes } from '../schema.js';
import type { PublicCommitmentRow } from './listPublishedCommitments.js';

/** A commitment as the public list has it (without evidence), with its workflow state. */
export interface CommitmentListRow extends Omit<PublicCommitmentRow, 'outcomeSlug' | 'evidence'> {
  workflowState: string;
}

const columns = {
  id: commitments.id, text: commitments.text, dueText: commitments.dueText, dueStart: commitments.dueStart, dueEnd: commitments.dueEnd,
  status: commitments.status, workflowState: commitments.workflowState, outcomeId: commitments.outcomeId, outcomeTitle: outcomes.title,
  entryId: commitments.entryId, entryTitle: entries.title,
};

function select(db: Db, where: SQL | undefined) {
  return db.select(columns).from(commitments)
    .leftJoin(outcomes, eq(outcomes.id, commitments.outcomeId))
    .leftJoin(entries, eq(entries.id, commitments.entryId))
    .where(where);
}

/** A plan's commitments, soonest due first (undated last), optionally of one status. */
export async function listPlanCommitments(db: Db, planId: string, filter: { status?: string } = {}): Promise<CommitmentListRow[]> {
  const where = [eq(commitments.planId, planId), ...(filter.status ? [eq(commitments.status, filter.status)] : [])];
  return select(db, and(...where)).orderBy(sql`${commitments.dueEnd} asc nulls last`, asc(commitments.text));
}

export async function getCommitment(db: Db, id: string): Promise<CommitmentListRow | undefined> {
  const [row] = await select(db, eq(commitments.id, id));
  return row;
}

export async function setCommitmentStatus(db: Db, id: string, status: string): Promise<void> {
  await db.update(commitments).set({ status, updatedAt: sql`now()` }).where(eq(commitments.id, id));
}
