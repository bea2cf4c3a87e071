// The reports published for a plan (the public site's current one unless named), version by version
// with every format, the date and who approved each; drafts never show.
import { NotFoundError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { getReportArtifact, listReportArtifacts } from '../../store/queries/reportArtifacts.js';
import { listReportVersions } from '../../store/queries/reportVersions.js';
import type { SitePlanService } from './current-plan.js';

export interface PublishedFile {
  id: string;
  format: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** One published version: newest first, corrections with the note of what changed. */
export interface PublishedReport {
  id: string | null;
  periodKey: string;
  version: number | null;
  publishedAt: string;
  approvedBy: string | null;
  changeNote: string | null;
  pdfUnavailable: string | null;
  files: PublishedFile[];
}

export function sitePublishedReportService(deps: { store: Store; sitePlan: SitePlanService }) {
  const { db } = deps.store;
  return {
    /** The published reports of a plan (by id; the current plan's when none is named). */
    async reports(forPlan?: string): Promise<PublishedReport[]> {
      const planId = forPlan ?? (await deps.sitePlan.structure())?.plan.id;
      if (!planId) return [];
      const files = await listReportArtifacts(db, { planId, publishedOnly: true });
      const file = (f: (typeof files)[number]): PublishedFile => ({ id: f.id, format: f.format, fileName: f.fileName, mediaType: f.mediaType, size: f.size });
      const versions: PublishedReport[] = (await listReportVersions(db, { planId, states: ['published'] })).map((v) => ({
        id: v.id, periodKey: v.periodKey, version: v.version, publishedAt: v.publishedAt ?? v.updatedAt, approvedBy: v.approvedByName,
        changeNote: v.changeNote, pdfUnavailable: v.pdfUnavailable, files: files.filter((f) => f.reportId === v.id).map(file),
      }));
      // Files published before reports had versions: one entry per period and moment.
      const older = new Map<string, PublishedReport>();
      for (const f of files.filter((x) => !x.reportId)) {
        const key = `${f.periodKey} ${f.createdAt}`;
        if (!older.has(key)) older.set(key, { id: null, periodKey: f.periodKey, version: null, publishedAt: f.createdAt, approvedBy: null, changeNote: null, pdfUnavailable: null, files: [] });
        older.get(key)!.files.push(file(f));
      }
      return [...versions, ...older.values()]
        .sort((a, b) => b.periodKey.localeCompare(a.periodKey) || (b.version ?? 0) - (a.version ?? 0) || b.publishedAt.localeCompare(a.publishedAt));
    },

    /** A published file of any of the workspace's plans (an earlier plan's reports stay available from its page). */
    async report(id: string) {
      await deps.sitePlan.requireStructure();
      const file = await getReportArtifact(db, id);
      if (!file || file.draft) throw new NotFoundError('Report', id);
      return { fileName: file.fileName, mediaType: file.mediaType, content: file.content };
    },
  };
}

export type SitePublishedReportService = ReturnType<typeof sitePublishedReportService>;
