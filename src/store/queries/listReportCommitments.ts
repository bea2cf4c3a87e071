// A plan's commitments, soonest due first.
import { and, asc, count, eq, isNull, notInArray, or } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitmentEvidence, commitments, entries } from '../schema.js';

export async function listReportCommitments(db: Db, planId: string): Promise<(typeof commitments.$inferSelect)[]> {
  // Not those of imported items a reviewer excluded: they stay out of draft reports as well.
  const excluded = db.select({ id: entries.id }).from(entries).where(and(eq(entries.planId, planId), eq(entries.importDecision, 'excluded')));
  return db.select().from(commitments).where(and(eq(commitments.planId, planId), or(isNull(commitments.entryId), notInArray(commitments.entryId, excluded)))).orderBy(asc(commitments.dueEnd), asc(commitments.createdAt));
}

/** How many entries evidence each of a plan's commitments, by commitment id. */
export async function countEvidence(db: Db, planId: string): Promise<Map<string, number>> {
  const rows = await db.select({ id: commitmentEvidence.commitmentId, n: count() }).from(commitmentEvidence)
    .innerJoin(commitments, eq(commitments.id, commitmentEvidence.commitmentId)).where(eq(commitments.planId, planId)).groupBy(commitmentEvidence.commitmentId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
