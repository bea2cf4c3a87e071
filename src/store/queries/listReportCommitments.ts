// A plan's commitments, soonest due first.
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitmentEvidence, commitments } from '../schema.js';

export async function listReportCommitments(db: Db, planId: string): Promise<(typeof commitments.$inferSelect)[]> {
  return db.select().from(commitments).where(eq(commitments.planId, planId)).orderBy(asc(commitments.dueEnd), asc(commitments.createdAt));
}

/** How many entries evidence each of a plan's commitments, by commitment id. */
export async function countEvidence(db: Db, planId: string): Promise<Map<string, number>> {
  const rows = await db.select({ id: commitmentEvidence.commitmentId, n: count() }).from(commitmentEvidence)
    .innerJoin(commitments, eq(commitments.id, commitmentEvidence.commitmentId)).where(eq(commitments.planId, planId)).groupBy(commitmentEvidence.commitmentId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
