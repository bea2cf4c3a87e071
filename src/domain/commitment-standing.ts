// Where a promise stands on a given day: its status as it was then (a status set later is not yet
// known), and whether it is overdue (its due date has passed, it is not marked delivered or dropped,
// and no entry shows it kept). Reports for a period use the period's last day; the site and the
// workspace use today. Pure.
import type { CommitmentStatus } from './model.js';

export interface CommitmentFacts {
  status: CommitmentStatus;
  dueStart: string | null;
  dueEnd: string | null;
  /** The day the status was last set (null: set on import or never). */
  statusSetOn: string | null;
  /** How many entries are linked as showing it kept. */
  evidence: number;
}

export interface CommitmentStanding {
  /** The status as it stood on the day asked about. */
  status: CommitmentStatus;
  /** Due before that day, not delivered or dropped, with no entry showing it kept. */
  overdue: boolean;
}

export function commitmentStanding(c: CommitmentFacts, onDay: string): CommitmentStanding {
  const status: CommitmentStatus = c.statusSetOn && c.statusSetOn > onDay ? 'open' : c.status;
  const due = c.dueEnd ?? c.dueStart;
  const overdue = due !== null && due < onDay && (status === 'open' || status === 'unknown' || status === 'late') && c.evidence === 0;
  return { status, overdue };
}
