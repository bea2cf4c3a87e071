// Indicator values entered by staff: the council's own figure for a period, through the same workflow as
// entries (draft → submitted → approved → published, or returned with a comment). Imported benchmark
// values arrive published; a value entered here reaches the public only once published.
import { z } from 'zod';
import { OBSERVATION_STATUSES, parsePeriod, WorkflowState } from '../domain/index.js';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import { formatDate } from '../present/format.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { listAuditItems } from '../store/queries/auditTrail.js';
import { lastSubmitters } from '../store/queries/lastSubmitters.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { markDutyDone } from '../store/queries/reportingDuties.js';
import { getSetting } from '../store/queries/settings.js';
import {
  deleteObservation, getIndicator, getObservation, listIndicatorRows, listValueItems, setObservationState, upsertObservation,
  type IndicatorRow, type ObservationRow, type ValueKey, type ValueListItem,
} from '../store/queries/valueEntry.js';
import { fieldProblems } from './form-problems.js';
import { authorize, can, type Actor, type ValueScope } from './policy.js';
import { recomputeDerivedIn } from './finance-data.js';
import { nextState, STEP_ACTION, stepsFrom, type WorkflowStep } from './workflow.js';

export type { ValueKey, ValueListItem } from '../store/queries/valueEntry.js';

const ValueInput = z.object({
  indicatorId: z.string().min(1, 'Choose an indicator'),
  periodKey: z.string().trim().min(1, 'Enter the period, such as 2024/25'),
  /** Blank means "missing": the figure is not available, which is not the same as zero. */
  value: z.union([z.number(), z.string()]).nullish(),
  status: z.enum(OBSERVATION_STATUSES, { error: 'Choose provisional or final' }).default('final'),
  note: z.string().trim().max(1000, 'A note is at most 1,000 characters').nullish().transform((s) => (s ? s : null)),
});
export type ValueInput = z.input<typeof ValueInput>;

/** The id of a value in the audit trail and in URLs. */
export const valueId = (k: ValueKey): string => `${k.indicatorId}/${k.areaCode}/${k.periodKey}`;

export interface ValueView {
  key: ValueKey;
  indicator: IndicatorRow;
  observation: ObservationRow;
  steps: WorkflowStep[];
  canEdit: boolean;
  canDelete: boolean;
  /** The reviewer's comment when it was last returned and not yet resubmitted. */
  returnComment: string | null;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Why a value already moving through approval cannot be changed by its author, and what to do. */
function lockedMessage(code: string, period: string, state: string): string {
  if (state === 'submitted') return `${code} for ${period} is already submitted for approval: withdraw the submission from its page to change it`;
  if (state === 'approved') return `${code} for ${period} is already approved: ask a performance officer to return it to you to change it`;
  return `${code} for ${period} is already published: ask a performance officer to take it off the public site so you can enter a revision`;
}

function parseNumber(v: unknown): { ok: true; value: number | null } | { ok: false } {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  const s = String(v).trim().replace(/,/g, '').replace(/^£/, '').replace(/%$/, '');
  if (s === '') return { ok: true, value: null };
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? { ok: true, value: Number(s) } : { ok: false };
}

/** What the value methods share: the database, finding an indicator or a value, and a value's view. */
function valueServiceContext(store: Store) {
  const { db } = store;

  const councilCode = async (): Promise<string> => (await getSetting<string>(db, 'councilCode')) ?? 'E10000018';

  async function mustIndicator(id: string): Promise<IndicatorRow> {
    const row = await getIndicator(db, id);
    if (!row) throw new NotFoundError('Indicator', id);
    return row;
  }

  const scopeOf = (i: IndicatorRow, state: string): ValueScope => ({ kind: 'value', outcomeId: i.outcomeId, ownerId: i.ownerId, workflowState: WorkflowState.parse(state) });

  /** The scope of a stored value; a submitted one also says who submitted it (only they may withdraw it). */
  async function scopeOfStored(key: ValueKey, i: IndicatorRow, state: string): Promise<ValueScope> {
    const scope = scopeOf(i, state);
    if (state !== 'submitted') return scope;
    return { ...scope, submittedBy: (await lastSubmitters(db, 'value', [valueId(key)])).get(valueId(key)) ?? null };
  }

  async function mustGet(key: ValueKey): Promise<{ indicator: IndicatorRow; observation: ObservationRow }> {
    const indicator = await mustIndicator(key.indicatorId);
    const observation = await getObservation(db, key);
    if (!observation) throw new NotFoundError('Value', `${indicator.code} for ${key.periodKey}`);
    return { indicator, observation };
  }

  async function returnComment(key: ValueKey, state: string): Promise<string | null> {
    if (state !== 'draft') return null;
    const events = await listAuditItems(db, { entityType: 'value', entityId: valueId(key), newestFirst: true, limit: 20 });
    const last = events.find((e) => e.action === 'return' || e.action === 'submit');
    return last?.action === 'return' ? ((last.after as { comment?: string } | null)?.comment ?? null) : null;
  }

  /** One value with what this person may do with it. */
  async function view(actor: Actor, key: ValueKey): Promise<ValueView> {
    authorize(actor, 'drafts.read');
    const { indicator, observation } = await mustGet(key);
    const scope = await scopeOfStored(key, indicator, observation.workflowState);
    return {
      key, indicator, observation,
      steps: stepsFrom(scope.workflowState).filter((s) => can(actor, `value.${STEP_ACTION[s]}`, scope)),
      canEdit: can(actor, 'value.enter', scope),
      canDelete: observation.workflowState === 'draft' && can(actor, 'value.delete', scope),
      returnComment: await returnComment(key, observation.workflowState),
    };
  }

  return { db, councilCode, mustIndicator, scopeOf, scopeOfStored, mustGet, returnComment, view };
}

type ValueServiceContext = ReturnType<typeof valueServiceContext>;

/** Listing and reading values, within what the actor may see. */
function valueReads(context: ValueServiceContext) {
  const { db, councilCode, scopeOf, view } = context;
  return {
    /** Indicators this person may enter values for (all of them for reviewers). */
    async indicators(actor: Actor): Promise<IndicatorRow[]> {
      authorize(actor, 'drafts.read');
      const all = await listIndicatorRows(db);
      return all.filter((i) => can(actor, 'value.enter', scopeOf(i, 'draft')));
    },

    async list(actor: Actor, options: { states?: WorkflowState[]; mine?: boolean; indicatorId?: string } = {}): Promise<ValueListItem[]> {
      authorize(actor, 'drafts.read');
      return listValueItems(db, {
        areaCode: await councilCode(), states: options.states, indicatorId: options.indicatorId,
        scope: options.mine && actor.role === 'contributor' ? { userId: actor.id, outcomeIds: actor.outcomeIds } : undefined,
      });
    },

    get: (actor: Actor, key: ValueKey): Promise<ValueView> => view(actor, key),
  };
}

/** Entering or correcting a value as a draft. */
function valueEntry(context: ValueServiceContext) {
  const { db, councilCode, mustIndicator, scopeOf, mustGet } = context;
  return {
    /** Records (or corrects) the council's value for a period as a draft. */
    async enter(actor: Actor, input: ValueInput): Promise<ValueKey> {
      authorize(actor, 'value.enter');
      const parsed = ValueInput.safeParse(input);
      const problems: FieldProblem[] = fieldProblems(parsed.error);
      if (!parsed.success) throw new ValidationError('The value is not valid', problems);
      const v = parsed.data;
      const num = parseNumber(v.value);
      if (!num.ok) problems.push({ field: 'value', message: 'Enter a number, such as 42 or 3.5, or leave it blank if the figure is not available' });
      const period = parsePeriod(v.periodKey);
      if (!period.ok) problems.push({ field: 'periodKey', message: `Enter a period such as 2024/25: ${period.error}` });
      else if (period.period.end >= today()) {
        // An outturn exists only once its period is over; a figure for next year is a target, not a value.
        problems.push({ field: 'periodKey', message: `${v.periodKey} has not ended yet (it ends on ${formatDate(period.period.end)}): enter its value after that, or set a target for it instead` });
      }
      if (problems.length || !num.ok || !period.ok) throw new ValidationError('The value is not valid', problems);
      const indicator = await mustIndicator(v.indicatorId);
      const key: ValueKey = { indicatorId: indicator.id, areaCode: await councilCode(), periodKey: period.period.key };
      const before = await getObservation(db, key);
      if (before && can(actor, 'value.enter', scopeOf(indicator, 'draft')) && !can(actor, 'value.enter', scopeOf(indicator, before.workflowState))) {
        // Said as a form problem, so the form comes back with what was typed, and what to do instead.
        throw new ValidationError('The value cannot be changed now', [{ field: 'periodKey', message: lockedMessage(indicator.code, v.periodKey, before.workflowState) }]);
      }
      authorize(actor, 'value.enter', scopeOf(indicator, before?.workflowState ?? 'draft'));
      const after = { value: num.value, status: v.status, note: v.note, workflowState: 'draft' as const };
      await db.transaction(async (tx) => {
        await upsertObservation(tx, { ...key, ...after, updatedBy: actor.id });
        await bumpDataVersion(tx, key); // what benchmarking holds in memory may include the value this replaces
        await appendAuditEvent(tx, {
          userId: actor.id, action: 'enter', entityType: 'value', entityId: valueId(key),
          before: before ? { value: before.value, status: before.status, note: before.note, workflowState: before.workflowState } : null,
          after: { indicator: indicator.code, periodKey: key.periodKey, ...after },
        });
      });
      return key;
    },

    /** Deletes a draft value (a mistaken entry); values on their way to the public stay. */
    async remove(actor: Actor, key: ValueKey): Promise<void> {
      const { indicator, observation } = await mustGet(key);
      authorize(actor, 'value.delete', scopeOf(indicator, observation.workflowState));
      if (observation.workflowState !== 'draft') throw new ConflictError('Only a draft value can be deleted: withdraw or unpublish it first.');
      await db.transaction(async (tx) => {
        await deleteObservation(tx, key);
        await bumpDataVersion(tx, key);
        await appendAuditEvent(tx, {
          userId: actor.id, action: 'delete', entityType: 'value', entityId: valueId(key),
          before: { indicator: indicator.code, periodKey: key.periodKey, value: observation.value, status: observation.status, note: observation.note, workflowState: observation.workflowState },
        });
      });
    },
  };
}

/** Moving a value along the workflow. */
function valueWorkflow(context: ValueServiceContext) {
  const { db, scopeOfStored, mustGet, view } = context;
  return {
    async transition(actor: Actor, key: ValueKey, step: WorkflowStep, comment?: string): Promise<ValueView> {
      const { indicator, observation } = await mustGet(key);
      const scope = await scopeOfStored(key, indicator, observation.workflowState);
      authorize(actor, `value.${STEP_ACTION[step]}`, scope);
      const to = nextState(scope.workflowState, step, 'value');
      const note = comment?.trim() ?? '';
      if (step === 'return' && !note) throw new ValidationError('Say what needs changing', [{ field: 'comment', message: 'Enter a comment saying what to change' }]);
      if (note.length > 2000) throw new ValidationError('The comment is too long', [{ field: 'comment', message: 'A comment is at most 2,000 characters' }]);
      await db.transaction(async (tx) => {
        await setObservationState(tx, key, to, actor.id);
        if (to === 'published' || step === 'unpublish') {
          await bumpDataVersion(tx, key);
          // Derived indicators (funding per head) follow a published or withdrawn input at once.
          await recomputeDerivedIn(tx, actor.id);
        }
        if (step === 'submit') await markDutyDone(tx, 'indicator', key.indicatorId, key.periodKey);
        await appendAuditEvent(tx, {
          userId: actor.id, action: step, entityType: 'value', entityId: valueId(key),
          before: { workflowState: observation.workflowState }, after: { workflowState: to, ...(note ? { comment: note } : {}) },
        });
      });
      return view(actor, key);
    },
  };
}

export function valueService(store: Store) {
  const context = valueServiceContext(store);
  return { ...valueReads(context), ...valueEntry(context), ...valueWorkflow(context) };
}
