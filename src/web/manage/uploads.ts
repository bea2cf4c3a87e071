// Uploads: indicator values from CSV or XLSX (every row error listed; nothing written when any is wrong),
// and annual reports, shown first as a preview (summary and section → outcome mapping) to confirm.
import { Hono } from 'hono';
import { isValidationError, type ValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { authorize } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, view, type ManageContext } from './render.js';

/** The command line's advice in an import's refusal, as the upload form says it (it has no flags). */
const FORM_WORDING: [RegExp, string][] = [
  [/use --replace to replace it/, 'choose “Replace the earlier report for this period” and upload it again to replace it'],
  [/use --new-plan TITLE to start the plan this report belongs to, or --plan to choose one/, 'give a title for a new plan to start the plan this report belongs to'],
  [/use --new-plan TITLE to make one from this report/, 'give a title for a new plan to make one from this report'],
  [/give it with --year \(.*?\) or --period \(.*?\)$/, 'enter the year it was published'],
];

/** An import's refusal in the form's words: its sentence and the problems' (those that name a flag left out). */
export function formSentence(e: ValidationError): string {
  const sentence = FORM_WORDING.reduce((text, [cli, form]) => text.replace(cli, form), e.message);
  return [sentence, ...e.problems.map((p) => p.message).filter((m) => !m.includes('--'))].join(': ');
}

/** What the upload pages share: who is asking, the size limit, the page and the plan's outcomes. */
function uploadRoutesContext(s: Services) {
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const maxMb = Math.round((s.config.maxUploadBytes / 1024 / 1024) * 10) / 10;

  const page = (c: ManageContext, data: Record<string, unknown> = {}, status: 200 | 400 = 200): Response =>
    view(c, 'manage/uploads.njk', { title: 'Uploads', maxMb, ...data }, status);

  const outcomesOf = async () => (await s.plans.structure().catch(() => undefined))?.outcomes ?? [];
  const reportPage = async (c: ManageContext, data: Record<string, unknown> = {}, status: 200 | 400 = 200) =>
    page(c, { outcomes: await outcomesOf(), hasPlan: Boolean(await s.plans.currentPlanId()), ...data }, status);
  return { actorOf, maxMb, page, outcomesOf, reportPage };
}

type UploadRoutesContext = ReturnType<typeof uploadRoutesContext>;

/** The uploads page, and a report's preview and confirmation. */
function reportUploadPages(app: Hono<ManageEnv>, s: Services, context: UploadRoutesContext): void {
  const { actorOf, outcomesOf, reportPage } = context;
  app.get('/', async (c) => {
    authorize(actorOf(c), 'import.run');
    return reportPage(c);
  });

  app.post('/report', async (c) => {
    const actor = actorOf(c);
    authorize(actor, 'import.run');
    const form = c.get('form')!;
    const file = form.file('report');
    const year = form.get('reportYear').trim();
    const newPlanTitle = form.get('newPlanTitle').trim() || undefined;
    const replace = form.get('replace') === 'yes';
    const fail = (field: string, text: string) => reportPage(c, { errors: { summary: [{ text, href: `#${field}` }], field: { [field]: { text } } }, reportYear: year, newPlanTitle, replace }, 400);
    if (!file) return fail('report', 'Choose a report file to upload (PDF, Word, HTML, Markdown or text)');
    if (year && !/^(19|20)\d{2}$/.test(year)) return fail('reportYear', 'Enter the year the report was published, such as 2024, or leave it blank');
    const upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const options = { reportYear: year ? Number(year) : undefined, newPlanTitle, ...(replace ? { replace } : {}) };
    try {
      const preview = await s.imports.preview([upload], { ...options, userId: actor.id, thread: true });
      // Kept in the database until confirmed, so that any web process can take the confirmation.
      const token = await s.imports.stage(upload, c.get('session')!.user.id, options);
      return view(c, 'manage/report-preview.njk', { title: 'Check the import', preview, token, outcomes: await outcomesOf() });
    } catch (e) {
      if (isValidationError(e)) return fail(e.problems.some((p) => p.field === 'replace') ? 'replace' : 'report', formSentence(e));
      return answerError(c, e);
    }
  });

  app.post('/report/confirm', async (c) => {
    const actor = actorOf(c);
    authorize(actor, 'import.run');
    const form = c.get('form')!;
    const token = form.get('token');
    const staged = await s.imports.staged(token, c.get('session')!.user.id);
    if (!staged) {
      return reportPage(c, { errors: { summary: [{ text: 'That preview has expired: upload the report again', href: '#report' }], field: {} } }, 400);
    }
    // Each section's chosen outcome, as "Section=outcome id" (blank: not under an outcome).
    const sections = form.all('section');
    const choices = form.all('outcome');
    const map = sections.map((section, i) => `${section}=${choices[i] || 'none'}`);
    try {
      const force = form.get('force') === 'yes';
      const result = await s.imports.run([staged.file], { ...staged.options, userId: actor.id, map, force, thread: true });
      await s.imports.unstage(token);
      // A new import waits as drafts in its batch: straight to its review.
      const batchId = result.files.find((f) => f.batchId)?.batchId;
      if (batchId) return c.redirect(`/manage/imports/${batchId}?done=batch-imported${result.links ? `&linksKept=${result.links.kept}&linksLost=${result.links.lost}` : ''}`, 303);
      return view(c, 'manage/report-result.njk', { title: 'Report imported', result });
    } catch (e) {
      if (isValidationError(e)) return reportPage(c, { errors: { summary: [{ text: formSentence(e), href: '#report' }], field: {} } }, 400);
      return answerError(c, e);
    }
  });
}

/** Uploading indicator definitions or values. */
function indicatorUploadPages(app: Hono<ManageEnv>, s: Services, context: UploadRoutesContext): void {
  const { actorOf, reportPage } = context;
  app.post('/indicators', async (c) => {
    const actor = actorOf(c);
    authorize(actor, 'import.run');
    const form = c.get('form')!;
    const file = form.file('file');
    const workflowState = form.get('workflowState') === 'draft' ? 'draft' : 'published';
    if (!file) return reportPage(c, { workflowState, errors: { summary: [{ text: 'Choose a CSV or XLSX file to upload', href: '#file' }], field: { file: { text: 'Choose a CSV or XLSX file to upload' } } } }, 400);
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      const text = 'The file must be a CSV (.csv) or Excel workbook (.xlsx)';
      return reportPage(c, { workflowState, errors: { summary: [{ text, href: '#file' }], field: { file: { text } } } }, 400);
    }
    try {
      const result = await s.observations.import({ name: file.name, content: Buffer.from(await file.arrayBuffer()) }, { userId: actor.id, workflowState, thread: true });
      return view(c, 'manage/upload-result.njk', { title: 'Indicator values imported', result, workflowState });
    } catch (e) {
      if (isValidationError(e)) {
        return reportPage(c, { workflowState, importError: { message: e.message, file: file.name, problems: e.problems } }, 400);
      }
      return answerError(c, e);
    }
  });
}

export function uploadRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const context = uploadRoutesContext(s);
  reportUploadPages(app, s, context);
  indicatorUploadPages(app, s, context);
  return app;
}
