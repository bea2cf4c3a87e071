// A vitest reporter that lists the slowest test files after the run: each file's import time
// (collect) plus the time its tests and hooks took, the same figures vitest's own summary adds up,
// and the CPU the file cost (test/helpers/file-cpu.ts), which the machine's load hardly changes.
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const COUNT = 10;

export default class SlowestFiles implements Reporter {
  private text = '';

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules.map((m) => {
      const d = m.diagnostic();
      return { file: path.relative(process.cwd(), m.moduleId), load: d.collectDuration + d.setupDuration + d.prepareDuration, tests: d.duration, cpu: m.meta().cpuMs };
    });
    // Every file's figures as JSON lines, for comparing runs (COMPENDIUM_TEST_TIMES=file npm test).
    const out = process.env.COMPENDIUM_TEST_TIMES;
    if (out) fs.writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const slowest = [...rows].sort((a, b) => b.load + b.tests - (a.load + a.tests)).slice(0, COUNT);
    if (!slowest.length) return;
    const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '-' : `${(ms / 1000).toFixed(1)} s`).padStart(8);
    const lines = slowest.map((r) => `${s(r.load + r.tests)} ${s(r.load)} ${s(r.tests)} ${s(r.cpu)}  ${r.file}`);
    const cpu = rows.reduce((sum, r) => sum + (r.cpu ?? 0), 0);
    this.text = `\nSlowest ${slowest.length} test files (total, loading, tests, CPU):\n${lines.join('\n')}\n` +
      (cpu ? `CPU of all test files, loading not included: ${(cpu / 1000).toFixed(0)} s\n` : '');
  }

  // Printed here, after the default reporter's summary (listed before this one in vitest.config.ts).
  onFinished(): void {
    process.stdout.write(this.text);
    this.text = '';
  }
}
