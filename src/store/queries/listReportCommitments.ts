// A plan's commitments, soonest due first.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitments } from '../schema.js';

export async function listReportCommitments(db: Db, planId: string): Promise<(typeof commitments.$inferSelect)[]> {
  return db.select().from(commitments).where(eq(commitments.planId, planId)).orderBy(asc(commitments.dueEnd), asc(commitments.createdAt));
}
