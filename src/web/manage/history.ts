// A record's history as rows people can read: when, who, what was done, and each field before → after.
import type { AuditItem } from '../../services/audit.js';
import { actionText, fieldChanges, type FieldChange } from '../../present/audit-text.js';

export interface HistoryRow {
  at: string;
  who: string;
  action: string;
  changes: FieldChange[];
}

export function historyRows(events: AuditItem[]): HistoryRow[] {
  return events.map((e) => ({
    at: new Date(e.at).toISOString(),
    who: e.userName ?? (e.userId ? 'a removed user' : 'Compendium (command line or import)'),
    action: actionText(e),
    changes: fieldChanges(e.before, e.after),
  }));
}
