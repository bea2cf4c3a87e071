// Uploads: indicator values from CSV or XLSX (every row error listed; nothing written when any is wrong).
import { Hono } from 'hono';
import { isValidationError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { authorize } from '../../services/policy.js';
import type { ManageEnv } from '../auth/session.js';
import { answerError, view, type ManageContext } from './render.js';

export function uploadRoutes(s: Services): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  const actorOf = (c: ManageContext) => c.get('session')!.actor;
  const maxMb = Math.round((s.config.maxUploadBytes / 1024 / 1024) * 10) / 10;

  const page = (c: ManageContext, data: Record<string, unknown> = {}, status: 200 | 400 = 200) =>
    view(c, 'manage/uploads.njk', { title: 'Uploads', maxMb, ...data }, status);

  app.get('/', (c) => {
    authorize(actorOf(c), 'import.run');
    return page(c);
  });

  app.post('/indicators', async (c) => {
    const actor = actorOf(c);
    authorize(actor, 'import.run');
    const form = c.get('form')!;
    const file = form.file('file');
    const workflowState = form.get('workflowState') === 'draft' ? 'draft' : 'published';
    if (!file) return page(c, { workflowState, errors: { summary: [{ text: 'Choose a CSV or XLSX file to upload', href: '#file' }], field: { file: { text: 'Choose a CSV or XLSX file to upload' } } } }, 400);
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      const text = 'The file must be a CSV (.csv) or Excel workbook (.xlsx)';
      return page(c, { workflowState, errors: { summary: [{ text, href: '#file' }], field: { file: { text } } } }, 400);
    }
    try {
      const result = await s.observations.import({ name: file.name, content: Buffer.from(await file.arrayBuffer()) }, { userId: actor.id, workflowState });
      return view(c, 'manage/upload-result.njk', { title: 'Indicator values imported', result, workflowState });
    } catch (e) {
      if (isValidationError(e)) {
        return page(c, { workflowState, importError: { message: e.message, file: file.name, problems: e.problems } }, 400);
      }
      return answerError(c, e);
    }
  });

  return app;
}
