// Commitments as the workspace tracks them: a plan's list with their outcome and entry, one by id,
// a change of status, and the entries that show one kept (its evidence).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitmentEvidence, commitments, entries, outcomes } from '../schema.js';
import type { PublicCommitmentRow } from './listPublishedCommitments.js';

/** A commitment as the public list has it (without evidence), with its workflow state. */
export interface CommitmentListRow extends Omit<PublicCommitmentRow, 'outcomeSlug' | 'evidence' | 'statusSetOn' | 'periodKey'> {
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

/** Sets the status, the day it was set and what shows it (the note, when one is given). */
export async function setCommitmentStatus(db: Db, id: string, status: string, set: { on: string; note?: string }): Promise<void> {
  await db.update(commitments).set({ status, statusSetOn: set.on, ...(set.note ? { statusNote: set.note } : {}), updatedAt: sql`now()` }).where(eq(commitments.id, id));
}

export interface EvidenceRow {
  id: string;
  title: string;
  workflowState: string;
}

/** The entries linked as showing the commitment kept, newest first. */
export async function listEvidence(db: Db, commitmentId: string): Promise<EvidenceRow[]> {
  return db.select({ id: entries.id, title: entries.title, workflowState: entries.workflowState })
    .from(commitmentEvidence).innerJoin(entries, eq(entries.id, commitmentEvidence.entryId))
    .where(eq(commitmentEvidence.commitmentId, commitmentId))
    .orderBy(sql`${entries.date} desc nulls last`, asc(entries.title));
}

/** Links an entry as evidence; false when it was linked already. */
export async function addEvidence(db: Db, commitmentId: string, entryId: string): Promise<boolean> {
  const added = await db.insert(commitmentEvidence).values({ commitmentId, entryId }).onConflictDoNothing().returning();
  return added.length > 0;
}

/** Unlinks an entry; false when it was not linked. */
export async function removeEvidence(db: Db, commitmentId: string, entryId: string): Promise<boolean> {
  const removed = await db.delete(commitmentEvidence)
    .where(and(eq(commitmentEvidence.commitmentId, commitmentId), eq(commitmentEvidence.entryId, entryId))).returning();
  return removed.length > 0;
}

/** The plan's entries that could be linked, newest first: id and title. */
export async function listPlanEntryChoices(db: Db, planId: string): Promise<{ id: string; title: string }[]> {
  return db.select({ id: entries.id, title: entries.title }).from(entries)
    .where(eq(entries.planId, planId)).orderBy(sql`${entries.date} desc nulls last`, asc(entries.title));
}
