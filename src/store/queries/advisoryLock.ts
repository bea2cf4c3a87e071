// A transaction-scoped advisory lock: work under the same key runs one transaction at a time, across
// every process on the database, and the lock goes with the transaction's end.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';

export async function lockForTransaction(tx: Db, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}
