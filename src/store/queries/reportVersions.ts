// Report versions: the background generation's queue and state, the approval step and the published
// versions of a plan and period. State changes are conditional updates, so two processes (or two
// clicks) asking for the same step find that only one of them took it.
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { reportVersions, users } from '../schema.js';

export type ReportVersionRow = typeof reportVersions.$inferSelect;
export type ReportVersionInsert = typeof reportVersions.$inferInsert;
export type ReportVersionPatch = Partial<Omit<ReportVersionInsert, 'id' | 'planId'>>;

export async function insertReportVersion(db: Db, row: ReportVersionInsert): Promise<void> {
  await db.insert(reportVersions).values(row);
}

export async function getReportVersion(db: Db, id: string): Promise<ReportVersionRow | undefined> {
  const [row] = await db.select().from(reportVersions).where(eq(reportVersions.id, id));
  return row;
}

/** A version with the names of who asked for it and who sent it for approval. */
export type ReportVersionListed = ReportVersionRow & { requestedByName: string | null; submittedByName: string | null };

/** Versions newest first: of one plan, or in some states. */
export async function listReportVersions(db: Db, filter: { planId?: string; states?: string[] } = {}): Promise<ReportVersionListed[]> {
  const requester = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${reportVersions.requestedBy})`;
  const submitter = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${reportVersions.submittedBy})`;
  return db.select({ row: reportVersions, requestedByName: requester, submittedByName: submitter })
    .from(reportVersions)
    .where(and(
      filter.planId ? eq(reportVersions.planId, filter.planId) : undefined,
      filter.states ? inArray(reportVersions.state, filter.states) : undefined,
    ))
    .orderBy(desc(reportVersions.requestedAt), desc(reportVersions.id))
    .then((rs) => rs.map((r) => ({ ...r.row, requestedByName: r.requestedByName, submittedByName: r.submittedByName })));
}

/** Moves a version from one state to another (with other changes); false when it was not in `from`. */
export async function moveReportVersion(db: Db, id: string, from: string[], patch: ReportVersionPatch & { state: string }): Promise<boolean> {
  const r = await db.update(reportVersions).set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(reportVersions.id, id), inArray(reportVersions.state, from)))
    .returning({ id: reportVersions.id });
  return r.length === 1;
}

/** Progress of the work under way (no state change). */
export async function setReportProgress(db: Db, id: string, p: { stage: string; done: number; total: number }): Promise<void> {
  await db.update(reportVersions).set({ ...p, updatedAt: sql`now()` }).where(eq(reportVersions.id, id));
}

/** The oldest version waiting for background work. */
export async function nextQueuedReportVersion(db: Db): Promise<ReportVersionRow | undefined> {
  const [row] = await db.select().from(reportVersions)
    .where(inArray(reportVersions.state, ['queued', 'publish-queued']))
    .orderBy(asc(reportVersions.updatedAt), asc(reportVersions.id)).limit(1);
  return row;
}

/**
 * After a restart: work that was under way when the process stopped goes back in the queue. With
 * several processes on one database, only work untouched for `staleSeconds` (its process is gone).
 */
export async function requeueInterruptedReportVersions(db: Db, staleSeconds = 0): Promise<number> {
  const stale = sql`${reportVersions.updatedAt} <= now() - ${staleSeconds}::int * interval '1 second'`;
  const a = await db.update(reportVersions).set({ state: 'queued', updatedAt: sql`now()` }).where(and(eq(reportVersions.state, 'generating'), stale)).returning({ id: reportVersions.id });
  const b = await db.update(reportVersions).set({ state: 'publish-queued', updatedAt: sql`now()` }).where(and(eq(reportVersions.state, 'publishing'), stale)).returning({ id: reportVersions.id });
  return a.length + b.length;
}

/** The highest version number published for a plan and period (0 when none). */
export async function latestPublishedVersion(db: Db, planId: string, periodKey: string): Promise<number> {
  const [r] = await db.select({ v: max(reportVersions.version) }).from(reportVersions)
    .where(and(eq(reportVersions.planId, planId), eq(reportVersions.periodKey, periodKey), eq(reportVersions.state, 'published')));
  return Number(r?.v ?? 0);
}
