// The council's narrative kept from its reports, one simple form a block: heading and paragraphs.
import { Hono } from 'hono';
import { isValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { authorize } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, view, type ManageContext } from './render.js';

export function narrativeRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const page = async (c: ManageContext, data: Record<string, unknown> = {}, status: 200 | 400 = 200) =>
    view(c, 'manage/narrative.njk', { title: 'Narrative', blocks: await s.narrative.list(), saved: c.req.query('saved'), ...data }, status);

  app.get('/', async (c) => {
    authorize(actorOf(c), 'plan.manage');
    return page(c);
  });

  app.post('/:id', async (c) => {
    const actor = actorOf(c);
    authorize(actor, 'plan.manage');
    const form = c.get('form')!;
    const id = c.req.param('id');
    try {
      await s.narrative.update(id, { heading: form.get('heading'), text: form.get('text') }, actor.id);
      return c.redirect(`/manage/narrative?saved=${encodeURIComponent(id)}#block-${encodeURIComponent(id)}`, 303);
    } catch (e) {
      if (isValidationError(e)) {
        return page(c, { failed: id, errors: { summary: [{ text: e.problems[0]?.message ?? e.message, href: `#text-${id}` }] }, values: { heading: form.get('heading'), text: form.get('text') } }, 400);
      }
      return answerError(c, e);
    }
  });
  return app;
}
