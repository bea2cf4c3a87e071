// Links across years in the workspace: suggestions waiting for a decision (accept into a scheme or
// reject), the links decided, and each scheme's timeline as staff see it (drafts included).
import { Hono } from 'hono';
import type { Services } from '../../services/index.js';
import { can } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';

const STATES = [
  { value: 'suggested', text: 'Waiting for a decision' },
  { value: 'accepted', text: 'Accepted' },
  { value: 'rejected', text: 'Rejected' },
];

export function linkRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;

  const list = async (c: ManageContext, errors?: FormErrors) => {
    const state = STATES.find((x) => x.value === c.req.query('state'))?.value ?? 'suggested';
    const links = await s.links.list(actorOf(c), { state });
    return view(c, 'manage/links.njk', {
      title: 'Links across years', links, states: STATES, state, stateText: STATES.find((x) => x.value === state)!.text,
      canDecide: can(actorOf(c), 'commitment.update'), schemes: await s.links.schemes(), errors,
    }, errors ? 400 : 200);
  };
  app.get('/', (c) => list(c));

  for (const [verb, key] of [['accept', 'link-accepted'], ['reject', 'link-rejected']] as const) {
    app.post(`/:id/${verb}`, async (c) => {
      const form = c.get('form')!;
      try {
        if (verb === 'accept') await s.links.accept(actorOf(c), c.req.param('id'), { scheme: form.get('scheme') || undefined });
        else await s.links.reject(actorOf(c), c.req.param('id'));
        return done(c, '/manage/links', key);
      } catch (e) {
        return answerError(c, e, (errors) => list(c, errors));
      }
    });
  }

  app.get('/schemes/:slug', async (c) => {
    const timeline = await s.links.timeline(c.req.param('slug'));
    return view(c, 'manage/scheme.njk', { title: timeline.scheme.name, timeline });
  });
  return app;
}
