// E-mail notifications: who hears about a submission, a return, an approval or a publication, in
// words from notification-messages.ts, queued in the outbox (the action that caused them never waits
// for the mail server) and sent from there with retry. Each person chooses what they get, and every
// message carries a signed link that turns that kind off without signing in.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { lastSubmitters } from '../store/queries/lastSubmitters.js';
import { getNotificationsOff, setNotificationsOff } from '../store/queries/notificationPreferences.js';
import { enqueueMessages, type NewOutboxRow } from '../store/queries/outbox.js';
import { getSetting, putSettings } from '../store/queries/settings.js';
import { getUserById, listUsers, type UserRow } from '../store/queries/userAccounts.js';
import {
  NOTIFICATION_KINDS, workflowMessage, type Composed, type Item, type NotificationKind, type WorkflowMessage,
} from './notification-messages.js';
import { authorize, type Actor } from './policy.js';

export { NOTIFICATION_CHOICES, NOTIFICATION_KINDS, type NotificationKind } from './notification-messages.js';

/** The address links in e-mails start with. */
export const siteAddress = (config: Config): string => (config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`).replace(/\/$/, '');

export interface WorkflowEvent {
  kind: WorkflowMessage['kind'];
  what: 'value' | 'entry';
  /** id: the record's id in the audit trail (to find who submitted it). */
  items: (Item & { id: string })[];
  actor: Actor;
  comment?: string;
}

const isReviewer = (u: UserRow) => u.active && (u.role === 'admin' || u.role === 'performance-officer');

/** What sending and choosing share: the database, the site's address, and signing links. */
function notificationContext(store: Store, config: Config) {
  const { db } = store;
  const base = siteAddress(config);
  const preferencesUrl = `${base}/manage/account/notifications`;

  let key: Promise<Buffer> | undefined;
  /** The key that signs unsubscribe links: made once per workspace, kept in its settings. */
  const signingKey = () => (key ??= (async () => {
    const existing = await getSetting<string>(db, 'mailLinkKey');
    if (existing) return Buffer.from(existing, 'hex');
    const made = randomBytes(32).toString('hex');
    await putSettings(db, { mailLinkKey: made });
    return Buffer.from(made, 'hex');
  })());

  const sign = async (payload: string) => createHmac('sha256', await signingKey()).update(payload).digest('base64url');

  async function unsubscribeUrl(userId: string, kind: NotificationKind): Promise<string> {
    const payload = `${userId}.${kind}`;
    return `${base}/manage/unsubscribe?token=${encodeURIComponent(`${Buffer.from(payload).toString('base64url')}.${await sign(payload)}`)}`;
  }

  /** Messages to people who have not turned this kind off. */
  async function toWhoeverWants(kind: NotificationKind, people: UserRow[], compose: (u: UserRow, links: { unsubscribe: string; preferences: string }) => Composed, dedupeKey?: (u: UserRow) => string): Promise<NewOutboxRow[]> {
    const off = await getNotificationsOff(db, people.map((u) => u.id));
    const wanted = people.filter((u) => u.active && !(off.get(u.id) ?? []).includes(kind));
    return Promise.all(wanted.map(async (u) => {
      const m = compose(u, { unsubscribe: await unsubscribeUrl(u.id, kind), preferences: preferencesUrl });
      return { kind, userId: u.id, toAddress: u.email, subject: m.subject, body: m.body, dedupeKey: dedupeKey?.(u) ?? null };
    }));
  }

  return { db, base, sign, toWhoeverWants };
}

type NotificationContext = ReturnType<typeof notificationContext>;

/** Queuing messages. */
function notificationSending({ db, base, toWhoeverWants }: NotificationContext) {
  return {
    /** The address links in e-mails start with. */
    base,

    /** Queues the e-mails a workflow step causes. Never throws for want of a recipient. */
    async workflow(e: WorkflowEvent): Promise<number> {
      if (!e.items.length) return 0;
      const byName = e.actor.name;
      const messages: NewOutboxRow[] = [];
      if (e.kind === 'submitted') {
        const reviewers = (await listUsers(db)).filter((u) => isReviewer(u) && u.id !== e.actor.id);
        messages.push(...await toWhoeverWants('submitted', reviewers, (u, links) => workflowMessage({ kind: 'submitted', what: e.what, items: e.items, byName, recipientName: u.name }, links)));
      } else {
        const submitters = await lastSubmitters(db, e.what, e.items.map((i) => i.id));
        const byPerson = new Map<string, typeof e.items>();
        for (const item of e.items) {
          const who = submitters.get(item.id);
          if (!who || who === e.actor.id) continue;
          byPerson.set(who, [...(byPerson.get(who) ?? []), item]);
        }
        for (const [userId, items] of byPerson) {
          const user = await getUserById(db, userId);
          if (!user) continue;
          messages.push(...await toWhoeverWants(e.kind, [user], (u, links) => workflowMessage({ kind: e.kind, what: e.what, items, byName, comment: e.comment, recipientName: u.name }, links)));
        }
      }
      return enqueueMessages(db, messages);
    },

    /** Queues one reminder (at most once for its dedupe key). */
    async reminder(user: UserRow, compose: (links: { unsubscribe: string; preferences: string }) => Composed, dedupeKey: string): Promise<number> {
      return enqueueMessages(db, await toWhoeverWants('reminder', [user], (_u, links) => compose(links), () => dedupeKey));
    },

    /** A message that goes whatever the person's choices (invitations, password resets). */
    async always(kind: 'invite' | 'reset', user: UserRow, m: Composed): Promise<void> {
      await enqueueMessages(db, [{ kind, userId: user.id, toAddress: user.email, subject: m.subject, body: m.body, dedupeKey: null }]);
    },

  };
}

/** Each person's choices, and unsubscribing by a signed link. */
function notificationChoices({ db, sign }: NotificationContext) {
  return {
    /** The kinds this person gets (every kind they have not turned off). */
    async preferences(actor: Actor): Promise<NotificationKind[]> {
      authorize(actor, 'workspace.read');
      const off = (await getNotificationsOff(db, [actor.id!])).get(actor.id!) ?? [];
      return NOTIFICATION_KINDS.filter((k) => !off.includes(k));
    },

    async setPreferences(actor: Actor, wanted: string[]): Promise<void> {
      authorize(actor, 'workspace.read');
      const unknown = wanted.filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k));
      if (unknown.length) throw new ValidationError('Choose from the list', [{ field: 'kinds', message: `There is no notification called ${unknown.join(', ')}` }]);
      await setNotificationsOff(db, actor.id!, NOTIFICATION_KINDS.filter((k) => !wanted.includes(k)));
    },

    /** Turns off the kind a signed link names; says what was turned off, or throws when the link is not one of ours. */
    async unsubscribe(token: string): Promise<{ kind: NotificationKind; email: string }> {
      const bad = new ValidationError('This unsubscribe link is not complete or was changed. Copy the whole link from the e-mail, or choose what you get on your account’s notifications page.');
      const [encoded, signature] = token.split('.');
      if (!encoded || !signature) throw bad;
      const payload = Buffer.from(encoded, 'base64url').toString();
      const expected = Buffer.from(await sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad;
      const [userId, kind] = payload.split('.') as [string, NotificationKind];
      const user = await getUserById(db, userId);
      if (!user || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) throw bad;
      const off = (await getNotificationsOff(db, [userId])).get(userId) ?? [];
      if (!off.includes(kind)) await setNotificationsOff(db, userId, [...off, kind]);
      return { kind, email: user.email };
    },
  };
}

export function notificationService(store: Store, config: Config) {
  const context = notificationContext(store, config);
  return { ...notificationSending(context), ...notificationChoices(context) };
}
