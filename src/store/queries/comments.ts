// Comments on a submission (entry, indicator value or commitment), oldest first.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { comments } from '../schema.js';

export type CommentRow = typeof comments.$inferSelect;

export async function insertComment(db: Db, row: typeof comments.$inferInsert): Promise<void> {
  await db.insert(comments).values(row);
}

export async function listComments(db: Db, subjectType: string, subjectId: string): Promise<CommentRow[]> {
  return db.select().from(comments)
    .where(and(eq(comments.subjectType, subjectType), eq(comments.subjectId, subjectId)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}
