// compendium targets set|list|remove: what each indicator should reach.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { out, table, withServices } from '../context.js';

export function configure(cmd: Command): void {

  cmd.command('set')
    .description('set the target of an indicator for an area and period')
    .requiredOption('--indicator <code>', 'indicator code')
    .requiredOption('--area <code>', 'GSS code of the council')
    .requiredOption('--period <period>', 'e.g. 2023/24')
    .requiredOption('--value <n>', 'the target value')
    .option('--tolerance <n>', 'amber within this much of the target; add % for a percentage of it, e.g. 5%', '0')
    .action(async (opts: { indicator: string; area: string; period: string; value: string; tolerance: string }, c: Command) => {
      const value = Number(opts.value);
      if (opts.value.trim() === '' || !Number.isFinite(value)) throw new CliError(`--value must be a number, not "${opts.value}"`);
      const percent = opts.tolerance.trim().endsWith('%');
      const tolerance = Number(opts.tolerance.trim().replace(/%$/, ''));
      if (!Number.isFinite(tolerance) || tolerance < 0) throw new CliError(`--tolerance must be a number of 0 or more (with % for a percentage), not "${opts.tolerance}"`);
      await withServices(c, async (s) => {
        const t = await s.targets.set({ indicator: opts.indicator, area: opts.area, period: opts.period, value, tolerance, toleranceKind: percent ? 'percent' : 'absolute' });
        out.line(`Target for ${t.indicatorCode}, ${t.areaCode}, ${t.periodKey}: ${t.value} (amber within ${t.tolerance}${t.toleranceKind === 'percent' ? '%' : ''}).`);
      });
    });

  cmd.command('remove')
    .description('remove the target of an indicator for an area and period')
    .requiredOption('--indicator <code>', 'indicator code')
    .requiredOption('--area <code>', 'GSS code of the council')
    .requiredOption('--period <period>', 'e.g. 2023/24')
    .action(async (opts: { indicator: string; area: string; period: string }, c: Command) => {
      await withServices(c, async (s) => {
        const t = await s.targets.remove(opts);
        out.line(`Removed the target for ${t.indicatorCode}, ${t.areaCode}, ${t.periodKey} (it was ${t.value}).`);
      });
    });

  cmd.command('list')
    .description('list targets')
    .option('--indicator <code>', 'only this indicator')
    .option('--area <code>', 'only this area')
    .action(async (opts: { indicator?: string; area?: string }, c: Command) => {
      await withServices(c, async (s) => {
        const all = await s.targets.list(opts);
        if (all.length === 0) return out.line('No targets.');
        out.line(table(all.map((t) => [t.indicatorCode, t.areaCode, t.periodKey, t.value, `${t.tolerance}${t.toleranceKind === 'percent' ? '%' : ''}`]), ['indicator', 'area', 'period', 'target', 'tolerance']));
      });
    });
}
