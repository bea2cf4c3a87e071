// compendium performance: the compendium for a council against a comparator group, or for every
// member of the group (--all), as a table, CSV or JSON.
import type { Command } from 'commander';
import { formatPeriod, periodOf } from '../../domain/index.js';
import type { Compendium, CompendiumRow } from '../../domain/performance.js';
import { CliError } from '../../errors.js';
import { toCsv } from '../../present/csv.js';
import { formatNumber } from '../../present/format.js';
import { DIRECTION_LABELS, RAG_LABELS, TREND_LABELS, labelText } from '../../present/labels.js';
import { COMPENDIUM_COLUMNS, compendiumRecords } from '../../services/performance-records.js';
import { out, table, withServices } from '../context.js';

/** A figure with the indicator's decimals, or a dash when there is none. */
const figure = (value: number | null, decimals: number): string => (value === null ? '–' : formatNumber(value, decimals));

function rowCells(r: CompendiumRow): (string | number)[] {
  const dp = r.indicator.decimalPlaces;
  const title = r.indicator.title.length > 40 ? r.indicator.title.slice(0, 39) + '…' : r.indicator.title;
  return [
    r.indicator.code, title, figure(r.value, dp), r.target ? figure(r.target.value, dp) : '–', labelText(RAG_LABELS[r.rag]),
    figure(r.previous.value, dp), labelText(DIRECTION_LABELS[r.directionPrevious]), figure(r.group.median, dp),
    r.rank === null ? '–' : `${r.rank} of ${r.group.n}`, r.quartileBand === null ? '–' : `Q${r.quartileBand}`, labelText(TREND_LABELS[r.trend]),
  ];
}

function printTable(c: Compendium): void {
  out.line(`${c.area.name} (${c.area.code}), ${formatPeriod(periodOf(c.periodKey), 'long')}, against ${c.group.label} (${c.group.members} councils)`);
  if (c.rows.length === 0) {
    out.line('No indicator has published values for this period.');
    return;
  }
  out.line(table(c.rows.map(rowCells), ['code', 'indicator', 'value', 'target', 'RAG', 'previous', 'direction', 'median', 'rank', 'quartile', 'trend']));
  const s = c.summary;
  out.line(`${s.indicators} indicators: ${s.rag.green} green, ${s.rag.amber} amber, ${s.rag.red} red, ${s.rag['no-target']} without a target, ${s.rag.missing} missing; `
    + `${s.quartiles[1]} in the top quartile, ${s.quartiles[4]} in the bottom; ${s.direction.improving} improving, ${s.direction.worsening} worsening, ${s.direction.noChange} no change.`);
  out.line('Rank 1 = best; quartile Q1 = best 25 %; median and rank over the councils with a value. Q = quartile band, M = missing.');
}

function printLeague(all: Compendium[], area: string | undefined): void {
  if (all.length === 0) {
    out.line('The group has no members.');
    return;
  }
  // In a neighbour set each council has its own group: the heading names the one asked about.
  const first = all.find((c) => c.area.code === area) ?? all[0];
  out.line(`${first.group.label}, ${formatPeriod(periodOf(first.periodKey), 'long')}: ${all.length} councils`);
  out.line(table(all.map((c) => [c.area.code, c.area.name, c.summary.indicators, c.summary.quartiles[1], c.summary.quartiles[4], c.summary.direction.improving, c.summary.direction.worsening, c.summary.rag.green, c.summary.rag.red]),
    ['code', 'council', 'indicators', 'top quartile', 'bottom quartile', 'improving', 'worsening', 'green', 'red']));
}

export function register(program: Command): void {
  program
    .command('performance')
    .description('the performance compendium: every indicator for a council against a comparator group')
    .option('--area <code>', 'GSS code of the council (default the workspace council)')
    .option('--group <name>', 'comparator group, e.g. neighbours, english-upper-tier, region:E12000004 (default the workspace default)')
    .option('--period <period>', 'e.g. 2022/23 (default the latest with values)')
    .option('--outcome <outcome>', 'only the indicators of this outcome (title, slug or id)')
    .option('--all', 'every member of the group at once')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { area?: string; group?: string; period?: string; outcome?: string; all?: boolean; format: string }, c: Command) => {
      if (!['table', 'csv', 'json'].includes(opts.format)) throw new CliError(`--format must be table, csv or json, not "${opts.format}"`);
      await withServices(c, async (s) => {
        let outcomeId: string | undefined;
        if (opts.outcome) {
          const wanted = opts.outcome.trim().toLowerCase();
          const structure = await s.plans.structure().catch(() => undefined);
          const outcome = structure?.outcomes.find((o) => o.id === opts.outcome || o.slug === wanted || o.title.toLowerCase() === wanted);
          if (!outcome) throw new CliError(`No outcome "${opts.outcome}" in the current plan`, 'give its title, slug or id');
          outcomeId = outcome.id;
        }
        const area = opts.area ?? (opts.all ? undefined : (await s.workspace.settings()).councilCode);
        const compendiums = opts.all
          ? await s.performance.compendiumForGroup({ group: opts.group, period: opts.period, area, outcomeId })
          : [await s.performance.compendium({ area: area as string, group: opts.group, period: opts.period, outcomeId })];
        if (opts.format === 'json') return out.json(opts.all ? compendiums : compendiums[0]);
        if (opts.format === 'csv') {
          process.stdout.write(toCsv(compendiumRecords(compendiums), [...COMPENDIUM_COLUMNS]));
          return;
        }
        if (opts.all) printLeague(compendiums, area);
        else printTable(compendiums[0]);
      });
    });
}
