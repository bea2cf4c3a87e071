// A counter bumped by every write that changes benchmarking results (values, indicators, targets,
// groups), so that any process holding computed results in memory knows when to drop them. A write
// that changed one council's value in one period says so (a short log beside the counter), so that
// what is held in memory can be brought up to date by reading that value again instead of reloading
// everything; a version missing from the log means "anything may have changed".
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

const KEY = 'performanceDataVersion';
const LOG_KEY = 'performanceDataChanges';
/** How many targeted changes the log keeps: a process further behind reloads everything. */
const LOG_LENGTH = 32;

/** One value that changed: its indicator, area and period. */
export interface DataChange {
  indicatorId: string;
  areaCode: string;
  periodKey: string;
}

export async function getDataVersion(db: Db): Promise<number> {
  const r = await rows<{ v: number | string }>(db, sql`select (value #>> '{}')::bigint as v from settings where key = ${KEY}`);
  return r.length ? Number(r[0].v) : 0;
}

export async function bumpDataVersion(db: Db, change?: DataChange): Promise<void> {
  const [{ v }] = await rows<{ v: number | string }>(db, sql`insert into settings (key, value) values (${KEY}, '1'::jsonb)
    on conflict (key) do update set value = to_jsonb(((settings.value #>> '{}')::bigint + 1))
    returning (value #>> '{}')::bigint as v`);
  if (!change) return;
  const entry = JSON.stringify([{ v: Number(v), i: change.indicatorId, a: change.areaCode, p: change.periodKey }]);
  await db.execute(sql`insert into settings (key, value) values (${LOG_KEY}, ${entry}::jsonb)
    on conflict (key) do update set value = case when jsonb_array_length(settings.value) >= ${LOG_LENGTH}
      then (settings.value - 0) || excluded.value else settings.value || excluded.value end`);
}

/**
 * The values changed by the versions after `from` up to `to`, when every one of those versions
 * was a targeted change still in the log; undefined when any may have changed anything.
 */
export async function getDataChanges(db: Db, from: number, to: number): Promise<DataChange[] | undefined> {
  const r = await rows<{ value: { v: number; i: string; a: string; p: string }[] }>(db, sql`select value from settings where key = ${LOG_KEY}`);
  const log = (r[0]?.value ?? []).filter((e) => e.v > from && e.v <= to);
  if (new Set(log.map((e) => e.v)).size !== to - from) return undefined;
  return log.map((e) => ({ indicatorId: e.i, areaCode: e.a, periodKey: e.p }));
}
