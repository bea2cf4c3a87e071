// How commands print: through the run's io (cli/io.ts), so runCli's caller receives it. Light to import.
import { currentIo } from './io.js';

/** Plain output; commands write through this so that runCli's caller receives it. */
export const out = {
  write: (text: string) => currentIo().stdout(text),
  line: (text = '') => currentIo().stdout(text + '\n'),
  json: (value: unknown) => currentIo().stdout(JSON.stringify(value, null, 2) + '\n'),
  warn: (text: string) => currentIo().stderr(text + '\n'),
};

/** Formats rows as an aligned text table for terminals. */
export function table(rows: (string | number)[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length))) ?? [];
  const fmt = (r: (string | number)[]) => r.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  const lines = all.map(fmt);
  if (header) lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n');
}
