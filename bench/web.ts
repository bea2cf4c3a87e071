// npm run bench -- web: how fast the public site serves its home page and an indicator page from the
// embedded database holding the benchmarking dataset, driven by wrk on loopback, against the same
// bytes served as a static file by a bare Node server (the ceiling); then the server time of each
// workspace page signed in as an admin, and the first render of public pages right after a write
// (their cache cold). Last line: one JSON object.
//   --quick        a short run (3 s a page) for trying it out
//   --no-dataset   the demo workspace only, without the large synthetic set of values
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openServices, type Services } from '../src/services/index.js';
import { startServer } from '../src/web/server.js';
import { WROTE_COOKIE } from '../src/web/app.js';
import { SYSTEM_ACTOR } from '../src/services/policy.js';
import { signIn } from '../test/helpers/http-session.js';

/** The demo's admin (demo/ data); the demo prints the same sign-in. */
const DEMO_ADMIN = { email: 'admin@demoshire.example', password: 'demoshire-admin' };
import { runWrk, type WrkResult } from './_wrk.js';

const args = new Set(process.argv.slice(2));
const seconds = args.has('--quick') ? 3 : 10;
const connections = 16;

const wrk = (url: string) => runWrk(url, { seconds, connections });

/** Loads the benchmarking dataset through bench/data.ts when it is there; says what was loaded. */
async function loadDataset(s: Services, dir: string): Promise<{ observations: number; source: string }> {
  const dataModule = path.join(import.meta.dirname, 'data.ts');
  if (args.has('--no-dataset') || !fs.existsSync(dataModule)) return { observations: 0, source: 'demo workspace only' };
  const data = (await import(dataModule)) as {
    writeBenchmarkCsv(file: string): { rows: number };
    loadBenchmarkCsv(s: Services, file: string): Promise<unknown>;
  };
  const file = path.join(dir, 'benchmark.csv');
  const written = data.writeBenchmarkCsv(file);
  await data.loadBenchmarkCsv(s, file);
  return { observations: written.rows, source: 'bench/data.ts' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds from request to the last byte, `times` times; the median and the slowest. */
async function timePage(url: string, cookie = '', times = 5): Promise<{ medianMs: number; maxMs: number }> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    ms.push(performance.now() - t);
  }
  return { medianMs: +median(ms).toFixed(1), maxMs: +Math.max(...ms).toFixed(1) };
}

/** Each workspace page's server time, signed in as the demo admin. */
async function workspaceTimes(s: Services, base: string, credentials: { email: string; password: string }) {
  const { cookie } = await signIn(base, credentials.email, credentials.password);
  const value = (await s.values.list(SYSTEM_ACTOR)).at(0);
  const entry = (await s.entries.list(SYSTEM_ACTOR, { pageSize: 1 })).items.at(0);
  const pages: Record<string, string> = {
    dashboard: '/manage', entries: '/manage/entries', values: '/manage/values', indicators: '/manage/indicators',
    commitments: '/manage/commitments', calendar: '/manage/calendar', audit: '/manage/audit', users: '/manage/users',
    ...(entry ? { entry: `/manage/entries/${entry.id}` } : {}),
    ...(value ? { value: `/manage/values/${encodeURIComponent(value.indicatorId)}/${encodeURIComponent(value.periodKey)}`, valueForm: '/manage/values/new' } : {}),
  };
  const out: Record<string, { medianMs: number; maxMs: number }> = {};
  for (const [name, p] of Object.entries(pages)) {
    out[name] = await timePage(base + p, cookie);
    process.stdout.write(`workspace ${p}: median ${out[name].medianMs} ms, slowest ${out[name].maxMs} ms\n`);
  }
  return out;
}

/**
 * The first render of public pages right after a write (a value published through the workflow),
 * their cache cold: the write is made through the services (as another process would), so the
 * bench waits for the server to see it (its version is trusted for a second) and asks as whoever
 * wrote does (the `compendium_wrote` cookie), so the page is rendered afresh, never answered stale.
 */
async function afterWriteTimes(s: Services, base: string, pages: Record<string, string>) {
  const indicator = (await s.values.indicators(SYSTEM_ACTOR))[0];
  const ms: Record<string, number[]> = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  for (let i = 0; i < 5; i++) {
    const key = await s.values.enter(SYSTEM_ACTOR, { indicatorId: indicator.id, periodKey: `${2001 + i}/${String(2 + i).padStart(2, '0')}`, value: 40 + i });
    for (const step of ['submit', 'approve', 'publish'] as const) await s.values.transition(SYSTEM_ACTOR, key, step);
    await new Promise((done) => setTimeout(done, 1100));
    for (const [name, p] of Object.entries(pages)) {
      const t = performance.now();
      const r = await fetch(base + p, { headers: { cookie: `${WROTE_COOKIE}=1` } });
      await r.arrayBuffer();
      // 'miss', or 'hit' when it shared a rendering the server's own refresh had just begun; never 'stale'.
      if (r.status !== 200 || r.headers.get('x-cache') === 'stale') throw new Error(`${p} after a write answered ${r.status}, cache ${r.headers.get('x-cache')}: not a fresh rendering`);
      ms[name].push(performance.now() - t);
    }
  }
  const out = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, { medianMs: +median(v).toFixed(1), maxMs: +Math.max(...v).toFixed(1) }]));
  for (const [k, v] of Object.entries(out)) process.stdout.write(`after a write ${pages[k]}: median ${v.medianMs} ms, slowest ${v.maxMs} ms\n`);
  return out;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-web-'));
  const config = { ...loadConfig({ dataDir: dir, port: 0, host: '127.0.0.1' }), databaseUrl: undefined };
  const s = await openServices(config);
  try {
    const t0 = performance.now();
    const demo = await s.demo.load();
    const dataset = await loadDataset(s, dir);
    const loadSeconds = (performance.now() - t0) / 1000;
    const counts = await s.workspace.status();
    const indicator = (await s.site.indicators()).find((i) => i.outcomeId !== null);
    if (!indicator) throw new Error('the demo plan has no indicators');
    const server = await startServer(s, config);
    const pages = { home: '/', indicator: `/indicators/${encodeURIComponent(indicator.code)}` };
    const results: Record<string, { app: WrkResult; static: WrkResult; ratio: number; bytes: number; firstRenderMs: number }> = {};
    for (const [name, pagePath] of Object.entries(pages)) {
      const t = performance.now();
      const first = await fetch(server.url + pagePath);
      const body = Buffer.from(await first.arrayBuffer());
      const firstRenderMs = +(performance.now() - t).toFixed(1);
      if (first.status !== 200) throw new Error(`${pagePath} answered ${first.status}`);
      // The ceiling: the same bytes from memory through a bare node:http server in this process.
      const ceiling = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }).end(body));
      await new Promise<void>((r) => ceiling.listen(0, '127.0.0.1', r));
      const port = (ceiling.address() as { port: number }).port;
      const app = await wrk(server.url + pagePath);
      const stat = await wrk(`http://127.0.0.1:${port}/`);
      await new Promise<void>((r) => ceiling.close(() => r()));
      results[name] = { app, static: stat, ratio: +(app.requestsPerSecond / stat.requestsPerSecond).toFixed(3), bytes: body.length, firstRenderMs };
      process.stdout.write(`${name} ${pagePath}: ${app.requestsPerSecond} req/s, p99 ${app.p99Ms} ms (static ${stat.requestsPerSecond} req/s, p99 ${stat.p99Ms} ms); first render ${firstRenderMs} ms, ${body.length} bytes\n`);
    }
    const admin = demo.credentials.find((c) => c.role === 'admin') ?? DEMO_ADMIN;
    const workspace = await workspaceTimes(s, server.url, admin);
    const afterWrite = await afterWriteTimes(s, server.url, pages);
    await server.close();
    const summary = {
      bench: 'web',
      database: 'pglite',
      dataset: dataset.source,
      observations: counts.counts.observations,
      loadSeconds: +loadSeconds.toFixed(1),
      wrk: { seconds, connections, threads: 2 },
      homeRps: results.home.app.requestsPerSecond,
      homeP99Ms: results.home.app.p99Ms,
      homeStaticRps: results.home.static.requestsPerSecond,
      homeRatio: results.home.ratio,
      indicatorRps: results.indicator.app.requestsPerSecond,
      indicatorP99Ms: results.indicator.app.p99Ms,
      indicatorStaticRps: results.indicator.static.requestsPerSecond,
      indicatorRatio: results.indicator.ratio,
      firstRenderMs: { home: results.home.firstRenderMs, indicator: results.indicator.firstRenderMs },
      errors: results.home.app.errors + results.indicator.app.errors,
      workspaceMs: workspace,
      workspaceSlowestMedianMs: Math.max(...Object.values(workspace).map((w) => w.medianMs)),
      firstRenderAfterWriteMs: afterWrite,
      speedTarget: { workspaceMs: 200, firstRenderAfterWriteMs: 200 },
      meetsSpeedTarget: Object.values(workspace).every((w) => w.medianMs <= 200) && Object.values(afterWrite).every((w) => w.maxMs <= 200),
      target: { rps: 1500, p99Ms: 50 },
      meetsTarget: Object.values(results).every((r) => r.app.requestsPerSecond >= 1500 && r.app.p99Ms <= 50),
    };
    console.log(JSON.stringify(summary));
  } finally {
    await s.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
