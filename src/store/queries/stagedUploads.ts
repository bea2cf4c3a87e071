// Reports waiting between preview and confirmation in the workspace, by the SHA-256 of their token.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { stagedUploads } from '../schema.js';

export type StagedUploadRow = typeof stagedUploads.$inferSelect;

/** Stores one upload, first dropping every expired one and the user's oldest beyond `perUser` − 1. */
export async function putStagedUpload(db: Db, row: typeof stagedUploads.$inferInsert, keep: { minutes: number; perUser: number }): Promise<void> {
  await db.delete(stagedUploads).where(lt(stagedUploads.createdAt, sql`now() - make_interval(mins => ${keep.minutes})`));
  await db.delete(stagedUploads).where(and(eq(stagedUploads.userId, row.userId), sql`${stagedUploads.id} in (
    select id from staged_uploads where user_id = ${row.userId} order by created_at desc offset ${keep.perUser - 1})`));
  await db.insert(stagedUploads).values(row);
}

/** The user's upload with this id, unless it is older than `minutes`. */
export async function getStagedUpload(db: Db, id: string, userId: string, minutes: number): Promise<StagedUploadRow | undefined> {
  const [row] = await db.select().from(stagedUploads).where(and(
    eq(stagedUploads.id, id), eq(stagedUploads.userId, userId),
    sql`${stagedUploads.createdAt} >= now() - make_interval(mins => ${minutes})`,
  ));
  return row;
}

export async function deleteStagedUpload(db: Db, id: string): Promise<void> {
  await db.delete(stagedUploads).where(eq(stagedUploads.id, id));
}
