// Team work pages: comments on a submission, each person's e-mail choices, the outbox's failures for
// administrators, invitations by e-mail, and the team's view of what is due by owner.
import { Hono } from 'hono';
import type { Services } from '../../services/index.js';
import type { CommentSubject } from '../../services/comments.js';
import { NOTIFICATION_CHOICES, NOTIFICATION_KINDS } from '../../services/notifications.js';
import { can, type Actor } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { safeBack } from './back.js';
import { answerError, done, problemPage, view, type ManageContext } from './render.js';

const actorOf = (c: ManageContext) => c.get('session')!.actor;

/** What a record's page needs to show its conversation. */
export async function conversation(s: Services, actor: Actor, subjectType: CommentSubject, subjectId: string, back: string) {
  return { comments: await s.comments.list(actor, subjectType, subjectId), subjectType, subjectId, back, canComment: s.comments.canComment(actor) };
}

export function teamworkRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();

  app.post('/comments', async (c) => {
    const form = c.get('form')!;
    const back = safeBack(form.get('back'));
    try {
      await s.comments.add(actorOf(c), { subjectType: form.get('subjectType'), subjectId: form.get('subjectId'), body: form.get('comment') });
      return done(c, back, 'comment-added');
    } catch (e) {
      return answerError(c, e);
    }
  });

  const preferencesPage = async (c: ManageContext) => {
    const on = await s.notifications.preferences(actorOf(c));
    const choices = NOTIFICATION_KINDS.map((k) => ({ value: k, text: NOTIFICATION_CHOICES[k], checked: on.includes(k) }));
    return view(c, 'manage/notifications.njk', { title: 'E-mail notifications', choices });
  };
  app.get('/account/notifications', preferencesPage);
  app.post('/account/notifications', async (c) => {
    await s.notifications.setPreferences(actorOf(c), c.get('form')!.all('kinds'));
    return done(c, '/manage/account/notifications', 'notifications-saved');
  });

  app.get('/outbox', async (c) => view(c, 'manage/outbox.njk', { title: 'E-mail problems', ...(await s.outbox.problems(actorOf(c))) }));
  app.post('/outbox/retry', async (c) => {
    const id = Number(c.get('form')!.get('id')) || undefined;
    await s.outbox.retryNow(actorOf(c), id);
    return done(c, '/manage/outbox', 'mail-retry');
  });

  app.post('/users/:id/invite', async (c) => {
    await s.accessLinks.invite(actorOf(c), c.req.param('id'));
    return done(c, `/manage/users/${encodeURIComponent(c.req.param('id'))}`, 'invitation-sent');
  });

  app.get('/calendar/team', async (c) => {
    const actor = actorOf(c);
    if (!can(actor, 'drafts.read')) return problemPage(c, 403, 'You cannot do that', 'Your role does not allow this page.');
    const open = (await s.duties.list(actor)).filter((d) => d.state !== 'done');
    const owners = new Map<string, { name: string; duties: typeof open }>();
    for (const d of open) {
      const key = d.ownerId ?? '';
      if (!owners.has(key)) owners.set(key, { name: d.ownerName ?? 'No owner', duties: [] });
      owners.get(key)!.duties.push(d);
    }
    const teams = [...owners.values()].sort((a, b) => a.name.localeCompare(b.name));
    return view(c, 'manage/team.njk', { title: 'What is due, by owner', teams });
  });

  return app;
}
