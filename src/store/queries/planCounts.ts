// How much each plan holds: outcomes, entries, commitments and imported reports, by plan id.
import { count } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitments, documents, entries, outcomes } from '../schema.js';

export interface PlanCounts { outcomes: number; entries: number; commitments: number; reports: number }

export async function planCounts(db: Db): Promise<Map<string, PlanCounts>> {
  const out = new Map<string, PlanCounts>();
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { outcomes: 0, entries: 0, commitments: 0, reports: 0 }));
    return c;
  };
  for (const r of await db.select({ id: outcomes.planId, n: count() }).from(outcomes).groupBy(outcomes.planId)) get(r.id).outcomes = Number(r.n);
  for (const r of await db.select({ id: entries.planId, n: count() }).from(entries).groupBy(entries.planId)) get(r.id).entries = Number(r.n);
  for (const r of await db.select({ id: commitments.planId, n: count() }).from(commitments).groupBy(commitments.planId)) get(r.id).commitments = Number(r.n);
  for (const r of await db.select({ id: documents.planId, n: count() }).from(documents).groupBy(documents.planId)) if (r.id) get(r.id).reports = Number(r.n);
  return out;
}
