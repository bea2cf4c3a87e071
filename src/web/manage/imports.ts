// Import batches in the workspace: the list, one batch as the report's outline with a form for each
// review action (no script needed), publishing it (or its accepted part) and undoing it.
import { Hono } from 'hono';
import { IMPORT_DECISIONS, type ImportDecision } from '../../domain/index.js';
import type { Services } from '../../services/index.js';
import { can } from '../../services/policy.js';
import type { FormFields, ManageEnv } from '../auth/session.js';
import { answerError, CONFIRMATIONS, done, view, type FormErrors, type ManageContext } from './render.js';

const base = (id: string) => `/manage/imports/${id}`;

/** The outcome and theme choices of the move form, as "outcome|theme" values. */
function placeChoices(outcomes: { id: string; title: string; themes: { id: string; title: string }[] }[], item: { outcomeId: string | null; themeId: string | null }) {
  const choices = [{ value: '|', text: 'Not under an outcome' }];
  for (const o of outcomes) {
    choices.push({ value: `${o.id}|`, text: o.title });
    for (const t of o.themes) choices.push({ value: `${o.id}|${t.id}`, text: `${o.title} › ${t.title}` });
  }
  const current = `${item.outcomeId ?? ''}|${item.themeId ?? ''}`;
  return choices.map((x) => ({ ...x, selected: x.value === current }));
}

/** One batch as the report's outline, each item with its review forms. */
async function batchPage(s: Services, c: ManageContext, id: string, errors?: FormErrors): Promise<Response> {
  const actor = c.get('session')!.actor;
  const batch = await s.importBatches.get(actor, id);
  const items = batch.outline.flatMap((sec) => sec.items);
  const next = new Map(items.map((item, i) => [item.id, items[i + 1]]));
  const outline = batch.outline.map((sec) => ({
    ...sec,
    items: sec.items.map((item) => ({
      ...item, next: next.get(item.id) && !next.get(item.id)!.published ? next.get(item.id) : undefined, choices: placeChoices(batch.outcomes, item),
      factsText: item.facts.map((f) => f.text).join('; '), commitmentsText: item.commitments.map((x) => x.text).join(' · '),
    })),
  }));
  const actedOn = items.some((item) => item.id === c.req.query('item')) ? c.req.query('item') : undefined;
  return view(c, 'manage/import-batch.njk', {
    title: `Review: ${batch.fileName}`, batch, outline, errors, actedOn, confirmationAtItem: Boolean(actedOn),
    canReview: can(actor, 'import.run') && batch.state !== 'undone', canPublish: can(actor, 'entry.publish') && batch.state !== 'undone',
  }, errors ? 400 : 200);
}

export function importRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;

  app.get('/', async (c) => {
    const batches = await s.importBatches.list(actorOf(c));
    return view(c, 'manage/imports.njk', { title: 'Imports', batches, canImport: can(actorOf(c), 'import.run') });
  });

  const page = (c: ManageContext, id: string, errors?: FormErrors) => batchPage(s, c, id, errors);

  app.get('/:id', (c) => page(c, c.req.param('id')));

  /** Runs one review action and comes back to the item (or shows the batch with the problem). */
  const act = (path: string, run: (c: ManageContext, id: string, form: FormFields) => Promise<string | void>, key: keyof typeof CONFIRMATIONS) => {
    app.post(path, async (c) => {
      const id = c.req.param('id') ?? '';
      try {
        const item = await run(c, id, c.get('form')!);
        // Back to the item acted on (303, so reloading does not repeat the action).
        // The confirmation is then shown beside that item (and takes the focus there), not at the top
        // of an outline that may run to dozens of items.
        return c.redirect(`${base(id)}?done=${key}${item ? `&item=${encodeURIComponent(item)}#item-${item}` : ''}`, 303);
      } catch (e) {
        return answerError(c, e, (errors) => page(c, id, errors));
      }
    });
  };

  act('/:id/decide', async (c, id, form) => {
    const decision = form.get('decision') as ImportDecision;
    const item = form.get('item');
    await s.importBatches.decide(actorOf(c), id, [item], IMPORT_DECISIONS.includes(decision) ? decision : 'pending');
    return item;
  }, 'batch-decided');

  act('/:id/items/:item/title', async (c, id, form) => {
    await s.importBatches.retitle(actorOf(c), id, c.req.param('item')!, form.get('title'));
    return c.req.param('item');
  }, 'batch-retitled');

  act('/:id/items/:item/move', async (c, id, form) => {
    const [outcomeId, themeId] = form.get('place').split('|');
    await s.importBatches.move(actorOf(c), id, c.req.param('item')!, { outcomeId: outcomeId || null, themeId: themeId || null });
    return c.req.param('item');
  }, 'batch-moved');

  act('/:id/items/:item/merge', async (c, id, form) => {
    await s.importBatches.merge(actorOf(c), id, c.req.param('item')!, form.get('other'));
    return c.req.param('item');
  }, 'batch-merged');

  act('/:id/items/:item/split', async (c, id, form) => {
    const at = Number(form.get('at'));
    await s.importBatches.split(actorOf(c), id, c.req.param('item')!, Number.isInteger(at) ? at : -1);
    return c.req.param('item');
  }, 'batch-split');

  act('/:id/facts/:fact', async (c, id, form) => {
    await s.importBatches.fixFact(actorOf(c), id, c.req.param('fact')!, { value: form.get('value'), unit: form.get('unit'), text: form.get('text') });
    return form.get('item');
  }, 'batch-fact');

  act('/:id/publish', async (c, id, form) => {
    await s.importBatches.publish(actorOf(c), id, { acceptedOnly: form.get('scope') === 'accepted' });
  }, 'batch-published');

  undoPages(app, s);
  return app;
}

/** Undoing a batch: a page to confirm, then the removal. */
function undoPages(app: Hono<ManageEnv>, s: Services): void {
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  app.get('/:id/undo', async (c) => {
    const batch = await s.importBatches.get(actorOf(c), c.req.param('id'));
    return view(c, 'manage/import-undo.njk', { title: `Undo the import of ${batch.fileName}`, batch });
  });

  app.post('/:id/undo', async (c) => {
    const id = c.req.param('id');
    try {
      await s.importBatches.undo(actorOf(c), id);
      return done(c, base(id), 'batch-undone');
    } catch (e) {
      return answerError(c, e);
    }
  });

}
