// The names of the records an audit page lists: entries by title, users by e-mail, values by indicator code.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { commitments, entries, indicators, users } from '../schema.js';

export interface AuditRecordNames {
  entries: Map<string, string>;
  users: Map<string, string>;
  indicators: Map<string, string>;
  commitments: Map<string, string>;
}

const pairs = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));

/** Looks up the names of the records with these ids (grouped by kind); missing ones are simply absent. */
export async function auditRecordNames(db: Db, ids: { entries: string[]; users: string[]; indicators: string[]; commitments: string[] }): Promise<AuditRecordNames> {
  const none = Promise.resolve([] as { id: string; name: string }[]);
  return {
    entries: pairs(ids.entries.length ? await db.select({ id: entries.id, name: entries.title }).from(entries).where(inArray(entries.id, ids.entries)) : await none),
    users: pairs(ids.users.length ? await db.select({ id: users.id, name: users.email }).from(users).where(inArray(users.id, ids.users)) : await none),
    indicators: pairs(ids.indicators.length ? await db.select({ id: indicators.id, name: indicators.code }).from(indicators).where(inArray(indicators.id, ids.indicators)) : await none),
    commitments: pairs(ids.commitments.length ? await db.select({ id: commitments.id, name: commitments.text }).from(commitments).where(inArray(commitments.id, ids.commitments)) : await none),
  };
}
