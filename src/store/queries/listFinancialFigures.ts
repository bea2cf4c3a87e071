// The financial context figures of a plan for one period, in the order the council set.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { financialFigures } from '../schema.js';

export async function listFinancialFigures(db: Db, planId: string, periodKey: string): Promise<(typeof financialFigures.$inferSelect)[]> {
  return db.select().from(financialFigures)
    .where(and(eq(financialFigures.planId, planId), eq(financialFigures.periodKey, periodKey)))
    .orderBy(asc(financialFigures.position));
}
