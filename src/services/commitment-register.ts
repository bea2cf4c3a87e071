// The commitments register: every promise of a plan (imported or entered) with when it is due, its
// outcome, owner, status with the day it was set and its evidence, and whether it is overdue on the
// day asked about (today by default). What the CLI, the workspace, the site and "what changed" read.
import { COMMITMENT_STATUSES, CommitmentStatus, commitmentStanding, planYearsLabel, type CommitmentStanding } from '../domain/index.js';
import { formatMonth, periodLabel } from '../present/format.js';
import { COMMITMENT_LABELS } from '../present/labels.js';
import type { Store } from '../store/index.js';
import { listCommitmentRegister, type RegisterRow } from '../store/queries/commitmentRegister.js';
import type { PlanService } from './plans.js';

export interface RegisterItem extends Omit<RegisterRow, 'status'>, CommitmentStanding {
  /** The status as stored today (standing.status is the status on the day asked about). */
  currentStatus: CommitmentStatus;
  statusLabel: string;
  /** "by June 2026", "by the end of the plan (March 2022)", "No date set". */
  dueLabel: string;
  /** The report period it was made in ("2019/20"), or null when entered by hand. */
  madeIn: string | null;
}

export interface CommitmentRegister {
  plan: { id: string; title: string; years: string };
  onDay: string;
  commitments: RegisterItem[];
  counts: Record<CommitmentStatus | 'overdue', number>;
}

function dueLabel(r: RegisterRow): string {
  if (r.dueBasis === 'plan-end' && r.dueEnd) return `by the end of the plan (${formatMonth(r.dueEnd)})`;
  return r.dueText ?? (r.dueEnd ? formatMonth(r.dueEnd) : 'No date set');
}

/** The register's rows as they stood on a day (pure): statuses set later are not yet known. */
export function registerOn(rows: RegisterRow[], onDay: string): { commitments: RegisterItem[]; counts: CommitmentRegister['counts'] } {
  const counts = Object.fromEntries([...COMMITMENT_STATUSES, 'overdue'].map((k) => [k, 0])) as CommitmentRegister['counts'];
  const commitments = rows.map((r): RegisterItem => {
    const currentStatus = CommitmentStatus.parse(r.status);
    const standing = commitmentStanding({ ...r, status: currentStatus }, onDay);
    counts[standing.status]++;
    if (standing.overdue) counts.overdue++;
    return { ...r, ...standing, currentStatus, statusLabel: standing.overdue ? `${COMMITMENT_LABELS[standing.status]}, overdue` : COMMITMENT_LABELS[standing.status], dueLabel: dueLabel(r), madeIn: r.periodKey ? periodLabel(r.periodKey) : null };
  });
  return { commitments, counts };
}

export function commitmentRegisterService(store: Store, plans: PlanService) {
  const { db } = store;
  return {
    /** The register of a plan (id, slug or title; the current plan by default) on a day (today by default). */
    async register(q: { plan?: string; onDay?: string } = {}): Promise<CommitmentRegister> {
      const { plan } = await plans.structure(q.plan);
      const onDay = q.onDay ?? new Date().toISOString().slice(0, 10);
      return { plan: { id: plan.id, title: plan.title, years: planYearsLabel(plan) }, onDay, ...registerOn(await listCommitmentRegister(db, plan.id), onDay) };
    },
  };
}

export type CommitmentRegisterService = ReturnType<typeof commitmentRegisterService>;
