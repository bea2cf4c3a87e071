// The report files published for the public site's plan; drafts and other plans' files never show.
import { NotFoundError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { getReportArtifact, listReportArtifacts } from '../../store/queries/reportArtifacts.js';
import type { SitePlanService } from './current-plan.js';

export function sitePublishedReportService(deps: { store: Store; sitePlan: SitePlanService }) {
  const { db } = deps.store;
  return {
    async reports() {
      const structure = await deps.sitePlan.structure();
      if (!structure) return [];
      return (await listReportArtifacts(db, { planId: structure.plan.id, publishedOnly: true }))
        .map((r) => ({ id: r.id, periodKey: r.periodKey, format: r.format, fileName: r.fileName, mediaType: r.mediaType, size: r.size, createdAt: r.createdAt }));
    },

    async report(id: string) {
      const structure = await deps.sitePlan.requireStructure();
      const file = await getReportArtifact(db, id);
      if (!file || file.draft || file.planId !== structure.plan.id) throw new NotFoundError('Report', id);
      return { fileName: file.fileName, mediaType: file.mediaType, content: file.content };
    },
  };
}

export type SitePublishedReportService = ReturnType<typeof sitePublishedReportService>;
