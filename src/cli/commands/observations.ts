// compendium observations import FILE: indicator values from CSV or XLSX.
import type { Command } from 'commander';
import { WORKFLOW_STATES, type WorkflowState } from '../../domain/index.js';
import { CliError, describeProblem } from '../../errors.js';
import { parseColumnMap } from '../../ingest/observation-table.js';
import { FINANCE_PRESETS } from '../../ingest/finance/index.js';
import { formatNumber } from '../../present/format.js';
import { out, withServices } from '../context.js';
import { printImport } from './funding.js';
import { progress } from '../progress.js';

export function configure(cmd: Command): void {
  cmd.command('import <file>')
    .description('import values from CSV or XLSX, long (one value a row) or wide (periods as columns); all or nothing')
    .option('--map <pairs>', 'column mapping, e.g. "Financial year=period,Local authority code=area,Code=indicator,Value=value"')
    .option('--polarity-from <column>', 'column giving each indicator\'s polarity (desc = higher is better, asc = lower, None)')
    .option('--format <format>', 'long, wide or auto', 'auto')
    .option('--skip-invalid', 'import the good rows and list the bad ones')
    .option('--state <state>', `workflow state of the values (${WORKFLOW_STATES.join(', ')})`, 'published')
    .option('--sheet <name>', 'worksheet of an XLSX workbook (default the first)')
    .option('--preset <name>', `a published file read as it is: ${FINANCE_PRESETS.join(', ')} (see docs/finance.md)`)
    .option('--period <year>', 'with --preset ons-mye-single-year: the mid-year, when the file name does not say it')
    .action(async (file: string, opts: { map?: string; polarityFrom?: string; format: string; skipInvalid?: boolean; state: string; sheet?: string; preset?: string; period?: string }, c: Command) => {
      if (opts.preset) return withServices(c, async (s) => printImport(await s.financeData.importFiles([{ source: file, preset: opts.preset, period: opts.period }])));
      if (!['long', 'wide', 'auto'].includes(opts.format)) throw new CliError(`--format must be long, wide or auto, not "${opts.format}"`);
      if (!WORKFLOW_STATES.includes(opts.state as WorkflowState)) throw new CliError(`--state must be one of ${WORKFLOW_STATES.join(', ')}, not "${opts.state}"`);
      const map = opts.map ? parseColumnMap(opts.map) : undefined;
      await withServices(c, async (s) => {
        const bar = progress();
        try {
          const r = await s.observations.import(file, {
            map, polarityFrom: opts.polarityFrom, format: opts.format as 'long' | 'wide' | 'auto', skipInvalid: opts.skipInvalid,
            workflowState: opts.state as WorkflowState, sheet: opts.sheet,
            onProgress: (p) => bar.update(p.phase === 'check' ? 'Checking' : 'Writing', p.done, p.total),
          });
          bar.stop();
          out.line(`${r.file} (${r.format} format): ${formatNumber(r.rows)} values, ${formatNumber(r.inserted)} new, ${formatNumber(r.updated)} changed, ${formatNumber(r.unchanged)} unchanged, ${formatNumber(r.missing)} blank (kept as missing).`);
          if (r.indicatorsCreated.length) out.line(`New indicators: ${r.indicatorsCreated.join(', ')}.`);
          if (r.indicatorsUpdated.length) out.line(`Polarity updated: ${r.indicatorsUpdated.join(', ')}.`);
          if (r.skipped.length) {
            out.warn(`Skipped ${new Set(r.skipped.map((p) => p.line)).size} row(s):`);
            for (const p of r.skipped) out.warn(`  ${describeProblem(p)}`);
          }
        } finally {
          bar.stop();
        }
      });
    });
}
