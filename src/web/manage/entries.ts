// Entries in the workspace: list by state, create, edit, delete, and move through the workflow.
import { Hono } from 'hono';
import { ENTRY_KINDS, WORKFLOW_STATES, type WorkflowState } from '../../domain/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { EntryInput } from '../../services/entries.js';
import { can } from '../../services/policy.js';
import { WORKFLOW_STEPS, type WorkflowStep } from '../../services/workflow.js';
import type { FormFields, ManageEnv } from '../auth/session.js';
import { markdownToHtml } from '../../present/markdown.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';
import { typedDate, withDateProblem } from './date-fields.js';
import { conversation } from './teamwork.js';
import { historyRows } from './history.js';

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function entryInput(form: FormFields): EntryInput {
  return {
    title: form.get('title'), body: form.get('body'), kind: form.get('kind') as EntryInput['kind'],
    outcomeId: form.get('outcomeId'), themeId: form.get('themeId'), date: typedDate((k) => form.get(k), 'date', 'The date').value, periodKey: form.get('periodKey'),
    service: form.get('service'), status: form.get('status'), places: lines(form.get('places')), partners: lines(form.get('partners')),
  };
}

/** The date boxes' own message in place of the service's. */
const dateProblem = (c: ManageContext, errors: FormErrors) => withDateProblem(errors, 'date', typedDate((k) => c.get('form')!.get(k), 'date', 'The date'));

/** What the entry pages share: who is asking, the form's choices and the form page. */
function entryRoutesContext(s: Services) {
  const actorOf = (c: ManageContext) => c.get('session')!.actor;

  /** What the entry form needs: the plan's outcomes and themes, and service names to suggest. */
  async function formChoices(c: ManageContext) {
    const actor = actorOf(c);
    const structure = await s.plans.structure().catch(() => undefined);
    return {
      outcomes: structure?.outcomes ?? [],
      services: actor.role === 'contributor' ? actor.services : await s.entries.services(actor),
      kinds: ENTRY_KINDS,
    };
  }

  /** What the entry page shows: the entry with its outcome and theme by name. */
  async function entryPage(c: ManageContext, id: string) {
    const entry = await s.entries.get(actorOf(c), id);
    const structure = await s.plans.structure().catch(() => undefined);
    const outcome = structure?.outcomes.find((o) => o.id === entry.entry.outcomeId);
    const theme = outcome?.themes.find((t) => t.id === entry.entry.themeId);
    return { title: entry.entry.title, entry, outcome, theme, bodyHtml: markdownToHtml(entry.entry.body) };
  }

  const formPage = async (c: ManageContext, data: { entry?: Record<string, unknown>; id?: string; errors?: FormErrors }, status: 200 | 400 = 200) =>
    view(c, 'manage/entry-form.njk', { title: data.id ? 'Edit entry' : 'New entry', ...(await formChoices(c)), ...data }, status);
  return { actorOf, formChoices, formPage, entryPage };
}

type EntryRoutesContext = ReturnType<typeof entryRoutesContext>;

/** Listing, adding, reading and editing entries. */
function entryEditPages(app: Hono<ManageEnv>, s: Services, context: EntryRoutesContext): void {
  const { actorOf, formPage, entryPage } = context;
  app.get('/', async (c) => {
    const actor = actorOf(c);
    const state = c.req.query('state');
    const states = (WORKFLOW_STATES as readonly string[]).includes(state ?? '') ? [state as WorkflowState] : undefined;
    const page = Math.max(1, Number(c.req.query('page')) || 1);
    const mine = c.req.query('mine') === '1';
    const list = await s.entries.list(actor, { states, page, mine });
    return view(c, 'manage/entries.njk', {
      title: 'Entries', list, state: states?.[0] ?? '', mine, states: WORKFLOW_STATES, canCreate: can(actor, 'entry.create'),
      pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
    });
  });

  app.get('/new', async (c) => {
    const actor = actorOf(c);
    if (!can(actor, 'entry.create')) return answerError(c, new ForbiddenError(`Your role (${actor.role}) does not allow creating entries.`));
    return formPage(c, { entry: { service: actor.services.length === 1 ? actor.services[0] : '', outcomeId: c.req.query('outcome'), periodKey: c.req.query('period') } });
  });

  app.post('/', async (c) => {
    const input = entryInput(c.get('form')!);
    try {
      const id = await s.entries.create(actorOf(c), input);
      return done(c, `/manage/entries/${id}`, 'entry-created');
    } catch (e) {
      return answerError(c, e, (errors) => formPage(c, { entry: { ...input, places: input.places?.join('\n'), partners: input.partners?.join('\n') }, errors: dateProblem(c, errors) }, 400));
    }
  });

  app.get('/:id', async (c) => {
    const entry = await entryPage(c, c.req.param('id'));
    return view(c, 'manage/entry.njk', { ...entry, returnError: c.req.query('error') === 'comment', conversation: await conversation(s, actorOf(c), 'entry', entry.entry.entry.id, `/manage/entries/${encodeURIComponent(entry.entry.entry.id)}`) });
  });

  app.get('/:id/edit', async (c) => {
    const e = await s.entries.get(actorOf(c), c.req.param('id'));
    if (!e.canEdit) return answerError(c, new ForbiddenError('This entry cannot be edited by you now: it is not a draft you are assigned to.'));
    const entry = { ...e.entry, places: e.places.map((p) => p.name).join('\n'), partners: e.entry.partners.join('\n') };
    return formPage(c, { entry, id: e.entry.id });
  });

  app.post('/:id', async (c) => {
    const id = c.req.param('id');
    const input = entryInput(c.get('form')!);
    try {
      await s.entries.update(actorOf(c), id, input);
      return done(c, `/manage/entries/${id}`, 'entry-updated');
    } catch (e) {
      return answerError(c, e, (errors) => formPage(c, { entry: { ...input, places: input.places?.join('\n'), partners: input.partners?.join('\n') }, id, errors: dateProblem(c, errors) }, 400));
    }
  });
}

/** Deleting an entry, moving it along the workflow, and its history. */
function entryDeletePages(app: Hono<ManageEnv>, s: Services, context: EntryRoutesContext): void {
  const { actorOf, entryPage } = context;
  app.get('/:id/delete', async (c) => {
    const entry = await s.entries.get(actorOf(c), c.req.param('id'));
    return view(c, 'manage/confirm-delete.njk', { title: 'Delete this entry?', what: entry.entry.title, action: `/manage/entries/${entry.entry.id}/delete`, back: `/manage/entries/${entry.entry.id}` });
  });

  app.post('/:id/delete', async (c) => {
    await s.entries.remove(actorOf(c), c.req.param('id'));
    return done(c, '/manage/entries', 'entry-deleted');
  });

  app.post('/:id/workflow', async (c) => {
    const id = c.req.param('id');
    const form = c.get('form')!;
    const step = form.get('step') as WorkflowStep;
    if (!WORKFLOW_STEPS.includes(step)) return answerError(c, new ValidationError('Choose what to do with the entry'));
    const entry = step === 'publish' && form.get('confirm') !== 'yes' ? await s.entries.get(actorOf(c), id) : null;
    if (entry?.steps.includes('publish')) {
      return view(c, 'manage/confirm-publish.njk', { title: 'Publish this entry?', what: entry.entry.title, action: `/manage/entries/${id}/workflow`, back: `/manage/entries/${id}` });
    }
    try {
      await s.entries.transition(actorOf(c), id, step, form.get('comment'));
    } catch (e) {
      return answerError(c, e, async (errors) => view(c, 'manage/entry.njk', { ...(await entryPage(c, id)), errors }, 400));
    }
    return done(c, `/manage/entries/${id}`, `entry-${step}`);
  });

  app.get('/:id/history', async (c) => {
    const actor = actorOf(c);
    const id = c.req.param('id');
    const entry = await s.entries.get(actor, id).catch(() => null);
    const events = await s.audit.history(actor, 'entry', id);
    if (!entry && !events.length) return answerError(c, new NotFoundError('Entry', id));
    return view(c, 'manage/history.njk', {
      title: `History: ${entry?.entry.title ?? 'deleted entry'}`, back: entry ? `/manage/entries/${id}` : '/manage/entries', rows: historyRows(events),
    });
  });
}

export function entryRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const context = entryRoutesContext(s);
  entryEditPages(app, s, context);
  entryDeletePages(app, s, context);
  return app;
}
