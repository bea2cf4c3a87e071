// The e-mail outbox: messages queued when something happens, claimed in batches by the sender, marked
// sent or given another try later, and listed for the administrator's page.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { outbox } from '../schema.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = Pick<typeof outbox.$inferInsert, 'kind' | 'userId' | 'toAddress' | 'subject' | 'body' | 'dedupeKey'>;

/** Queues messages; one whose dedupe key was queued before is left out. Returns how many were queued. */
export async function enqueueMessages(db: Db, messages: NewOutboxRow[]): Promise<number> {
  if (!messages.length) return 0;
  const r = await db.insert(outbox).values(messages).onConflictDoNothing().returning({ id: outbox.id });
  return r.length;
}

/**
 * Claims up to `limit` queued messages whose time has come, oldest first, by moving their next attempt
 * `leaseSeconds` on: another process sending at the same time skips them (and takes them up again only
 * if this one died before marking them).
 */
export async function claimDueMessages(db: Db, limit: number, leaseSeconds = 300): Promise<OutboxRow[]> {
  const claimed = await rows<Record<string, unknown>>(db, sql`
    update outbox set next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
    where id in (select id from outbox where state = 'queued' and next_attempt_at <= now() order by next_attempt_at, id limit ${limit} for update skip locked)
    returning id, to_address, subject, body, attempts`);
  return claimed.map((r) => ({ id: Number(r.id), toAddress: String(r.to_address), subject: String(r.subject), body: String(r.body), attempts: Number(r.attempts) }) as OutboxRow);
}

export async function markMessagesSent(db: Db, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db.update(outbox).set({ state: 'sent', sentAt: sql`now()`, attempts: sql`${outbox.attempts} + 1`, lastError: null }).where(inArray(outbox.id, ids));
}

/** Records a failed attempt: another try after `retryInSeconds`, or failed for good when that is null. */
export async function markMessageFailed(db: Db, id: number, error: string, retryInSeconds: number | null): Promise<void> {
  await db.update(outbox).set({
    attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 1000),
    state: retryInSeconds === null ? 'failed' : 'queued',
    nextAttemptAt: retryInSeconds === null ? sql`${outbox.nextAttemptAt}` : sql`now() + make_interval(secs => ${retryInSeconds})`,
  }).where(eq(outbox.id, id));
}

/** Puts a message that failed (for good, or waiting to retry), or every such message, back in the queue to go now. */
export async function requeueMessages(db: Db, id?: number): Promise<number> {
  const failing = sql`(${outbox.state} = 'failed' or (${outbox.state} = 'queued' and ${outbox.lastError} is not null))`;
  const r = await db.update(outbox).set({ state: 'queued', nextAttemptAt: sql`now()` })
    .where(id === undefined ? failing : and(eq(outbox.id, id), failing)).returning({ id: outbox.id });
  return r.length;
}

export async function listMessages(db: Db, filter: { states?: string[]; withErrorOnly?: boolean; limit?: number } = {}): Promise<OutboxRow[]> {
  const where = [];
  if (filter.states?.length) where.push(inArray(outbox.state, filter.states));
  if (filter.withErrorOnly) where.push(sql`${outbox.lastError} is not null`);
  return db.select().from(outbox).where(where.length ? and(...where) : undefined).orderBy(desc(outbox.id)).limit(filter.limit ?? 200);
}

export async function countMessagesByState(db: Db): Promise<Record<string, number>> {
  const r = await rows<{ state: string; n: number | string }>(db, sql`select state, count(*) as n from outbox group by state`);
  return Object.fromEntries(r.map((x) => [x.state, Number(x.n)]));
}
