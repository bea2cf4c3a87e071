// npm run bench -- web: how fast the public site serves its home page and an indicator page from the
// embedded database holding the benchmarking dataset, driven by wrk on loopback, against the same
// bytes served as a static file by a bare Node server (the ceiling). Last line: one JSON object.
//   --quick        a short run (3 s a page) for trying it out
//   --no-dataset   the demo workspace only, without the large synthetic set of values
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openServices, type Services } from '../src/services/index.js';
import { startServer } from '../src/web/server.js';
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

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-web-'));
  const config = { ...loadConfig({ dataDir: dir, port: 0, host: '127.0.0.1' }), databaseUrl: undefined };
  const s = await openServices(config);
  try {
    const t0 = performance.now();
    await s.demo.load();
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
