// Single-use links (invitations, password resets), kept as the SHA-256 of their token.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { oneTimeLinks } from '../schema.js';

export type OneTimeLinkRow = typeof oneTimeLinks.$inferSelect;

export async function insertOneTimeLink(db: Db, row: typeof oneTimeLinks.$inferInsert): Promise<void> {
  await db.insert(oneTimeLinks).values(row);
}

export async function getOneTimeLink(db: Db, id: string): Promise<OneTimeLinkRow | undefined> {
  const [row] = await db.select().from(oneTimeLinks).where(eq(oneTimeLinks.id, id));
  return row;
}

/** Marks a link used; false when it already was (two clicks racing each other: only one wins). */
export async function useOneTimeLink(db: Db, id: string): Promise<boolean> {
  const r = await db.update(oneTimeLinks).set({ usedAt: sql`now()` }).where(and(eq(oneTimeLinks.id, id), isNull(oneTimeLinks.usedAt))).returning({ id: oneTimeLinks.id });
  return r.length > 0;
}
