// Every commitment of a plan for the register: the promise, when it is due and why, its outcome,
// owner, status with the day it was set and its note, the period it was made in, and its evidence.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitmentEvidence, commitments, outcomes } from '../schema.js';

export interface RegisterRow {
  id: string;
  text: string;
  dueText: string | null;
  dueStart: string | null;
  dueEnd: string | null;
  dueBasis: string;
  outcomeTitle: string | null;
  owner: string | null;
  status: string;
  statusSetOn: string | null;
  statusNote: string | null;
  periodKey: string | null;
  workflowState: string;
  evidence: number;
}

export async function listCommitmentRegister(db: Db, planId: string): Promise<RegisterRow[]> {
  const evidence = db.select({ commitmentId: commitmentEvidence.commitmentId, n: count().as('n') }).from(commitmentEvidence).groupBy(commitmentEvidence.commitmentId).as('ev');
  const rows = await db.select({
    id: commitments.id, text: commitments.text, dueText: commitments.dueText, dueStart: commitments.dueStart, dueEnd: commitments.dueEnd,
    dueBasis: commitments.dueBasis, outcomeTitle: outcomes.title, owner: commitments.owner, status: commitments.status,
    statusSetOn: commitments.statusSetOn, statusNote: commitments.statusNote, periodKey: commitments.periodKey,
    workflowState: commitments.workflowState, evidence: evidence.n,
  }).from(commitments)
    .leftJoin(outcomes, eq(outcomes.id, commitments.outcomeId))
    .leftJoin(evidence, eq(evidence.commitmentId, commitments.id))
    .where(eq(commitments.planId, planId))
    .orderBy(sql`${commitments.dueEnd} asc nulls last`, asc(commitments.text));
  return rows.map((r) => ({ ...r, evidence: Number(r.evidence ?? 0) }));
}
