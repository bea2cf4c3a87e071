// The reporting calendar: who supplies which indicator value or outcome update for a period, and by when.
import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { indicators, outcomes, reportingDuties, users } from '../schema.js';

export type DutyRow = typeof reportingDuties.$inferSelect;

export interface DutyItem extends DutyRow {
  subjectTitle: string | null;
  subjectCode: string | null;
  ownerName: string | null;
}

export async function upsertDuty(db: Db, duty: typeof reportingDuties.$inferInsert): Promise<void> {
  await db.insert(reportingDuties).values(duty).onConflictDoUpdate({
    target: [reportingDuties.subjectType, reportingDuties.subjectId, reportingDuties.periodKey],
    set: { ownerId: duty.ownerId, dueDate: duty.dueDate, repeats: duty.repeats ?? null },
  });
}

export async function getDuty(db: Db, id: string): Promise<DutyRow | undefined> {
  const [row] = await db.select().from(reportingDuties).where(eq(reportingDuties.id, id));
  return row;
}

export async function getDutyByKey(db: Db, subjectType: string, subjectId: string, periodKey: string): Promise<DutyRow | undefined> {
  const [row] = await db.select().from(reportingDuties).where(and(
    eq(reportingDuties.subjectType, subjectType), eq(reportingDuties.subjectId, subjectId), eq(reportingDuties.periodKey, periodKey)));
  return row;
}

export async function deleteDuty(db: Db, id: string): Promise<void> {
  await db.delete(reportingDuties).where(eq(reportingDuties.id, id));
}

/** Marks the duty for a subject and period done (when its value or update is submitted); no-op without one. */
export async function markDutyDone(db: Db, subjectType: string, subjectId: string, periodKey: string): Promise<void> {
  await db.update(reportingDuties).set({ doneAt: sql`now()` }).where(and(
    eq(reportingDuties.subjectType, subjectType), eq(reportingDuties.subjectId, subjectId), eq(reportingDuties.periodKey, periodKey), isNull(reportingDuties.doneAt)));
}

export interface DutyFilter {
  ownerId?: string;
  openOnly?: boolean;
  /** Open duties due on or before this day. */
  dueBy?: string;
  periodKey?: string;
}

export async function listDutyItems(db: Db, filter: DutyFilter = {}): Promise<DutyItem[]> {
  const where: SQL[] = [];
  if (filter.ownerId) where.push(eq(reportingDuties.ownerId, filter.ownerId));
  if (filter.openOnly || filter.dueBy) where.push(isNull(reportingDuties.doneAt));
  if (filter.dueBy) where.push(lte(reportingDuties.dueDate, filter.dueBy));
  if (filter.periodKey) where.push(eq(reportingDuties.periodKey, filter.periodKey));
  const r = await db.select({
    duty: reportingDuties, indicatorTitle: indicators.title, indicatorCode: indicators.code, outcomeTitle: outcomes.title, ownerName: users.name,
  }).from(reportingDuties)
    .leftJoin(indicators, and(eq(reportingDuties.subjectType, 'indicator'), eq(indicators.id, reportingDuties.subjectId)))
    .leftJoin(outcomes, and(eq(reportingDuties.subjectType, 'outcome'), eq(outcomes.id, reportingDuties.subjectId)))
    .leftJoin(users, eq(users.id, reportingDuties.ownerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(reportingDuties.dueDate), asc(reportingDuties.subjectType));
  return r.map((x) => ({ ...x.duty, subjectTitle: x.indicatorTitle ?? x.outcomeTitle, subjectCode: x.indicatorCode, ownerName: x.ownerName }));
}

/** Every repeating duty, earliest due first (the recurrence creates the next period's from these). */
export async function listRepeatingDuties(db: Db): Promise<DutyRow[]> {
  return db.select().from(reportingDuties).where(sql`${reportingDuties.repeats} is not null`).orderBy(asc(reportingDuties.dueDate));
}

/** Marks the duties of many subjects done for one period at once (a submitted grid). */
export async function markDutiesDone(db: Db, subjectType: string, subjectIds: string[], periodKey: string): Promise<void> {
  if (!subjectIds.length) return;
  await db.update(reportingDuties).set({ doneAt: sql`now()` }).where(and(
    eq(reportingDuties.subjectType, subjectType), inArray(reportingDuties.subjectId, subjectIds), eq(reportingDuties.periodKey, periodKey), isNull(reportingDuties.doneAt)));
}

/** Every indicator as the calendar's picker names it (id, code, title), by code: no more than the picker shows. */
export async function listDutyIndicatorChoices(db: Db): Promise<{ id: string; code: string; title: string }[]> {
  return db.select({ id: indicators.id, code: indicators.code, title: indicators.title }).from(indicators).orderBy(asc(indicators.code));
}
