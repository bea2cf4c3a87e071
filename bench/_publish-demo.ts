// Generating and publishing the demo's report from the workspace, as people do it in the browser:
// the performance officer asks for a draft (the request must answer at once: the report is made in
// the background), sends it for approval, the administrator publishes it. Timed from the officer's
// request to the published version being on the public Reports page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { services } from '../src/services/index.js';
import { openStore } from '../src/store/index.js';
import { createApp } from '../src/web/app.js';
import { browser, signedIn } from '../test/helpers/web.js';

const seconds = (t0: number) => (performance.now() - t0) / 1000;

export async function timePublishFromWorkspace(log: (s: string) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-publish-'));
  const store = await openStore({ dataDir });
  const s = services(store, loadConfig({ dataDir }));
  try {
    await s.workspace.init();
    log('publish: loading the demo…');
    await s.demo.load();
    const app = createApp(s, { cachePages: false });
    const officer = await signedIn(app, 'performance@demoshire.example', 'demoshire-performance');
    const admin = await signedIn(app, 'admin@demoshire.example', 'demoshire-admin');

    const t0 = performance.now();
    const asked = await officer.post('/manage/reports', { plan: '', period: '', group: '' });
    const requestSeconds = seconds(t0);
    if (asked.status !== 303) throw new Error(`asking for the draft answered ${asked.status}`);
    const id = asked.headers.get('location')!.split('/')[3].split('?')[0];
    await s.reportVersions.idle();
    const draftSeconds = seconds(t0);
    if (!(await (await officer.get(`/manage/reports/${id}`)).text()).includes('Send for approval')) throw new Error('the draft was not made');
    await officer.post(`/manage/reports/${id}/submit`);
    const t1 = performance.now();
    const published = await admin.post(`/manage/reports/${id}/publish`, { note: '' });
    const publishRequestSeconds = seconds(t1);
    if (published.status !== 303) throw new Error(`publishing answered ${published.status}`);
    await s.reportVersions.idle();
    const list = await (await browser(app).get('/reports')).text();
    const queueToPublishedSeconds = seconds(t0);
    if (!/Version 1, published/.test(list)) throw new Error('the report is not on the public Reports page');
    log(`publish: draft requested in ${requestSeconds.toFixed(3)} s, draft ready after ${draftSeconds.toFixed(1)} s, published after ${queueToPublishedSeconds.toFixed(1)} s`);
    return { requestSeconds, publishRequestSeconds, draftSeconds, queueToPublishedSeconds };
  } finally {
    await s.reportVersions.idle().catch(() => undefined);
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
