// Open data downloads under /data: everything published, as CSV (one row per thing, lists joined
// with "; ") and as JSON (the API's shapes).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { toCsv } from '../present/csv.js';
import { parseQuery } from './query.js';
import { NotFoundError } from '../errors.js';
import type { Services } from '../services/index.js';
import { commitmentView, entrySummary, indicatorView } from './api-views.js';
import type { AppEnv } from './render.js';

type Row = Record<string, unknown>;

const DataQuery = z.object({
  period: z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2019/20 or FY2019-20').optional(),
}).strict();

export function openDataRoutes(s: Services): Hono<AppEnv> {
  const data = new Hono<AppEnv>();

  // Each dataset for the default period (see structureFor), or with a period, what was published for it under the plan in force then.
  const datasets: Record<string, (period?: string) => Promise<{ json: unknown[]; csv: Row[] }>> = {
    entries: async (period) => {
      const { entries } = await s.site.entries(period ? { periodKey: period } : {});
      return {
        json: entries.map((e) => ({ ...entrySummary(e), body: e.body })),
        csv: entries.map((e) => ({
          id: e.id, kind: e.kind, title: e.title, date: e.date, period: e.periodKey, outcome: e.outcomeTitle, theme: e.themeTitle,
          service: e.service, status: e.status, places: e.places.map((p) => p.name).join('; '),
          area_codes: [...new Set(e.places.map((p) => p.areaCode).filter(Boolean))].join('; '), partners: e.partners.join('; '), text: e.body,
        })),
      };
    },
    indicators: async (period) => {
      const list = await s.site.indicators(period);
      return {
        json: list.map(indicatorView),
        csv: list.map((i) => ({
          code: i.code, title: i.title, unit: i.unit, decimal_places: i.decimalPlaces, polarity: i.polarity, frequency: i.frequency,
          outcome: i.outcomeTitle, theme: i.themeTitle, source: i.source, definition: i.definition,
        })),
      };
    },
    values: async (period) => {
      // A period's values are its indicators' series ending there.
      const list = await s.site.observations(undefined, period);
      return {
        json: list.map(({ indicatorId: _id, ...v }) => v),
        csv: list.map((v) => ({ indicator: v.code, period_key: v.periodKey, period: v.period, value: v.value, status: v.status, target: v.target, note: v.note })),
      };
    },
    commitments: async (period) => {
      const { commitments } = await s.site.commitments({ period });
      return {
        json: commitments.map(commitmentView),
        csv: commitments.map((c) => ({
          id: c.id, commitment: c.text, due: c.dueText, due_start: c.dueStart, due_end: c.dueEnd, status: c.status,
          status_note: c.statusNote, status_set_on: c.statusSetOn, outcome: c.outcomeTitle, stated_in: c.entryId, evidence: c.evidence.map((e) => e.id).join('; '),
        })),
      };
    },
  };

  const send = async (c: Context<AppEnv>, name: string, ext: string) => {
    const make = datasets[name];
    if (!make || (ext !== 'csv' && ext !== 'json')) throw new NotFoundError('Dataset', `${name}.${ext}`);
    const q = parseQuery(DataQuery, c.req.query());
    // Without a period, the default one (the latest with published delivery or values): the file is named for it.
    const { period } = await s.site.structureFor(q.period);
    const d = await make(q.period ? period?.key : undefined);
    const disposition = { 'Content-Disposition': `attachment; filename="${name}${period ? `-${period.key}` : ''}.${ext}"`, 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (ext === 'json') return c.json(d.json, 200, disposition);
    const columns = d.csv[0] ? Object.keys(d.csv[0]) : [];
    return c.body(toCsv(d.csv, columns), 200, { 'Content-Type': 'text/csv; charset=utf-8', ...disposition });
  };

  data.get('/:file{[a-z]+\\.(?:csv|json)}', (c) => {
    const [name, ext] = c.req.param('file').split('.');
    return send(c, name, ext);
  });
  return data;
}
