// Who may do what: role × action × record → allow or deny. Every mutating service call asks here,
// so the rule holds whichever adapter (web, CLI, API) made the call.
import type { Role, WorkflowState } from '../domain/index.js';
import { ForbiddenError } from '../errors.js';

/** The person (or the command line, which has the data folder anyway) making a change. */
export interface Actor {
  id: string | null;
  name: string;
  role: Role | 'system';
  /** For contributors: the services and outcomes they may write for. */
  services: string[];
  outcomeIds: string[];
}

/** The command line and the demo loader: whoever can run them can already read the database. */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'Compendium (command line)', role: 'system', services: [], outcomeIds: [] };

export const ACTIONS = [
  'workspace.read', 'drafts.read', 'audit.read',
  'entry.create', 'entry.edit', 'entry.delete', 'entry.submit', 'entry.withdraw', 'entry.approve', 'entry.publish', 'entry.return',
  'value.enter', 'value.delete', 'value.submit', 'value.withdraw', 'value.approve', 'value.publish', 'value.return',
  'import.run', 'indicator.manage', 'duty.manage', 'commitment.update',
  'commitment.propose', 'commitment.submit', 'commitment.withdraw', 'commitment.approve', 'commitment.publish', 'commitment.return',
  'report.generate', 'report.publish',
  'user.manage', 'plan.manage', 'settings.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What the policy needs to know about an entry. */
export interface EntryScope {
  kind: 'entry';
  service: string | null;
  outcomeId: string | null;
  workflowState: WorkflowState;
  /** Who submitted it, when known (undefined: not asked; null: nobody known, e.g. the command line). */
  submittedBy?: string | null;
}

/** What the policy needs to know about an indicator value. */
export interface ValueScope {
  kind: 'value';
  outcomeId: string | null;
  ownerId: string | null;
  workflowState: WorkflowState;
  /** Who submitted it, when known (undefined: not asked; null: nobody known, e.g. the command line). */
  submittedBy?: string | null;
}

/** What the policy needs to know about a commitment's proposed status change (its state is the proposal's). */
export interface CommitmentScope {
  kind: 'commitment';
  /** The service or team that answers for it. */
  owner: string | null;
  outcomeId: string | null;
  workflowState: WorkflowState;
  /** Who proposed (and submitted) the change, when known. */
  submittedBy?: string | null;
}

export type RecordScope = EntryScope | ValueScope | CommitmentScope;

const REVIEWER_ACTIONS = new Set<Action>([
  'workspace.read', 'drafts.read', 'audit.read',
  'entry.create', 'entry.edit', 'entry.delete', 'entry.submit', 'entry.withdraw', 'entry.approve', 'entry.publish', 'entry.return',
  'value.enter', 'value.delete', 'value.submit', 'value.withdraw', 'value.approve', 'value.publish', 'value.return',
  'import.run', 'indicator.manage', 'duty.manage', 'commitment.update', 'report.generate',
  'commitment.propose', 'commitment.submit', 'commitment.withdraw', 'commitment.approve', 'commitment.publish', 'commitment.return',
]);

const CONTRIBUTOR_ACTIONS = new Set<Action>([
  'workspace.read', 'drafts.read', 'entry.create', 'entry.edit', 'entry.delete', 'entry.submit', 'entry.withdraw',
  'value.enter', 'value.delete', 'value.submit', 'value.withdraw',
  'commitment.propose', 'commitment.submit', 'commitment.withdraw',
]);

/** True when a contributor is assigned to the record: its service is theirs, or its outcome is. */
export function inScope(actor: Actor, record: RecordScope): boolean {
  if (record.kind === 'commitment') {
    return (record.owner !== null && actor.services.includes(record.owner))
      || (record.outcomeId !== null && actor.outcomeIds.includes(record.outcomeId));
  }
  if (record.kind === 'entry') {
    return (record.service !== null && actor.services.includes(record.service))
      || (record.outcomeId !== null && actor.outcomeIds.includes(record.outcomeId));
  }
  return (record.ownerId !== null && record.ownerId === actor.id)
    || (record.outcomeId !== null && actor.outcomeIds.includes(record.outcomeId));
}

/**
 * The rule, in one place:
 * - admin may do everything;
 * - a performance officer does everything except users, plan structure, settings and publishing
 *   reports (they generate drafts and send them for approval; an administrator publishes);
 * - a contributor creates, edits, deletes and submits entries and values they are assigned to
 *   (by service or outcome), and only while those are drafts (new or returned); they may withdraw
 *   their own submission (back to draft) until someone approves it; the same holds for proposing a
 *   change of a commitment's status (a reviewer approves and publishes it);
 * - a viewer reads, drafts included, and changes nothing;
 * - withdrawing a submission is its submitter's own step, whatever their role: a reviewer who wants
 *   someone else's submission changed returns it with a comment (the command line may still do it).
 */
export function can(actor: Actor | null | undefined, action: Action, record?: RecordScope): boolean {
  if (!actor) return false;
  if (record?.submittedBy !== undefined && action.endsWith('.withdraw') && actor.role !== 'system'
    && (actor.id === null || record.submittedBy !== actor.id)) return false;
  switch (actor.role) {
    case 'system':
    case 'admin':
      return true;
    case 'performance-officer':
      return REVIEWER_ACTIONS.has(action);
    case 'viewer':
      return action === 'workspace.read' || action === 'drafts.read';
    case 'contributor': {
      if (!CONTRIBUTOR_ACTIONS.has(action)) return false;
      if (action === 'workspace.read' || action === 'drafts.read') return true;
      if (!record) return true; // may open the form; the record decides when it exists
      return inScope(actor, record) && record.workflowState === (action.endsWith('.withdraw') ? 'submitted' : 'draft');
    }
    default:
      return false;
  }
}

/** Throws ForbiddenError unless `can` allows it. */
export function authorize(actor: Actor | null | undefined, action: Action, record?: RecordScope): asserts actor is Actor {
  if (!can(actor, action, record)) {
    if (actor && record?.submittedBy !== undefined && action.endsWith('.withdraw') && record.submittedBy !== actor.id && can({ ...actor, id: record.submittedBy }, action, record)) {
      throw new ForbiddenError(`Only the person who submitted it can withdraw a submission${can(actor, actionOf(action, 'return'), record) ? ': return it to them with a comment instead' : ''}.`);
    }
    throw new ForbiddenError(actor ? `Your role (${actor.role}) does not allow ${describeAction(action)}${record && actor.role === 'contributor' ? ' for this record' : ''}.` : 'Sign in first.');
  }
}

/** The same record's other action, such as 'value.return' for 'value.withdraw'. */
const actionOf = (action: Action, verb: string): Action => `${action.split('.')[0]}.${verb}` as Action;

const VERBS: Record<string, string> = {
  read: 'reading', withdraw: 'withdrawing', create: 'creating', edit: 'editing', delete: 'deleting', submit: 'submitting', approve: 'approving',
  publish: 'publishing', return: 'returning', propose: 'proposing', update: 'updating', enter: 'entering', run: 'running', manage: 'managing', generate: 'generating',
};
const NOUNS: Record<string, string> = {
  workspace: 'the workspace', drafts: 'drafts', audit: 'the audit trail', entry: 'entries', value: 'indicator values', commitment: 'commitment statuses',
  import: 'imports', indicator: 'indicators', duty: 'the reporting calendar', user: 'users', plan: 'the plan structure', settings: 'settings', report: 'reports',
};

function describeAction(action: Action): string {
  const [what, verb] = action.split('.');
  return `${VERBS[verb] ?? verb} ${NOUNS[what] ?? what}`;
}
