// Inserts many rows into one table in chunks (bind-parameter limits), inside the caller's transaction.
import type { PgTable } from 'drizzle-orm/pg-core';
import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../db.js';

const MAX_PARAMS = 30_000;

export async function insertRows<T extends PgTable>(db: Db, table: T, values: T['$inferInsert'][]): Promise<number> {
  if (values.length === 0) return 0;
  const columns = Object.keys(getTableColumns(table)).length;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < values.length; i += chunk) {
    await db.insert(table).values(values.slice(i, i + chunk) as never);
  }
  return values.length;
}
