// Reports in the workspace: ask for a draft of the plan's report (made in the background), watch its
// progress, preview it and download every format, send it for approval; an administrator publishes.
import { Hono } from 'hono';
import type { Services } from '../../services/index.js';
import { periodLabel } from '../../present/format.js';
import { can } from '../../services/policy.js';
import { ACTIVE_STATES, describeState, type ReportVersion } from '../../services/report-versions.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, done, view, type FormErrors, type ManageContext } from './render.js';

const FORMAT_LABELS: Record<string, string> = { html: 'Web page (HTML)', pdf: 'PDF', docx: 'Word (DOCX)', md: 'Markdown', csv: 'CSV', json: 'JSON' };

/** The preview is the report's own page, with its own styles inline and no script at all. */
const PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A version as the pages show it: its state in words and its files labelled. */
function versionView(v: ReportVersion) {
  const percent = v.total ? Math.round((v.done / v.total) * 100) : 0;
  return {
    ...v, stateText: describeState(v.state), active: ACTIVE_STATES.includes(v.state), percent,
    files: v.files.filter((f) => f.draft === (v.state !== 'published')).map((f) => ({ ...f, formatLabel: FORMAT_LABELS[f.format] ?? f.format })),
  };
}

const actorOf = (c: ManageContext) => c.get('session')!.actor;

/** Progress, the in-browser preview and the downloads of a version's files. */
function fileRoutes(app: Hono<ManageEnv>, s: Services): void {
  /** Progress as JSON for the page's small script (the page refreshes itself without it). */
  app.get('/:id/progress', async (c) => {
    const v = versionView(await s.reportVersions.get(actorOf(c), c.req.param('id')));
    return c.json({ state: v.state, stateText: v.stateText, active: v.active, stage: v.stage, done: v.done, total: v.total, percent: v.percent, error: v.error });
  });

  app.get('/:id/preview', async (c) => {
    const file = await s.reportVersions.file(actorOf(c), c.req.param('id'), 'html');
    return new Response(new Uint8Array(file.content), { headers: { 'Content-Type': file.mediaType, 'Content-Security-Policy': PREVIEW_POLICY, 'Cache-Control': 'private, no-store' } });
  });

  app.get('/:id/files/:format', async (c) => {
    const file = await s.reportVersions.file(actorOf(c), c.req.param('id'), c.req.param('format'));
    const safeName = file.fileName.replace(/[^\w.-]+/g, '_');
    return new Response(new Uint8Array(file.content), {
      headers: { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${safeName}"`, 'Cache-Control': 'private, no-store' },
    });
  });

}

export function reportRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  fileRoutes(app, s);

  const listPage = async (c: ManageContext, form: { plan?: string; period?: string; group?: string } = {}, errors?: FormErrors) => {
    const actor = actorOf(c);
    const plans = await s.plans.list();
    const planId = form.plan || (await s.plans.currentPlanId()) || plans[0]?.id;
    const periods = planId ? await s.reports.periodsWithData(planId).catch(() => [] as string[]) : [];
    const groups = (await s.groups.list()).filter((g) => !g.name.includes('<'));
    const defaultGroup = (await s.workspace.settings()).defaultGroup ?? '';
    const versions = (await s.reportVersions.list(actor, {})).map(versionView);
    return view(c, 'manage/reports.njk', {
      title: 'Reports', versions, canGenerate: can(actor, 'report.generate'), errors,
      planItems: plans.map((p) => ({ value: p.id, text: p.title, selected: p.id === planId })),
      periodItems: [...periods].reverse().map((k, i) => ({ value: k, text: periodLabel(k), selected: form.period ? k === form.period : i === 0 })),
      groupItems: [{ value: '', text: defaultGroup ? `The workspace’s default (${defaultGroup})` : 'The workspace’s default' },
        ...groups.map((g) => ({ value: g.name, text: `${g.name}: ${g.description}`, selected: g.name === form.group }))],
      refresh: versions.some((v) => v.active),
    }, errors ? 400 : 200);
  };

  app.get('/', (c) => listPage(c));

  app.post('/', async (c) => {
    const form = c.get('form')!;
    const input = { plan: form.get('plan') || undefined, period: form.get('period') || undefined, group: form.get('group') || undefined };
    try {
      const r = await s.reportVersions.request(actorOf(c), { planId: input.plan, period: input.period, group: input.group });
      return done(c, `/manage/reports/${r.version.id}`, r.alreadyQueued ? 'report-already-queued' : 'report-requested');
    } catch (e) {
      return answerError(c, e, (errors) => listPage(c, input, errors));
    }
  });

  const versionPage = async (c: ManageContext, id: string, errors?: FormErrors, note?: string) => {
    const actor = actorOf(c);
    const v = versionView(await s.reportVersions.get(actor, id));
    return view(c, 'manage/report.njk', {
      title: `Report ${periodLabel(v.periodKey)}${v.version ? `, version ${v.version}` : ''}`, v, errors, note,
      canSubmit: can(actor, 'report.generate') && v.state === 'draft',
      canPublish: can(actor, 'report.publish') && v.state === 'submitted',
    }, errors ? 400 : 200);
  };

  app.get('/:id', (c) => versionPage(c, c.req.param('id')));

  app.post('/:id/submit', async (c) => {
    const id = c.req.param('id');
    try {
      await s.reportVersions.submit(actorOf(c), id);
      return done(c, `/manage/reports/${id}`, 'report-submitted');
    } catch (e) {
      return answerError(c, e, (errors) => versionPage(c, id, errors));
    }
  });

  app.post('/:id/publish', async (c) => {
    const id = c.req.param('id');
    const note = c.get('form')!.get('note');
    try {
      await s.reportVersions.publish(actorOf(c), id, { note });
      return done(c, `/manage/reports/${id}`, 'report-publishing');
    } catch (e) {
      return answerError(c, e, (errors) => versionPage(c, id, errors, note));
    }
  });

  return app;
}
