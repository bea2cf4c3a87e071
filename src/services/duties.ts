// The reporting calendar: each indicator and outcome has an owner and a due date per period. A duty is done
// when its value or update is submitted; what is past its date and not done is overdue.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IsoDate, parsePeriod, periodFromKey } from '../domain/index.js';
import { NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getPlanStructure, listPlans } from '../store/queries/plans.js';
import { deleteDuty, getDuty, getDutyByKey, listDutyIndicatorChoices, listDutyItems, markDutyDone, upsertDuty, type DutyItem } from '../store/queries/reportingDuties.js';
import { getUserById } from '../store/queries/userAccounts.js';
import { getIndicator } from '../store/queries/valueEntry.js';
import { fieldProblems } from './form-problems.js';
import { repeatProblem, REPEATS } from './recurrence.js';
import { authorize, type Actor } from './policy.js';

export type { DutyItem } from '../store/queries/reportingDuties.js';

/** Overdue by more than this many days: stale, and shown first. */
export const STALE_AFTER_DAYS = 30;

const DutyInput = z.object({
  subjectType: z.enum(['indicator', 'outcome'], { error: 'Choose an indicator or an outcome' }),
  subjectId: z.string().min(1, 'Choose what is to be reported'),
  periodKey: z.string().trim().min(1, 'Enter the period, such as 2024/25'),
  ownerId: z.string().min(1, 'Choose who owns it'),
  dueDate: IsoDate,
  /** monthly | quarterly | annually: the next period's duty follows by itself. */
  repeats: z.enum(REPEATS, { error: 'Choose how often it repeats: monthly, quarterly, annually, or not at all' }).nullish().or(z.literal('').transform(() => null)),
});
export type DutyInput = z.input<typeof DutyInput>;

export interface DutyStatusItem extends DutyItem {
  /** Days past the due date (0 or less when not yet due); null once done. */
  daysLate: number | null;
  state: 'done' | 'stale' | 'overdue' | 'due';
}

const today = (): string => new Date().toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function withStatus(d: DutyItem, on: string): DutyStatusItem {
  if (d.doneAt) return { ...d, daysLate: null, state: 'done' };
  const late = daysBetween(d.dueDate, on);
  return { ...d, daysLate: late, state: late > STALE_AFTER_DAYS ? 'stale' : late > 0 ? 'overdue' : 'due' };
}

/**
 * The indicators whose value is due by `on` (pure): a duty for a period that has ended, whose due
 * date has passed. Each with the earliest such due date. An indicator with none is not yet due, so
 * having no value is not "missing".
 */
export function indicatorValuesDue(duties: Pick<DutyItem, 'subjectType' | 'subjectId' | 'periodKey' | 'dueDate'>[], on: string): Map<string, string> {
  const due = new Map<string, string>();
  for (const d of duties) {
    const end = periodFromKey(d.periodKey)?.end;
    if (d.subjectType !== 'indicator' || !end || end >= on || d.dueDate >= on) continue;
    const had = due.get(d.subjectId);
    if (!had || d.dueDate < had) due.set(d.subjectId, d.dueDate);
  }
  return due;
}

/** The indicators a duty may be set for, as the calendar's picker names them (those who set duties may enter any value). */
async function indicatorChoices(db: Store['db'], actor: Actor): Promise<{ id: string; code: string; title: string }[]> {
  authorize(actor, 'duty.manage');
  return listDutyIndicatorChoices(db);
}

export function dutyService(store: Store) {
  const { db } = store;

  return {
    async list(actor: Actor, options: { periodKey?: string; on?: string } = {}): Promise<DutyStatusItem[]> {
      authorize(actor, 'drafts.read');
      return (await listDutyItems(db, { periodKey: options.periodKey })).map((d) => withStatus(d, options.on ?? today()));
    },

    /** The person's own open duties, soonest first: what they see on signing in. */
    async mine(actor: Actor, on = today()): Promise<DutyStatusItem[]> {
      authorize(actor, 'workspace.read');
      if (!actor.id) return [];
      return (await listDutyItems(db, { ownerId: actor.id, openOnly: true })).map((d) => withStatus(d, on));
    },

    /** Everything past its due date and not done, the stalest first. */
    async overdue(actor: Actor, on = today()): Promise<DutyStatusItem[]> {
      authorize(actor, 'drafts.read');
      const yesterday = new Date(Date.parse(on) - 86_400_000).toISOString().slice(0, 10);
      return (await listDutyItems(db, { dueBy: yesterday })).map((d) => withStatus(d, on)).sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
    },

    /** Indicators whose value was due by `on` (see indicatorValuesDue): what the public site may call missing. */
    indicatorValuesDue: async (on = today()): Promise<Map<string, string>> => indicatorValuesDue(await listDutyItems(db, { dueBy: new Date(Date.parse(on) - 86_400_000).toISOString().slice(0, 10) }), on),
    indicatorChoices: (actor: Actor) => indicatorChoices(db, actor),

    /** Sets (or changes) the owner and due date for a subject's period. */
    async set(actor: Actor, input: DutyInput): Promise<string> {
      authorize(actor, 'duty.manage');
      const parsed = DutyInput.safeParse(input);
      const problems: FieldProblem[] = fieldProblems(parsed.error, { dueDate: 'Enter the due date as yyyy-mm-dd' });
      if (!parsed.success) throw new ValidationError('The reporting duty is not valid', problems);
      const v = parsed.data;
      const period = parsePeriod(v.periodKey);
      if (!period.ok) problems.push({ field: 'periodKey', message: `Enter a period such as 2024/25: ${period.error}` });
      const repeat = period.ok && v.repeats ? repeatProblem(period.period.key, v.repeats) : null;
      if (repeat) problems.push({ field: 'repeats', message: repeat });
      const owner = await getUserById(db, v.ownerId);
      if (!owner || !owner.active) problems.push({ field: 'ownerId', message: 'Choose an active user as the owner' });
      if (v.subjectType === 'indicator' && !(await getIndicator(db, v.subjectId))) problems.push({ field: 'subjectId', message: 'Choose an existing indicator' });
      if (v.subjectType === 'outcome') {
        const plans = await listPlans(db);
        const structures = await Promise.all(plans.map((p) => getPlanStructure(db, p.id)));
        if (!structures.some((s) => s?.outcomes.some((o) => o.id === v.subjectId))) problems.push({ field: 'subjectId', message: 'Choose an existing outcome' });
      }
      if (problems.length || !period.ok) throw new ValidationError('The reporting duty is not valid', problems);
      const before = await getDutyByKey(db, v.subjectType, v.subjectId, period.period.key);
      const id = before?.id ?? randomUUID();
      const row = { id, subjectType: v.subjectType, subjectId: v.subjectId, periodKey: period.period.key, ownerId: v.ownerId, dueDate: v.dueDate, repeats: v.repeats ?? null };
      await db.transaction(async (tx) => {
        await upsertDuty(tx, row);
        await appendAuditEvent(tx, { userId: actor.id, action: before ? 'update' : 'create', entityType: 'duty', entityId: id, before: before ?? null, after: row });
      });
      return id;
    },

    /** Marks a duty done by hand (its owner, or a reviewer), for updates given outside the workspace. */
    async complete(actor: Actor, id: string): Promise<void> {
      const duty = await getDuty(db, id);
      if (!duty) throw new NotFoundError('Reporting duty', id);
      if (duty.ownerId !== actor.id) authorize(actor, 'duty.manage');
      await db.transaction(async (tx) => {
        await markDutyDone(tx, duty.subjectType, duty.subjectId, duty.periodKey);
        await appendAuditEvent(tx, { userId: actor.id, action: 'complete', entityType: 'duty', entityId: id, before: { doneAt: duty.doneAt } });
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'duty.manage');
      const duty = await getDuty(db, id);
      if (!duty) throw new NotFoundError('Reporting duty', id);
      await db.transaction(async (tx) => {
        await deleteDuty(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: 'delete', entityType: 'duty', entityId: id, before: duty });
      });
    },
  };
}
