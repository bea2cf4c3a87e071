// A cheap fingerprint of everything the public site shows: the newest audit event (every change
// appends one) and the settings. Rendered pages are cached under it, so any change refreshes them.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface DataVersion {
  lastAuditId: number;
  settings: Record<string, unknown>;
}

export async function getDataVersion(db: Db): Promise<DataVersion> {
  const [r] = await rows<{ last: number | string | null; settings: Record<string, unknown> | string | null }>(db, sql`
    select (select max(id) from audit_events) as last,
           (select json_object_agg(key, value) from settings) as settings`);
  const settings = typeof r.settings === 'string' ? JSON.parse(r.settings) : (r.settings ?? {});
  return { lastAuditId: Number(r.last ?? 0), settings };
}
