// A vitest reporter that lists the slowest test files after the run: each file's import time
// (collect) plus the time its tests and hooks took, the same figures vitest's own summary adds up.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const COUNT = 10;

export default class SlowestFiles implements Reporter {
  private text = '';

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules.map((m) => {
      const d = m.diagnostic();
      return { file: path.relative(process.cwd(), m.moduleId), load: d.collectDuration + d.setupDuration + d.prepareDuration, tests: d.duration };
    }).sort((a, b) => b.load + b.tests - (a.load + a.tests)).slice(0, COUNT);
    if (!rows.length) return;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const lines = rows.map((r) => `${s(r.load + r.tests)} ${s(r.load)} ${s(r.tests)}  ${r.file}`);
    this.text = `\nSlowest ${rows.length} test files (total, loading, tests):\n${lines.join('\n')}\n`;
  }

  // Printed here, after the default reporter's summary (listed before this one in vitest.config.ts).
  onFinished(): void {
    process.stdout.write(this.text);
    this.text = '';
  }
}
