// Report files that have been published (not drafts), newest period first, without their content.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface PublishedReportRow {
  id: string;
  periodKey: string;
  format: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export async function listPublishedReports(db: Db, planId: string): Promise<PublishedReportRow[]> {
  const r = await rows<PublishedReportRow>(db, sql`
    select id, period_key as "periodKey", format, file_name as "fileName", media_type as "mediaType",
           octet_length(content)::int as size, created_at::text as "createdAt"
    from report_artifacts
    where plan_id = ${planId} and draft = false
    order by period_key desc, created_at desc, format`);
  return r.map((x) => ({ ...x, size: Number(x.size) }));
}
