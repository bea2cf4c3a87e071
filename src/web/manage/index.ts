// The staff workspace under /manage: sign-in, dashboard and every page staff work in. Each mutating
// route goes through the session and CSRF middleware, and each service call checks the role again.
import { Hono, type MiddlewareHandler } from 'hono';
import type { Services } from '../../services/index.js';
import { can, type Actor } from '../../services/policy.js';
import { streamingBodyLimit } from '../auth/body-limit.js';
import { clientAddress } from '../auth/client-address.js';
import { clearSessionCookie, sessionMiddleware, sessionToken, setSessionCookie, signInToken, type ManageEnv } from '../auth/session.js';
import { adminSections, answerError, done, problemPage, view, type ManageContext } from './render.js';
import { adminRoutes } from './admin.js';
import { auditRoutes } from './audit.js';
import { narrativeRoutes } from './narrative.js';
import { calendarRoutes } from './calendar.js';
import { commitmentRoutes } from './commitments.js';
import { linkRoutes } from './links.js';
import { planVersionRoutes } from './plans.js';
import { entryRoutes } from './entries.js';
import { entryFactRoutes } from './entry-facts.js';
import { dashboardCharts } from './dashboard-charts.js';
import { indicatorRoutes } from './indicators.js';
import { reportRoutes } from './reports.js';
import { uploadRoutes } from './uploads.js';
import { importRoutes } from './imports.js';
import { valueRoutes } from './values.js';
import { fundingManageRoutes } from '../funding.js';
import { bulkRoutes, gridRoutes } from './grid.js';
import { linkPages } from './email-links.js';
import { teamworkRoutes } from './teamwork.js';

/** Forms other than uploads are small: this is far more than any of them needs. */
const FORM_LIMIT = 1024 * 1024;

/** Only addresses inside the workspace are followed after signing in (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next && /^\/manage(\/[A-Za-z0-9/_.?=&%-]*)?$/.test(next) && !next.includes('..') ? next : '/manage';
}

/** "1 minute", "14 minutes": how long until throttling ends, rounded up to whole minutes. */
const waitText = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

/** The page for a request body over the limit. */
function tooLarge(c: ManageContext, s: Services): Response {
  return problemPage(c, 413, 'The file is too large',
    `Uploads can be at most ${Math.round(s.config.maxUploadBytes / 1024 / 1024 * 10) / 10} MB. Split the file, or ask whoever runs Compendium to raise COMPENDIUM_MAX_UPLOAD_MB.`);
}

/** Request size limits (uploads up to the configured size, forms far less), counted as the body streams in, and the session. */
function bodyLimits(app: Hono<ManageEnv>, s: Services): void {
  const onError = (c: ManageContext) => tooLarge(c, s);
  const uploadLimit = streamingBodyLimit(s.config.maxUploadBytes, onError);
  const formLimit = streamingBodyLimit(Math.min(FORM_LIMIT, s.config.maxUploadBytes), onError);
  app.use('*', (c, next) => (c.req.path.startsWith('/manage/uploads/') ? uploadLimit(c, next) : formLimit(c, next)));
  app.use('*', sessionMiddleware(s, (c, message) => problemPage(c, 403, 'Forbidden', message)));
}

/** Signing in; everything after this needs a signed-in session. */
function signInPages(app: Hono<ManageEnv>, s: Services): void {
  const signedIn: MiddlewareHandler<ManageEnv> = async (c, next) => {
    if (c.get('session')) return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect(`/manage/sign-in?next=${encodeURIComponent(c.req.path)}`, 302);
    return problemPage(c, 403, 'Sign in first', 'Your session has ended. Sign in again.');
  };

  const signInPage = (c: ManageContext, data: Record<string, unknown> = {}, status: 200 | 400 | 429 = 200) =>
    view(c, 'manage/sign-in.njk', { title: 'Sign in', signInToken: signInToken(c, s), next: safeNext(c.req.query('next') ?? c.get('form')?.get('next')), ...data }, status);

  app.get('/sign-in', (c) => (c.get('session') ? c.redirect(safeNext(c.req.query('next')), 302) : signInPage(c)));

  app.post('/sign-in', async (c) => {
    const form = c.get('form')!;
    const email = form.get('email').trim();
    const password = form.get('password');
    if (!email || !password) {
      const summary = [...(!email ? [{ text: 'Enter your email address', href: '#email' }] : []), ...(!password ? [{ text: 'Enter your password', href: '#password' }] : [])];
      return signInPage(c, { email, errors: { summary, field: Object.fromEntries(summary.map((x) => [x.href.slice(1), { text: x.text }])) } }, 400);
    }
    const r = await s.auth.signIn({ email, password, address: clientAddress(c, s.config.trustProxyHops), previousToken: sessionToken(c) });
    if (!r.ok) {
      const text = r.reason === 'throttled'
        ? `There have been too many attempts to sign in from here. Wait ${waitText(r.retryAfterSeconds)} and try again, or sign in from another network.`
        : 'The email address or password is not right. Check them and try again.';
      if (r.reason === 'throttled') c.header('Retry-After', String(r.retryAfterSeconds));
      return signInPage(c, { email, errors: { summary: [{ text, href: '#email' }], field: {} } }, r.reason === 'throttled' ? 429 : 400);
    }
    setSessionCookie(c, s, r.token, r.expiresAt);
    return c.redirect(safeNext(form.get('next')), 303);
  });

  linkPages(app, s);
  app.use('*', signedIn);
}

/** A contributor's draft values, each with the reviewer's comment when it was returned (shown on the dashboard). */
async function withReturnComments(s: Services, actor: Actor) {
  const drafts = await s.values.list(actor, { states: ['draft'], mine: true });
  return Promise.all(drafts.map(async (v) => ({ ...v, returnComment: (await s.values.get(actor, v)).returnComment })));
}

/** The workspace home: the person's own duties and drafts, what awaits review, and the charts. */
async function dashboard(c: ManageContext, s: Services) {
  const { actor } = c.get('session')!;
  const reviewer = can(actor, 'entry.approve');
  // Each list is read once and shared: the calendar's duties give the person's own and the chart by
  // owner; the commitments give those awaiting approval and the chart of what falls due; one page of
  // the person's drafts gives both the returned ones and the first ten.
  const allDuties = await s.duties.list(actor);
  const duties = actor.id ? allDuties.filter((d) => d.ownerId === actor.id && d.state !== 'done') : [];
  const drafts = can(actor, 'entry.create') ? await s.entries.list(actor, { states: ['draft'], mine: true }) : { items: [], total: 0 };
  const returnedEntries = actor.role === 'contributor' ? drafts.items.filter((e) => e.reviewComment) : [];
  const mineDrafts = { items: drafts.items.slice(0, 10), total: drafts.total };
  const [toApprove, toPublish, valuesAwaiting, returnedValues] = [
    reviewer ? await s.entries.list(actor, { states: ['submitted'], pageSize: 20 }) : { items: [], total: 0 },
    reviewer ? await s.entries.list(actor, { states: ['approved'], pageSize: 20 }) : { items: [], total: 0 },
    reviewer ? await s.values.list(actor, { states: ['submitted', 'approved'] }) : [],
    actor.role === 'contributor' ? await withReturnComments(s, actor) : [],
  ];
  const commitments = await s.commitments.list(actor);
  const statusChanges = reviewer ? commitments.filter((x) => x.proposalState === 'submitted' || x.proposalState === 'approved') : [];
  const start = { entry: can(actor, 'entry.create'), value: can(actor, 'value.enter') };
  const charts = await dashboardCharts(s, actor, c.get('site').brandColour, { duties: allDuties, commitments });
  return view(c, 'manage/dashboard.njk', { title: 'Dashboard', duties, returnedEntries, mineDrafts, toApprove, toPublish, valuesAwaiting, returnedValues, statusChanges, reviewer, start, charts });
}

/** Signing out, the workspace home and account, and every workspace section. */
function workspacePages(app: Hono<ManageEnv>, s: Services): void {
  app.post('/sign-out', async (c) => {
    await s.auth.signOut(sessionToken(c));
    clearSessionCookie(c, s);
    return c.redirect('/manage/sign-in', 303);
  });

  app.post('/sign-out-everywhere', async (c) => {
    const session = c.get('session')!;
    await s.auth.signOutEverywhere(session.actor);
    clearSessionCookie(c, s);
    return c.redirect('/manage/sign-in', 303);
  });

  app.get('/', (c) => dashboard(c as ManageContext, s));

  app.get('/admin', (c) => view(c, 'manage/admin.njk', { title: 'Administration', sections: adminSections(c.get('session')!.actor) }));
  app.get('/account', (c) => view(c, 'manage/account.njk', { title: 'Your account' }));
  app.post('/account/password', async (c) => {
    const form = c.get('form')!;
    const { actor, user } = c.get('session')!;
    const current = await s.auth.checkPassword({ email: user.email, password: form.get('current'), address: clientAddress(c, s.config.trustProxyHops) });
    const again = (errors: unknown) => view(c, 'manage/account.njk', { title: 'Your account', errors }, 400);
    if (!current.ok) {
      return again({ summary: [{ text: current.reason === 'throttled' ? `Too many attempts: wait ${waitText(current.retryAfterSeconds)}` : 'Your current password is not right', href: '#current' }], field: { current: { text: 'Your current password is not right' } } });
    }
    if (form.get('password') !== form.get('confirm')) {
      return again({ summary: [{ text: 'The new passwords differ', href: '#confirm' }], field: { confirm: { text: 'Enter the same new password twice' } } });
    }
    try {
      await s.users.setPassword(actor, user.id, form.get('password'));
    } catch (e) {
      return answerError(c, e, again);
    }
    clearSessionCookie(c, s);
    return done(c, '/manage/sign-in', 'password-changed');
  });

  app.route('/entries', entryRoutes(s));
  app.route('/entries', entryFactRoutes(s));
  app.route('/values/grid', gridRoutes(s));
  app.route('/values/bulk', bulkRoutes(s));
  app.route('/values', valueRoutes(s));
  app.route('/', teamworkRoutes(s));
  app.route('/indicators', indicatorRoutes(s));
  app.route('/commitments', commitmentRoutes(s));
  app.route('/links', linkRoutes(s));
  app.route('/plans', planVersionRoutes(s));
  app.route('/calendar', calendarRoutes(s));
  app.route('/reports', reportRoutes(s));
  app.route('/uploads', uploadRoutes(s));
  app.route('/imports', importRoutes(s));
  app.route('/audit', auditRoutes(s));
  app.route('/narrative', narrativeRoutes(s));
  app.route('/funding', fundingManageRoutes(s));
  app.route('/', adminRoutes(s));

  app.notFound((c) => problemPage(c as ManageContext, 404, 'Page not found', 'If you typed the web address, check it is correct.'));
  app.onError((e, c) => answerError(c as ManageContext, e));
}

export function manageRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  bodyLimits(app, s);
  signInPages(app, s);
  workspacePages(app, s);
  return app;
}
