// Sending the outbox: claim what is due, hand each message to the mailer, mark it sent, or try again
// later (after 1, 5, 15, 60 and 240 minutes), giving up after the last try; and what an administrator
// sees of it (what failed and why) and can do (send again now).
import type { Config } from '../config.js';
import type { Store } from '../store/index.js';
import {
  claimDueMessages, countMessagesByState, listMessages, markMessageFailed, markMessagesSent, requeueMessages, type OutboxRow,
} from '../store/queries/outbox.js';
import { createMailer, type Mailer } from './mailer.js';
import { authorize, type Actor } from './policy.js';

/** Minutes to wait after each failed attempt; after the last, the message is marked failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240] as const;
/** Messages handed to the mail server at once. */
const PARALLEL = 10;

export interface SendResult {
  sent: number;
  failed: number;
  /** The first failure's message, when there was one. */
  error?: string;
}

export function outboxService(store: Store, config: Config) {
  const { db } = store;
  let mailer: Promise<Mailer> | undefined;
  const mailerOf = () => (mailer ??= createMailer(config.mail));

  return {
    mode: config.mail.mode,

    /** Sends every message that is due, in batches, until none is left (or `limit` were tried). */
    async sendDue(options: { limit?: number } = {}): Promise<SendResult> {
      const m = await mailerOf();
      const result: SendResult = { sent: 0, failed: 0 };
      const limit = options.limit ?? 10_000;
      while (result.sent + result.failed < limit) {
        const batch = await claimDueMessages(db, Math.min(100, limit - result.sent - result.failed));
        if (!batch.length) break;
        const sent: number[] = [];
        for (let i = 0; i < batch.length; i += PARALLEL) {
          await Promise.all(batch.slice(i, i + PARALLEL).map(async (row) => {
            try {
              await m.send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.body });
              sent.push(row.id);
            } catch (e) {
              const error = (e as Error).message;
              result.error ??= error;
              result.failed++;
              await markMessageFailed(db, row.id, error, row.attempts < RETRY_MINUTES.length ? RETRY_MINUTES[row.attempts] * 60 : null);
            }
          }));
        }
        await markMessagesSent(db, sent);
        result.sent += sent.length;
        // A batch that failed whole means the server is down: leave the rest for the next round.
        if (!sent.length) break;
      }
      return result;
    },

    /** For administrators: messages with a failed attempt (waiting to retry or given up), and counts by state. */
    async problems(actor: Actor): Promise<{ counts: Record<string, number>; messages: OutboxRow[]; mode: string }> {
      authorize(actor, 'user.manage');
      return { counts: await countMessagesByState(db), messages: await listMessages(db, { withErrorOnly: true, states: ['queued', 'failed'] }), mode: config.mail.mode };
    },

    /** Sends a failed message (or all of them) again at the next round. */
    async retryNow(actor: Actor, id?: number): Promise<number> {
      authorize(actor, 'user.manage');
      return requeueMessages(db, id);
    },

    /** Closes the mail server connections (the pool keeps some open between rounds). */
    async close(): Promise<void> {
      (await mailer)?.close();
      mailer = undefined;
    },
  };
}
