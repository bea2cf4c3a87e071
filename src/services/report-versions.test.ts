// Publishing from the workspace on the demo: a draft made in the background, sent for approval,
// published by an administrator, corrected as a new version; and every way publishing can go wrong
// leaving nothing half-published. A whole report in every format costs seconds, so the PDF is made
// only where it is the subject (the draft, its publication, the restart); the other versions are
// made by services without Chromium (`noPdf`), which the test of publishing without it needs anyway.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { tables, type Store } from '../store/index.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { demoStore } from '../../test/helpers/demo.js';
import { queryGate } from '../../test/helpers/query-gate.js';
import { services, type Services } from './index.js';
import type { Actor } from './policy.js';

let store: Store;
let s: Services;
/** The same workspace's services where Chromium is missing: every format but the PDF. */
let noPdf: Services;
const NO_CHROMIUM = { chromiumPath: '/nowhere/chromium' };
let admin: Actor;
let officer: Actor;
let viewer: Actor;
const dataDir = fs.mkdtempSync('/tmp/compendium-report-versions-');
const config = (over: Partial<Config> = {}): Config => ({ ...loadConfig({ dataDir }), ...over });

async function actor(email: string): Promise<Actor> {
  const [u] = await store.db.select().from(tables.users).where(eq(tables.users.email, email));
  return { id: u.id, name: u.name, role: u.role as Actor['role'], services: [], outcomeIds: [] };
}

beforeAll(async () => {
  store = await demoStore();
  s = services(store, config());
  noPdf = services(store, config(NO_CHROMIUM));
  admin = await actor('admin@demoshire.example');
  officer = await actor('performance@demoshire.example');
  viewer = await actor('viewer@demoshire.example');
}, 60_000);
afterAll(async () => {
  await s.reportVersions.idle();
  await noPdf.reportVersions.idle();
  await store.close();
});

const publishedFiles = () => store.db.select().from(tables.reportArtifacts).where(eq(tables.reportArtifacts.draft, false));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** Each page of a PDF as text (poppler's pdftotext; form feeds between pages). */
function pdfPages(bytes: Uint8Array): string[] {
  const file = path.join(dataDir, `r-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f').filter((p) => p.trim());
}

/** Version 2, the correction, published by services without Chromium. */
let correction: Awaited<ReturnType<Services['reportVersions']['publishNow']>>;

describe('a report from draft to published versions', () => {
  it('makes the draft in the background, marked DRAFT in every format and on every PDF page', async () => {
    const { version, alreadyQueued } = await s.reportVersions.request(officer, {});
    expect(alreadyQueued).toBe(false);
    expect(['queued', 'generating']).toContain(version.state);
    await s.reportVersions.idle();
    const v = await s.reportVersions.get(officer, version.id);
    expect(v.state, v.error ?? '').toBe('draft');
    expect(v.files.map((f) => f.format).sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'pdf']);
    expect(v.files.every((f) => f.draft)).toBe(true);
    const pages = pdfPages((await s.reportVersions.file(officer, v.id, 'pdf')).content);
    expect(pages.length).toBeGreaterThan(3);
    for (const [i, p] of pages.entries()) expect(p, `page ${i + 1}`).toContain('DRAFT');
    expect(text((await s.reportVersions.file(officer, v.id, 'html')).content)).toContain('DRAFT: not for publication');
    expect(text((await s.reportVersions.file(officer, v.id, 'md')).content)).toContain('**DRAFT: not for publication.**');
    expect(await publishedFiles()).toHaveLength(0);
  }, 120_000);

  it('is sent for approval by the officer and published by an administrator only, with the approver recorded', async () => {
    const [draft] = await s.reportVersions.list(officer, {});
    await expect(s.reportVersions.publish(officer, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.reportVersions.publish(admin, draft.id)).rejects.toThrow('This report cannot be published: it is a draft');
    await expect(s.reportVersions.submit(viewer, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    await s.reportVersions.submit(officer, draft.id);
    // Two publish requests at once: one is taken, the other told why not.
    const both = await Promise.allSettled([s.reportVersions.publish(admin, draft.id), s.reportVersions.publish(admin, draft.id)]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(refused.reason.message).toBe('This report is already being published');
    await s.reportVersions.idle();
    const v = await s.reportVersions.get(admin, draft.id);
    expect(v.state, v.error ?? '').toBe('published');
    expect(v).toMatchObject({ version: 1, approvedByName: 'Alex Morgan', pdfUnavailable: null });
    const published = v.files.filter((f) => !f.draft);
    expect(published.map((f) => f.format).sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'pdf']);
    const pages = pdfPages((await s.reportVersions.file(admin, v.id, 'pdf')).content);
    expect(pages.filter((p) => p.includes('DRAFT'))).toHaveLength(0);
    const audit = await store.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.entityId, v.id));
    expect(audit.map((a) => a.action)).toEqual(['request-report', 'build-draft-report', 'submit-report', 'approve-report', 'publish-report']);
    // The public site lists it with every format, the date and the approver.
    const site = await s.site.reports();
    expect(site).toHaveLength(1);
    expect(site[0]).toMatchObject({ version: 1, approvedBy: 'Alex Morgan', changeNote: null });
    expect(site[0].files.map((f) => f.format).sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'pdf']);
  }, 120_000);

  it('publishes a correction as version 2 only with a note of what changed, keeping version 1', async () => {
    const err = await noPdf.reportVersions.publishNow(admin, { note: '  ' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/^Version 1 of the \d{4}\/\d{2} report is already published: say what this version changes$/);
    // Made without Chromium: the test of publishing without it (below) reads this version.
    correction = await noPdf.reportVersions.publishNow(admin, { note: 'Corrected the waste figures.' });
    const site = await s.site.reports();
    expect(site.map((r) => r.version)).toEqual([2, 1]);
    expect(site[0]).toMatchObject({ changeNote: 'Corrected the waste figures.', approvedBy: 'Alex Morgan' });
    expect(site[1].files.length).toBe(6);
    const audit = await store.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.entityId, site[0].id!));
    expect(audit.map((a) => a.action)).toEqual(['publish-report']);
  }, 120_000);

  it('does not queue the same request twice, and never makes two at once', async () => {
    // Sent at the same moment (double clicks): one version queued, the other requests given it. The
    // gate holds each look for a waiting request until two are looking at once, so without the
    // service taking the requests one at a time both would find none and both be queued.
    const gate = queryGate(store, /from "report_versions".*"report_versions"\."state" in/s, { count: 2, maxWaitMs: 1500 });
    const all = await Promise.all(Array.from({ length: 4 }, () => noPdf.reportVersions.request(officer, {}))).finally(() => gate.close());
    expect(all.map((r) => r.alreadyQueued).sort()).toEqual([false, true, true, true]);
    expect(gate.gathered).toBe(1); // each look was alone
    expect(new Set(all.map((r) => r.version.id)).size).toBe(1);
    const [a] = all;
    const b = await noPdf.reportVersions.request(officer, {});
    expect(b.alreadyQueued || b.version.id !== a.version.id).toBe(true);
    const generating = await store.db.select().from(tables.reportVersions).where(eq(tables.reportVersions.state, 'generating'));
    expect(generating.length).toBeLessThanOrEqual(1);
    await noPdf.reportVersions.idle();
  }, 120_000);
});

describe('bad input leaves nothing half-published', () => {
  it('refuses a period with no values, naming those with some', async () => {
    const err = await s.reportVersions.request(officer, { period: '2031/32' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('There is nothing to report for 2031/32: no entries and no indicator values');
    expect((err as ValidationError).problems[0].message).toMatch(/^periods with data: .*\d{4}\/\d{2}/);
  });

});

describe('without Chromium or over the size limit', () => {
  it('publishes HTML and Word without Chromium, the PDF marked unavailable with the reason', async () => {
    const v = correction; // published by noPdf above
    expect(v.state).toBe('published');
    expect(v.files.map((f) => f.format).sort()).toEqual(['csv', 'docx', 'html', 'json', 'md']);
    expect(v.pdfUnavailable).toBe('Chromium was not found at /nowhere/chromium, so the PDF cannot be made (the HTML report does not need it); install it with "apt-get install chromium", or set CHROMIUM_PATH to where it is');
    const listed = (await s.site.reports()).find((r) => r.id === v.id)!;
    expect(listed.pdfUnavailable).toBe(v.pdfUnavailable);
  }, 120_000);

  it('refuses a report bigger than the upload limit, storing nothing', async () => {
    const small = services(store, config({ maxUploadBytes: 50_000, ...NO_CHROMIUM }));
    const versions = (await store.db.select().from(tables.reportVersions)).length;
    const files = (await store.db.select({ id: tables.reportArtifacts.id }).from(tables.reportArtifacts)).length;
    const err = await small.reportVersions.publishNow(admin, { note: 'Too big' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/^The report's files come to \d+\.\d MB, more than the 49 KB limit \(COMPENDIUM_MAX_UPLOAD_MB\), so nothing was stored$/);
    expect((await store.db.select().from(tables.reportVersions)).length).toBe(versions);
    expect((await store.db.select({ id: tables.reportArtifacts.id }).from(tables.reportArtifacts)).length).toBe(files);
  }, 120_000);
});

describe('after a restart', () => {
  it('goes on with work that was queued or under way', async () => {
    const [plan] = await store.db.select().from(tables.plans);
    const periods = await s.reports.periodsWithData();
    await store.db.insert(tables.reportVersions).values({ id: 'interrupted', planId: plan.id, periodKey: periods[periods.length - 1], state: 'generating', requestedBy: officer.id });
    const restarted = services(store, config());
    await restarted.reportVersions.resume();
    await restarted.reportVersions.idle();
    const v = await restarted.reportVersions.get(officer, 'interrupted');
    expect(v.state, v.error ?? '').toBe('draft');
    expect(v.files).toHaveLength(6);
  }, 120_000);
});

describe('with nothing approved', () => {
  it('does not publish a period with no approved content, and says why', async () => {
    const [plan] = await store.db.select().from(tables.plans);
    const periods = await s.reports.periodsWithData();
    // Everything back to awaiting publication: the published report would have nothing in it.
    await store.db.execute(sql`update observations set workflow_state = 'approved' where workflow_state = 'published'`);
    await store.db.execute(sql`update entries set workflow_state = 'approved' where workflow_state = 'published'`);
    await bumpDataVersion(store.db);
    await store.db.insert(tables.reportVersions).values({ id: 'unapproved', planId: plan.id, periodKey: periods[periods.length - 1], state: 'submitted', requestedBy: officer.id });
    const before = (await publishedFiles()).length;
    await s.reportVersions.publish(admin, 'unapproved', { note: 'Nothing approved' });
    await s.reportVersions.idle();
    const v = await s.reportVersions.get(admin, 'unapproved');
    expect(v.state).toBe('submitted');
    expect(v.error).toMatch(/^Not published: There is nothing to report for \d{4}\/\d{2}: no published entries and no indicator values$/);
    expect((await publishedFiles()).length).toBe(before);
  }, 120_000);
});
