// Sign-in attempts per key, counted atomically: each attempt raises its keys' counts in one statement
// (insert … on conflict … returning), so attempts that race each other, in one process or several,
// each see a different count and no more than the limit go on to a password check.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface CounterState {
  attempts: number;
  /** Seconds until the key's window ends and its count starts again. */
  secondsLeft: number;
}

/** Counts one attempt for each key (a key whose window has passed starts a new one); returns each key's state. */
export async function countSignInAttempt(db: Db, keys: string[], windowMinutes: number): Promise<Map<string, CounterState>> {
  if (!keys.length) return new Map();
  const values = sql.join(keys.map((k) => sql`(${k}, 1, now())`), sql`, `);
  const expired = sql`sign_in_counters.window_start <= now() - make_interval(mins => ${windowMinutes})`;
  const r = await rows<{ key: string; attempts: number; seconds_left: number }>(db, sql`
    insert into sign_in_counters (key, attempts, window_start) values ${values}
    on conflict (key) do update set
      attempts = case when ${expired} then 1 else sign_in_counters.attempts + 1 end,
      window_start = case when ${expired} then now() else sign_in_counters.window_start end
    returning key, attempts,
      greatest(0, ceil(extract(epoch from (window_start + make_interval(mins => ${windowMinutes}) - now()))))::int as seconds_left`);
  return new Map(r.map((x) => [x.key, { attempts: Number(x.attempts), secondsLeft: Number(x.seconds_left) }]));
}

/** Forgets the keys' attempts (after a successful sign-in). */
export async function clearSignInCounters(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.execute(sql`delete from sign_in_counters where key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
}

/** Takes one attempt back from the key (a successful sign-in is not held against the client it came from). */
export async function uncountSignInAttempt(db: Db, key: string): Promise<void> {
  await db.execute(sql`update sign_in_counters set attempts = greatest(attempts - 1, 0) where key = ${key}`);
}

/** Removes counters whose window ended more than `olderThanMinutes` ago. */
export async function pruneSignInCounters(db: Db, olderThanMinutes: number): Promise<void> {
  await db.execute(sql`delete from sign_in_counters where window_start < now() - make_interval(mins => ${olderThanMinutes})`);
}
