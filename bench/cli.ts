// npm run bench -- cli [RUNS]: how long the shipped `compendium` command takes from start to exit,
// as a person runs it (node bin/compendium.js, the compiled dist/): --help, --version, and status on
// a demo workspace made first in a temporary folder. Medians over RUNS runs (default 10) after one
// run not counted. Targets (issue 17, on an idle machine): help and version ≤ 150 ms, status ≤ 600 ms.
// With /usr/bin/time present, each run's CPU time (user + system) is given too: on a busy machine it
// says more about the command than the wall clock does. The last line is one JSON object.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/compendium.js');
const runs = Number(process.argv[2] ?? 10);
const TIME = '/usr/bin/time';
const withTime = fs.existsSync(TIME);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x);

/** Newest modification time under a folder, to tell a dist/ older than its sources. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

function check(): void {
  const main = path.join(root, 'dist/cli/main.js');
  if (!fs.existsSync(main)) {
    console.error('bench cli: dist/ is missing: run npm run build first');
    process.exit(1);
  }
  if (newest(path.join(root, 'src')) > fs.statSync(main).mtimeMs) console.error('bench cli: note: src/ is newer than dist/ (npm run build to measure the current code)');
}

interface Run { wallMs: number; cpuMs: number | null }

function once(args: string[], env: NodeJS.ProcessEnv): Run {
  const command = withTime ? [TIME, '-f', '@@%U %S', process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  const t0 = performance.now();
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`compendium ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const times = /@@([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { wallMs, cpuMs: times ? (Number(times[1]) + Number(times[2])) * 1000 : null };
}

function measure(args: string[], env: NodeJS.ProcessEnv) {
  once(args, env);
  const all = Array.from({ length: runs }, () => once(args, env));
  const cpu = all.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  const wall = all.map((r) => r.wallMs);
  return { medianMs: round(median(wall)), minMs: round(Math.min(...wall)), maxMs: round(Math.max(...wall)), cpuMedianMs: cpu.length ? round(median(cpu)) : null };
}

check();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-cli-'));
const env = { ...process.env, DATABASE_URL: '', COMPENDIUM_DATA: dir };
try {
  const demo = spawnSync(process.execPath, [bin, 'demo'], { encoding: 'utf8', env });
  if (demo.status !== 0) throw new Error(`compendium demo failed: ${demo.stderr}`);
  const loadBefore = os.loadavg()[0];
  const figures = {
    runs,
    help: measure(['--help'], env),
    version: measure(['--version'], env),
    status: measure(['status'], env),
    targetsMs: { help: 150, version: 150, status: 600 },
    loadAverage: { before: Math.round(loadBefore * 10) / 10, after: Math.round(os.loadavg()[0] * 10) / 10, cores: os.cpus().length },
  };
  for (const name of ['help', 'version', 'status'] as const) {
    const f = figures[name];
    console.log(`${name.padEnd(8)} median ${f.medianMs} ms (min ${f.minMs}, max ${f.maxMs})${f.cpuMedianMs === null ? '' : `, CPU ${f.cpuMedianMs} ms`}; target ${figures.targetsMs[name]} ms`);
  }
  console.log(`load average ${figures.loadAverage.before} → ${figures.loadAverage.after} on ${figures.loadAverage.cores} cores`);
  console.log(JSON.stringify(figures));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
