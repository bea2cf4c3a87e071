// Commitments as the workspace tracks them: a plan's list with their outcome and entry, one by id,
// a change of status, and the entries that show one kept (its evidence).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitmentEvidence, commitments, entries, outcomes, users } from '../schema.js';
import type { PublicCommitmentRow } from './listPublishedCommitments.js';

/** A commitment as the public list has it (without evidence), with its workflow state. */
export interface CommitmentListRow extends Omit<PublicCommitmentRow, 'outcomeSlug' | 'evidence' | 'statusSetOn' | 'periodKey'> {
  workflowState: string;
  owner: string | null;
  /** The status change waiting for approval, if any, with its state, who proposed it and when. */
  proposedStatus: string | null;
  proposedNote: string | null;
  proposalState: string | null;
  /** The user who proposed it (and, once submitted, submitted it). */
  proposedBy: string | null;
  proposedByName: string | null;
  proposedAt: string | null;
}

const columns = {
  id: commitments.id, text: commitments.text, dueText: commitments.dueText, dueStart: commitments.dueStart, dueEnd: commitments.dueEnd,
  status: commitments.status, statusSetOn: commitments.statusSetOn, statusNote: commitments.statusNote,
  workflowState: commitments.workflowState, outcomeId: commitments.outcomeId, outcomeTitle: outcomes.title,
  entryId: commitments.entryId, entryTitle: entries.title, owner: commitments.owner,
  proposedStatus: commitments.proposedStatus, proposedNote: commitments.proposedNote, proposalState: commitments.proposalState,
  proposedBy: commitments.proposedBy, proposedByName: users.name, proposedAt: commitments.proposedAt,
};

function select(db: Db, where: SQL | undefined) {
  return db.select(columns).from(commitments)
    .leftJoin(outcomes, eq(outcomes.id, commitments.outcomeId))
    .leftJoin(entries, eq(entries.id, commitments.entryId))
    .leftJoin(users, eq(users.id, commitments.proposedBy))
    .where(where);
}

/** A plan's commitments, soonest due first (undated last), optionally of one status or with a proposal in given states. */
export async function listPlanCommitments(db: Db, planId: string, filter: { status?: string; proposalStates?: string[] } = {}): Promise<CommitmentListRow[]> {
  const where = [
    eq(commitments.planId, planId), ...(filter.status ? [eq(commitments.status, filter.status)] : []),
    ...(filter.proposalStates ? [inArray(commitments.proposalState, filter.proposalStates)] : []),
  ];
  return select(db, and(...where)).orderBy(sql`${commitments.dueEnd} asc nulls last`, asc(commitments.text));
}

export async function getCommitment(db: Db, id: string): Promise<CommitmentListRow | undefined> {
  const [row] = await select(db, eq(commitments.id, id));
  return row;
}

/**
 * Sets the status, the day it was set and what shows it (the note, when one is given; a new status
 * without a note clears the old one, which spoke of the old status), and ends any proposal.
 */
export async function setCommitmentStatus(db: Db, id: string, status: string, set: { on: string; note?: string; statusChanged: boolean }): Promise<void> {
  const note = set.note ? { statusNote: set.note } : set.statusChanged ? { statusNote: null } : {};
  await db.update(commitments).set({
    status, statusSetOn: set.on, ...note, updatedAt: sql`now()`,
    proposedStatus: null, proposedNote: null, proposalState: null, proposedBy: null, proposedAt: null,
  }).where(eq(commitments.id, id));
}

/** Saves a proposed status change (or moves it to another state); null state removes it. */
export async function setCommitmentProposal(
  db: Db, id: string,
  p: { status: string; note: string | null; state: string; by: string | null } | { state: string | null },
): Promise<void> {
  const fields = 'status' in p
    ? { proposedStatus: p.status, proposedNote: p.note, proposalState: p.state, proposedBy: p.by, proposedAt: sql`now()` }
    : p.state ? { proposalState: p.state } : { proposedStatus: null, proposedNote: null, proposalState: null, proposedBy: null, proposedAt: null };
  await db.update(commitments).set({ ...fields, updatedAt: sql`now()` }).where(eq(commitments.id, id));
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

export interface EntryChoiceRow {
  id: string;
  title: string;
  date: string | null;
  outcomeId: string | null;
  outcomeTitle: string | null;
}

/** The plan's entries that could be linked, newest first: id, title, date and outcome. */
export async function listPlanEntryChoices(db: Db, planId: string): Promise<EntryChoiceRow[]> {
  return db.select({ id: entries.id, title: entries.title, date: entries.date, outcomeId: entries.outcomeId, outcomeTitle: outcomes.title }).from(entries)
    .leftJoin(outcomes, eq(outcomes.id, entries.outcomeId))
    .where(eq(entries.planId, planId)).orderBy(sql`${entries.date} desc nulls last`, asc(entries.title));
}
