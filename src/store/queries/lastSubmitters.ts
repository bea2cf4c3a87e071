// Who last submitted each of some records, from the audit trail: whom "returned", "approved" and
// "published" e-mails go to.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { auditEvents } from '../schema.js';

export async function lastSubmitters(db: Db, entityType: string, entityIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!entityIds.length) return found;
  const r = await db.select({ entityId: auditEvents.entityId, userId: auditEvents.userId }).from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.action, 'submit'), inArray(auditEvents.entityId, entityIds)))
    .orderBy(desc(auditEvents.id));
  for (const x of r) if (x.userId && !found.has(x.entityId)) found.set(x.entityId, x.userId);
  return found;
}
