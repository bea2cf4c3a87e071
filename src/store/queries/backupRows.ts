// Reading and writing whole tables for backup and restore. Every value travels as PostgreSQL's own
// text form (so timestamps, numbers, JSON and bytes come back exactly), rows in a fixed order
// (byte order of the row's text) so two backups of the same content are the same file.
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { TABLES_IN_ORDER } from '../schema.js';

export interface BackupColumn {
  name: string;
  type: string;
}

const tables = Object.values(TABLES_IN_ORDER) as PgTable[];

/** Table names in restore order (each after the tables it refers to). */
export const BACKUP_TABLES: string[] = tables.map((t) => getTableName(t));

function tableByName(name: string): PgTable {
  const t = tables.find((x) => getTableName(x) === name);
  if (!t) throw new Error(`No table called ${name}`);
  return t;
}

/** The columns of a table with their SQL types (serials as their integer type). */
export function backupColumns(name: string): BackupColumn[] {
  return getTableConfig(tableByName(name)).columns.map((c) => ({
    name: c.name,
    type: c.getSQLType().replace(/^bigserial$/, 'bigint').replace(/^serial$/, 'integer'),
  }));
}

/**
 * Every row of a table as a JSON array of text values (null stays null), in a stable order. Rows held
 * twice over (a workspace once written by two processes at the same time) are given once, and counted.
 */
export async function readBackupRows(db: Db, name: string): Promise<{ lines: string[]; duplicates: number }> {
  const cols = backupColumns(name)
    .map((c) => `"${c.name}"::text`)
    .join(', ');
  const result = await rows<{ r: string; n: number }>(
    db, sql.raw(`select r, count(*)::int as n from (select json_build_array(${cols})::text as r from "${name}") t group by r order by r collate "C"`),
  );
  return { lines: result.map((x) => x.r), duplicates: result.reduce((sum, x) => sum + Number(x.n) - 1, 0) };
}

function castFrom(column: BackupColumn, ref: SQL): SQL {
  if (column.type === 'bytea') return sql`decode(substr(${ref}, 3), 'hex')`;
  return sql`${ref}::${sql.raw(column.type)}`;
}

/** Inserts rows given as arrays of text values (from readBackupRows) into a table. */
export async function insertBackupRows(db: Db, name: string, columns: BackupColumn[], values: (string | null)[][]): Promise<void> {
  if (!values.length) return;
  const recordType = sql.join(columns.map((c, i) => sql.raw(`c${i} text`)), sql`, `);
  const targets = sql.join(columns.map((c) => sql.identifier(c.name)), sql`, `);
  const casts = sql.join(columns.map((c, i) => castFrom(c, sql.raw(`x.c${i}`))), sql`, `);
  const records = JSON.stringify(values.map((v) => Object.fromEntries(v.map((x, i) => [`c${i}`, x]))));
  await db.execute(sql`insert into ${sql.identifier(name)} (${targets}) select ${casts} from json_to_recordset(${records}::json) as x(${recordType})`);
}

/** Removes what `init` puts in a new workspace (settings and reference areas) before a restore. */
export async function clearInitialData(db: Db): Promise<void> {
  await db.execute(sql`delete from settings`);
  await db.execute(sql`delete from areas`);
}

/** After rows with explicit ids were restored, moves each serial's sequence past the highest id. */
export async function resetSequences(db: Db): Promise<void> {
  for (const name of BACKUP_TABLES) {
    for (const c of getTableConfig(tableByName(name)).columns) {
      if (!/serial/.test(c.getSQLType())) continue;
      await db.execute(
        sql.raw(`select setval(pg_get_serial_sequence('"${name}"', '${c.name}'), coalesce((select max("${c.name}") from "${name}"), 0) + 1, false)`),
      );
    }
  }
}
