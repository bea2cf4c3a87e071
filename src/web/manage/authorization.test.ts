// The authorization matrix: every mutating workspace route × every role (and signed out) → allowed or
// refused. Each cell gets its own fresh record, so one role's action cannot change another's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../../test/helpers/manage.js';
import { browser, signedIn, type Browser } from '../../../test/helpers/web.js';
import type { WorkflowStep } from '../../services/workflow.js';

type Who = 'admin' | 'officer' | 'contributor' | 'viewer' | 'signed-out';
const EVERYONE: Who[] = ['admin', 'officer', 'contributor', 'viewer', 'signed-out'];
const SIGNED_IN: Who[] = ['admin', 'officer', 'contributor', 'viewer'];

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
const browsers = new Map<Who, Browser>();

beforeAll(async () => {
  w = await manageWorkspace();
  app = createApp(w.s, { cachePages: false });
  for (const who of SIGNED_IN) browsers.set(who, await signedIn(app, `${who === 'officer' ? 'officer' : who}@test.gov.uk`, PASSWORD));
  const out = browser(app);
  await out.get('/manage/sign-in'); // holds a sign-in form token, so a refusal is about the role, not CSRF
  browsers.set('signed-out', out);
});
afterAll(async () => { await w.close(); });

interface Route {
  name: string;
  allowed: Who[];
  /** The status an allowed request gets when it is not a redirect or page (default: below 400). */
  allowedStatus?: number;
  /** Makes what the route acts on, and returns where to post and what. */
  setup(): Promise<{ path: string; fields?: Record<string, string | string[]> }>;
}

let periodCounter = 0;
/** A period no other cell has used, so cells never share a value or duty. */
const freshPeriod = () => `${1900 + ++periodCounter}`;

/** A commitment of the plan (imported once, on first need). */
let commitmentId: string | undefined;
const aCommitment = async (): Promise<string> => {
  if (!commitmentId) {
    const report = 'Great Communities\n\nLibrary – We will open a new library in Melton by spring 2026.\n';
    await w.s.imports.run([{ name: 'promise.txt', bytes: new TextEncoder().encode(report) }], { planId: w.planId, reportYear: 2024 });
    commitmentId = (await w.s.commitments.list(w.users.admin))[0].id;
  }
  return commitmentId;
};

/** The commitment with its proposal (if any) cleared, then proposed by an officer up to the state asked for. */
const freshProposal = async (state?: 'draft' | 'submitted' | 'approved'): Promise<string> => {
  const id = await aCommitment();
  const now = await w.s.commitments.get(w.users.officer, id);
  if (now.proposalState === 'submitted' || now.proposalState === 'approved') await w.s.commitments.proposalStep(w.users.officer, id, 'return');
  if (!state) return id;
  await w.s.commitments.propose(w.users.officer, id, 'delivered', 'Opened.', { submit: state !== 'draft' });
  if (state === 'approved') await w.s.commitments.proposalStep(w.users.officer, id, 'approve');
  return id;
};

/** An entry written by the service's contributor, moved on by the officer (or, with `authorSubmits`, submitted by its author). */
const entryIn = async (service: 'Highways' | 'Waste', step?: WorkflowStep[], authorSubmits = false) => {
  const author = service === 'Highways' ? w.users.contributor : w.users.otherContributor;
  const id = await w.s.entries.create(author, { title: `Entry ${randomUUID()}`, kind: 'update', body: 'Text', service });
  for (const s of step ?? []) await w.s.entries.transition(s === 'submit' && authorSubmits ? author : w.users.officer, id, s);
  return id;
};
/** A value entered and moved on by the officer (or by the contributor the indicator is assigned to). */
const valueFor = async (indicator: 0 | 1, steps: WorkflowStep[] = [], by: 'officer' | 'contributor' = 'officer') => {
  const key = await w.s.values.enter(w.users[by], { indicatorId: w.indicators[indicator].id, periodKey: freshPeriod(), value: 5 });
  for (const s of steps) await w.s.values.transition(w.users[by], key, s);
  return `/manage/values/${key.indicatorId}/${key.periodKey}`;
};
/** A report version of the plan in a given state, for the reports routes. */
const reportIn = async (state: string) => {
  const id = randomUUID();
  await w.store.db.execute(sql`insert into report_versions (id, plan_id, period_key, state) values (${id}, ${w.planId}, ${`FY${1900 + ++periodCounter}-01`}, ${state})`);
  return id;
};
const entryFields = (service: string) => ({ title: 'Edited title', kind: 'update', body: 'New text', service });
const REVIEWERS: Who[] = ['admin', 'officer'];
const WRITERS: Who[] = ['admin', 'officer', 'contributor'];

const ROUTES: Route[] = [
  { name: 'create an entry for own service', allowed: WRITERS, setup: async () => ({ path: '/manage/entries', fields: entryFields('Highways') }) },
  { name: 'create an entry for another service', allowed: REVIEWERS, setup: async () => ({ path: '/manage/entries', fields: entryFields('Waste') }) },
  { name: 'edit own service’s draft', allowed: WRITERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways')}`, fields: entryFields('Highways') }) },
  { name: 'edit another service’s draft', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Waste')}`, fields: entryFields('Waste') }) },
  { name: 'edit own service’s submitted entry', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit'])}`, fields: entryFields('Highways') }) },
  { name: 'delete own service’s draft', allowed: WRITERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways')}/delete` }) },
  { name: 'delete another service’s draft', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Waste')}/delete` }) },
  { name: 'submit own service’s draft', allowed: WRITERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways')}/workflow`, fields: { step: 'submit' } }) },
  { name: 'submit another service’s draft', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Waste')}/workflow`, fields: { step: 'submit' } }) },
  // Withdrawing is the submitter's own step: a reviewer returns someone else's submission instead.
  { name: 'withdraw own submission', allowed: ['contributor'], setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit'], true)}/workflow`, fields: { step: 'withdraw' } }) },
  { name: 'withdraw a submission the officer made', allowed: ['officer'], setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit'])}/workflow`, fields: { step: 'withdraw' } }) },
  { name: 'withdraw another service’s submission', allowed: [], setup: async () => ({ path: `/manage/entries/${await entryIn('Waste', ['submit'], true)}/workflow`, fields: { step: 'withdraw' } }) },
  { name: 'approve an entry', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit'])}/workflow`, fields: { step: 'approve' } }) },
  { name: 'publish an entry', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit', 'approve'])}/workflow`, fields: { step: 'publish', confirm: 'yes' } }) },
  { name: 'return an entry', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit'])}/workflow`, fields: { step: 'return', comment: 'Please add figures' } }) },
  { name: 'unpublish an entry', allowed: REVIEWERS, setup: async () => ({ path: `/manage/entries/${await entryIn('Highways', ['submit', 'approve', 'publish'])}/workflow`, fields: { step: 'unpublish' } }) },
  { name: 'enter a value for an assigned indicator', allowed: WRITERS, setup: async () => ({ path: '/manage/values', fields: { indicatorId: w.indicators[0].id, periodKey: '1999/00', value: '3', status: 'final' } }) },
  { name: 'enter a value for another indicator', allowed: REVIEWERS, setup: async () => ({ path: '/manage/values', fields: { indicatorId: w.indicators[1].id, periodKey: '1999/00', value: '3', status: 'final' } }) },
  { name: 'submit a value for an assigned indicator', allowed: WRITERS, setup: async () => ({ path: `${await valueFor(0)}/workflow`, fields: { step: 'submit' } }) },
  { name: 'submit a value for another indicator', allowed: REVIEWERS, setup: async () => ({ path: `${await valueFor(1)}/workflow`, fields: { step: 'submit' } }) },
  { name: 'withdraw a value one submitted', allowed: ['contributor'], setup: async () => ({ path: `${await valueFor(0, ['submit'], 'contributor')}/workflow`, fields: { step: 'withdraw' } }) },
  { name: 'withdraw a value the officer submitted', allowed: ['officer'], setup: async () => ({ path: `${await valueFor(0, ['submit'])}/workflow`, fields: { step: 'withdraw' } }) },
  { name: 'delete a draft value for an assigned indicator', allowed: WRITERS, setup: async () => ({ path: `${await valueFor(0)}/delete` }) },
  { name: 'delete a draft value for another indicator', allowed: REVIEWERS, setup: async () => ({ path: `${await valueFor(1)}/delete` }) },
  { name: 'approve a value', allowed: REVIEWERS, setup: async () => ({ path: `${await valueFor(0, ['submit'])}/workflow`, fields: { step: 'approve' } }) },
  { name: 'publish a value', allowed: REVIEWERS, setup: async () => ({ path: `${await valueFor(0, ['submit', 'approve'])}/workflow`, fields: { step: 'publish', confirm: 'yes' } }) },
  { name: 'return a value', allowed: REVIEWERS, setup: async () => ({ path: `${await valueFor(0, ['submit'])}/workflow`, fields: { step: 'return', comment: 'Check it' } }) },
  { name: 'set a reporting duty', allowed: REVIEWERS, setup: async () => ({ path: '/manage/calendar', fields: { subject: `outcome:${w.outcomes[0].id}`, periodKey: freshPeriod(), ownerId: w.users.contributor.id, dueDate: '2030-01-31' } }) },
  {
    name: 'mark someone else’s duty done', allowed: REVIEWERS,
    setup: async () => ({ path: `/manage/calendar/${await w.s.duties.set(w.users.admin, { subjectType: 'indicator', subjectId: w.indicators[1].id, periodKey: freshPeriod(), ownerId: w.users.admin.id, dueDate: '2030-01-31' })}/done` }),
  },
  {
    name: 'remove a duty', allowed: REVIEWERS,
    setup: async () => ({ path: `/manage/calendar/${await w.s.duties.set(w.users.admin, { subjectType: 'indicator', subjectId: w.indicators[1].id, periodKey: freshPeriod(), ownerId: w.users.admin.id, dueDate: '2030-01-31' })}/delete` }),
  },
  { name: 'create an indicator', allowed: REVIEWERS, setup: async () => ({ path: '/manage/indicators', fields: { code: `NEW-${++periodCounter}`, title: 'New indicator', unit: 'count', decimalPlaces: '0', polarity: 'higher', frequency: 'annual-financial' } }) },
  {
    name: 'edit an indicator', allowed: REVIEWERS,
    setup: async () => {
      const code = (await w.s.indicators.create({ code: `EDIT-${++periodCounter}`, title: 'To edit' })).code;
      return { path: `/manage/indicators/${code}`, fields: { code, title: 'Edited', unit: 'percent', decimalPlaces: '1', polarity: 'lower', frequency: 'annual-financial', changeTolerance: '0.5' } };
    },
  },
  {
    name: 'remove a target', allowed: REVIEWERS,
    setup: async () => {
      const period = `${1900 + ++periodCounter}/${String((1901 + periodCounter) % 100).padStart(2, '0')}`;
      const t = await w.s.targets.set({ indicator: w.indicators[1].code, area: 'E10000018', period, value: 70 });
      return { path: `/manage/indicators/${w.indicators[1].code}/targets/${t.periodKey}/delete` };
    },
  },
  { name: 'propose a commitment’s status (in the contributor’s outcome)', allowed: WRITERS, setup: async () => ({ path: `/manage/commitments/${await freshProposal()}`, fields: { status: 'late', note: 'Checked' } }) },
  { name: 'submit a proposed status', allowed: WRITERS, setup: async () => ({ path: `/manage/commitments/${await freshProposal('draft')}/proposal`, fields: { step: 'submit' } }) },
  { name: 'withdraw a proposed status the officer submitted', allowed: ['officer'], setup: async () => ({ path: `/manage/commitments/${await freshProposal('submitted')}/proposal`, fields: { step: 'withdraw' } }) },
  { name: 'approve a proposed status', allowed: REVIEWERS, setup: async () => ({ path: `/manage/commitments/${await freshProposal('submitted')}/proposal`, fields: { step: 'approve' } }) },
  { name: 'publish a proposed status', allowed: REVIEWERS, setup: async () => ({ path: `/manage/commitments/${await freshProposal('approved')}/proposal`, fields: { step: 'publish', confirm: 'yes' } }) },
  {
    name: 'link an entry as a commitment’s evidence', allowed: REVIEWERS,
    setup: async () => ({ path: `/manage/commitments/${await aCommitment()}/evidence`, fields: { entryId: await entryIn('Highways') } }),
  },
  { name: 'set a target', allowed: REVIEWERS, setup: async () => ({ path: `/manage/indicators/${w.indicators[1].code}/targets`, fields: { period: `${1900 + ++periodCounter}/${String((1901 + periodCounter) % 100).padStart(2, '0')}`, value: '70', tolerance: '2', toleranceKind: 'absolute' } }) },
  { name: 'ask for a report draft (a year with nothing: 400 once allowed)', allowed: REVIEWERS, allowedStatus: 400, setup: async () => ({ path: '/manage/reports', fields: { plan: w.planId, period: '1901/02' } }) },
  { name: 'send a report draft for approval', allowed: REVIEWERS, setup: async () => ({ path: `/manage/reports/${await reportIn('draft')}/submit` }) },
  { name: 'publish a report', allowed: ['admin'], setup: async () => ({ path: `/manage/reports/${await reportIn('submitted')}/publish`, fields: { note: 'First' } }) },
  { name: 'add a user', allowed: ['admin'], setup: async () => ({ path: '/manage/users', fields: { email: `${randomUUID()}@test.gov.uk`, name: 'New', role: 'viewer' } }) },
  {
    name: 'change a user', allowed: ['admin'],
    setup: async () => ({ path: `/manage/users/${(await w.s.users.create(w.users.admin, { email: `${randomUUID()}@test.gov.uk`, name: 'X', role: 'viewer' })).user.id}`, fields: { name: 'Y', role: 'contributor', services: 'Parks' } }),
  },
  {
    name: 'deactivate a user', allowed: ['admin'],
    setup: async () => ({ path: `/manage/users/${(await w.s.users.create(w.users.admin, { email: `${randomUUID()}@test.gov.uk`, name: 'X', role: 'viewer' })).user.id}/active`, fields: { active: '0' } }),
  },
  { name: 'add an outcome', allowed: ['admin'], setup: async () => ({ path: '/manage/plan/outcomes', fields: { title: `Outcome ${randomUUID()}` } }) },
  { name: 'edit an outcome', allowed: ['admin'], setup: async () => ({ path: `/manage/plan/outcomes/${w.outcomes[1].id}`, fields: { title: 'Clean and Green', summary: randomUUID() } }) },
  { name: 'move an outcome', allowed: ['admin'], setup: async () => ({ path: `/manage/plan/outcomes/${w.outcomes[1].id}/move`, fields: { direction: 'up' } }) },
  { name: 'add a theme', allowed: ['admin'], setup: async () => ({ path: `/manage/plan/outcomes/${w.outcomes[1].id}/themes`, fields: { title: `Theme ${randomUUID()}` } }) },
  { name: 'edit a theme', allowed: ['admin'], setup: async () => ({ path: `/manage/plan/themes/${w.outcomes[1].themeIds[0]}`, fields: { title: 'Waste', summary: randomUUID() } }) },
  { name: 'remove a theme', allowed: ['admin'], setup: async () => ({ path: `/manage/plan/themes/${await w.s.structure.addTheme(w.users.admin, w.outcomes[1].id, { title: `Gone ${randomUUID()}` })}/delete` }) },
  { name: 'remove an outcome', allowed: ['admin'], setup: async () => ({ path: `/manage/plan/outcomes/${await w.s.structure.addOutcome(w.users.admin, w.planId, { title: `Gone ${randomUUID()}` })}/delete` }) },
  { name: 'change settings', allowed: ['admin'], setup: async () => ({ path: '/manage/settings', fields: { councilName: 'Testshire', logoUrl: '', brandColour: '#1d4f91' } }) },
  { name: 'upload indicator values (no file: 400 once allowed)', allowed: REVIEWERS, allowedStatus: 400, setup: async () => ({ path: '/manage/uploads/indicators' }) },
  { name: 'upload a report (no file: 400 once allowed)', allowed: REVIEWERS, allowedStatus: 400, setup: async () => ({ path: '/manage/uploads/report' }) },
  { name: 'confirm a report import (expired preview: 400 once allowed)', allowed: REVIEWERS, allowedStatus: 400, setup: async () => ({ path: '/manage/uploads/report/confirm', fields: { token: 'none' } }) },
  { name: 'change own password (wrong current password is a 400, not a 403)', allowed: SIGNED_IN, allowedStatus: 400, setup: async () => ({ path: '/manage/account/password', fields: { current: 'wrong', password: 'x', confirm: 'x' } }) },
  { name: 'sign out', allowed: SIGNED_IN, setup: async () => ({ path: '/manage/sign-out' }) },
];

describe('authorization matrix', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const who of EVERYONE) {
      const { path, fields } = await route.setup();
      // Sign-out ends the session: use a throw-away one for it.
      const b = route.name === 'sign out' && who !== 'signed-out' ? await signedIn(app, `${who}@test.gov.uk`, PASSWORD) : browsers.get(who)!;
      const res = await b.post(path, fields ?? {});
      const allowedOk = route.allowedStatus ? res.status === route.allowedStatus : res.status < 400;
      seen[who] = res.status === 403 ? 'deny' : allowedOk ? 'allow' : `status ${res.status}`;
      expected[who] = route.allowed.includes(who) ? 'allow' : 'deny';
    }
    expect(seen).toEqual(expected);
  });

  it('offers "Withdraw the submission" on a value or entry page only to the person who submitted it', async () => {
    const offered = async (who: Who, path: string) => (await (await browsers.get(who)!.get(path)).text()).includes('Withdraw the submission');
    const value = await valueFor(0, ['submit'], 'contributor');
    const entry = `/manage/entries/${await entryIn('Highways', ['submit'], true)}`;
    for (const path of [value, entry]) {
      expect([path, await offered('contributor', path), await offered('officer', path), await offered('admin', path)]).toEqual([path, true, false, false]);
    }
    // The officer is still offered returning it, with a comment, which is how a reviewer sends it back.
    expect(await (await browsers.get('officer')!.get(value)).text()).toContain('Return to author');
  });

  it('lists under a contributor’s "Your drafts" (and "Only mine") only the drafts they wrote, not their service colleagues’', async () => {
    const mine = `My draft ${randomUUID()}`;
    const colleagues = `A colleague’s draft ${randomUUID()}`;
    await w.s.entries.create(w.users.contributor, { title: mine, kind: 'update', body: 'Text', service: 'Highways' });
    await w.s.entries.create(w.users.officer, { title: colleagues, kind: 'update', body: 'Text', service: 'Highways' });
    const contributor = browsers.get('contributor')!;
    const dashboard = await (await contributor.get('/manage')).text();
    const yourDrafts = dashboard.slice(dashboard.indexOf('Your drafts'));
    expect(dashboard).toContain('Your drafts');
    expect([yourDrafts.includes(mine), yourDrafts.includes(colleagues)]).toEqual([true, false]);
    const onlyMine = await (await contributor.get('/manage/entries?mine=1&state=draft')).text();
    expect([onlyMine.includes(mine), onlyMine.includes(colleagues)]).toEqual([true, false]);
    // Everyone's drafts in the service are still there to see.
    expect(await (await contributor.get('/manage/entries?state=draft')).text()).toContain(colleagues);
  });

  it('also refuses the pages that lead to forbidden actions', async () => {
    const pages: [string, Who[]][] = [['/manage/users', ['admin']], ['/manage/plan', ['admin']], ['/manage/settings', ['admin']], ['/manage/uploads', REVIEWERS], ['/manage/audit', REVIEWERS], ['/manage/entries/new', WRITERS], ['/manage/indicators', SIGNED_IN], ['/manage/indicators/new', REVIEWERS], ['/manage/indicators/IND1', SIGNED_IN], ['/manage/indicators/IND1/edit', REVIEWERS], ['/manage/indicators/IND1/history', SIGNED_IN], ['/manage/commitments', SIGNED_IN], [`/manage/commitments/${await aCommitment()}`, SIGNED_IN], [`/manage/commitments/${await aCommitment()}/history`, SIGNED_IN]];
    for (const [path, allowed] of pages) {
      for (const who of SIGNED_IN) {
        const res = await browsers.get(who)!.get(path);
        expect([path, who, res.status]).toEqual([path, who, allowed.includes(who) ? 200 : 403]);
      }
    }
  });
});
