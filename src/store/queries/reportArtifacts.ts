// Generated report files kept in the database (the web serves them from there).
import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { reportArtifacts } from '../schema.js';

export type ReportArtifactRow = typeof reportArtifacts.$inferSelect;
export type ReportArtifactSummary = Omit<ReportArtifactRow, 'content'> & { size: number };

export async function insertReportArtifacts(db: Db, rows: (typeof reportArtifacts.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(reportArtifacts).values(rows);
}

/** Stored files without their content, newest first: all of them, or one plan's, or some versions', or only the published (not drafts). */
export async function listReportArtifacts(db: Db, filter: { planId?: string; publishedOnly?: boolean; reportIds?: string[] } = {}): Promise<ReportArtifactSummary[]> {
  if (filter.reportIds && !filter.reportIds.length) return [];
  const { content: _content, ...columns } = getTableColumns(reportArtifacts);
  const rows = await db.select({ ...columns, size: sql<number>`octet_length(${reportArtifacts.content})::int` })
    .from(reportArtifacts)
    .where(and(filter.planId ? eq(reportArtifacts.planId, filter.planId) : undefined, filter.publishedOnly ? eq(reportArtifacts.draft, false) : undefined,
      filter.reportIds ? inArray(reportArtifacts.reportId, filter.reportIds) : undefined))
    .orderBy(desc(reportArtifacts.periodKey), desc(reportArtifacts.createdAt), reportArtifacts.format);
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export async function getReportArtifact(db: Db, id: string): Promise<ReportArtifactRow | undefined> {
  const [row] = await db.select().from(reportArtifacts).where(eq(reportArtifacts.id, id));
  return row;
}
