// Signing in and out: scrypt-checked passwords, database sessions (only the token's SHA-256 is stored),
// a CSRF token per session, and throttling of failed attempts per email and per address.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { User } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { clearFailedLogins, countRecentFailedLogins, pruneFailedLogins, recordFailedLogins } from '../store/queries/loginAttempts.js';
import { deleteExpiredSessions, deleteSession, deleteUserSessions, getLiveSession, insertSession, touchSession } from '../store/queries/sessions.js';
import { getUserByEmail, type UserRow } from '../store/queries/userAccounts.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Actor } from './policy.js';
import { toUser } from './users.js';

/** Failed attempts allowed within THROTTLE_MINUTES before sign-in is refused for that email or address. */
export const THROTTLE = { minutes: 15, perEmail: 5, perAddress: 30 } as const;

export interface SignedInSession {
  /** Goes in the cookie; never stored. */
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: Date;
}

export type SignInResult = ({ ok: true } & SignedInSession) | { ok: false; reason: 'invalid' | 'throttled' };

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
    async checkPassword(input: { email: string; password: string; address?: string }): Promise<{ ok: true; user: UserRow } | { ok: false; reason: 'invalid' | 'throttled' }> {
      const email = input.email.trim().toLowerCase();
      const keys = [`email:${email}`, ...(input.address ? [`ip:${input.address}`] : [])];
      const counts = await countRecentFailedLogins(db, keys, THROTTLE.minutes);
      if ((counts.get(keys[0]) ?? 0) >= THROTTLE.perEmail || (input.address && (counts.get(keys[1]) ?? 0) >= THROTTLE.perAddress)) {
        return { ok: false, reason: 'throttled' };
      }
      const row = email ? await getUserByEmail(db, email) : undefined;
      dummyHash ??= hashPassword(randomUUID());
      const good = await verifyPassword(input.password, row?.passwordHash ?? (await dummyHash));
      if (!row || !good || !row.active) {
        await recordFailedLogins(db, keys);
        return { ok: false, reason: 'invalid' };
      }
      await clearFailedLogins(db, keys[0]);
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

    /** Housekeeping: removes expired sessions and old failed attempts. */
    async prune(): Promise<void> {
      await deleteExpiredSessions(db);
      await pruneFailedLogins(db, THROTTLE.minutes * 4);
    },
  };
}
