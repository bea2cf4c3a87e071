// Failed sign-ins per key ("email:…", "ip:…"), counted over a recent window to slow guessing.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { loginAttempts } from '../schema.js';

export async function recordFailedLogins(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
}

/** Failed attempts for each key within the last `minutes`. */
export async function countRecentFailedLogins(db: Db, keys: string[], minutes: number): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const since = sql`now() - make_interval(mins => ${minutes})`;
  const result = await db.select({ key: loginAttempts.key, n: sql<number>`count(*)::int` }).from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gte(loginAttempts.at, since))).groupBy(loginAttempts.key);
  return new Map(result.map((r) => [r.key, Number(r.n)]));
}

export async function clearFailedLogins(db: Db, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export async function pruneFailedLogins(db: Db, olderThanMinutes: number): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - make_interval(mins => ${olderThanMinutes})`));
}
