// wrk, the HTTP load generator, run from a bench: its figures read from its output.
import { spawn, spawnSync } from 'node:child_process';

/** Whether wrk is installed (benches that need it say so and stop when it is not). */
export const hasWrk = (): boolean => spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const toMs = (v: string, unit: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? NaN);

/**
 * Runs wrk without blocking this process's event loop (the server under test lives here); with a
 * script, wrk runs that Lua file (to ask for several pages in turn, say).
 */
export function runWrk(url: string, o: { seconds: number; connections: number; script?: string }): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', ...(o.script ? ['-s', o.script] : []), url]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}: ${out}`));
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
      const p50 = /\s50%\s+([\d.]+)(us|ms|s)/.exec(out);
      const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
      const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
      const sockErr = /Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)/.exec(out);
      if (!rps || !p50 || !p99) return reject(new Error(`cannot read wrk's output:\n${out}`));
      resolve({
        requestsPerSecond: Math.round(Number(rps[1])),
        p50Ms: +toMs(p50[1], p50[2]).toFixed(2),
        p99Ms: +toMs(p99[1], p99[2]).toFixed(2),
        errors: Number(non2xx?.[1] ?? 0) + (sockErr ? sockErr.slice(1).reduce((n, x) => n + Number(x), 0) : 0),
      });
    });
  });
}

