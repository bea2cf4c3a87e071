// Records one change in the append-only audit trail.
import type { Db } from '../db.js';
import { auditEvents } from '../schema.js';

export interface AuditInput {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function appendAuditEvent(db: Db, e: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    userId: e.userId, action: e.action, entityType: e.entityType, entityId: e.entityId,
    before: (e.before ?? null) as object | null, after: (e.after ?? null) as object | null,
  });
}
