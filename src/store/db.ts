// The database handle type shared by every query: the same drizzle API over PGlite and PostgreSQL.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database or a transaction within one: queries take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs raw SQL (bulk loads, window functions) and returns its rows, whichever driver is underneath. */
export async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
