// Signing in and out: scrypt-checked passwords, database sessions (only the token's SHA-256 is stored),
// a CSRF token per session, and throttling of attempts per account and client address, per client
// address, and per account from everywhere, each counted atomically before the password is checked.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { User } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { pruneFailedLogins } from '../store/queries/loginAttempts.js';
import { clearSignInCounters, countSignInAttempt, pruneSignInCounters, uncountSignInAttempt } from '../store/queries/signInCounters.js';
import { deleteExpiredSessions, deleteSession, deleteUserSessions, getLiveSession, insertSession, touchSession } from '../store/queries/sessions.js';
import { getUserByEmail, updateUser, type UserRow } from '../store/queries/userAccounts.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import type { Actor } from './policy.js';
import { toUser } from './users.js';

/**
 * Attempts allowed within a window of THROTTLE.minutes, counted before each password check:
 * - perAccountAndClient: one account from one client address. Someone guessing from their address
 *   is stopped for the rest of the window, while the owner signing in from theirs is not;
 * - perClient: every account from one address (a successful sign-in does not count against it);
 * - perAccount: one account from every address together, high enough that only guessing spread over
 *   many addresses reaches it. A successful sign-in clears its account's counts.
 */
export const THROTTLE = { minutes: 15, perAccountAndClient: 5, perClient: 30, perAccount: 100 } as const;

export interface SignedInSession {
  /** Goes in the cookie; never stored. */
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: Date;
}

export type SignInFailure = { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };
export type SignInResult = ({ ok: true } & SignedInSession) | SignInFailure;

export interface CurrentSession {
  sessionId: string;
  csrfToken: string;
  user: User;
  actor: Actor;
  expiresAt: Date;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

/** Only refreshed now and then, so that every page view is not a write. */
const TOUCH_AFTER_MS = 5 * 60_000;

export function authService(store: Store, config: Config) {
  const { db } = store;
  // Compared against when the email is unknown, so that a wrong email takes as long as a wrong password.
  let dummyHash: Promise<string> | undefined;

  return {
    /** Checks an email and password with throttling, without starting a session (re-authentication). */
    async checkPassword(input: { email: string; password: string; address?: string }): Promise<{ ok: true; user: UserRow } | SignInFailure> {
      const email = input.email.trim().toLowerCase();
      const client = `client:${input.address || 'unknown'}`;
      const keys = { pair: `account:${email}|${client}`, client, account: `account:${email}` };
      const counts = await countSignInAttempt(db, [keys.pair, keys.client, keys.account], THROTTLE.minutes);
      const limits: [string, number][] = [[keys.pair, THROTTLE.perAccountAndClient], [keys.client, THROTTLE.perClient], [keys.account, THROTTLE.perAccount]];
      const over = limits.map(([key, limit]) => ({ ...counts.get(key)!, limit })).filter((c) => c.attempts > c.limit);
      if (over.length) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.max(...over.map((c) => c.secondsLeft)) };
      const row = email ? await getUserByEmail(db, email) : undefined;
      dummyHash ??= hashPassword(randomUUID());
      const good = await verifyPassword(input.password, row?.passwordHash ?? (await dummyHash));
      if (!row || !good || !row.active) return { ok: false, reason: 'invalid' };
      await clearSignInCounters(db, [keys.pair, keys.account]);
      await uncountSignInAttempt(db, keys.client);
      // Hashes made at a lower cost than today's are made again now that the password is known.
      if (needsRehash(row.passwordHash)) {
        const passwordHash = await hashPassword(input.password);
        await updateUser(db, row.id, { passwordHash });
        return { ok: true, user: { ...row, passwordHash } };
      }
      return { ok: true, user: row };
    },

    async signIn(input: { email: string; password: string; address?: string; previousToken?: string }): Promise<SignInResult> {
      const checked = await this.checkPassword(input);
      if (!checked.ok) return checked;
      const row = checked.user;
      const token = newToken();
      const csrfToken = newToken();
      const expiresAt = new Date(Date.now() + config.sessionDays * 86_400_000);
      await db.transaction(async (tx) => {
        // Rotation: whatever session the browser had before is ended, and a new token issued.
        if (input.previousToken) await deleteSession(tx, hashToken(input.previousToken));
        await insertSession(tx, { id: hashToken(token), userId: row.id, csrfToken, expiresAt: expiresAt.toISOString() });
        await appendAuditEvent(tx, { userId: row.id, action: 'sign-in', entityType: 'user', entityId: row.id });
      });
      return { ok: true, token, csrfToken, user: toUser(row), expiresAt };
    },

    /** The signed-in person for a cookie token, or null when it is unknown, expired or the account is inactive. */
    async session(token: string | undefined): Promise<CurrentSession | null> {
      if (!token || token.length > 200) return null;
      const found = await getLiveSession(db, hashToken(token));
      if (!found || !found.user.active) return null;
      if (Date.now() - Date.parse(found.session.lastSeenAt) > TOUCH_AFTER_MS) await touchSession(db, found.session.id);
      const user = toUser(found.user);
      return { sessionId: found.session.id, csrfToken: found.session.csrfToken, user, actor: user, expiresAt: new Date(found.session.expiresAt) };
    },

    async signOut(token: string | undefined): Promise<void> {
      if (!token) return;
      await deleteSession(db, hashToken(token));
    },

    /** Ends every session of the acting person, on every device. Returns how many were ended. */
    async signOutEverywhere(actor: Actor): Promise<number> {
      if (!actor.id) return 0;
      const id = actor.id;
      return db.transaction(async (tx) => {
        const n = await deleteUserSessions(tx, id);
        await appendAuditEvent(tx, { userId: id, action: 'sign-out-everywhere', entityType: 'user', entityId: id, after: { sessionsEnded: n } });
        return n;
      });
    },

    /** Housekeeping: removes expired sessions, old sign-in counters and the earlier record of failed attempts. */
    async prune(): Promise<void> {
      await deleteExpiredSessions(db);
      await pruneSignInCounters(db, THROTTLE.minutes * 4);
      await pruneFailedLogins(db, THROTTLE.minutes * 4);
    },
  };
}
