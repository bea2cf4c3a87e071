// Invitations and password resets by e-mail: a random token in a link (only its SHA-256 is stored),
// good once and for a limited time. A link that has run out or was used already says so plainly.
import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { getOneTimeLink, insertOneTimeLink, useOneTimeLink } from '../store/queries/oneTimeLinks.js';
import { getUserByEmail, getUserById, type UserRow } from '../store/queries/userAccounts.js';
import { hashToken } from './auth.js';
import { linkMessage } from './notification-messages.js';
import type { notificationService } from './notifications.js';
import { passwordProblem } from './passwords.js';
import { authorize, type Actor } from './policy.js';
import type { userService } from './users.js';

/** How long each kind of link works. */
export const LINK_HOURS = { invite: 7 * 24, reset: 1 } as const;
export type LinkPurpose = keyof typeof LINK_HOURS;

type Deps = {
  notifications: Pick<ReturnType<typeof notificationService>, 'always' | 'base'>;
  users: Pick<ReturnType<typeof userService>, 'setPassword'>;
};

export type LinkCheck = { ok: true; user: UserRow; purpose: LinkPurpose } | { ok: false; problem: string };

const selfActor = (u: UserRow): Actor => ({ id: u.id, name: u.name, role: 'viewer', services: [], outcomeIds: [] });

export function accessLinkService(store: Store, deps: Deps) {
  const { db } = store;

  async function issue(user: UserRow, purpose: LinkPurpose, byName?: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const hours = LINK_HOURS[purpose];
    await insertOneTimeLink(db, { id: hashToken(token), userId: user.id, purpose, expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString() });
    await deps.notifications.always(purpose, user, linkMessage({ purpose, recipientName: user.name, url: `${deps.notifications.base}/manage/link/${token}`, hours, byName }));
  }

  async function check(token: string): Promise<LinkCheck> {
    const row = /^[A-Za-z0-9_-]{43}$/.test(token) ? await getOneTimeLink(db, hashToken(token)) : undefined;
    if (!row) return { ok: false, problem: 'This link is not one Compendium sent, or it was copied only in part. Copy the whole link from the e-mail, or ask for a new one.' };
    const again = row.purpose === 'invite' ? 'Ask an administrator to send you a new invitation.' : 'Ask for a new link on the sign-in page (“Forgotten your password?”).';
    if (row.usedAt) return { ok: false, problem: `This link has been used already: each link works once. If that was you, sign in with the password you chose. Otherwise: ${again}` };
    if (Date.parse(row.expiresAt) <= Date.now()) return { ok: false, problem: `This link ran out on ${new Date(row.expiresAt).toUTCString()}. ${again}` };
    const user = await getUserById(db, row.userId);
    if (!user || !user.active) return { ok: false, problem: 'The account this link was for is no longer active. Ask an administrator.' };
    return { ok: true, user, purpose: row.purpose as LinkPurpose };
  }

  return {
    check,

    /** Sends an invitation to choose a password (administrators). */
    async invite(actor: Actor, userId: string): Promise<void> {
      authorize(actor, 'user.manage');
      const user = await getUserById(db, userId);
      if (!user || !user.active) throw new ValidationError('Only an active user can be invited');
      await issue(user, 'invite', actor.name);
    },

    /** Sends a reset link when the address is an active account's; says nothing either way (no account discovery). */
    async requestReset(email: string): Promise<void> {
      const user = await getUserByEmail(db, email.trim());
      if (user && user.active) await issue(user, 'reset');
    },

    /** Sets the password through a link, once. */
    async complete(token: string, password: string, confirm: string): Promise<UserRow> {
      const c = await check(token);
      if (!c.ok) throw new ValidationError(c.problem);
      if (password !== confirm) throw new ValidationError('The passwords differ', [{ field: 'confirm', message: 'Enter the same password twice' }]);
      const problem = passwordProblem(password, [c.user.email, c.user.name]);
      if (problem) throw new ValidationError('Choose another password', [{ field: 'password', message: problem }]);
      if (!(await useOneTimeLink(db, hashToken(token)))) throw new ValidationError('This link has been used already: each link works once.');
      await deps.users.setPassword(selfActor(c.user), c.user.id, password);
      return c.user;
    },
  };
}
