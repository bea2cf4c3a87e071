// A throw-away workspace with the 2018-22 plan of the real 2020 report's council, for import tests.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Store } from '../../src/store/index.js';
import { services, type Services } from '../../src/services/index.js';
import { testStore } from './store.js';

export const PLAN_2018 = {
  title: 'Strategic Plan 2018-22',
  councilCode: 'E10000018',
  startDate: '2018-04-01',
  endDate: '2022-03-31',
  outcomes: [
    { title: 'A Strong Economy' },
    { title: 'Wellbeing and Opportunity' },
    { title: 'Keeping People Safe' },
    { title: 'Great Communities' },
    { title: 'Affordable and Quality Homes' },
  ],
};

export const loadReport = (file: string) => ({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });

/** Services over a fresh database (the store kept for checking rows) with PLAN_2018 created. */
export async function workspaceWithPlan(): Promise<{ store: Store; s: Services; planId: string }> {
  const store = await testStore();
  const s = services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') }));
  const planId = await s.plans.create(PLAN_2018);
  return { store, s, planId };
}
