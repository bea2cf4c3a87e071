// Commitments: the plan's promises, soonest due first, and setting where each stands.
import { Hono } from 'hono';
import { COMMITMENT_STATUS_CHOICES, PROPOSAL_STEPS, type EvidenceSort } from '../../services/commitments.js';
import type { Services } from '../../services/index.js';
import type { ManageEnv } from '../auth/session.js';
import { historyRows } from './history.js';
import { ValidationError } from '../../errors.js';
import { formatDate } from '../../present/format.js';
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
    const actor = actorOf(c);
    const commitment = await s.commitments.get(actor, id);
    // The form starts from the proposal waiting, if any, or else from the published status and note.
    const chosen = form.status ?? commitment.proposedStatus ?? commitment.status;
    const statusItems = COMMITMENT_STATUS_CHOICES.map((x) => ({ ...x, checked: x.value === chosen }));
    const note = form.note ?? (commitment.proposalState ? commitment.proposedNote : commitment.statusNote) ?? '';
    const picker = commitment.canUpdate ? await evidencePicker(s, c, commitment.evidence.map((e) => e.id)) : undefined;
    const talk = await conversation(s, actor, 'commitment', id, `/manage/commitments/${encodeURIComponent(id)}`);
    return view(c, 'manage/commitment.njk', { title: commitment.text, commitment, statusItems, picker, note, errors, conversation: talk }, errors ? 400 : 200);
  };

  app.get('/:id', (c) => page(c, c.req.param('id')));

  // A proposed change of status: saved as a draft, or submitted for approval at once.
  app.post('/:id', async (c) => {
    const id = c.req.param('id');
    const form = c.get('form')!;
    const input = { status: form.get('status'), note: form.get('note') };
    const submit = form.get('action') === 'submit';
    try {
      await s.commitments.propose(actorOf(c), id, input.status, input.note, { submit });
      return done(c, `/manage/commitments/${id}`, submit ? 'proposal-submit' : 'proposal-saved');
    } catch (e) {
      return answerError(c, e, (errors) => page(c, id, input, errors));
    }
  });

  proposalRoutes(app, s, page);

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

/** The proposal's workflow; publishing asks first, as an entry's does. */
function proposalRoutes(app: Hono<ManageEnv>, s: Services, page: (c: ManageContext, id: string, form: object, errors?: FormErrors) => Promise<Response>): void {
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  app.post('/:id/proposal', async (c) => {
    const id = c.req.param('id');
    const form = c.get('form')!;
    const step = form.get('step');
    if (!(PROPOSAL_STEPS as readonly string[]).includes(step)) return answerError(c, new ValidationError('Choose what to do with the proposed status'));
    if (step === 'publish' && form.get('confirm') !== 'yes') {
      const commitment = await s.commitments.get(actorOf(c), id);
      if (commitment.steps.includes('publish')) {
        return view(c, 'manage/confirm-publish.njk', {
          title: 'Publish this status?', what: `${commitment.proposedLabel ?? ''}: ${commitment.text}`,
          action: `/manage/commitments/${id}/proposal`, back: `/manage/commitments/${id}`,
        });
      }
    }
    try {
      await s.commitments.proposalStep(actorOf(c), id, step, form.get('comment'));
      return done(c, `/manage/commitments/${id}`, `proposal-${step}`);
    } catch (e) {
      return answerError(c, e, (errors) => page(c, id, {}, errors));
    }
  });
}

/** The evidence picker: entries not yet linked, narrowed by title words and outcome, sorted newest, oldest or by title. */
async function evidencePicker(s: Services, c: ManageContext, linkedIds: string[]) {
  const linked = new Set(linkedIds);
  const q = (c.req.query('q') ?? '').trim();
  const sortAsked = c.req.query('sort');
  const sort: EvidenceSort = sortAsked === 'oldest' || sortAsked === 'title' ? sortAsked : 'newest';
  const outcomes = (await s.plans.structure()).outcomes;
  const outcomeId = outcomes.some((o) => o.id === c.req.query('outcome')) ? c.req.query('outcome') : undefined;
  const entries = (await s.commitments.evidenceChoices(c.get('session')!.actor, { q, outcomeId, sort })).filter((e) => !linked.has(e.id));
  const shown = entries.slice(0, 200);
  return {
    q, sort, outcomeId, total: entries.length, shown: shown.length, filtered: Boolean(q || outcomeId),
    outcomeItems: [{ value: '', text: 'Any outcome' }, ...outcomes.map((o) => ({ value: o.id, text: o.title, selected: o.id === outcomeId }))],
    sortItems: [['newest', 'Newest first'], ['oldest', 'Oldest first'], ['title', 'Title, A to Z']].map(([value, text]) => ({ value, text, selected: value === sort })),
    entryItems: [{ value: '', text: 'Choose an entry' }, ...shown.map((e) => ({
      value: e.id, text: [e.title, e.outcomeTitle, e.date ? formatDate(e.date) : 'no date'].filter(Boolean).join(' – '),
    }))],
  };
}
