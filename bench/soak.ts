// npm run bench -- soak: a 60-second mixed soak of the server on the embedded database (the demo
// workspace). wrk reads several public pages in turn (needs wrk installed) while a writer, signed in
// as an administrator, edits an entry through the workspace every second, each edit changing
// what the public pages show. Targets: no errors, reads' p99 within 250 ms, and the server's memory
// (RSS, sampled every second; the median of five seconds' samples at each end) at the end within
// 10 % of where it stood after the warm-up (15 s; 5 s with --quick). Also reported: the trend after
// the warm-up in MB a minute, which shows steady growth apart from the garbage collector's swings.
// Last line: one JSON object of figures.
//   --quick          a 20-second soak, to try it out
//   --every-ms=N     the writer's pause between edits (default 1000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchServer, signIn, type Session } from './_server.js';
import { hasWrk, runWrk } from './_wrk.js';

if (!hasWrk()) {
  console.error('bench soak needs wrk (https://github.com/wg/wrk): install it, e.g. apt-get install wrk');
  process.exit(2);
}

const quick = process.argv.includes('--quick');
const seconds = quick ? 20 : 60;
const warmUpSeconds = quick ? 5 : 15;
const connections = 8;
const everyMs = Number(process.argv.find((a) => a.startsWith('--every-ms='))?.split('=')[1] ?? 1000);

/** A wrk script that asks for the given pages in turn. */
function pagesScript(pages: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-soak-')), 'pages.lua');
  fs.writeFileSync(file, [
    `local pages = { ${pages.map((p) => JSON.stringify(p)).join(', ')} }`,
    'local i = 0',
    'request = function()',
    '  i = i % #pages + 1',
    '  return wrk.format("GET", pages[i])',
    'end',
  ].join('\n'));
  return file;
}

/** Creates an entry under the first outcome, then edits it every `everyMs` until stopped; counts edits and failures. */
async function writer(session: Session, outcomeId: string, everyMs: number) {
  const fields = (n: number) => new URLSearchParams({
    title: `Soak test entry, edit ${n}`, body: `Edited ${n} times while the public pages were read.`, kind: 'update', outcomeId, date: '2025-01-15',
  });
  const created = await session.post('/manage/entries', fields(0));
  const where = created.headers.get('location') ?? '';
  const id = /\/manage\/entries\/([^/?]+)/.exec(where)?.[1];
  if (created.status !== 303 || !id) throw new Error(`creating the soak entry answered ${created.status} ${where}`);
  let stop = false;
  let edits = 0;
  let failures = 0;
  const running = (async () => {
    while (!stop) {
      const r = await session.post(`/manage/entries/${id}`, fields(edits + 1));
      await r.arrayBuffer();
      if (r.status === 303) edits++;
      else failures++;
      await new Promise((done) => setTimeout(done, everyMs));
    }
  })();
  return { stop: async () => { stop = true; await running; return { edits, failures }; } };
}

const b = await benchServer('soak');
try {
  const session = await signIn(b.server.url);
  const structure = await b.s.plans.structure();
  const outcome = structure.outcomes[0];
  const indicator = (await b.s.site.indicators()).find((i) => i.outcomeId !== null);
  const pages = ['/', `/outcomes/${outcome.slug}`, '/places', '/commitments', '/search?q=roads', ...(indicator ? [`/indicators/${encodeURIComponent(indicator.code)}`] : [])];
  for (const p of pages) {
    const r = await fetch(b.server.url + p);
    if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
    await r.arrayBuffer();
  }
  const rss: { at: number; mb: number }[] = [];
  const t0 = performance.now();
  const sampler = setInterval(() => rss.push({ at: (performance.now() - t0) / 1000, mb: process.memoryUsage().rss / 1024 / 1024 }), 1000);
  const w = await writer(session, outcome.id, everyMs);
  const reads = await runWrk(b.server.url, { seconds, connections, script: pagesScript(pages) });
  const written = await w.stop();
  clearInterval(sampler);
  // One sample is at the mercy of where the garbage collector happens to be: the memory after the
  // warm-up and at the end are each the median of five seconds of samples, and the trend is the
  // least-squares slope over everything after the warm-up (steady growth shows there, noise not).
  const after = rss.filter((x) => x.at >= warmUpSeconds);
  const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const base = medianOf(after.filter((x) => x.at < warmUpSeconds + 5).map((x) => x.mb));
  const lastAt = after.at(-1)?.at ?? 0;
  const end = medianOf(after.filter((x) => x.at > lastAt - 5).map((x) => x.mb));
  const peak = Math.max(...after.map((x) => x.mb));
  const drift = base ? (end - base) / base : 0;
  const meanAt = after.reduce((n, x) => n + x.at, 0) / (after.length || 1);
  const meanMb = after.reduce((n, x) => n + x.mb, 0) / (after.length || 1);
  const slope = after.reduce((n, x) => n + (x.at - meanAt) * (x.mb - meanMb), 0) / (after.reduce((n, x) => n + (x.at - meanAt) ** 2, 0) || 1);
  console.log(`reads: ${reads.requestsPerSecond} req/s over ${pages.length} pages, p50 ${reads.p50Ms} ms, p99 ${reads.p99Ms} ms, ${reads.errors} errors`);
  console.log(`writes: ${written.edits} edits, ${written.failures} failed; RSS after warm-up ${base.toFixed(0)} MB, at the end ${end.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, trend ${(slope * 60).toFixed(1)} MB a minute`);
  console.log(JSON.stringify({
    bench: 'soak', database: 'pglite', seconds, connections, pages: pages.length,
    readsPerSecond: reads.requestsPerSecond, readP50Ms: reads.p50Ms, readP99Ms: reads.p99Ms, readErrors: reads.errors,
    editEveryMs: everyMs, edits: written.edits, editFailures: written.failures,
    rssAfterWarmUpMb: Math.round(base), rssEndMb: Math.round(end), rssPeakMb: Math.round(peak), rssDrift: +drift.toFixed(3), rssTrendMbPerMinute: +(slope * 60).toFixed(1),
    target: { errors: 0, readP99Ms: 250, rssDrift: 0.1 },
    meetsTarget: reads.errors === 0 && written.failures === 0 && reads.p99Ms <= 250 && Math.abs(drift) <= 0.1,
  }));
} finally {
  await b.close();
}
