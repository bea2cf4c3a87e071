// The audit trail: the latest changes on screen, and the whole trail (or a date range) as CSV.
import { Hono } from 'hono';
import type { Services } from '../../services/index.js';
import type { ManageEnv } from '../auth/session.js';
import { historyRows } from './history.js';
import { ValidationError } from '../../errors.js';
import { typedDate } from './date-fields.js';
import { answerError, view, type ManageContext } from './render.js';

export function auditRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;

  app.get('/', async (c) => {
    const events = await s.audit.recent(actorOf(c), { limit: 100 });
    const rows = historyRows(events).map((r, i) => ({ ...r, entityType: events[i].entityType, entityId: events[i].entityId, record: events[i].record }));
    return view(c, 'manage/audit.njk', { title: 'Audit trail', rows });
  });

  app.get('/export.csv', async (c) => {
    const query = (k: string) => c.req.query(k) ?? '';
    const dates = [typedDate(query, 'from', 'The first day'), typedDate(query, 'to', 'The last day')];
    const [from, to] = dates.map((d) => d.value || undefined);
    const entityType = c.req.query('type') || undefined;
    try {
      const problems = dates.flatMap((d, i) => (d.problem ? [{ field: i ? 'to' : 'from', message: d.problem }] : []));
      if (problems.length) throw new ValidationError(problems[0].message, problems);
      const csv = await s.audit.csv(actorOf(c), { from, to, entityType });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
      return c.body(csv);
    } catch (e) {
      return answerError(c, e);
    }
  });

  return app;
}
