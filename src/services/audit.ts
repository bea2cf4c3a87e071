// The audit trail as staff read it: a record's history, and everything in a date range as CSV.
import { toCsv } from '../present/csv.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { listAuditItems, type AuditFilter, type AuditItem } from '../store/queries/auditTrail.js';
import { authorize, type Actor } from './policy.js';

export type { AuditItem } from '../store/queries/auditTrail.js';

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

export function auditService(store: Store) {
  const { db } = store;
  return {
    /** Every recorded change to one record, oldest first. Anyone signed in may read a record's history. */
    async history(actor: Actor, entityType: string, entityId: string): Promise<AuditItem[]> {
      authorize(actor, 'drafts.read');
      return listAuditItems(db, { entityType, entityId });
    },

    /** Every change to an indicator's targets, those since removed included, oldest first. */
    async targetHistory(actor: Actor, indicatorId: string): Promise<AuditItem[]> {
      authorize(actor, 'drafts.read');
      const of = (v: unknown) => (v && typeof v === 'object' && 'indicatorId' in v ? (v as { indicatorId: unknown }).indicatorId : undefined);
      return (await listAuditItems(db, { entityType: 'target' })).filter((e) => of(e.before) === indicatorId || of(e.after) === indicatorId);
    },

    /** The newest events, for the audit page. */
    async recent(actor: Actor, filter: Omit<AuditFilter, 'newestFirst'> = {}): Promise<AuditItem[]> {
      authorize(actor, 'audit.read');
      return listAuditItems(db, { limit: 200, ...filter, newestFirst: true });
    },

    /** The trail (optionally one type of record, or a date range) as CSV, oldest first. */
    async csv(actor: Actor, filter: { entityType?: string; from?: string; to?: string } = {}): Promise<string> {
      authorize(actor, 'audit.read');
      for (const [field, d] of [['from', filter.from], ['to', filter.to]] as const) {
        if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new ValidationError('The date range is not valid', [{ field, message: 'Enter a date as yyyy-mm-dd' }]);
      }
      // `to` is the last day wanted; the query's bound is exclusive.
      const to = filter.to ? new Date(Date.parse(filter.to) + 86_400_000).toISOString().slice(0, 10) : undefined;
      const items = await listAuditItems(db, { ...filter, to });
      return toCsv(items.map((e) => ({
        id: e.id, at: new Date(e.at).toISOString(), user_id: e.userId ?? '', user_name: e.userName ?? (e.userId ? '' : 'system'),
        action: e.action, entity_type: e.entityType, entity_id: e.entityId, before: json(e.before), after: json(e.after),
      })), ['id', 'at', 'user_id', 'user_name', 'action', 'entity_type', 'entity_id', 'before', 'after']);
    },
  };
}
