// How the audit trail is written for people, on screen and in its CSV: what was done ("Role changed
// from contributor to viewer") and each changed field as "field: before → after", never raw JSON.

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Field names in the snapshots, in the words staff use; others are shown as they are. */
const FIELD_LABELS: Record<string, string> = {
  workflowState: 'state', periodKey: 'period', outcomeId: 'outcome', themeId: 'theme', reviewComment: 'review comment',
  outcomeIds: 'outcomes', decimalPlaces: 'decimal places', changeTolerance: 'change tolerance', ownerId: 'owner', dueDate: 'due date',
  proposedStatus: 'proposed status', statusNote: 'note',
};

const ACTIONS: Record<string, string> = {
  create: 'Created', update: 'Edited', delete: 'Deleted', submit: 'Submitted for approval', withdraw: 'Submission withdrawn',
  approve: 'Approved', publish: 'Published', return: 'Returned with a comment', unpublish: 'Taken off the public site',
  enter: 'Value entered', import: 'Imported', 'sign-in': 'Signed in', 'sign-out-everywhere': 'Signed out everywhere',
  propose: 'Status change proposed', deactivate: 'Deactivated', reactivate: 'Reactivated', 'set-password': 'Password changed', reorder: 'Moved', complete: 'Marked done',
};

const words = (v: unknown): string => String(v).replace(/-/g, ' ');

/** One value as a reader sees it: lists joined, nothing as "(none)", objects as "key: value" pairs. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (Array.isArray(v)) return v.map(showValue).join(', ') || '(none)';
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${showValue(x)}`).join(', ') || '(none)';
  return String(v);
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

/** The fields whose value differs between two snapshots, in the order they first appear. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .map((field) => ({ field: FIELD_LABELS[field] ?? field, before: showValue(b[field]), after: showValue(a[field]) }))
    .filter((x) => x.before !== x.after);
}

/** "title: Old → New; state: draft → submitted": every change on one line, for the CSV. */
export const changesText = (before: unknown, after: unknown): string =>
  fieldChanges(before, after).map((c) => `${c.field}: ${c.before} → ${c.after}`).join('; ');

/** What was done, in words; a user's role change says from what to what. */
export function actionText(e: { action: string; entityType: string; before: unknown; after: unknown }): string {
  const b = asRecord(e.before);
  const a = asRecord(e.after);
  if (e.entityType === 'user' && e.action === 'update' && 'role' in a && b.role !== a.role && b.role !== undefined) {
    return `Role changed from ${words(b.role)} to ${words(a.role)}`;
  }
  return ACTIONS[e.action] ?? e.action;
}
