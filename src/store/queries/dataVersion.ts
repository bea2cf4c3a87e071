// A counter bumped by every write that changes benchmarking results (values, indicators, targets,
// groups), so that any process holding computed results in memory knows when to drop them.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

const KEY = 'performanceDataVersion';

export async function getDataVersion(db: Db): Promise<number> {
  const r = await rows<{ v: number | string }>(db, sql`select (value #>> '{}')::bigint as v from settings where key = ${KEY}`);
  return r.length ? Number(r[0].v) : 0;
}

export async function bumpDataVersion(db: Db): Promise<void> {
  await db.execute(sql`insert into settings (key, value) values (${KEY}, '1'::jsonb)
    on conflict (key) do update set value = to_jsonb(((settings.value #>> '{}')::bigint + 1))`);
}
