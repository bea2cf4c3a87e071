// The audit trail as staff read it: a record's history, and everything in a date range as CSV.
import { toCsv } from '../present/csv.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { listAuditItems, type AuditFilter, type AuditItem } from '../store/queries/auditTrail.js';
import { auditRecordNames } from '../store/queries/auditRecordNames.js';
import { actionText, changesText } from '../present/audit-text.js';
import { periodLabel } from '../present/format.js';
import { authorize, type Actor } from './policy.js';

export type { AuditItem } from '../store/queries/auditTrail.js';

/** An audit event with the name of its record ("Opened the repair café", "ann@council.gov.uk", "IND1 for 2024/25"). */
export type NamedAuditItem = AuditItem & { record: string };

/** A title, name or e-mail the event's own snapshot carries: what names a record that has since gone. */
function ownName(e: AuditItem): string | undefined {
  for (const snap of [e.after, e.before]) {
    const s = (snap && typeof snap === 'object' ? snap : {}) as Record<string, unknown>;
    const name = s.title ?? s.email ?? s.name ?? s.code ?? s.text;
    if (typeof name === 'string' && name) return name;
  }
  return undefined;
}

const idsOf = (items: AuditItem[], type: string) => [...new Set(items.filter((e) => e.entityType === type).map((e) => e.entityId))];

export function auditService(store: Store) {
  const { db } = store;

  /** Gives each event the name of its record, looked up in one query per kind of record. */
  async function named(items: AuditItem[]): Promise<NamedAuditItem[]> {
    const valueIndicators = items.filter((e) => e.entityType === 'value').map((e) => e.entityId.split('/')[0]);
    const names = await auditRecordNames(db, {
      entries: idsOf(items, 'entry'), users: idsOf(items, 'user'), commitments: idsOf(items, 'commitment'),
      indicators: [...new Set([...idsOf(items, 'indicator'), ...valueIndicators])],
    });
    const nameOf = (e: AuditItem): string => {
      const [first, , period] = e.entityId.split('/');
      switch (e.entityType) {
        case 'entry': return names.entries.get(e.entityId) ?? ownName(e) ?? 'a deleted entry';
        case 'user': return names.users.get(e.entityId) ?? ownName(e) ?? 'a removed user';
        case 'commitment': return names.commitments.get(e.entityId) ?? ownName(e) ?? e.entityId;
        case 'indicator': return names.indicators.get(e.entityId) ?? ownName(e) ?? e.entityId;
        case 'value': return `${names.indicators.get(first) ?? 'an indicator'} for ${periodLabel(period ?? '')}`;
        case 'observation': return period ? `${first} for ${periodLabel(period)}` : e.entityId;
        default: return ownName(e) ?? e.entityId;
      }
    };
    return items.map((e) => ({ ...e, record: nameOf(e) }));
  }

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
    async recent(actor: Actor, filter: Omit<AuditFilter, 'newestFirst'> = {}): Promise<NamedAuditItem[]> {
      authorize(actor, 'audit.read');
      return named(await listAuditItems(db, { limit: 200, ...filter, newestFirst: true }));
    },

    /** The trail (optionally one type of record, or a date range) as CSV, oldest first. */
    async csv(actor: Actor, filter: { entityType?: string; from?: string; to?: string } = {}): Promise<string> {
      authorize(actor, 'audit.read');
      for (const [field, d] of [['from', filter.from], ['to', filter.to]] as const) {
        if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new ValidationError('The date range is not valid', [{ field, message: 'Enter a date as yyyy-mm-dd' }]);
      }
      // `to` is the last day wanted; the query's bound is exclusive.
      const to = filter.to ? new Date(Date.parse(filter.to) + 86_400_000).toISOString().slice(0, 10) : undefined;
      const items = await named(await listAuditItems(db, { ...filter, to }));
      // Changes are written "field: before → after", as the history pages show them, not as the stored JSON.
      return toCsv(items.map((e) => ({
        id: e.id, at: new Date(e.at).toISOString(), user_id: e.userId ?? '', user_name: e.userName ?? (e.userId ? '' : 'system'),
        action: e.action, what: actionText(e), entity_type: e.entityType, entity_id: e.entityId, record: e.record, changes: changesText(e.before, e.after),
      })), ['id', 'at', 'user_id', 'user_name', 'action', 'what', 'entity_type', 'entity_id', 'record', 'changes']);
    },
  };
}
