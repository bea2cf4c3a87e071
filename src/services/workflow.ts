// The approval workflow shared by entries and indicator values: which step moves which state where.
import type { WorkflowState } from '../domain/index.js';
import { ConflictError } from '../errors.js';

export const WORKFLOW_STEPS = ['submit', 'withdraw', 'approve', 'publish', 'return', 'unpublish'] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

const MOVES: Record<WorkflowStep, { from: WorkflowState[]; to: WorkflowState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  /** The author takes a submission back to change it before anyone has approved it. */
  withdraw: { from: ['submitted'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
  /** Back to its author with a comment saying what to change. */
  return: { from: ['submitted', 'approved'], to: 'draft' },
  /** Takes published content off the public site, back to draft. */
  unpublish: { from: ['published'], to: 'draft' },
};

const DONE: Record<WorkflowStep, string> = { submit: 'submitted', withdraw: 'withdrawn', approve: 'approved', publish: 'published', return: 'returned', unpublish: 'unpublished' };
const LABELS: Record<WorkflowState, string> = { draft: 'a draft', submitted: 'submitted', approved: 'approved', published: 'published' };

const PLURALS: Record<string, string> = { entry: 'entries', value: 'values' };

/** The state a step leads to, or a ConflictError saying why it cannot be taken from here. */
export function nextState(current: WorkflowState, step: WorkflowStep, what: string): WorkflowState {
  const move = MOVES[step];
  if (!move.from.includes(current)) {
    throw new ConflictError(`This ${what} is ${LABELS[current]}, so it cannot be ${DONE[step]} (only ${move.from.map((s) => LABELS[s]).join(' or ')} ${PLURALS[what] ?? `${what}s`} can).`);
  }
  return move.to;
}

/** The steps possible from a state, for showing buttons. */
export function stepsFrom(state: WorkflowState): WorkflowStep[] {
  return WORKFLOW_STEPS.filter((s) => MOVES[s].from.includes(state));
}

/** The policy action each step needs. */
export const STEP_ACTION = { submit: 'submit', withdraw: 'withdraw', approve: 'approve', publish: 'publish', return: 'return', unpublish: 'publish' } as const;
