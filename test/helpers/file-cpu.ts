// A setup file (vitest.config.ts) that measures the CPU each test file costs: this worker's own time
// (PGlite, resvg's threads), that of the processes it started and waited for (a spawned bin, a
// closed Chromium) and the time so far of those still running (the worker's shared Chromium). Wall
// time on the shared machine swings with the load; CPU time hardly does, so the slowest-files report
// prints both (test/helpers/slowest-files.ts reads it from the file's meta).
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** CPU milliseconds the file cost (see test/helpers/file-cpu.ts). */
    cpuMs?: number;
  }
}

const TICK_MS = 10; // Linux's USER_HZ is 100 on every platform Node supports

/** utime, stime, cutime and cstime of one /proc/PID/stat, and its parent's pid. */
function stat(pid: string): { ppid: string; own: number; reaped: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    return { ppid: f[1], own: (Number(f[11]) + Number(f[12])) * TICK_MS, reaped: (Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return undefined; // gone between listing and reading
  }
}

/** This process's CPU, its reaped children's, and that of its live descendants, in milliseconds. */
function cpuMs(): number {
  const self = stat('self');
  if (!self) return NaN;
  const children = new Map<string, string[]>();
  const all = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const s = stat(pid);
    if (!s) continue;
    all.set(pid, s.own + s.reaped);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  let total = self.own + self.reaped;
  const queue = [...(children.get(String(process.pid)) ?? [])];
  for (let pid = queue.pop(); pid; pid = queue.pop()) {
    total += all.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

const onLinux = fs.existsSync('/proc/self/stat');
let start = 0;
beforeAll(() => { if (onLinux) start = cpuMs(); });
afterAll((file) => { if (onLinux) file.meta.cpuMs = cpuMs() - start; });
