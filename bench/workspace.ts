// npm run bench -- workspace: the team work targets (issue 18) on the embedded database: the values grid
// for 100 indicators renders in ≤ 200 ms and saves in ≤ 1 s of server time (through the app, in
// process, as a signed-in contributor), and 1,000 queued e-mails reach a local SMTP server (smtp-server,
// in this process) within a minute. Medians over RUNS runs (default 7). The last line is one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { services } from '../src/services/index.js';
import { SYSTEM_ACTOR } from '../src/services/policy.js';
import { openStore, tables } from '../src/store/index.js';
import { enqueueMessages } from '../src/store/queries/outbox.js';
import { createApp } from '../src/web/app.js';
import { startSmtp } from '../test/helpers/smtp.js';
import { signedIn } from '../test/helpers/web.js';

const runs = Number(process.argv[2] ?? 7);
const INDICATORS = 100;
const MAILS = 1000;
const PASSWORD = 'tumbled quartz lantern 71';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-workspace-'));
  const smtp = await startSmtp();
  const base = loadConfig({ dataDir: dir });
  const config = { ...base, databaseUrl: undefined, mail: { ...base.mail, mode: 'smtp' as const, smtpUrl: smtp.url } };
  const store = await openStore({ dataDir: dir });
  const s = services(store, config);
  try {
    await s.workspace.prepare();
    await s.workspace.init();
    const contributor = (await s.users.create(SYSTEM_ACTOR, { email: 'bench@example.org', name: 'Bench', role: 'contributor', password: PASSWORD })).user;
    const ids = Array.from({ length: INDICATORS }, () => randomUUID());
    await store.db.insert(tables.indicators).values(ids.map((id, i) => ({
      id, code: `B${String(i).padStart(3, '0')}`, title: `Bench indicator ${i}`, unit: 'count', decimalPlaces: 0, polarity: 'higher', frequency: 'quarterly', ownerId: contributor.id,
    })));
    await store.db.insert(tables.observations).values(ids.map((indicatorId, i) => ({ indicatorId, areaCode: 'E10000018', periodKey: 'FY2024-25-Q1', value: i, workflowState: 'published' })));
    await store.db.insert(tables.targets).values(ids.map((indicatorId, i) => ({ id: randomUUID(), indicatorId, areaCode: 'E10000018', periodKey: 'FY2024-25-Q2', value: i + 5, tolerance: 2 })));

    const app = createApp(s, { cachePages: false });
    const b = await signedIn(app, 'bench@example.org', PASSWORD);
    const renders: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const r = await b.get('/manage/values/grid?period=FY2024-25-Q2');
      await r.text();
      if (r.status !== 200) throw new Error(`grid answered ${r.status}`);
      if (i > 0) renders.push(performance.now() - t);
    }
    const fields = Object.fromEntries(ids.map((id, i) => [`value-${id}`, String(i + 1.5)]));
    const saves: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const r = await b.post('/manage/values/grid', { period: 'FY2024-25-Q2', action: 'draft', ...fields, [`value-${ids[0]}`]: String(i) });
      if (r.status !== 303) throw new Error(`saving the grid answered ${r.status}`);
      if (i > 0) saves.push(performance.now() - t);
    }
    const t0 = performance.now();
    const submitted = await b.post('/manage/values/grid', { period: 'FY2024-25-Q2', action: 'submit', ...fields });
    const submitMs = performance.now() - t0;
    if (submitted.status !== 303) throw new Error(`submitting the grid answered ${submitted.status}`);

    await s.outbox.sendDue();
    const before = smtp.messages.length;
    await enqueueMessages(store.db, Array.from({ length: MAILS }, (_, i) => ({
      kind: 'reminder', userId: contributor.id, toAddress: `person${i}@example.org`, subject: `Bench message ${i}`, body: `Hello,\n\nThis is message ${i}.\n`, dedupeKey: null,
    })));
    const t1 = performance.now();
    const sent = await s.outbox.sendDue();
    await smtp.waitFor(before + MAILS, 120_000);
    const mailMs = performance.now() - t1;
    if (sent.sent !== MAILS) throw new Error(`sent ${sent.sent} of ${MAILS}: ${sent.error ?? ''}`);

    const result = {
      indicators: INDICATORS,
      gridRenderMedianMs: round(median(renders)), gridRenderMaxMs: round(Math.max(...renders)),
      gridSaveMedianMs: round(median(saves)), gridSaveMaxMs: round(Math.max(...saves)), gridSubmitMs: round(submitMs),
      mails: MAILS, mailSendMs: Math.round(mailMs), mailsPerSecond: Math.round(MAILS / (mailMs / 1000)),
      targets: { gridRenderMs: 200, gridSaveMs: 1000, mailSendMs: 60_000 },
    };
    console.log(`grid of ${INDICATORS}: render median ${result.gridRenderMedianMs} ms, save median ${result.gridSaveMedianMs} ms, submit ${result.gridSubmitMs} ms`);
    console.log(`${MAILS} e-mails to a local SMTP server in ${result.mailSendMs} ms`);
    console.log(JSON.stringify(result));
  } finally {
    await s.outbox.close();
    await store.close();
    await smtp.close();
  }
}

await main();
