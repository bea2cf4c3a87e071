// Commitments: the plan's promises, soonest due first, and setting where each stands.
import { Hono } from 'hono';
import { COMMITMENT_STATUS_CHOICES } from '../../services/commitments.js';
import type { Services } from '../../services/index.js';
import type { ManageEnv } from '../auth/session.js';
import { historyRows } from './history.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';
import { conversation } from './teamwork.js';

export function commitmentRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;

  app.get('/', async (c) => {
    const status = c.req.query('status') || undefined;
    const rows = await s.commitments.list(actorOf(c), { status });
    const statusText = COMMITMENT_STATUS_CHOICES.find((x) => x.value === status)?.text;
    return view(c, 'manage/commitments.njk', { title: 'Commitments', rows, statuses: COMMITMENT_STATUS_CHOICES, status: statusText ? status : undefined, statusText });
  });

  const page = async (c: ManageContext, id: string, form: { status?: string; note?: string } = {}, errors?: FormErrors) => {
    const commitment = await s.commitments.get(actorOf(c), id);
    const chosen = form.status ?? commitment.status;
    const statusItems = COMMITMENT_STATUS_CHOICES.map((x) => ({ ...x, checked: x.value === chosen }));
    const linked = new Set(commitment.evidence.map((e) => e.id));
    const search = (c.req.query('q') ?? '').trim(); // the picker lists newest first; a search narrows it by title
    const entryItems = commitment.canUpdate
      ? [{ value: '', text: 'Choose an entry' }, ...(await s.commitments.evidenceChoices(actorOf(c)))
        .filter((e) => !linked.has(e.id) && e.title.toLowerCase().includes(search.toLowerCase())).map((e) => ({ value: e.id, text: e.title }))]
      : [];
    const talk = await conversation(s, actorOf(c), 'commitment', id, `/manage/commitments/${encodeURIComponent(id)}`);
    return view(c, 'manage/commitment.njk', { title: commitment.text, commitment, statusItems, entryItems, search, note: form.note, errors, conversation: talk }, errors ? 400 : 200);
  };

  app.get('/:id', (c) => page(c, c.req.param('id')));

  app.post('/:id', async (c) => {
    const id = c.req.param('id');
    const form = c.get('form')!;
    const input = { status: form.get('status'), note: form.get('note') };
    try {
      await s.commitments.setStatus(actorOf(c), id, input.status, input.note);
      return done(c, `/manage/commitments/${id}`, 'commitment-updated');
    } catch (e) {
      return answerError(c, e, (errors) => page(c, id, input, errors));
    }
  });

  // Evidence: an entry that shows the commitment kept, linked or unlinked.
  for (const [path, linked] of [['/:id/evidence', true], ['/:id/evidence/:entryId/delete', false]] as const) {
    app.post(path, async (c) => {
      const id = c.req.param('id');
      const entryId = linked ? c.get('form')!.get('entryId') : c.req.param('entryId') ?? '';
      try {
        await s.commitments.linkEvidence(actorOf(c), id, entryId, linked);
        return done(c, `/manage/commitments/${id}`, linked ? 'evidence-linked' : 'evidence-unlinked');
      } catch (e) {
        return answerError(c, e, (errors) => page(c, id, {}, errors));
      }
    });
  }

  app.get('/:id/history', async (c) => {
    const commitment = await s.commitments.get(actorOf(c), c.req.param('id'));
    const rows = historyRows(await s.audit.history(actorOf(c), 'commitment', commitment.id));
    return view(c, 'manage/history.njk', { title: `History: ${commitment.text}`, back: `/manage/commitments/${commitment.id}`, rows });
  });

  return app;
}
