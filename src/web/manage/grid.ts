// The values grid (/manage/values/grid): a period's values for every indicator a person enters, saved
// as drafts or submitted together; templates to fill offline and upload back; and bulk approval and
// publication (/manage/values/bulk) after a page that lists what will change.
import { Hono } from 'hono';
import { periodLabel } from '../../present/format.js';
import { isValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { cellField, type Grid, type GridCell, type GridMode } from '../../services/grid.js';
import { BULK_STEPS, type BulkStep } from '../../services/grid-bulk.js';
import { gridTemplate, readTemplate } from '../../services/grid-template.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, done, formErrors, view, type FormErrors, type ManageContext } from './render.js';

const MODES: GridMode[] = ['draft', 'submit', 'valid-drafts'];
const actorOf = (c: ManageContext) => c.get('session')!.actor;

/** The cells as the grid form or an upload gave them, by indicator. */
type Typed = Record<string, { value: string; commentary: string }>;

function gridPage(c: ManageContext, g: Grid, typed: Typed = {}, errors?: FormErrors, notice?: string, status: 200 | 400 = 200): Response {
  const lines = g.lines.map((l) => ({
    ...l,
    valueField: cellField(l.indicatorId), commentaryField: cellField(l.indicatorId, 'commentary'),
    typedValue: typed[l.indicatorId]?.value ?? (l.hasValue && l.value !== null ? String(l.value) : ''),
    typedCommentary: typed[l.indicatorId]?.commentary ?? l.commentary ?? '',
  }));
  return view(c, 'manage/grid.njk', {
    title: `Values for ${periodLabel(g.period.key)}`, grid: g, lines, errors, notice,
    editable: lines.some((l) => l.editable), hasProblems: Boolean(errors?.summary.length),
  }, status);
}

function cellsOf(c: ManageContext, g: Grid): GridCell[] {
  const form = c.get('form')!;
  return g.lines.filter((l) => l.editable).map((l) => ({ indicatorId: l.indicatorId, value: form.get(cellField(l.indicatorId)), commentary: form.get(cellField(l.indicatorId, 'commentary')) }));
}

const typedOf = (cells: GridCell[]): Typed => Object.fromEntries(cells.map((x) => [x.indicatorId, { value: x.value, commentary: x.commentary }]));

export function gridRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();

  app.get('/', async (c) => {
    const period = c.req.query('period');
    if (!period) return view(c, 'manage/grid-period.njk', { title: 'Enter a period’s values' });
    try {
      return gridPage(c, await s.grid.grid(actorOf(c), period));
    } catch (e) {
      return answerError(c, e, (errors) => view(c, 'manage/grid-period.njk', { title: 'Enter a period’s values', period, errors }, 400));
    }
  });

  app.post('/', async (c) => {
    const form = c.get('form')!;
    const g = await s.grid.grid(actorOf(c), form.get('period'));
    const mode = (MODES as string[]).includes(form.get('action')) ? form.get('action') as GridMode : 'draft';
    const cells = cellsOf(c, g);
    try {
      const r = await s.grid.save(actorOf(c), g.period.key, cells, mode);
      const url = `/manage/values/grid?period=${encodeURIComponent(g.period.key)}`;
      if (!r.problems.length) return done(c, url, mode === 'submit' ? 'grid-submitted' : 'grid-saved');
      const errors = formErrors(r.problems);
      return gridPage(c, await s.grid.grid(actorOf(c), g.period.key), typedOf(cells), errors, `${r.saved} ${r.saved === 1 ? 'value was' : 'values were'} saved as drafts. Correct the ${r.problems.length === 1 ? 'cell' : 'cells'} below, then save again.`, 400);
    } catch (e) {
      return answerError(c, e, (errors) => gridPage(c, g, typedOf(cells), errors, undefined, 400));
    }
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/template.${format}`, async (c) => {
      const file = await gridTemplate(await s.grid.grid(actorOf(c), c.req.query('period')), format);
      return new Response(new Uint8Array(file.content), { headers: { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.fileName}"` } });
    });
  }

  app.post('/upload', async (c) => {
    const form = c.get('form')!;
    const g = await s.grid.grid(actorOf(c), form.get('period') || c.req.query('period'));
    const file = form.file('template');
    const fail = (text: string, problems: FormErrors['summary'] = []) => gridPage(c, g, {}, { summary: [{ text, href: '#template' }, ...problems], field: { template: { text } } }, undefined, 400);
    if (!file || !file.size) return fail('Choose the filled-in template (.csv or .xlsx) to upload');
    try {
      const cells = await readTemplate(g, { name: file.name, content: Buffer.from(await file.arrayBuffer()) });
      const filled = cells.filter((x) => x.value.trim() !== '').length;
      return gridPage(c, g, typedOf(cells), undefined, `${file.name}: ${filled} ${filled === 1 ? 'value is' : 'values are'} in the grid below and not saved yet. Check them, then save them as drafts or submit them.`);
    } catch (e) {
      if (isValidationError(e)) return fail(e.message, formErrors(e.problems).summary);
      return answerError(c, e);
    }
  });

  return app;
}

export function bulkRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const stepOf = (v: string | undefined): BulkStep => ((BULK_STEPS as readonly string[]).includes(v ?? '') ? v as BulkStep : 'approve');

  const page = async (c: ManageContext, step: BulkStep, period: string | undefined, errors?: FormErrors, status: 200 | 400 | 409 = 200) => {
    const changes = await s.gridBulk.candidates(actorOf(c), step, period || undefined);
    return view(c, 'manage/bulk.njk', { title: step === 'approve' ? 'Approve values together' : 'Publish values together', step, period: period ?? '', changes, errors }, status as 200);
  };

  app.get('/', (c) => page(c, stepOf(c.req.query('step')), c.req.query('period')));

  app.post('/', async (c) => {
    const form = c.get('form')!;
    const step = stepOf(form.get('step'));
    try {
      await s.gridBulk.apply(actorOf(c), step, form.all('ids'));
      return done(c, '/manage/values', step === 'approve' ? 'bulk-approved' : 'bulk-published');
    } catch (e) {
      return answerError(c, e, (errors) => page(c, step, form.get('period'), errors, 400));
    }
  });

  return app;
}
