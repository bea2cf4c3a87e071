// Wires the use cases to a store and configuration. Web and CLI depend on this, never on the store.
// Services with heavy libraries (reports, imports, indicator tables, the demo) are built on first
// use (lazyService), so a command loads only what it calls.
import type { Config } from '../config.js';
import type { Store } from '../store/index.js';
import { backupService } from './backup.js';
import type { demoService } from './demo.js';
import type { importService } from './imports.js';
import { planService } from './plans.js';
import { planMapService } from './plan-map.js';
import { commitmentRegisterService } from './commitment-register.js';
import { siteService } from './site.js';
import type { reportService } from './reports.js';
import type { reportVersionService } from './report-versions.js';
import { sitePlanService } from './site/current-plan.js';
import { siteEntryService } from './site/entries.js';
import { siteIndicatorService } from './site/indicators.js';
import { siteOutcomeService } from './site/outcomes.js';
import { sitePublishedReportService } from './site/published-reports.js';
import { sitePlanVersionService } from './site/plan-versions.js';
import { siteSearchService } from './site/search.js';
import { workspaceService } from './workspace.js';
import { groupService } from './groups.js';
import type { indicatorService } from './indicators.js';
import type { observationService } from './observations.js';
import { performanceService } from './performance.js';
import { targetService } from './targets.js';
import { auditService } from './audit.js';
import { authService } from './auth.js';
import { dutyService } from './duties.js';
import { commitmentService } from './commitments.js';
import { entryService } from './entries.js';
import { importBatchService } from './import-batches.js';
import { entryFactService } from './entry-facts.js';
import { siteSettingsService } from './site-settings.js';
import { structureService } from './structure.js';
import { userService } from './users.js';
import { valueService } from './values.js';
import { lazyService } from './lazy.js';
import { linkService } from './links.js';
import { changesService } from './changes.js';
import { financeDataService } from './finance-data.js';
import { fundingService } from './funding.js';
import { financeStoryService } from './finance-story.js';
import { narrativeService } from './narrative.js';
import { reportFinanceLoader } from './report-finance.js';
import { notificationService } from './notifications.js';
import { outboxService } from './outbox.js';
import { gridService } from './grid.js';
import { gridBulkService } from './grid-bulk.js';
import { commentService } from './comments.js';
import { accessLinkService } from './access-links.js';
import { reminderService } from './reminders.js';
import { entriesWithMail, valuesWithMail } from './workflow-mail.js';

/** The team work services (grid, bulk steps, comments, e-mail links, outbox, reminders), sharing the notifications. */
function teamworkServices(store: Store, config: Config, notifications: ReturnType<typeof notificationService>, users: ReturnType<typeof userService>) {
  return {
    outbox: outboxService(store, config),
    grid: gridService(store, notifications),
    gridBulk: gridBulkService(store, notifications),
    comments: commentService(store),
    accessLinks: accessLinkService(store, { notifications, users }),
    reminders: reminderService(store, config, notifications),
  };
}

/** The public site's reads, each concern given the current plan and the indicators it needs. */
function publicSite(store: Store, deps: { plans: ReturnType<typeof planService>; performance: ReturnType<typeof performanceService>; groups: ReturnType<typeof groupService> }) {
  const sitePlan = sitePlanService({ store, plans: deps.plans, valuePeriods: () => deps.performance.periods() });
  const siteIndicators = siteIndicatorService({ store, sitePlan, plans: deps.plans, performance: deps.performance, groups: deps.groups });
  const sitePublishedReports = sitePublishedReportService({ store, sitePlan });
  return siteService({
    sitePlan,
    siteIndicators,
    sitePlanVersions: sitePlanVersionService({ store, plans: deps.plans, reports: sitePublishedReports }),
    siteOutcomes: siteOutcomeService({ store, sitePlan, siteIndicators }),
    siteEntries: siteEntryService({ store, sitePlan, plans: deps.plans }),
    siteSearch: siteSearchService({ store, sitePlan }),
    sitePublishedReports,
  });
}

/** What callers may do with the store itself: where it is, and closing it. */
function storeHandle(store: Store, workspace: ReturnType<typeof workspaceService>) {
  return {
    kind: store.kind, location: store.location,
    /** Closes the database; an embedded workspace first records its status for a quick `compendium status`. */
    close: async () => store.close(store.kind === 'pglite' ? await workspace.status().catch(() => undefined) : undefined),
    /** Records what this process does with an embedded workspace (e.g. "on port 3000") for the lock's message. */
    noteHolder: (detail: string) => store.noteHolder?.(detail),
    /** A sentence when this process took over the lock of a workspace whose holder had died. */
    tookOver: store.tookOver,
  };
}

export function services(store: Store, config: Config) {
  const performance = performanceService(store);
  const plans = planService(store);
  const financeData = financeDataService(store);
  const funding = fundingService(store);
  const financeStory = financeStoryService(store, plans);
  const narrative = narrativeService(store, plans);
  const workspace = workspaceService(store);
  const [notifications, users] = [notificationService(store, config), userService(store)];
  const groups = groupService(store);
  const planMaps = planMapService(store, plans);
  const changes = changesService(store, { plans, workspace, performance, planMaps });
  const reportDeps = { plans, workspace, groups, performance, changes, finance: reportFinanceLoader(funding, financeStory) };
  const loadReports = () => import('./reports.js').then((m) => m.reportService(store, config, reportDeps));
  const links = linkService(store);
  const site = publicSite(store, { plans, performance, groups });
  return {
    config,
    store: storeHandle(store, workspace),
    workspace,
    plans,
    backup: backupService(store),
    site,
    demo: lazyService<ReturnType<typeof demoService>>(() => import('./demo.js').then((m) => m.demoService(store))),
    indicators: lazyService<ReturnType<typeof indicatorService>>(() => import('./indicators.js').then((m) => m.indicatorService(store, plans))),
    targets: targetService(store),
    // Derived indicators (funding per head) follow their inputs: recomputed after every import.
    observations: lazyService<ReturnType<typeof observationService>>(() => import('./observations.js').then((m) => {
      const o = m.observationService(store);
      return { ...o, import: async (...a: Parameters<typeof o.import>) => {
        const r = await o.import(...a);
        await financeData.recompute({ userId: a[1]?.userId });
        return r;
      } };
    })),
    financeData,
    funding,
    financeStory,
    narrative,
    groups,
    performance,
    auth: authService(store, config),
    users,
    entries: entriesWithMail(entryService(store), notifications),
    importBatches: importBatchService(store),
    entryFacts: entryFactService(store),
    values: valuesWithMail(valueService(store), notifications),
    notifications,
    ...teamworkServices(store, config, notifications, users),
    audit: auditService(store),
    duties: dutyService(store),
    commitments: commitmentService(store, plans),
    planMaps,
    commitmentRegister: commitmentRegisterService(store, plans),
    links,
    changes,
    structure: structureService(store),
    siteSettings: siteSettingsService(store),
    reports: lazyService<ReturnType<typeof reportService>>(loadReports),
    // Drafts, approval and published versions; generation runs in the background, one at a time.
    reportVersions: lazyService<ReturnType<typeof reportVersionService>>(async () => {
      const [builder, m] = await Promise.all([loadReports(), import('./report-versions.js')]);
      return m.reportVersionService({ store, config, plans, builder });
    }),
    // A later report's entries arrive with links to earlier entries and commitments suggested, for a person to decide.
    imports: lazyService<ReturnType<typeof importService>>(() => import('./imports.js').then((m) => {
      const i = m.importService(store, config);
      return { ...i, run: async (...a: Parameters<typeof i.run>) => {
        const r = await i.run(...a);
        if (r.dryRun) return r;
        a[1]?.onProgress?.({ file: '', stage: 'links', done: 0, total: r.files.length });
        await links.suggestAfterImport(r.files.flatMap((f) => (f.documentId ? [f.documentId] : [])));
        return r;
      } };
    })),
  };
}

export type Services = ReturnType<typeof services>;

/** Opens the configured database and wires the services to it: what the CLI and server start from. */
export async function openServices(config: Config): Promise<Services> {
  const { openStore } = await import('../store/index.js');
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const s = services(store, config);
  try {
    await s.workspace.prepare();
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
  return s;
}
