// Pages reached from an e-mail without signing in: choosing a password through an invitation or reset
// link, asking for a reset link, and turning a kind of e-mail off. Their forms carry the sign-in
// form's token (a short-lived cookie), as signing in does.
import type { Hono } from 'hono';
import { isValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { NOTIFICATION_CHOICES } from '../../services/notifications.js';
import { signInToken, type ManageEnv } from '../auth/session.js';
import { answerError, done, problemPage, view, type FormErrors, type ManageContext } from './render.js';

export function linkPages(app: Hono<ManageEnv>, s: Services): void {
  const withToken = (c: ManageContext, template: string, data: Record<string, unknown>, status: 200 | 400 = 200) =>
    view(c, template, { signInToken: signInToken(c, s), ...data }, status);

  app.get('/link/:token', async (c) => {
    const check = await s.accessLinks.check(c.req.param('token'));
    if (!check.ok) return problemPage(c, 400, 'This link does not work', check.problem);
    return withToken(c, 'manage/choose-password.njk', { title: check.purpose === 'invite' ? 'Choose your password' : 'Choose a new password', email: check.user.email, purpose: check.purpose });
  });

  app.post('/link/:token', async (c) => {
    const form = c.get('form')!;
    const token = c.req.param('token');
    try {
      await s.accessLinks.complete(token, form.get('password'), form.get('confirm'));
      return done(c, '/manage/sign-in', 'password-chosen');
    } catch (e) {
      const check = await s.accessLinks.check(token);
      if (!check.ok) return problemPage(c, 400, 'This link does not work', check.problem);
      return answerError(c, e, (errors: FormErrors) => withToken(c, 'manage/choose-password.njk', { title: 'Choose a password', email: check.user.email, purpose: check.purpose, errors }, 400));
    }
  });

  app.get('/password-reset', (c) => withToken(c, 'manage/password-reset.njk', { title: 'Reset your password' }));
  app.post('/password-reset', async (c) => {
    const email = c.get('form')!.get('email').trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      const text = 'Enter your email address, like name@council.gov.uk';
      return withToken(c, 'manage/password-reset.njk', { title: 'Reset your password', email, errors: { summary: [{ text, href: '#email' }], field: { email: { text } } } }, 400);
    }
    await s.accessLinks.requestReset(email);
    return withToken(c, 'manage/password-reset.njk', { title: 'Check your e-mail', sent: true, email });
  });

  app.get('/unsubscribe', (c) => withToken(c, 'manage/unsubscribe.njk', { title: 'Stop these e-mails', token: c.req.query('token') ?? '' }));
  app.post('/unsubscribe', async (c) => {
    try {
      const r = await s.notifications.unsubscribe(c.get('form')!.get('token'));
      return withToken(c, 'manage/unsubscribe.njk', { title: 'You will not get these e-mails', done: true, choice: NOTIFICATION_CHOICES[r.kind], email: r.email });
    } catch (e) {
      if (isValidationError(e)) return problemPage(c, 400, 'This link does not work', e.message);
      throw e;
    }
  });
}
