// An entry's figures by hand: add, correct or remove one, or find figures, places and partners in the text again.
import { Hono } from 'hono';
import type { Services } from '../../services/index.js';
import { FACT_KINDS, type FactInput } from '../../services/entry-facts.js';
import type { FormFields, ManageEnv } from '../auth/session.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';

const factInput = (form: FormFields): FactInput =>
  ({ text: form.get('text'), kind: form.get('kind') as FactInput['kind'], value: form.get('value'), unit: form.get('unit') });

export function entryFactRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const back = (id: string) => `/manage/entries/${id}`;

  const formPage = async (c: ManageContext, id: string, fact: Record<string, unknown>, factId?: string, errors?: FormErrors) => {
    const entry = await s.entries.get(actorOf(c), id);
    return view(c, 'manage/fact-form.njk', {
      title: factId ? 'Correct a figure' : 'Add a figure', entry: entry.entry, fact, factId, kinds: FACT_KINDS, errors,
      action: factId ? `${back(id)}/facts/${factId}` : `${back(id)}/facts`,
    }, errors ? 400 : 200);
  };

  app.get('/:id/facts/new', (c) => formPage(c, c.req.param('id'), {}));
  app.get('/:id/facts/:factId/edit', async (c) => {
    const entry = await s.entries.get(actorOf(c), c.req.param('id'));
    const fact = entry.facts.find((f) => f.id === c.req.param('factId'));
    return formPage(c, entry.entry.id, fact ? { ...fact, value: fact.value ?? '' } : {}, c.req.param('factId'));
  });

  const save = async (c: ManageContext, factId?: string) => {
    const id = c.req.param('id')!;
    const input = factInput(c.get('form')!);
    try {
      await s.entryFacts.save(actorOf(c), id, input, factId);
      return done(c, back(id), 'fact-saved');
    } catch (e) {
      return answerError(c, e, (errors) => formPage(c, id, input, factId, errors));
    }
  };
  app.post('/:id/facts', (c) => save(c));
  app.post('/:id/facts/:factId', (c) => save(c, c.req.param('factId')));

  app.post('/:id/facts/:factId/delete', async (c) => {
    await s.entryFacts.remove(actorOf(c), c.req.param('id'), c.req.param('factId'));
    return done(c, back(c.req.param('id')), 'fact-removed');
  });

  app.post('/:id/suggest', async (c) => {
    await s.entryFacts.suggest(actorOf(c), c.req.param('id'));
    return done(c, back(c.req.param('id')), 'facts-suggested');
  });

  return app;
}
