// The values grid: every indicator with its value for one period, the value of the period before, and
// the period's target, in one query; and writing many values (with their audit events) in a few statements.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { auditEvents, observations } from '../schema.js';

export interface GridRow {
  indicatorId: string;
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  polarity: string;
  outcomeId: string | null;
  ownerId: string | null;
  value: number | null;
  hasValue: boolean;
  status: string | null;
  commentary: string | null;
  workflowState: string | null;
  previousValue: number | null;
  targetValue: number | null;
  targetTolerance: number | null;
  targetToleranceKind: string | null;
}

export async function loadGridRows(db: Db, q: { areaCode: string; periodKey: string; previousKey: string }): Promise<GridRow[]> {
  const r = await rows<Record<string, unknown>>(db, sql`
    select i.id as "indicatorId", i.code, i.title, i.unit, i.decimal_places as "decimalPlaces", i.polarity,
      i.outcome_id as "outcomeId", i.owner_id as "ownerId",
      o.value, (o.indicator_id is not null) as "hasValue", o.status, o.commentary, o.workflow_state as "workflowState",
      p.value as "previousValue", t.value as "targetValue", t.tolerance as "targetTolerance", t.tolerance_kind as "targetToleranceKind"
    from indicators i
    left join observations o on o.indicator_id = i.id and o.area_code = ${q.areaCode} and o.period_key = ${q.periodKey}
    left join observations p on p.indicator_id = i.id and p.area_code = ${q.areaCode} and p.period_key = ${q.previousKey}
    left join targets t on t.indicator_id = i.id and t.area_code = ${q.areaCode} and t.period_key = ${q.periodKey}
    where not exists (select 1 from derived_measures d where d.indicator_id = i.id)
    order by i.code`);
  return r.map((x) => ({
    ...x,
    decimalPlaces: Number(x.decimalPlaces),
    value: x.value === null ? null : Number(x.value),
    previousValue: x.previousValue === null ? null : Number(x.previousValue),
    targetValue: x.targetValue === null ? null : Number(x.targetValue),
    targetTolerance: x.targetTolerance === null ? null : Number(x.targetTolerance),
    hasValue: x.hasValue === true || x.hasValue === 't',
  }) as GridRow);
}

export interface GridWrite {
  indicatorId: string;
  value: number | null;
  commentary: string | null;
  workflowState: 'draft' | 'submitted';
  audit: { action: string; before: unknown; after: unknown }[];
}

/** Writes many values of one area and period, and their audit events, in two statements. */
export async function writeGridValues(db: Db, q: { areaCode: string; periodKey: string; userId: string | null; idOf: (indicatorId: string) => string }, writes: GridWrite[]): Promise<void> {
  if (!writes.length) return;
  await db.insert(observations).values(writes.map((w) => ({
    indicatorId: w.indicatorId, areaCode: q.areaCode, periodKey: q.periodKey, value: w.value, status: 'final',
    commentary: w.commentary, workflowState: w.workflowState, updatedBy: q.userId,
  }))).onConflictDoUpdate({
    target: [observations.indicatorId, observations.areaCode, observations.periodKey],
    set: { value: sql`excluded.value`, commentary: sql`excluded.commentary`, workflowState: sql`excluded.workflow_state`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
  });
  const events = writes.flatMap((w) => w.audit.map((a) => ({
    userId: q.userId, action: a.action, entityType: 'value', entityId: q.idOf(w.indicatorId), before: a.before as object | null, after: a.after as object | null,
  })));
  if (events.length) await db.insert(auditEvents).values(events);
}
