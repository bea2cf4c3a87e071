// npm run bench -- healthz: whether the server keeps answering while it reads an upload. A running
// server (the demo workspace, embedded database) is sent, one after another: a 50 MB single-line
// text report, a large PDF report (many pages of text), a CSV of indicator values and the same
// values as an XLSX workbook. A separate process sends each upload and asks /healthz every 10 ms
// meanwhile (so neither depends on this process's event loop), and the bench reports the slowest
// and the 99th percentile answer per upload. Target: every answer within 100 ms.
// The server runs in this process, so each upload's file is made just before it is sent and let go
// once written, and the heap is collected before each upload: otherwise the bench's own data (a 50 MB
// string, 120,000 rows as arrays) sits in the server's heap and every collection there must walk it.
// Last line: one JSON object of figures.
//   --quick   a 10 MB text, a smaller PDF and a smaller table, to try it out
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeXlsx } from '../src/present/xlsx.js';
import { pdfOfPages } from '../test/helpers/pdf-fixtures.js';
import { benchmarkAreas } from './data.js';
import { benchServer, signIn, type Session } from './_server.js';

const quick = process.argv.includes('--quick');
const MB = 1024 * 1024;

/** A PDF of `pages` pages, each of `lines` lines of report-like text. */
function largePdf(pages: number, lines: number): Uint8Array {
  const sentence = (p: number, l: number) => `In 2024 the council opened ${p * lines + l} new places at Melton library and 12.5% more people used it.`;
  return pdfOfPages(Array.from({ length: pages }, (_, p) => ['BT /F1 10 Tf 50 770 Td 12 TL', ...Array.from({ length: lines }, (_, l) => `(${sentence(p, l)}) '`), 'ET'].join('\n')));
}

/** Indicator values in long form for `indicators` × every English council × 4 years. */
function valueRows(areaCodes: string[], indicators: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < indicators; i++) {
    for (const year of ['2020/21', '2021/22', '2022/23', '2023/24']) {
      areaCodes.forEach((a, k) => rows.push([year, a, `HZ${String(i).padStart(3, '0')}`, `Health check indicator ${i}`, 'higher', String(((i * 37 + k * 11) % 900) / 10)]));
    }
  }
  return rows;
}

/**
 * In another process (so that neither its asking nor its uploading uses this process's event loop,
 * where the server runs): asks /healthz every 10 ms, sends the upload after 200 ms, and goes on
 * asking for 100 ms after the answer. Every /healthz answer's time in ms (-1 for a failure), the
 * upload's status and how long it took.
 */
function uploadWhileAsking(o: { base: string; cookie: string; path: string; fields: Record<string, string>; field: string; file: string; name: string }) {
  const code = `
    const fs = require('node:fs');
    const http = require('node:http');
    const o = JSON.parse(process.argv[1]);
    const times = []; let stop = false;
    const ask = () => {
      if (stop) return;
      const t = process.hrtime.bigint();
      http.get(o.base + '/healthz', (res) => { res.resume(); res.on('end', () => { times.push(Number(process.hrtime.bigint() - t) / 1e6); setTimeout(ask, 10); }); })
        .on('error', () => { times.push(-1); setTimeout(ask, 10); });
    };
    ask();
    setTimeout(async () => {
      const form = new FormData();
      for (const [k, v] of Object.entries(o.fields)) form.append(k, v);
      form.append(o.field, new File([await fs.openAsBlob(o.file)], o.name));
      const t0 = performance.now();
      const r = await fetch(o.base + o.path, { method: 'POST', body: form, headers: { cookie: o.cookie }, redirect: 'manual' });
      await r.arrayBuffer();
      const uploadMs = performance.now() - t0;
      setTimeout(() => { stop = true; process.stdout.write(JSON.stringify({ times, status: r.status, uploadMs })); process.exit(0); }, 100);
    }, 200);`;
  const child = spawn(process.execPath, ['-e', code, JSON.stringify(o)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise<{ times: number[]; status: number; uploadMs: number }>((resolve, reject) => child.on('close', (code) => {
    try {
      resolve(JSON.parse(out));
    } catch {
      reject(new Error(`the uploading process stopped (${code}) without figures`));
    }
  }));
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
};

interface Figure { bytes: number; status: number; uploadMs: number; asked: number; failed: number; healthzMaxMs: number; healthzP99Ms: number }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-healthz-files-'));

async function during(base: string, session: Session, at: string, field: string, name: string, make: () => Uint8Array | string, fields: Record<string, string> = {}): Promise<Figure> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, make());
  const size = fs.statSync(file).size;
  (globalThis as { gc?: () => void }).gc?.();
  const sep = at.includes('?') ? '&' : '?';
  const r = await uploadWhileAsking({ base, cookie: session.cookie, path: `${at}${sep}_csrf=${encodeURIComponent(session.csrf)}`, fields, field, file, name });
  const ok = r.times.filter((t) => t >= 0);
  const figure = {
    bytes: size, status: r.status, uploadMs: Math.round(r.uploadMs), asked: r.times.length, failed: r.times.length - ok.length,
    healthzMaxMs: +Math.max(0, ...ok).toFixed(1), healthzP99Ms: +pct(ok, 0.99).toFixed(1),
  };
  console.log(`${name} (${(size / MB).toFixed(1)} MB) to ${at}: answered ${r.status} in ${figure.uploadMs} ms; /healthz asked ${figure.asked} times, slowest ${figure.healthzMaxMs} ms, p99 ${figure.healthzP99Ms} ms`);
  return figure;
}

const b = await benchServer('healthz');
try {
  const session = await signIn(b.server.url);
  const line = 'In 2021 we planted 1,200 trees and 2022 saw 34 new homes in Melton; ';
  const textMb = quick ? 10 : 50;
  const areas = benchmarkAreas();
  const indicators = quick ? 20 : 100;
  const header = ['period', 'area', 'indicator', 'title', 'polarity', 'value'];
  const figures: Record<string, Figure> = {};
  figures.text = await during(b.server.url, session, '/manage/uploads/report', 'report', 'long-report-2024.txt', () => line.repeat(Math.ceil((textMb * MB) / line.length)).slice(0, textMb * MB), { reportYear: '2024' });
  figures.pdf = await during(b.server.url, session, '/manage/uploads/report', 'report', 'large-report-2024.pdf', () => largePdf(quick ? 100 : 400, 60), { reportYear: '2024' });
  figures.csv = await during(b.server.url, session, '/manage/uploads/indicators', 'file', 'values.csv', () => [header, ...valueRows(areas, indicators)].map((r) => r.join(',')).join('\n'), { workflowState: 'draft' });
  figures.xlsx = await during(b.server.url, session, '/manage/uploads/indicators', 'file', 'values.xlsx', () => writeXlsx({ name: 'Values', header, rows: valueRows(areas, indicators).slice(0, quick ? 5_000 : 20_000) }), { workflowState: 'draft' });
  const worstMax = Math.max(...Object.values(figures).map((f) => f.healthzMaxMs));
  const worstP99 = Math.max(...Object.values(figures).map((f) => f.healthzP99Ms));
  console.log(JSON.stringify({
    bench: 'healthz', database: 'pglite', loadAverage: os.loadavg().map((x) => +x.toFixed(2)), uploads: figures,
    healthzMaxMs: worstMax, healthzP99Ms: worstP99, failedAsks: Object.values(figures).reduce((n, f) => n + f.failed, 0),
    target: { healthzMaxMs: 100 }, meetsTarget: worstMax <= 100 && Object.values(figures).every((f) => f.failed === 0),
  }));
} finally {
  await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
