// The public site's reads: only published content, shaped for pages, open data and the JSON API.
// Each concern is its own service under ./site/, wired by services(); `site` is what the web calls,
// the union of their methods.
import type { SitePlanService } from './site/current-plan.js';
import type { SitePlanVersionService } from './site/plan-versions.js';
import type { SiteEntryService } from './site/entries.js';
import type { SiteIndicatorService } from './site/indicators.js';
import type { SiteOutcomeService } from './site/outcomes.js';
import type { SitePublishedReportService } from './site/published-reports.js';
import type { SiteSearchService } from './site/search.js';

export type { PublicEntryDetail } from '../store/queries/getPublishedEntry.js';
export type { PlanIndicatorRow } from '../store/queries/listPlanIndicators.js';
export type { PublicCommitmentRow } from '../store/queries/listPublishedCommitments.js';
export type { PublicEntryRow } from '../store/queries/listPublishedEntries.js';
export type { PlanStructure } from '../store/queries/plans.js';
export { PAGE_SIZE } from './site/paging.js';
export { highlightSegments, type SearchHit, type TextSegment } from './site/search.js';
export type { PeerValue, PerformanceSnapshot } from './site/indicators.js';

export interface SiteParts {
  sitePlan: SitePlanService;
  sitePlanVersions: SitePlanVersionService;
  siteOutcomes: SiteOutcomeService;
  siteEntries: SiteEntryService;
  siteIndicators: SiteIndicatorService;
  siteSearch: SiteSearchService;
  sitePublishedReports: SitePublishedReportService;
}

/** The public site's reads as one object (no method of one part calls another through it). */
export function siteService(parts: SiteParts) {
  return {
    ...parts.sitePlan, ...parts.sitePlanVersions, ...parts.siteOutcomes, ...parts.siteEntries, ...parts.siteIndicators, ...parts.siteSearch, ...parts.sitePublishedReports,
  };
}

export type SiteService = ReturnType<typeof siteService>;
