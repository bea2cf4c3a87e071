// Entries in the workspace: written by contributors for their services or outcomes, reviewed and published by
// performance officers. Only published entries reach the public site and reports.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ENTRY_KINDS, IsoDate, parsePeriod, WorkflowState, type EntryKind } from '../domain/index.js';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { lastSubmitters } from '../store/queries/lastSubmitters.js';
import {
  deleteEntry, getEntryRecord, insertEntry, insertFacts, listEntryItems, listEntryServices, matchAreaCodes, realignFacts, replaceEntryPlaces,
  setEntryCommitmentsState, updateEntry, type EntryListItem, type EntryRecord,
} from '../store/queries/entryEditing.js';
import { getPlanStructure } from '../store/queries/plans.js';
import { getSetting } from '../store/queries/settings.js';
import { markDutyDone } from '../store/queries/reportingDuties.js';
import { listPlans } from '../store/queries/plans.js';
import { fieldProblems } from './form-problems.js';
import { factsInText, newFactsInText } from './entry-facts.js';
import { authorize, can, type Actor, type EntryScope } from './policy.js';
import { nextState, STEP_ACTION, stepsFrom, type WorkflowStep } from './workflow.js';

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`).nullish().transform((s) => (s ? s : null));

export const EntryInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(300, 'A title is at most 300 characters'),
  body: z.string().max(50_000, 'The text is at most 50,000 characters').default('').transform((s) => s.replace(/\r\n/g, '\n').trim()),
  kind: z.enum(ENTRY_KINDS, { error: 'Choose what kind of entry this is' }),
  outcomeId: optionalText(100, 'An outcome'),
  themeId: optionalText(100, 'A theme'),
  date: optionalText(10, 'A date'),
  periodKey: optionalText(40, 'A period'),
  service: optionalText(200, 'A service name'),
  status: optionalText(100, 'A delivery status'),
  places: z.array(z.string().trim().max(200, 'A place name is at most 200 characters')).default([]).transform((a) => [...new Set(a.filter(Boolean))]),
  partners: z.array(z.string().trim().max(200, 'A partner name is at most 200 characters')).default([]).transform((a) => [...new Set(a.filter(Boolean))]),
});
export type EntryInput = z.input<typeof EntryInput>;

export interface EntryView extends EntryRecord {
  /** Workflow steps this person may take now. */
  steps: WorkflowStep[];
  canEdit: boolean;
  canDelete: boolean;
}

export interface EntryListOptions {
  states?: WorkflowState[];
  outcomeId?: string;
  /** Only entries this person created. */
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

const scopeOf = (e: { service: string | null; outcomeId: string | null; workflowState: string }): EntryScope =>
  ({ kind: 'entry', service: e.service, outcomeId: e.outcomeId, workflowState: WorkflowState.parse(e.workflowState) });

/** What the audit trail keeps of an entry: its content, not its bookkeeping. */
function snapshot(r: EntryRecord) {
  const e = r.entry;
  return {
    title: e.title, body: e.body, kind: e.kind, outcomeId: e.outcomeId, themeId: e.themeId, date: e.date, periodKey: e.periodKey,
    service: e.service, status: e.status, workflowState: e.workflowState, reviewComment: e.reviewComment,
    places: r.places.map((p) => p.name), partners: e.partners,
  };
}

/** What every entry method shares: the database, finding an entry or the current plan, checking input. */
function entryServiceContext(store: Store) {
  const { db } = store;

  async function mustGet(id: string): Promise<EntryRecord> {
    const r = await getEntryRecord(db, id);
    if (!r) throw new NotFoundError('Entry', id);
    return r;
  }

  async function currentPlanId(): Promise<string> {
    const chosen = await getSetting<string | null>(db, 'currentPlanId');
    const plans = await listPlans(db);
    const id = plans.find((p) => p.id === chosen)?.id ?? plans.at(-1)?.id;
    if (!id) throw new ValidationError('The workspace has no plan yet: create one (or import a report) first');
    return id;
  }

  /** Checks and normalises input against the plan: the outcome and theme must exist and belong together. */
  async function parseInput(input: EntryInput, planId: string) {
    const parsed = EntryInput.safeParse(input);
    const problems: FieldProblem[] = fieldProblems(parsed.error);
    // Dates and periods are checked even when other fields fail, so every problem is listed at once.
    const date = typeof input.date === 'string' ? input.date.trim() : '';
    if (date && !(IsoDate.safeParse(date).success && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date))) {
      problems.push({ field: 'date', message: 'Enter a real date as yyyy-mm-dd, such as 2024-03-31' });
    }
    let periodKey: string | null = null;
    const periodText = typeof input.periodKey === 'string' ? input.periodKey.trim() : '';
    if (periodText) {
      const p = parsePeriod(periodText);
      if (p.ok) periodKey = p.period.key;
      else problems.push({ field: 'periodKey', message: `Enter a reporting period such as 2024/25: ${p.error}` });
    }
    if (!parsed.success) throw new ValidationError('The entry is not valid', problems);
    const v = parsed.data;
    const structure = await getPlanStructure(db, planId);
    const outcome = structure?.outcomes.find((o) => o.id === v.outcomeId);
    if (v.outcomeId && !outcome) problems.push({ field: 'outcomeId', message: 'Choose an outcome of the current plan' });
    if (v.themeId && !outcome?.themes.some((t) => t.id === v.themeId)) problems.push({ field: 'themeId', message: 'Choose a theme of the chosen outcome' });
    if (problems.length) throw new ValidationError('The entry is not valid', problems);
    return { ...v, periodKey, kind: v.kind as EntryKind };
  }

  async function placesWithAreas(names: string[]) {
    const codes = await matchAreaCodes(db, names);
    return names.map((name) => ({ name, areaCode: codes.get(name.toLowerCase()) ?? null }));
  }

  /** An entry's scope; a submitted one also says who submitted it (only they may withdraw it). */
  async function scopeOfStored(r: EntryRecord): Promise<EntryScope> {
    const scope = scopeOf(r.entry);
    if (scope.workflowState !== 'submitted') return scope;
    return { ...scope, submittedBy: (await lastSubmitters(db, 'entry', [r.entry.id])).get(r.entry.id) ?? null };
  }

  async function view(actor: Actor, r: EntryRecord): Promise<EntryView> {
    const scope = await scopeOfStored(r);
    const steps = stepsFrom(scope.workflowState).filter((s) => can(actor, `entry.${STEP_ACTION[s]}`, scope));
    return { ...r, steps, canEdit: can(actor, 'entry.edit', scope), canDelete: can(actor, 'entry.delete', scope) };
  }

  return { db, mustGet, currentPlanId, parseInput, placesWithAreas, scopeOfStored, view };
}

type EntryServiceContext = ReturnType<typeof entryServiceContext>;

/** Listing and reading entries, within what the actor may see. */
function entryReads(context: EntryServiceContext) {
  const { db, mustGet, currentPlanId, view } = context;
  return {
    async list(actor: Actor, options: EntryListOptions = {}): Promise<{ items: EntryListItem[]; total: number; page: number; pageSize: number }> {
      authorize(actor, 'drafts.read');
      const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
      const page = Math.max(options.page ?? 1, 1);
      const planId = await currentPlanId().catch(() => undefined);
      if (!planId) return { items: [], total: 0, page, pageSize };
      // "Mine" is what this person wrote, whatever their role: a contributor's services and outcomes
      // hold their colleagues' drafts too, which are not theirs to call their own.
      const r = await listEntryItems(db, {
        planId, states: options.states, outcomeId: options.outcomeId,
        createdBy: options.mine ? actor.id ?? '' : undefined,
        limit: pageSize, offset: (page - 1) * pageSize,
      });
      return { ...r, page, pageSize };
    },

    /** Service names already used, for the entry form's suggestions. */
    async services(actor: Actor): Promise<string[]> {
      authorize(actor, 'drafts.read');
      return [...new Set([...(await listEntryServices(db)), ...actor.services])].sort();
    },

    async get(actor: Actor, id: string): Promise<EntryView> {
      authorize(actor, 'drafts.read');
      return view(actor, await mustGet(id));
    },
  };
}

/** Creating, editing and deleting an entry, audited. */
function entryEdits(context: EntryServiceContext) {
  const { db, mustGet, currentPlanId, parseInput, placesWithAreas } = context;
  return {
    async create(actor: Actor, input: EntryInput): Promise<string> {
      authorize(actor, 'entry.create');
      const planId = await currentPlanId();
      const v = await parseInput(input, planId);
      authorize(actor, 'entry.create', { kind: 'entry', service: v.service, outcomeId: v.outcomeId, workflowState: 'draft' });
      const id = randomUUID();
      const places = await placesWithAreas(v.places); // before the transaction: PGlite has one connection
      await db.transaction(async (tx) => {
        await insertEntry(tx, {
          id, planId, outcomeId: v.outcomeId, themeId: v.themeId, kind: v.kind, title: v.title, body: v.body, date: v.date,
          periodKey: v.periodKey, service: v.service, status: v.status, partners: v.partners, workflowState: 'draft',
          createdBy: actor.id, updatedBy: actor.id,
        });
        await replaceEntryPlaces(tx, id, places);
        await insertFacts(tx, factsInText(id, v.body)); // the same extractor as imports: figures in the text
        const created = await getEntryRecord(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: 'create', entityType: 'entry', entityId: id, after: snapshot(created!) });
      });
      return id;
    },

    async update(actor: Actor, id: string, input: EntryInput): Promise<void> {
      const before = await mustGet(id);
      authorize(actor, 'entry.edit', scopeOf(before.entry));
      const v = await parseInput(input, before.entry.planId);
      // A contributor may not move an entry out of what they are assigned to.
      authorize(actor, 'entry.edit', { kind: 'entry', service: v.service, outcomeId: v.outcomeId, workflowState: WorkflowState.parse(before.entry.workflowState) });
      const places = await placesWithAreas(v.places);
      await db.transaction(async (tx) => {
        await updateEntry(tx, id, {
          outcomeId: v.outcomeId, themeId: v.themeId, kind: v.kind, title: v.title, body: v.body, date: v.date, periodKey: v.periodKey,
          service: v.service, status: v.status, partners: v.partners, updatedBy: actor.id,
        });
        await replaceEntryPlaces(tx, id, places);
        if (v.body !== before.entry.body) {
          // Facts point at words in the text: follow them to where they moved, or drop them when they are gone.
          const moves: { id: string; start: number | null; end: number | null }[] = [];
          const removed: string[] = [];
          for (const f of before.facts) {
            if (f.start !== null && v.body.slice(f.start, f.end ?? f.start) === f.text) continue;
            const at = v.body.indexOf(f.text);
            if (at < 0) removed.push(f.id);
            else moves.push({ id: f.id, start: at, end: at + f.text.length });
          }
          await realignFacts(tx, id, moves, removed);
          const kept = [...moves, ...before.facts.filter((f) => !removed.includes(f.id) && !moves.some((m) => m.id === f.id))];
          await insertFacts(tx, newFactsInText(id, v.body, kept));
        }
        const after = await getEntryRecord(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: 'update', entityType: 'entry', entityId: id, before: snapshot(before), after: snapshot(after!) });
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const before = await mustGet(id);
      authorize(actor, 'entry.delete', scopeOf(before.entry));
      await db.transaction(async (tx) => {
        await deleteEntry(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: 'delete', entityType: 'entry', entityId: id, before: snapshot(before) });
      });
    },
  };
}

/** Moving an entry along the workflow. */
function entryWorkflow(context: EntryServiceContext) {
  const { db, mustGet, scopeOfStored, view } = context;
  return {
    /** Moves an entry along the workflow. Returning needs a comment saying what to change. */
    async transition(actor: Actor, id: string, step: WorkflowStep, comment?: string): Promise<EntryView> {
      const before = await mustGet(id);
      const scope = await scopeOfStored(before);
      authorize(actor, `entry.${STEP_ACTION[step]}`, scope);
      const to = nextState(scope.workflowState, step, 'entry');
      if (before.entry.importDecision === 'excluded' && step !== 'return') {
        throw new ConflictError('This entry was excluded when its import batch was reviewed, so it cannot be moved on: include it in the batch first.');
      }
      const note = comment?.trim() ?? '';
      if (step === 'return' && !note) throw new ValidationError('Say what needs changing', [{ field: 'comment', message: 'Enter a comment for the author saying what to change' }]);
      if (note.length > 2000) throw new ValidationError('The comment is too long', [{ field: 'comment', message: 'A comment is at most 2,000 characters' }]);
      await db.transaction(async (tx) => {
        await updateEntry(tx, id, {
          workflowState: to,
          reviewComment: step === 'return' ? note : step === 'submit' ? null : before.entry.reviewComment,
          publishedAt: to === 'published' ? new Date().toISOString() : step === 'unpublish' ? null : before.entry.publishedAt,
          updatedBy: actor.id,
        });
        await setEntryCommitmentsState(tx, id, to);
        if (step === 'submit' && before.entry.outcomeId && before.entry.periodKey) await markDutyDone(tx, 'outcome', before.entry.outcomeId, before.entry.periodKey);
        await appendAuditEvent(tx, {
          userId: actor.id, action: step, entityType: 'entry', entityId: id,
          before: { workflowState: before.entry.workflowState }, after: { workflowState: to, ...(note ? { comment: note } : {}) },
        });
      });
      return view(actor, await mustGet(id));
    },
  };
}

export function entryService(store: Store) {
  const context = entryServiceContext(store);
  return { ...entryReads(context), ...entryEdits(context), ...entryWorkflow(context) };
}
