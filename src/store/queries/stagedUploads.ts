// Reports waiting between preview and confirmation in the workspace, by the SHA-256 of their token.
// The bytes go in parts, a statement each, with a turn of the event loop between them: an embedded
// database runs on the server's own thread, and one statement carrying a 10 MB file held it (and
// /healthz) for over a second.
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { stagedUploadParts, stagedUploads } from '../schema.js';

export type StagedUploadRow = typeof stagedUploads.$inferSelect & { content: Uint8Array };

/** The largest part of a staged upload written or read by one statement. */
export const STAGED_PART_BYTES = 256 * 1024;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores one upload, first dropping every expired one and the user's oldest beyond `perUser` − 1.
 * All or nothing: the row and its parts are written in one transaction.
 */
export async function putStagedUpload(db: Db, row: typeof stagedUploads.$inferInsert & { content: Uint8Array }, keep: { minutes: number; perUser: number }): Promise<void> {
  const { content, ...upload } = row;
  await db.transaction(async (tx) => {
    await tx.delete(stagedUploads).where(lt(stagedUploads.createdAt, sql`now() - make_interval(mins => ${keep.minutes})`));
    await tx.delete(stagedUploads).where(and(eq(stagedUploads.userId, row.userId), sql`${stagedUploads.id} in (
      select id from staged_uploads where user_id = ${row.userId} order by created_at desc offset ${keep.perUser - 1})`));
    await tx.insert(stagedUploads).values(upload);
    for (let part = 0, at = 0; at < content.length || part === 0; part++, at += STAGED_PART_BYTES) {
      if (part) await turn();
      await tx.insert(stagedUploadParts).values({ uploadId: row.id, part, content: content.subarray(at, at + STAGED_PART_BYTES) });
    }
  });
}

/** The user's upload with this id, unless it is older than `minutes`. */
export async function getStagedUpload(db: Db, id: string, userId: string, minutes: number): Promise<StagedUploadRow | undefined> {
  const [row] = await db.select().from(stagedUploads).where(and(
    eq(stagedUploads.id, id), eq(stagedUploads.userId, userId),
    sql`${stagedUploads.createdAt} >= now() - make_interval(mins => ${minutes})`,
  ));
  if (!row) return undefined;
  const parts = await db.select({ part: stagedUploadParts.part }).from(stagedUploadParts).where(eq(stagedUploadParts.uploadId, id)).orderBy(asc(stagedUploadParts.part));
  const chunks: Uint8Array[] = [];
  for (const { part } of parts) {
    if (part) await turn();
    const [p] = await db.select({ content: stagedUploadParts.content }).from(stagedUploadParts).where(and(eq(stagedUploadParts.uploadId, id), eq(stagedUploadParts.part, part)));
    chunks.push(p.content);
  }
  return { ...row, content: Buffer.concat(chunks) };
}

export async function deleteStagedUpload(db: Db, id: string): Promise<void> {
  await db.delete(stagedUploads).where(eq(stagedUploads.id, id));
}
