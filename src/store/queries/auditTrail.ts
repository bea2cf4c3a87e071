// Reading the audit trail: one record's history, or every event in a date range for export.
import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { auditEvents, users } from '../schema.js';

export interface AuditItem {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  /** ISO dates, from inclusive and to exclusive. */
  from?: string;
  to?: string;
  limit?: number;
  newestFirst?: boolean;
}

export async function listAuditItems(db: Db, filter: AuditFilter = {}): Promise<AuditItem[]> {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lt(auditEvents.at, filter.to));
  const order = filter.newestFirst ? [desc(auditEvents.at), desc(auditEvents.id)] : [asc(auditEvents.at), asc(auditEvents.id)];
  return db.select({
    id: auditEvents.id, at: auditEvents.at, userId: auditEvents.userId, userName: users.name, action: auditEvents.action,
    entityType: auditEvents.entityType, entityId: auditEvents.entityId, before: auditEvents.before, after: auditEvents.after,
  }).from(auditEvents).leftJoin(users, eq(users.id, auditEvents.userId))
    .where(where.length ? and(...where) : undefined).orderBy(...order).limit(filter.limit ?? 100_000);
}
