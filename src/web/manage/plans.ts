// The plan versions in the workspace (administrators): every plan with its years and what it holds,
// choosing the current one, and for a later plan the outcome map from the plan before it, suggested
// from titles and content (as `plans map --suggest`) for a person to change and confirm.
import { Hono, type MiddlewareHandler } from 'hono';
import { isValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { can } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, done, problemPage, view, type FormErrors, type ManageContext } from './render.js';

export function planVersionRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const only: MiddlewareHandler<ManageEnv> = async (c, next) =>
    can(actorOf(c), 'plan.manage') ? next() : problemPage(c, 403, 'You cannot do that', `Your role (${actorOf(c).role}) does not allow this page.`);
  app.use('*', only);

  app.get('/', async (c) => {
    const plans = await s.plans.summaries();
    // Each later plan is mapped from the one before it.
    return view(c, 'manage/plans.njk', { title: 'Plans', plans: plans.map((p, i) => ({ ...p, earlier: plans[i - 1] })) });
  });

  app.post('/:id/current', async (c) => {
    try {
      await s.plans.setCurrent(c.req.param('id'), actorOf(c).id);
      return done(c, '/manage/plans', 'plan-current');
    } catch (e) {
      return answerError(c, e);
    }
  });

  /** The map page: each earlier outcome with the later outcomes as choices, ticked from the confirmed map or else the suggestion. */
  const mapPage = async (c: ManageContext, ticked?: Set<string>, errors?: FormErrors) => {
    const plans = await s.plans.summaries();
    const at = plans.findIndex((p) => p.slug === c.req.param('slug') || p.id === c.req.param('slug'));
    const [earlier, later] = [plans[at - 1], plans[at]];
    if (!later) return problemPage(c, 404, 'Page not found', 'There is no such plan.');
    if (!earlier) return problemPage(c, 404, 'Page not found', `"${later.title}" is the workspace's first plan: there is no earlier plan to map from.`);
    const [confirmed, suggested, from, to] = [
      await s.planMaps.get(earlier.id, later.id), await s.planMaps.suggest(earlier.id, later.id), await s.plans.structure(earlier.id), await s.plans.structure(later.id),
    ];
    const key = (f: string, t: string) => `${f} ${t}`;
    const chosen = ticked ?? new Set((confirmed.lines.length ? confirmed.lines.map((l) => key(l.fromOutcomeId, l.toOutcomeId)) : suggested.suggestions.map((x) => key(x.fromId, x.toId))));
    const rows = from.outcomes.map((o) => ({
      id: o.id, title: o.title, themes: o.themes.map((t) => t.title),
      choices: to.outcomes.map((t) => {
        const hint = suggested.suggestions.find((x) => x.fromId === o.id && x.toId === t.id);
        return { value: key(o.id, t.id), text: t.title, checked: chosen.has(key(o.id, t.id)), hint: hint ? { text: `Suggested: score ${hint.score.toFixed(2)}, ${hint.reason}` } : undefined };
      }),
    }));
    return view(c, 'manage/plan-map.njk', {
      title: `Outcome map: ${earlier.title} to ${later.title}`, earlier, later, rows, confirmed, errors,
      confirmedAt: confirmed.lines.map((l) => l.confirmedAt).sort().at(-1),
    }, errors ? 400 : 200);
  };

  app.get('/:slug/map', (c) => mapPage(c));

  app.post('/:slug/map', async (c) => {
    const picked = c.get('form')!.all('pair');
    const pairs = picked.map((v) => v.split(' ')).filter((x) => x.length === 2).map(([fromId, toId]) => ({ fromId, toId }));
    const plans = await s.plans.summaries();
    const at = plans.findIndex((p) => p.slug === c.req.param('slug') || p.id === c.req.param('slug'));
    if (at < 1) return mapPage(c);
    try {
      await s.planMaps.confirmPairs(plans[at - 1].id, plans[at].id, pairs, actorOf(c).id);
      return done(c, `/manage/plans/${plans[at].slug}/map`, 'plan-map-confirmed');
    } catch (e) {
      if (!isValidationError(e)) return answerError(c, e);
      return mapPage(c, new Set(picked), { summary: [{ text: e.message, href: '#map' }], field: { map: { text: e.message } } });
    }
  });
  return app;
}
