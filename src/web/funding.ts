// Funding pages: on the public site, the council's spending power per head against a group (rank,
// gaps, chart, CSV); in the workspace, the fair-funding what-if a finance officer reruns with their
// own weights (a GET form, so each change shows at once) and saves as a named, versioned model.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parsePeriod, SAVING_STATUSES } from '../domain/index.js';
import { ForbiddenError, isNotFoundError, ValidationError } from '../errors.js';
import { toCsv } from '../present/csv.js';
import { renderChart } from '../reports/charts/index.js';
import { fundingPerHeadSpec, whatIfSpec } from '../reports/model/finance-charts.js';
import { COMPARISON_COLUMNS, comparisonRecords } from '../services/funding-records.js';
import { DEFAULT_WEIGHTS, NATIONAL } from '../services/funding.js';
import type { Services } from '../services/index.js';
import { can } from '../services/policy.js';
import { parseQuery } from './query.js';
import type { ManageEnv } from './auth/session.js';
import { answerError, view, type FormErrors, type ManageContext } from './manage/render.js';
import { page, type AppEnv } from './render.js';

const Query = z.object({
  period: z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2020/21').optional(),
  group: z.string().max(80).regex(/^[A-Za-z0-9_.:-]*$/, 'must be a comparison group name').optional(),
}).strict();

/** The cost drivers offered on the what-if form: the population bands imported from ONS. */
export const DRIVERS = [
  { code: 'POP-65-PLUS', label: 'People aged 65 and over' },
  { code: 'POP-85-PLUS', label: 'People aged 85 and over' },
  { code: 'POP-0-17', label: 'Children and young people aged 0 to 17' },
  { code: 'POP-5-15', label: 'School-age children (5 to 15)' },
  { code: 'POP-18-64', label: 'Adults aged 18 to 64' },
  { code: 'POP-ALL-AGES', label: 'Total population' },
];

export function fundingRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  async function comparison(c: Context<AppEnv>) {
    const q = parseQuery(Query, c.req.query());
    const settings = await s.workspace.settings();
    return { q, settings, cmp: await s.funding.compare({ area: settings.councilCode, group: q.group || NATIONAL, period: q.period || undefined }) };
  }
  app.get('/funding', async (c) => {
    let data;
    try {
      data = await comparison(c);
    } catch (e) {
      if (!isNotFoundError(e)) throw e;
      return page(c, 'funding.njk', { title: 'Funding per head', empty: true });
    }
    const { q, settings, cmp } = data;
    const spec = fundingPerHeadSpec(cmp, cmp.groupLabel, cmp.periodLabel);
    const groups = [{ value: NATIONAL, text: 'All English upper-tier councils' }, ...(await s.groups.list()).filter((g) => g.name !== NATIONAL && !g.name.includes('<')).map((g) => ({ value: g.name, text: g.description }))];
    return page(c, 'funding.njk', {
      title: 'Funding per head', cmp, records: comparisonRecords(cmp),
      chart: spec ? renderChart(spec, { brandColour: settings.brandColour, headingLevel: 3 }) : null,
      groupItems: groups.map((g) => ({ ...g, selected: g.value === (q.group || NATIONAL) })),
      csv: `/funding.csv?${new URLSearchParams({ period: cmp.periodKey, group: q.group || NATIONAL })}`,
    });
  });
  app.get('/funding.csv', async (c) => {
    const { cmp } = await comparison(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="funding-per-head-${cmp.periodKey}.csv"`);
    return c.body(toCsv(comparisonRecords(cmp), [...COMPARISON_COLUMNS]));
  });
  return app;
}

/**
 * The three small forms of the finance story share one page, so each field has an id of its own
 * (the savings form's financial year is not the budget gap's): a form's problems and what was typed
 * come back on that form, and the summary links to its boxes.
 */
const STORY_FORMS = {
  saving: { periodKey: 'periodKey', title: 'title', target: 'target', delivered: 'delivered', status: 'status' },
  gap: { periodKey: 'gap-periodKey', gap: 'gap', note: 'note' },
  pressure: { title: 'p-title', kind: 'kind', periodKey: 'p-periodKey', amount: 'amount' },
  narrative: { narrative: 'narrative', fundingModel: 'fundingModel' },
} as const satisfies Record<string, Record<string, string>>;
type StoryForm = keyof typeof STORY_FORMS;

/** What a form posted, keyed by the ids of its boxes on the page. */
function storyValues(form: StoryForm, read: (name: string) => string | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(STORY_FORMS[form]).flatMap(([name, id]) => (read(name) ? [[id, read(name)!]] : [])));
}

/** The service's problems, moved to the boxes of the form that was posted. */
function onStoryForm(form: StoryForm, errors: FormErrors): FormErrors {
  const ids: Record<string, string> = STORY_FORMS[form];
  const idOf = (name: string) => ids[name] ?? name;
  return {
    summary: errors.summary.map((x) => ({ ...x, href: x.href.startsWith('#') ? `#${idOf(x.href.slice(1))}` : x.href })),
    field: Object.fromEntries(Object.entries(errors.field).map(([k, v]) => [idOf(k), v])),
  };
}

/** A figure chosen from an earlier report fills in the form it belongs to: a gap, a pressure's amount, else a saving. */
const prefilledForm = (q: (k: string) => string | undefined): StoryForm => (q('gap') ? 'gap' : q('amount') ? 'pressure' : 'saving');

/** The council's finance story for a year: narrative, savings, budget gaps and pressures, each added by its own small form. */
function registerStoryRoutes(app: Hono<ManageEnv>, s: Services): void {
  const yearOf = (c: ManageContext) => c.req.query('year') || '2020/21';
  async function story(c: ManageContext, errors?: FormErrors, values: Record<string, string> = {}, status: 200 | 400 = 200, extra: Record<string, unknown> = {}) {
    const year = yearOf(c);
    const periodKey = parsePeriod(year);
    if (!periodKey.ok || periodKey.period.kind !== 'financial-year') return answerError(c, new ValidationError('Choose a financial year such as 2020/21', [{ field: 'year', message: 'a financial year such as 2020/21' }]));
    const data = await s.financeStory.get(periodKey.period.key);
    return view(c, 'manage/finance-story.njk', { title: 'Finance story', year, data, models: await s.funding.listModels(), errors, values, canEdit: can(c.get('session')!.actor, 'indicator.manage'), statuses: SAVING_STATUSES, ...extra }, status);
  }
  app.get('/story', (c) => story(c, undefined, storyValues(prefilledForm((k) => c.req.query(k)), (k) => c.req.query(k))));
  const actions: Record<string, (form: { get(n: string): string }, userId: string, year: string) => Promise<void>> = {
    narrative: (f, u, y) => s.financeStory.setNarrative(y, f.get('narrative'), f.get('fundingModel') || null, u),
    saving: (f, u) => s.financeStory.addSaving({ periodKey: f.get('periodKey'), title: f.get('title'), target: f.get('target'), delivered: f.get('delivered'), status: f.get('status') }, u),
    gap: (f, u) => s.financeStory.setGap({ periodKey: f.get('periodKey'), gap: f.get('gap'), note: f.get('note') }, u),
    pressure: (f, u) => s.financeStory.addPressure({ periodKey: f.get('periodKey'), title: f.get('title'), kind: f.get('kind'), amount: f.get('amount') }, u),
    'remove-saving': (f, u) => s.financeStory.remove('saving', f.get('id'), u),
    'remove-pressure': (f, u) => s.financeStory.remove('pressure', f.get('id'), u),
    'remove-gap': (f, u) => s.financeStory.remove('gap', f.get('id'), u),
  };
  // Money facts from an old report's financial section, offered for a person to add: nothing is written here.
  app.post('/story/candidates', async (c) => {
    if (!can(c.get('session')!.actor, 'indicator.manage')) return answerError(c, new ForbiddenError('Only performance officers and administrators can change the finance story.'));
    const file = c.get('form')!.file('report');
    if (!file) return story(c, { summary: [{ text: 'Choose a report file to read (PDF, Word, HTML, Markdown or text)', href: '#report' }], field: { report: { text: 'Choose a report file to read (PDF, Word, HTML, Markdown or text)' } } }, {}, 400);
    try {
      const candidates = await s.financeStory.candidates({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return story(c, undefined, {}, 200, { candidates, candidatesFrom: file.name });
    } catch (e) {
      return answerError(c, e, (errors) => story(c, errors, {}, 400));
    }
  });
  app.post('/story/:action', async (c) => {
    const name = c.req.param('action');
    const action = actions[name];
    const { actor, user } = c.get('session')!;
    if (!action) return answerError(c, new ValidationError('There is no such action', []));
    if (!can(actor, 'indicator.manage')) return answerError(c, new ForbiddenError('Only performance officers and administrators can change the finance story.'));
    const form = c.get('form')!;
    try {
      await action(form, user.id, yearOf(c));
    } catch (e) {
      const posted = (name in STORY_FORMS ? name : 'saving') as StoryForm;
      return answerError(c, e, (errors) => story(c, onStoryForm(posted, errors), storyValues(posted, (k) => form.get(k)), 400));
    }
    return c.redirect(`/manage/funding/story?year=${encodeURIComponent(yearOf(c))}`, 303);
  });
}

/** Reads "POP-65-PLUS" = "40" fields into weights; blank fields are left out. */
function weightsFrom(read: (name: string) => string | undefined): { weights: { indicator: string; weight: number }[]; errors?: FormErrors } {
  const weights: { indicator: string; weight: number }[] = [];
  const errors: FormErrors = { summary: [], field: {} };
  for (const d of DRIVERS) {
    const text = (read(`w-${d.code}`) ?? '').trim().replace(/%$/, '');
    if (text === '') continue;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) {
      errors.summary.push({ text: `Enter the weight for ${d.label.toLowerCase()} as a percentage of 0 or more`, href: `#w-${d.code}` });
      errors.field[`w-${d.code}`] = { text: 'Enter a percentage of 0 or more, such as 40' };
    } else weights.push({ indicator: d.code, weight: n });
  }
  return errors.summary.length ? { weights, errors } : { weights };
}

export function fundingManageRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  async function show(c: ManageContext, weights: { indicator: string; weight: number }[], extra: { errors?: FormErrors; name?: string; saved?: string } = {}, status: 200 | 400 = 200) {
    const settings = await s.workspace.settings();
    const models = await s.funding.listModels();
    let result;
    let problem: string | undefined;
    try {
      if (!extra.errors) result = await s.funding.whatIf({ weights, period: c.req.query('period') || undefined });
    } catch (e) {
      if (!(e instanceof ValidationError) && !isNotFoundError(e)) throw e;
      problem = e.message;
    }
    const ours = result?.rows.find((r) => r.code === settings.councilCode);
    const spec = result ? whatIfSpec(result, settings.councilCode, extra.name || 'This model') : null;
    return view(c, 'manage/funding.njk', {
      title: 'Fair-funding what-if', drivers: DRIVERS.map((d) => ({ ...d, weight: weights.find((w) => w.indicator === d.code)?.weight ?? '' })),
      result, ours, problem, models, chart: spec ? renderChart(spec, { brandColour: settings.brandColour, headingLevel: 3 }) : null,
      canSave: can(c.get('session')!.actor, 'indicator.manage'), ...extra,
    }, status);
  }
  app.get('/', async (c) => {
    const model = c.req.query('model');
    if (model) {
      const run = await s.funding.runModel(model).catch(() => undefined);
      if (run) return show(c, run.weights, { name: model });
    }
    const given = DRIVERS.some((d) => c.req.query(`w-${d.code}`) !== undefined);
    const { weights, errors } = given ? weightsFrom((n) => c.req.query(n)) : { weights: DEFAULT_WEIGHTS, errors: undefined };
    return show(c, weights, { errors }, errors ? 400 : 200);
  });
  app.post('/models', async (c) => {
    const form = c.get('form')!;
    const { weights, errors } = weightsFrom((n) => form.get(n));
    const name = form.get('name').trim();
    if (errors) return show(c, weights, { errors, name }, 400);
    if (!can(c.get('session')!.actor, 'indicator.manage')) return answerError(c, new ForbiddenError('Only performance officers and administrators can save funding models.'));
    try {
      const saved = await s.funding.saveModel({ name, weights, userId: c.get('session')!.user.id });
      return show(c, weights, { name, saved: `Saved “${saved.name}” as version ${saved.version}.` });
    } catch (e) {
      return answerError(c, e, (errs) => show(c, weights, { errors: errs, name }, 400));
    }
  });
  registerStoryRoutes(app, s);
  return app;
}
