// Saved fair-funding what-if models: every version kept; a name's latest version is its current one.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { fundingModels } from '../schema.js';

export type FundingModelRow = typeof fundingModels.$inferSelect;
export type NewFundingModelRow = Omit<typeof fundingModels.$inferInsert, 'version'>;

/** Inserts the next version of a model by that name and returns it. */
export async function insertFundingModel(db: Db, row: NewFundingModelRow): Promise<FundingModelRow> {
  const [{ next }] = await db.select({ next: sql<number>`coalesce(max(${fundingModels.version}), 0) + 1` }).from(fundingModels).where(eq(fundingModels.name, row.name));
  const [saved] = await db.insert(fundingModels).values({ ...row, version: Number(next) }).returning();
  return saved;
}

/** The latest version of every model, by name. */
export async function listFundingModels(db: Db): Promise<FundingModelRow[]> {
  const all = await db.select().from(fundingModels).orderBy(fundingModels.name, desc(fundingModels.version));
  return all.filter((m, i) => i === 0 || all[i - 1].name !== m.name);
}

/** A model by name: the given version or the latest. */
export async function getFundingModel(db: Db, name: string, version?: number): Promise<FundingModelRow | undefined> {
  const where = version === undefined ? eq(fundingModels.name, name) : and(eq(fundingModels.name, name), eq(fundingModels.version, version));
  const [row] = await db.select().from(fundingModels).where(where).orderBy(desc(fundingModels.version)).limit(1);
  return row;
}
