// A record's history as rows people can read: when, who, what was done, and each field before → after.
import type { AuditItem } from '../../services/audit.js';

export interface HistoryRow {
  at: string;
  who: string;
  action: string;
  changes: { field: string; before: string; after: string }[];
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '(none)' : Array.isArray(v) ? v.join(', ') || '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v));

const ACTIONS: Record<string, string> = {
  create: 'Created', update: 'Edited', delete: 'Deleted', submit: 'Submitted for approval', approve: 'Approved', publish: 'Published',
  return: 'Returned with a comment', unpublish: 'Taken off the public site', enter: 'Value entered', import: 'Imported',
  'sign-in': 'Signed in', 'sign-out-everywhere': 'Signed out everywhere', deactivate: 'Deactivated', reactivate: 'Reactivated',
  'set-password': 'Password changed', reorder: 'Moved', complete: 'Marked done',
};

export function historyRows(events: AuditItem[]): HistoryRow[] {
  return events.map((e) => {
    const before = (e.before && typeof e.before === 'object' ? e.before : {}) as Record<string, unknown>;
    const after = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = fields
      .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
      .filter((x) => x.before !== x.after);
    return { at: new Date(e.at).toISOString(), who: e.userName ?? (e.userId ? 'a removed user' : 'Compendium (command line or import)'), action: ACTIONS[e.action] ?? e.action, changes };
  });
}
