// The reporting calendar: every duty with its owner and due date, what is overdue or stale, and setting duties.
import { Hono } from 'hono';
import type { Services } from '../../services/index.js';
import type { DutyInput } from '../../services/duties.js';
import { can } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';
import { typedDate, withDateProblem } from './date-fields.js';

export function calendarRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;

  async function page(c: ManageContext, duty: Record<string, unknown> = {}, errors?: FormErrors) {
    const actor = actorOf(c);
    const canManage = can(actor, 'duty.manage');
    const all = await s.duties.list(actor);
    // What is past its date and not done, the stalest first: from the same list, not read again.
    const overdue = all.filter((d) => (d.state === 'overdue' || d.state === 'stale')).sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
    const [users, indicators, structure] = [
      canManage ? (await s.users.list(actor)).filter((u) => u.active) : [],
      canManage ? await s.duties.indicatorChoices(actor) : [],
      canManage ? await s.plans.structure().catch(() => undefined) : undefined,
    ];
    // The picker's items made here: some hundreds of indicators built up inside the template cost more than the page's queries.
    const chosen = typeof duty.subject === 'string' ? duty.subject : '';
    const subjects = [
      { value: '', text: 'Choose an outcome or indicator' },
      ...(structure?.outcomes ?? []).map((o) => ({ value: `outcome:${o.id}`, text: `Outcome: ${o.title}` })),
      ...indicators.map((i) => ({ value: `indicator:${i.id}`, text: `Indicator ${i.code}: ${i.title}` })),
    ].map((x) => ({ ...x, selected: x.value !== '' && x.value === chosen }));
    return view(c, 'manage/calendar.njk', { title: 'Reporting calendar', overdue, all, users, subjects, canManage, duty, errors }, errors ? 400 : 200);
  }

  app.get('/', (c) => page(c));

  app.post('/', async (c) => {
    const form = c.get('form')!;
    const [subjectType, subjectId] = form.get('subject').split(':');
    const input: DutyInput = { subjectType: subjectType as DutyInput['subjectType'], subjectId: subjectId ?? '', periodKey: form.get('periodKey'), ownerId: form.get('ownerId'), dueDate: typedDate((k) => form.get(k), 'dueDate', 'The due date').value, repeats: (form.get('repeats') || null) as DutyInput['repeats'] };
    try {
      await s.duties.set(actorOf(c), input);
      return done(c, '/manage/calendar', 'duty-saved');
    } catch (e) {
      return answerError(c, e, (errors) => {
        // The subject picker is one field on the form.
        for (const k of ['subjectType', 'subjectId']) if (errors.field[k]) errors.field.subject = errors.field[k];
        errors.summary = errors.summary.map((x) => (/#subject(Type|Id)$/.test(x.href) ? { ...x, href: '#subject' } : x));
        return page(c, { ...input, subject: form.get('subject') }, withDateProblem(errors, 'dueDate', typedDate((k) => form.get(k), 'dueDate', 'The due date')));
      });
    }
  });

  app.post('/:id/done', async (c) => {
    await s.duties.complete(actorOf(c), c.req.param('id'));
    return done(c, c.get('form')!.get('back') === 'dashboard' ? '/manage' : '/manage/calendar', 'duty-done');
  });

  app.post('/:id/delete', async (c) => {
    await s.duties.remove(actorOf(c), c.req.param('id'));
    return done(c, '/manage/calendar', 'duty-deleted');
  });

  return app;
}
