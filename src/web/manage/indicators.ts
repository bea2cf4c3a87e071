// Indicator definitions and their targets in the workspace: everyone signed in reads them; admins and
// performance officers create and edit definitions and set the council's targets by period.
import { Hono, type MiddlewareHandler } from 'hono';
import { FREQUENCIES, POLARITIES, TOLERANCE_KINDS, UNITS, type Indicator, type ToleranceKind } from '../../domain/index.js';
import { ValidationError, type FieldProblem } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { IndicatorInput } from '../../services/indicators.js';
import { authorize, can } from '../../services/policy.js';
import type { FormFields, ManageEnv } from '../auth/session.js';
import { historyRows } from './history.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';

const UNIT_TEXT: Record<string, string> = {
  percent: 'Percentage', 'rate-per-1000': 'Rate per 1,000', 'rate-per-100000': 'Rate per 100,000', count: 'Count', gbp: 'Pounds (£)',
  days: 'Days', score: 'Score', ratio: 'Ratio', other: 'Other',
};
const POLARITY_TEXT: Record<string, string> = { higher: 'Higher is better', lower: 'Lower is better', none: 'Neither (no good direction)' };
const FREQUENCY_TEXT: Record<string, string> = {
  'annual-financial': 'Yearly, financial year (April to March)', 'annual-academic': 'Yearly, academic year (September to August)',
  'annual-calendar': 'Yearly, calendar year', quarterly: 'Quarterly', monthly: 'Monthly', snapshot: 'A snapshot on a date',
};
const TOLERANCE_TEXT: Record<string, string> = { absolute: 'In the indicator’s own units', percent: 'As a percentage of the target' };

/** A number typed into a form: blank is `undefined`; anything else that is not a number is a problem for that field. */
function numberField(form: FormFields, field: string, message: string, problems: FieldProblem[], whole = false): number | undefined {
  const text = form.get(field).trim().replace(/,/g, '');
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) {
    problems.push({ field, message });
    return undefined;
  }
  return n;
}

function indicatorInput(form: FormFields): { input: IndicatorInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const decimalPlaces = numberField(form, 'decimalPlaces', 'Enter the decimal places as a whole number from 0 to 6', problems, true);
  const changeTolerance = numberField(form, 'changeTolerance', 'Enter the change tolerance as a number, such as 0.5', problems);
  const orNull = (field: string) => form.get(field).trim() || null;
  const input: IndicatorInput = {
    code: form.get('code').trim(), title: form.get('title').trim(), unit: (form.get('unit') || undefined) as IndicatorInput['unit'],
    polarity: (form.get('polarity') || undefined) as IndicatorInput['polarity'], frequency: (form.get('frequency') || undefined) as IndicatorInput['frequency'],
    outcomeId: orNull('outcomeId'), source: orNull('source'), definition: orNull('definition'), ownerId: orNull('ownerId'),
    ...(decimalPlaces === undefined ? {} : { decimalPlaces }), ...(changeTolerance === undefined ? {} : { changeTolerance }),
  };
  return { input, problems };
}

/** What the indicator pages share: who may manage, the form's choices, the form and the indicator page. */
function indicatorRoutesContext(s: Services) {
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  /** Forms and changes: the services take a user id, not an actor, so the role is checked here. */
  const manage: MiddlewareHandler<ManageEnv> = async (c, next) => {
    authorize(actorOf(c), 'indicator.manage');
    return next();
  };
  const urlOf = (code: string) => `/manage/indicators/${encodeURIComponent(code)}`;
  const councilCode = async () => (await s.workspace.settings()).councilCode;

  const choices = async (c: ManageContext) => ({
    outcomes: (await s.plans.structure().catch(() => undefined))?.outcomes ?? [],
    users: (await s.users.list(actorOf(c))).filter((u) => u.active),
    units: UNITS.map((u) => ({ value: u, text: UNIT_TEXT[u] ?? u })),
    polarities: POLARITIES.map((p) => ({ value: p, text: POLARITY_TEXT[p] ?? p })),
    frequencies: FREQUENCIES.map((f) => ({ value: f, text: FREQUENCY_TEXT[f] ?? f })),
  });

  const formPage = async (c: ManageContext, data: { indicator: Record<string, unknown>; code?: string; errors?: FormErrors }) =>
    view(c, 'manage/indicator-form.njk', { title: data.code ? `Edit indicator ${data.code}` : 'New indicator', ...(await choices(c)), ...data }, data.errors ? 400 : 200);

  const indicatorPage = async (c: ManageContext, indicator: Indicator, extra: { target?: Record<string, unknown>; errors?: FormErrors } = {}) => {
    const actor = actorOf(c);
    const area = await councilCode();
    const [targets, { outcomes, users }] = [await s.targets.list({ indicator: indicator.id, area }), await choices(c)];
    return view(c, 'manage/indicator.njk', {
      title: `${indicator.code}: ${indicator.title}`, indicator, targets, url: urlOf(indicator.code), canManage: can(actor, 'indicator.manage'),
      outcome: outcomes.find((o) => o.id === indicator.outcomeId), owner: users.find((u) => u.id === indicator.ownerId),
      unitText: UNIT_TEXT[indicator.unit], polarityText: POLARITY_TEXT[indicator.polarity], frequencyText: FREQUENCY_TEXT[indicator.frequency],
      toleranceKinds: TOLERANCE_KINDS.map((k) => ({ value: k, text: TOLERANCE_TEXT[k] })), toleranceText: TOLERANCE_TEXT,
      target: { toleranceKind: 'absolute', ...extra.target }, errors: extra.errors,
    }, extra.errors ? 400 : 200);
  };
  return { actorOf, manage, urlOf, councilCode, choices, formPage, indicatorPage };
}

type IndicatorRoutesContext = ReturnType<typeof indicatorRoutesContext>;

/** Listing, adding, reading and editing indicators. */
function indicatorEditPages(app: Hono<ManageEnv>, s: Services, context: IndicatorRoutesContext): void {
  const { actorOf, manage, urlOf, choices, formPage, indicatorPage } = context;
  app.get('/', async (c) => {
    const actor = actorOf(c);
    const [indicators, { outcomes, users }] = [await s.indicators.list(), await choices(c)];
    const outcomeTitle = Object.fromEntries(outcomes.map((o) => [o.id, o.title]));
    const ownerName = Object.fromEntries(users.map((u) => [u.id, u.name]));
    const rows = indicators.map((i) => ({
      ...i, url: urlOf(i.code), unitText: UNIT_TEXT[i.unit], polarityText: POLARITY_TEXT[i.polarity],
      outcomeTitle: i.outcomeId ? outcomeTitle[i.outcomeId] : undefined, ownerName: i.ownerId ? ownerName[i.ownerId] : undefined,
    }));
    return view(c, 'manage/indicators.njk', { title: 'Indicators', rows, canManage: can(actor, 'indicator.manage') });
  });

  app.get('/new', manage, (c) => formPage(c, { indicator: { unit: 'percent', decimalPlaces: 1, polarity: 'higher', frequency: 'annual-financial', changeTolerance: 0 } }));

  app.post('/', manage, async (c) => {
    const form = c.get('form')!;
    const { input, problems } = indicatorInput(form);
    const again = (errors: FormErrors) => formPage(c, { indicator: { ...input, decimalPlaces: form.get('decimalPlaces'), changeTolerance: form.get('changeTolerance') }, errors });
    try {
      if (problems.length) throw new ValidationError('The indicator is not valid', problems);
      const created = await s.indicators.create(input, actorOf(c).id);
      return done(c, urlOf(created.code), 'indicator-created');
    } catch (e) {
      return answerError(c, e, again);
    }
  });

  app.get('/:code', async (c) => indicatorPage(c, await s.indicators.get(c.req.param('code'))));

  app.get('/:code/edit', manage, async (c) => {
    const indicator = await s.indicators.get(c.req.param('code'));
    return formPage(c, { indicator, code: indicator.code });
  });

  app.post('/:code', manage, async (c) => {
    const before = await s.indicators.get(c.req.param('code'));
    const form = c.get('form')!;
    const { input, problems } = indicatorInput(form);
    const again = (errors: FormErrors) => formPage(c, { indicator: { ...input, decimalPlaces: form.get('decimalPlaces'), changeTolerance: form.get('changeTolerance') }, code: before.code, errors });
    try {
      if (problems.length) throw new ValidationError('The indicator is not valid', problems);
      // A theme belongs to one outcome: moving the indicator to another outcome leaves its theme behind.
      const after = await s.indicators.update(before.id, { ...input, ...(input.outcomeId !== before.outcomeId ? { themeId: null } : {}) }, actorOf(c).id);
      return done(c, urlOf(after.code), 'indicator-updated');
    } catch (e) {
      return answerError(c, e, again);
    }
  });
}

/** Setting and removing targets, and an indicator's history. */
function targetPages(app: Hono<ManageEnv>, s: Services, context: IndicatorRoutesContext): void {
  const { actorOf, manage, urlOf, councilCode, indicatorPage } = context;
  app.post('/:code/targets', manage, async (c) => {
    const indicator = await s.indicators.get(c.req.param('code'));
    const form = c.get('form')!;
    const problems: FieldProblem[] = [];
    const period = form.get('period').trim();
    if (!period) problems.push({ field: 'period', message: 'Enter the period, such as 2024/25' });
    const value = numberField(form, 'value', 'Enter the target as a number, such as 75.5', problems);
    if (value === undefined && !problems.some((p) => p.field === 'value')) problems.push({ field: 'value', message: 'Enter the target value' });
    const tolerance = numberField(form, 'tolerance', 'Enter the tolerance as a number, such as 2, or leave it blank', problems);
    const toleranceKind = (form.get('toleranceKind') || 'absolute') as ToleranceKind;
    try {
      if (problems.length) throw new ValidationError('The target is not valid', problems);
      await s.targets.set({ indicator: indicator.id, area: await councilCode(), period, value: value!, tolerance, toleranceKind }, actorOf(c).id);
      return done(c, urlOf(indicator.code), 'target-saved');
    } catch (e) {
      return answerError(c, e, (errors) => indicatorPage(c, indicator, {
        target: { period, value: form.get('value'), tolerance: form.get('tolerance'), toleranceKind }, errors,
      }));
    }
  });

  app.post('/:code/targets/:period/delete', manage, async (c) => {
    const indicator = await s.indicators.get(c.req.param('code'));
    await s.targets.remove({ indicator: indicator.id, area: await councilCode(), period: c.req.param('period') }, actorOf(c).id);
    return done(c, urlOf(indicator.code), 'target-removed');
  });

  app.get('/:code/history', async (c) => {
    const actor = actorOf(c);
    const indicator = await s.indicators.get(c.req.param('code'));
    // The definition's changes and those of every target set for it (removed ones too), in the order they happened.
    const events = [...await s.audit.history(actor, 'indicator', indicator.id), ...await s.audit.targetHistory(actor, indicator.id)];
    events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
    return view(c, 'manage/history.njk', { title: `History: ${indicator.code}`, back: urlOf(indicator.code), rows: historyRows(events) });
  });
}

export function indicatorRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const context = indicatorRoutesContext(s);
  indicatorEditPages(app, s, context);
  targetPages(app, s, context);
  return app;
}
