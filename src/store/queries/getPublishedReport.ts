// One published report file with its content, for download. Drafts are never returned.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { reportArtifacts } from '../schema.js';

export interface PublishedReportFile {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

export async function getPublishedReport(db: Db, planId: string, id: string): Promise<PublishedReportFile | undefined> {
  const [row] = await db
    .select({ fileName: reportArtifacts.fileName, mediaType: reportArtifacts.mediaType, content: reportArtifacts.content })
    .from(reportArtifacts)
    .where(and(eq(reportArtifacts.id, id), eq(reportArtifacts.planId, planId), eq(reportArtifacts.draft, false)));
  return row;
}
