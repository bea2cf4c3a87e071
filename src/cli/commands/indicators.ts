// compendium indicators list|add|import: indicator definitions.
import type { Command } from 'commander';
import { FREQUENCIES, POLARITIES, UNITS, type Frequency, type Polarity, type Unit } from '../../domain/index.js';
import { CliError } from '../../errors.js';
import { out, table, withServices } from '../context.js';

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function number(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`${option} must be a number, not "${value}"`);
  return n;
}

export function configure(cmd: Command): void {

  cmd.command('list')
    .description('list the indicators')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const all = await s.indicators.list();
        if (opts.json) return out.json(all);
        if (all.length === 0) return out.line('No indicators yet: add one with `compendium indicators add` or import values.');
        out.line(table(all.map((i) => [i.code, i.title.length > 60 ? i.title.slice(0, 59) + '…' : i.title, i.unit, i.polarity, i.frequency]), ['code', 'title', 'unit', 'polarity', 'frequency']));
      });
    });

  cmd.command('add')
    .description('add an indicator')
    .requiredOption('--code <code>', 'short code, e.g. ASC1')
    .requiredOption('--title <title>', 'what it measures')
    .option('--unit <unit>', `one of ${UNITS.join(', ')}`)
    .option('--polarity <polarity>', `one of ${POLARITIES.join(', ')}`)
    .option('--frequency <frequency>', `one of ${FREQUENCIES.join(', ')}`)
    .option('--decimal-places <n>', 'decimal places shown')
    .option('--change-tolerance <n>', 'differences up to this are "no change"')
    .option('--source <source>', 'where the figures come from')
    .option('--definition <text>', 'how it is defined')
    .action(async (opts: Record<string, string | undefined>, c: Command) => {
      await withServices(c, async (s) => {
        const indicator = await s.indicators.create({
          code: opts.code as string,
          title: opts.title as string,
          unit: oneOf<Unit>(opts.unit, UNITS, '--unit'),
          polarity: oneOf<Polarity>(opts.polarity, POLARITIES, '--polarity'),
          frequency: oneOf<Frequency>(opts.frequency, FREQUENCIES, '--frequency'),
          decimalPlaces: number(opts.decimalPlaces, '--decimal-places'),
          changeTolerance: number(opts.changeTolerance, '--change-tolerance'),
          source: opts.source ?? null,
          definition: opts.definition ?? null,
        });
        out.line(`Added ${indicator.code}: ${indicator.title} (${indicator.unit}, ${indicator.polarity} is better${indicator.polarity === 'none' ? ': no judgement' : ''}).`);
      });
    });

  cmd.command('import <file>')
    .description('create or update indicators from a CSV or XLSX table (code, title, unit, decimal places, polarity, frequency, outcome, source, definition)')
    .option('--sheet <name>', 'worksheet of an XLSX workbook (default the first)')
    .action(async (file: string, opts: { sheet?: string }, c: Command) => {
      await withServices(c, async (s) => {
        const r = await s.indicators.importDefinitions(file, { sheet: opts.sheet });
        out.line(`${file}: ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged.`);
      });
    });
}
