// Administration: staff accounts, the plan's outcomes and themes, and the public site's settings.
import { Hono, type MiddlewareHandler } from 'hono';
import { ROLES, type Role } from '../../domain/index.js';
import type { Services } from '../../services/index.js';
import { can, type Action } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { historyRows } from './history.js';
import { answerError, done, problemPage, view, type FormErrors, type ManageContext } from './render.js';

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages users, the plan structure and settings, and can do everything else.',
  'performance-officer': 'Looks after indicators, targets and imports; approves and publishes.',
  contributor: 'Writes entries and enters indicator values for their services or outcomes, and submits them.',
  viewer: 'Reads everything in the workspace, drafts included, and changes nothing.',
};

/** Who is asking, and a guard that lets only those allowed an action through. */
function adminRoutesContext() {
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const only = (action: Action): MiddlewareHandler<ManageEnv> => async (c, next) =>
    can(actorOf(c), action) ? next() : problemPage(c, 403, 'You cannot do that', `Your role (${actorOf(c).role}) does not allow this page.`);
  return { actorOf, only };
}

type AdminRoutesContext = ReturnType<typeof adminRoutesContext>;

/** Staff accounts: list, add, change, deactivate, history. */
function userPages(app: Hono<ManageEnv>, s: Services, context: AdminRoutesContext): void {
  const { actorOf, only } = context;
  // Users ------------------------------------------------------------------------------------------
  app.use('/users/*', only('user.manage'));
  app.use('/users', only('user.manage'));

  const outcomesOf = async () => (await s.plans.structure().catch(() => undefined))?.outcomes ?? [];
  const userForm = async (c: ManageContext, data: { user: Record<string, unknown>; id?: string; errors?: FormErrors }) =>
    view(c, 'manage/user-form.njk', { title: data.id ? 'Change a user' : 'Add a user', roles: ROLES, roleDescriptions: ROLE_DESCRIPTIONS, outcomes: await outcomesOf(), ...data }, data.errors ? 400 : 200);

  app.get('/users', async (c) => view(c, 'manage/users.njk', { title: 'Users', users: await s.users.list(actorOf(c)) }));
  app.get('/users/new', (c) => userForm(c, { user: { services: [], outcomeIds: [] } }));

  app.post('/users', async (c) => {
    const form = c.get('form')!;
    const input = {
      email: form.get('email'), name: form.get('name'), role: form.get('role') as Role, services: lines(form.get('services')),
      outcomeIds: form.all('outcomeIds'), password: form.get('password') || undefined,
    };
    try {
      const { user, generatedPassword } = await s.users.create(actorOf(c), input);
      return view(c, 'manage/user-created.njk', { title: 'User added', user, generatedPassword });
    } catch (e) {
      return answerError(c, e, (errors) => userForm(c, { user: { ...input, password: '' }, errors }));
    }
  });

  app.get('/users/:id', async (c) => {
    const user = await s.users.get(actorOf(c), c.req.param('id'));
    return userForm(c, { user, id: user.id });
  });

  app.post('/users/:id', async (c) => {
    const id = c.req.param('id');
    const form = c.get('form')!;
    const changes = { name: form.get('name'), role: form.get('role') as Role, services: lines(form.get('services')), outcomeIds: form.all('outcomeIds') };
    try {
      await s.users.update(actorOf(c), id, changes);
      return done(c, '/manage/users', 'user-updated');
    } catch (e) {
      const user = await s.users.get(actorOf(c), id);
      return answerError(c, e, (errors) => userForm(c, { user: { ...user, ...changes }, id, errors }));
    }
  });

  app.post('/users/:id/active', async (c) => {
    const active = c.get('form')!.get('active') === '1';
    await s.users.setActive(actorOf(c), c.req.param('id'), active);
    return done(c, '/manage/users', active ? 'user-reactivated' : 'user-deactivated');
  });

  app.get('/users/:id/history', async (c) => {
    const user = await s.users.get(actorOf(c), c.req.param('id'));
    return view(c, 'manage/history.njk', { title: `History: ${user.name}`, back: `/manage/users/${user.id}`, rows: historyRows(await s.audit.history(actorOf(c), 'user', user.id)) });
  });
}

/** The plan's outcomes and themes: add, edit, move, remove. */
function planPages(app: Hono<ManageEnv>, s: Services, context: AdminRoutesContext): void {
  const { actorOf, only } = context;
  // Plan structure -----------------------------------------------------------------------------------
  app.use('/plan/*', only('plan.manage'));
  app.use('/plan', only('plan.manage'));

  const planPage = async (c: ManageContext, extra: { errors?: FormErrors; outcome?: Record<string, unknown> } = {}) => {
    const structure = await s.plans.structure().catch(() => undefined);
    return view(c, 'manage/plan.njk', { title: 'Plan structure', structure, ...extra }, extra.errors ? 400 : 200);
  };
  const heading = (c: ManageContext) => ({ title: c.get('form')!.get('title'), summary: c.get('form')!.get('summary') });

  app.get('/plan', (c) => planPage(c));

  app.post('/plan/outcomes', async (c) => {
    try {
      const structure = await s.plans.structure();
      await s.structure.addOutcome(actorOf(c), structure.plan.id, heading(c));
      return done(c, '/manage/plan', 'plan-saved');
    } catch (e) {
      return answerError(c, e, (errors) => planPage(c, { errors, outcome: heading(c) }));
    }
  });

  const headingForm = async (c: ManageContext, kind: 'outcome' | 'theme', id: string, errors?: FormErrors, values?: Record<string, unknown>) => {
    const structure = await s.plans.structure();
    const outcome = kind === 'outcome' ? structure.outcomes.find((o) => o.id === id) : structure.outcomes.find((o) => o.themes.some((t) => t.id === id));
    const item = kind === 'outcome' ? outcome : outcome?.themes.find((t) => t.id === id);
    if (!outcome || !item) return problemPage(c, 404, 'Page not found', `${kind === 'outcome' ? 'Outcome' : 'Theme'} not found.`);
    return view(c, 'manage/heading-form.njk', { title: kind === 'outcome' ? `Outcome: ${outcome.title}` : `Theme: ${item.title}`, kind, item: { ...item, ...values }, outcome, errors }, errors ? 400 : 200);
  };

  for (const kind of ['outcome', 'theme'] as const) {
    app.get(`/plan/${kind}s/:id`, (c) => headingForm(c, kind, c.req.param('id')));
    app.post(`/plan/${kind}s/:id`, async (c) => {
      const id = c.req.param('id');
      try {
        if (kind === 'outcome') await s.structure.editOutcome(actorOf(c), id, heading(c));
        else await s.structure.editTheme(actorOf(c), id, heading(c));
        return done(c, '/manage/plan', 'plan-saved');
      } catch (e) {
        return answerError(c, e, (errors) => headingForm(c, kind, id, errors, heading(c)));
      }
    });
    app.post(`/plan/${kind}s/:id/delete`, async (c) => {
      await s.structure.remove(actorOf(c), kind, c.req.param('id'));
      return done(c, '/manage/plan', 'plan-saved');
    });
  }

  app.post('/plan/outcomes/:id/move', async (c) => {
    await s.structure.moveOutcome(actorOf(c), c.req.param('id'), c.get('form')!.get('direction') === 'up' ? 'up' : 'down');
    return done(c, '/manage/plan', 'plan-saved');
  });

  app.post('/plan/outcomes/:id/themes', async (c) => {
    const id = c.req.param('id');
    try {
      await s.structure.addTheme(actorOf(c), id, heading(c));
      return done(c, `/manage/plan/outcomes/${id}`, 'plan-saved');
    } catch (e) {
      return answerError(c, e, (errors) => headingForm(c, 'outcome', id, errors));
    }
  });
}

/** The public site's settings. */
function settingsPages(app: Hono<ManageEnv>, s: Services, context: AdminRoutesContext): void {
  const { actorOf, only } = context;
  // Settings -------------------------------------------------------------------------------------------
  app.use('/settings', only('settings.manage'));
  const settingsPage = async (c: ManageContext, values?: Record<string, unknown>, errors?: FormErrors) =>
    view(c, 'manage/settings.njk', { title: 'Settings', settings: values ?? (await s.workspace.settings()), errors }, errors ? 400 : 200);

  app.get('/settings', (c) => settingsPage(c));
  app.post('/settings', async (c) => {
    const form = c.get('form')!;
    const input = { councilName: form.get('councilName'), logoUrl: form.get('logoUrl'), brandColour: form.get('brandColour') };
    try {
      await s.siteSettings.update(actorOf(c), input);
      return done(c, '/manage/settings', 'settings-saved');
    } catch (e) {
      return answerError(c, e, (errors) => settingsPage(c, input, errors));
    }
  });
}

export function adminRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const context = adminRoutesContext();
  userPages(app, s, context);
  planPages(app, s, context);
  settingsPages(app, s, context);
  return app;
}
