// Inserts many rows into one table in chunks (bind-parameter limits), inside the caller's transaction.
//
// The statement is written here rather than by drizzle's insert builder: for a batch of reports
// (twelve thousand entries, thirty-five thousand link suggestions) the builder's work on every value
// cost about as much as PostgreSQL's own. The rows are the same: every column of the table in
// drizzle's order, each value through its column's own conversion (JSON, bytes), `default` where a
// row leaves a column out, as drizzle's builder does. A value drizzle would write as SQL (none of our
// tables has one) goes through the builder.
import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import type { PgColumn, PgSession, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.js';

const MAX_PARAMS = 30_000;

export interface InsertRowsOptions {
  /** Rows that would break a unique index are left out (ON CONFLICT DO NOTHING). */
  onConflictDoNothing?: boolean;
}

/** Inserts the rows; returns how many were written (with onConflictDoNothing, those not left out). */
export async function insertRows<T extends PgTable>(db: Db, table: T, values: T['$inferInsert'][], options: InsertRowsOptions = {}): Promise<number> {
  if (values.length === 0) return 0;
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([, c]) => !insertDisabled(c));
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  let written = 0;
  for (let i = 0; i < values.length; i += chunk) {
    const rows = values.slice(i, i + chunk) as Record<string, unknown>[];
    written += (await insertStatement(db, table, columns, rows, options)) ?? (await insertWithBuilder(db, table, rows, options));
  }
  return written;
}

/** Drizzle's own insert, for rows holding a value that is SQL. */
async function insertWithBuilder(db: Db, table: PgTable, rows: Record<string, unknown>[], options: InsertRowsOptions): Promise<number> {
  const q = db.insert(table).values(rows as never);
  if (options.onConflictDoNothing) return (await q.onConflictDoNothing().returning()).length;
  await q;
  return rows.length;
}

/** One INSERT of the rows with their values bound as parameters; undefined when a value is SQL. */
async function insertStatement(db: Db, table: PgTable, columns: [string, PgColumn][], rows: Record<string, unknown>[], options: InsertRowsOptions): Promise<number | undefined> {
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    for (const [key, column] of columns) {
      const value = row[key];
      if (value === undefined) {
        if (column.defaultFn !== undefined || column.onUpdateFn !== undefined) return undefined;
        cells.push('default');
        continue;
      }
      if (is(value, SQL)) return undefined;
      const driver = value === null ? null : column.mapToDriverValue(value);
      if (is(driver, SQL)) return undefined;
      params.push(driver);
      cells.push(`$${params.length}`);
    }
    tuples.push(`(${cells.join(', ')})`);
  }
  const names = columns.map(([, c]) => quote(c.name)).join(', ');
  let text = `insert into ${quote(getTableName(table))} (${names}) values ${tuples.join(', ')}`;
  if (options.onConflictDoNothing) text += ' on conflict do nothing returning 1';
  // The caller's database or transaction runs it, through whichever driver it has.
  const session = (db as unknown as { session: PgSession }).session;
  const result = (await session.prepareQuery({ sql: text, params }, undefined, undefined, false).execute()) as { rows?: unknown[] };
  return options.onConflictDoNothing ? (result.rows?.length ?? 0) : rows.length;
}

/** Generated columns are left to PostgreSQL (drizzle's builder leaves them out too). */
const insertDisabled = (c: PgColumn) => (c as unknown as { shouldDisableInsert?: () => boolean }).shouldDisableInsert?.() ?? false;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
