// Indicator values in the workspace: enter the council's figure for a period, then submit, approve, publish.
import { Hono } from 'hono';
import { WORKFLOW_STATES, type WorkflowState } from '../../domain/index.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { can, type Actor } from '../../services/policy.js';
import { valueId, type ValueInput, type ValueKey } from '../../services/values.js';
import { WORKFLOW_STEPS, type WorkflowStep } from '../../services/workflow.js';
import type { ManageEnv } from '../auth/session.js';
import { historyRows } from './history.js';
import { periodLabel } from '../../present/format.js';
import { shortGroupLabel } from '../../reports/model/chart-specs.js';
import { rowView } from '../performance-view.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';
import { conversation } from './teamwork.js';

interface ValuePaths {
  actorOf(c: ManageContext): Actor;
  keyOf(c: ManageContext): Promise<ValueKey>;
  urlOf(k: { indicatorId: string; periodKey: string }): string;
}

/** Deleting a mistaken draft value, after saying yes on a page of its own. */
function valueDeletePages(app: Hono<ManageEnv>, s: Services, { actorOf, keyOf, urlOf }: ValuePaths): void {
  app.get('/:indicatorId/:periodKey/delete', async (c) => {
    const v = await s.values.get(actorOf(c), await keyOf(c));
    return view(c, 'manage/confirm-delete.njk', { title: 'Delete this draft value?', what: `${v.indicator.code} for ${periodLabel(v.key.periodKey)}`, action: `${urlOf(v.key)}/delete`, back: urlOf(v.key) });
  });

  app.post('/:indicatorId/:periodKey/delete', async (c) => {
    await s.values.remove(actorOf(c), await keyOf(c));
    return done(c, '/manage/values', 'value-deleted');
  });
}

export function valueRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const keyOf = async (c: ManageContext): Promise<ValueKey> => ({
    indicatorId: c.req.param('indicatorId')!, periodKey: c.req.param('periodKey')!, areaCode: (await s.workspace.settings()).councilCode,
  });
  const urlOf = (k: { indicatorId: string; periodKey: string }) => `/manage/values/${encodeURIComponent(k.indicatorId)}/${encodeURIComponent(k.periodKey)}`;

  const formPage = async (c: ManageContext, value: Record<string, unknown>, errors?: FormErrors) => {
    const indicators = await s.values.indicators(actorOf(c));
    if (!indicators.length) throw new ForbiddenError('There are no indicators you can enter values for. Ask a performance officer to assign you an outcome or make you an indicator’s owner.');
    return view(c, 'manage/value-form.njk', { title: 'Enter an indicator value', indicators, value, errors }, errors ? 400 : 200);
  };

  app.get('/', async (c) => {
    const actor = actorOf(c);
    const state = c.req.query('state');
    const states = (WORKFLOW_STATES as readonly string[]).includes(state ?? '') ? [state as WorkflowState] : undefined;
    const mine = c.req.query('mine') === '1';
    const values = await s.values.list(actor, { states, mine });
    return view(c, 'manage/values.njk', { title: 'Indicator values', values, state: states?.[0] ?? '', mine, states: WORKFLOW_STATES, canEnter: can(actor, 'value.enter'), canReview: can(actor, 'value.approve'), urlOf });
  });

  app.get('/new', async (c) => formPage(c, { indicatorId: c.req.query('indicator') ?? '', periodKey: c.req.query('period') ?? '', status: 'final' }));

  app.post('/', async (c) => {
    const form = c.get('form')!;
    const input: ValueInput = { indicatorId: form.get('indicatorId'), periodKey: form.get('periodKey'), value: form.get('value'), status: (form.get('status') || 'final') as ValueInput['status'], note: form.get('note') };
    try {
      const key = await s.values.enter(actorOf(c), input);
      return done(c, urlOf(key), 'value-saved');
    } catch (e) {
      return answerError(c, e, (errors) => formPage(c, input, errors));
    }
  });

  app.get('/:indicatorId/:periodKey', async (c) => {
    const v = await s.values.get(actorOf(c), await keyOf(c));
    return view(c, 'manage/value.njk', {
      title: `${v.indicator.code}: ${v.indicator.title}`, v, editUrl: `/manage/values/new?indicator=${encodeURIComponent(v.key.indicatorId)}&period=${encodeURIComponent(v.key.periodKey)}`, url: urlOf(v.key),
      context: await valueContext(s, v.key),
      conversation: await conversation(s, actorOf(c), 'value', valueId(v.key), urlOf(v.key)),
    });
  });

  app.post('/:indicatorId/:periodKey/workflow', async (c) => {
    const key = await keyOf(c);
    const form = c.get('form')!;
    const step = form.get('step') as WorkflowStep;
    if (!WORKFLOW_STEPS.includes(step)) throw new ValidationError('Choose what to do with the value');
    const v = step === 'publish' && form.get('confirm') !== 'yes' ? await s.values.get(actorOf(c), key) : null;
    if (v?.steps.includes('publish')) {
      return view(c, 'manage/confirm-publish.njk', { title: 'Publish this value?', what: `${v.indicator.code} for ${periodLabel(key.periodKey)}`, action: `${urlOf(key)}/workflow`, back: urlOf(key) });
    }
    try {
      await s.values.transition(actorOf(c), key, step, form.get('comment'));
    } catch (e) {
      return answerError(c, e, async (errors) => {
        const v = await s.values.get(actorOf(c), key);
        return view(c, 'manage/value.njk', { title: `${v.indicator.code}: ${v.indicator.title}`, v, url: urlOf(key), errors }, 400);
      });
    }
    return done(c, urlOf(key), `value-${step}`);
  });

  valueDeletePages(app, s, { actorOf, keyOf, urlOf });

  app.get('/:indicatorId/:periodKey/history', async (c) => {
    const key = await keyOf(c);
    const v = await s.values.get(actorOf(c), key);
    // Values entered here, and the same figure as file imports recorded it (by indicator code).
    const entered = await s.audit.history(actorOf(c), 'value', valueId(key));
    const imported = await s.audit.history(actorOf(c), 'observation', `${v.indicator.code}/${key.areaCode}/${key.periodKey}`);
    const events = [...entered, ...imported].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
    return view(c, 'manage/history.njk', { title: `History: ${v.indicator.code} for ${periodLabel(v.key.periodKey)}`, back: urlOf(key), rows: historyRows(events) });
  });

  return app;
}

/**
 * What a reviewer judges a value against: its target, the council's previous value and the group's
 * median, quartiles and the value's rank, with the council's unpublished values counted as they stand.
 * Undefined when the period has no values to compare with.
 */
async function valueContext(s: Services, key: { indicatorId: string; areaCode: string; periodKey: string }) {
  const compendium = await s.performance.compendium({ area: key.areaCode, period: key.periodKey, unpublished: true }).catch(() => undefined);
  const row = compendium?.rows.find((r) => r.indicator.id === key.indicatorId);
  if (!compendium || !row) return undefined;
  return { ...rowView(row), groupLabel: shortGroupLabel(compendium.group.label) };
}
