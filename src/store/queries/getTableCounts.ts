// Row counts of every table, for `compendium status`.
import { getTableName, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { TABLES_IN_ORDER } from '../schema.js';

export async function getTableCounts(db: Db): Promise<Record<string, number>> {
  const names = Object.values(TABLES_IN_ORDER).map((t) => getTableName(t));
  const union = names.map((n) => `select '${n}' as name, count(*)::int as n from "${n}"`).join(' union all ');
  const result = await rows<{ name: string; n: number }>(db, sql.raw(union));
  const byName = new Map(result.map((r) => [r.name, Number(r.n)]));
  return Object.fromEntries(names.map((n) => [n, byName.get(n) ?? 0]));
}

/** The newest applied migration, as drizzle records it. */
export async function getSchemaVersion(db: Db): Promise<{ migrations: number; latest: string | null }> {
  const r = await rows<{ n: number; latest: string | null }>(db, sql`select count(*)::int as n, max(created_at)::text as latest from drizzle.__drizzle_migrations`);
  return { migrations: Number(r[0]?.n ?? 0), latest: r[0]?.latest ?? null };
}
