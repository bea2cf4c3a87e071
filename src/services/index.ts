// Wires the use cases to a store and configuration. Web and CLI depend on this, never on the store.
import type { Config } from '../config.js';
import type { Store } from '../store/index.js';
import { backupService } from './backup.js';
import { demoService } from './demo.js';
import { importService } from './imports.js';
import { planService } from './plans.js';
import { siteService } from './site.js';
import { sitePlanService } from './site/current-plan.js';
import { siteEntryService } from './site/entries.js';
import { siteIndicatorService } from './site/indicators.js';
import { siteOutcomeService } from './site/outcomes.js';
import { sitePublishedReportService } from './site/published-reports.js';
import { siteSearchService } from './site/search.js';
import { reportService } from './reports.js';
import { workspaceService } from './workspace.js';
import { groupService } from './groups.js';
import { indicatorService } from './indicators.js';
import { observationService } from './observations.js';
import { performanceService } from './performance.js';
import { targetService } from './targets.js';
import { auditService } from './audit.js';
import { authService } from './auth.js';
import { dutyService } from './duties.js';
import { commitmentService } from './commitments.js';
import { entryService } from './entries.js';
import { siteSettingsService } from './site-settings.js';
import { structureService } from './structure.js';
import { userService } from './users.js';
import { valueService } from './values.js';

export function services(store: Store, config: Config) {
  const performance = performanceService(store);
  const plans = planService(store);
  const workspace = workspaceService(store);
  const groups = groupService(store);
  const sitePlan = sitePlanService({ store, plans });
  const siteIndicators = siteIndicatorService({ store, sitePlan, performance, groups });
  const site = siteService({
    sitePlan,
    siteIndicators,
    siteOutcomes: siteOutcomeService({ store, sitePlan, siteIndicators }),
    siteEntries: siteEntryService({ store, sitePlan }),
    siteSearch: siteSearchService({ store, sitePlan }),
    sitePublishedReports: sitePublishedReportService({ store, sitePlan }),
  });
  return {
    config,
    store: { kind: store.kind, location: store.location, close: () => store.close() },
    workspace,
    plans,
    backup: backupService(store),
    site,
    demo: demoService(store),
    indicators: indicatorService(store, plans),
    targets: targetService(store),
    observations: observationService(store),
    groups,
    performance,
    auth: authService(store, config),
    users: userService(store),
    entries: entryService(store),
    values: valueService(store),
    audit: auditService(store),
    duties: dutyService(store),
    commitments: commitmentService(store, plans),
    structure: structureService(store),
    siteSettings: siteSettingsService(store),
    reports: reportService(store, config, { plans, workspace, groups, performance }),
    imports: importService(store, config),
  };
}

export type Services = ReturnType<typeof services>;

/** Opens the configured database and wires the services to it: what the CLI and server start from. */
export async function openServices(config: Config): Promise<Services> {
  const { openStore } = await import('../store/index.js');
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const s = services(store, config);
  await s.workspace.init();
  return s;
}
