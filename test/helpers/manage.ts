// A small workspace for staff-workspace tests: a plan with two outcomes, one indicator per outcome,
// and one user of each role (the contributor writes for Highways and the first outcome).
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import type { User } from '../../src/domain/index.js';
import { services, type Services } from '../../src/services/index.js';
import { SYSTEM_ACTOR } from '../../src/services/policy.js';
import { tables, type Store } from '../../src/store/index.js';
import { createApp } from '../../src/web/app.js';
import { testStore } from './store.js';
import { signedIn, type Browser } from './web.js';

export const PASSWORD = 'a long enough password';

export interface ManageWorkspace {
  s: Services;
  store: Store;
  planId: string;
  outcomes: { id: string; slug: string; title: string; themeIds: string[] }[];
  indicators: { id: string; code: string; outcomeId: string }[];
  users: Record<'admin' | 'officer' | 'contributor' | 'viewer' | 'otherContributor', User>;
  close(): Promise<void>;
}

export async function manageWorkspace(configOverrides: Partial<ReturnType<typeof loadConfig>> = {}): Promise<ManageWorkspace> {
  const store = await testStore();
  const dataDir = fs.mkdtempSync('/tmp/compendium-test-');
  const s = services(store, { ...loadConfig({ dataDir }), ...configOverrides });
  const planId = await s.plans.create({
    title: 'Test Strategic Plan', councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31',
    outcomes: [
      { title: 'Great Communities', themes: [{ title: 'Roads' }, { title: 'Libraries' }] },
      { title: 'Clean and Green', themes: [{ title: 'Waste' }] },
    ],
  });
  const structure = await s.plans.structure(planId);
  const outcomes = structure.outcomes.map((o) => ({ id: o.id, slug: o.slug, title: o.title, themeIds: o.themes.map((t) => t.id) }));
  const indicators = outcomes.map((o, i) => ({ id: randomUUID(), code: `IND${i + 1}`, outcomeId: o.id }));
  await store.db.insert(tables.indicators).values(indicators.map((x, i) => ({
    ...x, title: `Test indicator ${i + 1}`, unit: 'percent', decimalPlaces: 1, polarity: 'higher', frequency: 'annual-financial',
  })));
  const make = async (email: string, role: User['role'], extra: Partial<User> = {}) =>
    (await s.users.create(SYSTEM_ACTOR, { email, name: email.split('@')[0], role, password: PASSWORD, ...extra })).user;
  const users = {
    admin: await make('admin@test.gov.uk', 'admin'),
    officer: await make('officer@test.gov.uk', 'performance-officer'),
    contributor: await make('contributor@test.gov.uk', 'contributor', { services: ['Highways'], outcomeIds: [outcomes[0].id] }),
    viewer: await make('viewer@test.gov.uk', 'viewer'),
    otherContributor: await make('other@test.gov.uk', 'contributor', { services: ['Waste'], outcomeIds: [outcomes[1].id] }),
  };
  return { s, store, planId, outcomes, indicators, users, close: () => store.close() };
}

export type ManageRole = 'admin' | 'officer' | 'contributor' | 'viewer';

export interface ManageApp extends ManageWorkspace {
  /** The web app over the workspace, pages not cached (each request sees the latest writes). */
  app: ReturnType<typeof createApp>;
  /** A browser signed in as the workspace's user of that role. */
  as(who: ManageRole): Promise<Browser>;
}

/** The small workspace with the web app over it, for route tests of the staff workspace. */
export async function manageApp(configOverrides: Partial<ReturnType<typeof loadConfig>> = {}): Promise<ManageApp> {
  const w = await manageWorkspace(configOverrides);
  const app = createApp(w.s, { cachePages: false });
  return { ...w, app, as: (who) => signedIn(app, `${who}@test.gov.uk`, PASSWORD) };
}
