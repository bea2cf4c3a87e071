// compendium report: writes the Annual Delivery Report and Performance Compendium files to a folder.
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { REPORT_FORMATS, type ReportFile, type ReportFormat } from '../../services/reports.js';
import { out, withServices } from '../context.js';

interface ReportOptions {
  plan?: string;
  period?: string;
  group?: string;
  format: string;
  out: string;
  draft?: boolean;
}

function writeFiles(dir: string, files: ReportFile[]): string[] {
  try {
    fs.mkdirSync(dir, { recursive: true });
    return files.map((f) => {
      const file = path.join(dir, f.fileName);
      fs.writeFileSync(file, f.bytes);
      return file;
    });
  } catch (e) {
    throw new CliError(`Cannot write the report files to ${dir}: ${(e as Error).message}`, 'choose another folder with --out');
  }
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function configure(cmd: Command): void {
  cmd
    .option('--plan <plan>', 'the plan, by id, slug or exact title (default: the current plan)')
    .option('--period <period>', 'reporting period, e.g. 2023/24 (default: the latest with data)')
    .option('--group <name>', 'comparison group (default: the workspace default)')
    .option('--format <list>', `comma-separated: ${REPORT_FORMATS.join(',')}`, 'html,pdf')
    .option('--out <dir>', 'folder to write the files to', 'reports')
    .option('--draft', 'include unpublished material and mark every page DRAFT')
    .action(async (opts: ReportOptions, cmd: Command) => {
      const formats = opts.format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
      const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
      if (unknown.length || !formats.length) throw new CliError(`--format: unknown format ${unknown.join(', ') || '(none given)'}`, `choose from ${REPORT_FORMATS.join(', ')}`);
      const dir = path.resolve(opts.out);
      await withServices(cmd, async (s) => {
        const bar = process.stdout.isTTY ? new SingleBar({ format: 'Report [{bar}] {value}/{total} {stage}', hideCursor: true }, Presets.shades_classic) : null;
        bar?.start(formats.length, 0, { stage: 'loading data' });
        let files: ReportFile[];
        try {
          files = await s.reports.build({
            planId: opts.plan, period: opts.period, group: opts.group, draft: Boolean(opts.draft), formats: formats as ReportFormat[],
            onProgress: (stage, done) => (bar ? bar.update(done, { stage }) : out.line(`… ${stage}`)),
          });
        } catch (e) {
          bar?.stop();
          const partial = (e as { partial?: ReportFile[] }).partial;
          if (partial?.length) {
            out.line(`Wrote ${partial.length} file(s) made before stopping:`);
            for (const f of writeFiles(dir, partial)) out.line(`  ${f}`);
          }
          throw e;
        }
        bar?.update(formats.length, { stage: 'done' });
        bar?.stop();
        const written = writeFiles(dir, files);
        out.line(`Wrote ${written.length} file(s) to ${dir}:`);
        files.forEach((f, i) => out.line(`  ${written[i]}  (${f.format}, ${size(f.bytes.length)})`));
      });
    });
}
