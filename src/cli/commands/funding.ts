// compendium funding: import the published finance files, compare funding per head, run and save
// fair-funding what-if models, define derived indicators.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { toCsv } from '../../present/csv.js';
import { FINANCE_PRESETS } from '../../ingest/finance/index.js';
import { COMPARISON_COLUMNS, comparisonRecords, WHATIF_COLUMNS, whatIfRecords } from '../../services/funding-records.js';
import type { FinanceImportResult } from '../../services/finance-data.js';
import { DEFAULT_WEIGHTS } from '../../services/funding.js';
import { out, table, withServices } from '../context.js';

const FORMATS = ['table', 'csv', 'json'];
const checkFormat = (f: string) => {
  if (!FORMATS.includes(f)) throw new CliError(`--format must be table, csv or json, not "${f}"`);
};
const money = (n: number) => `${n < 0 ? '−' : ''}£${Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
const pounds = (n: number) => `${n < 0 ? '−' : ''}£${Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** "POP-65-PLUS=40,POP-0-17=30" → weights; one clear sentence when it is not that. */
export function parseWeights(text: string): { indicator: string; weight: number }[] {
  return text.split(',').map((p) => p.trim()).filter(Boolean).map((part) => {
    const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*=\s*(-?\d+(?:\.\d+)?)%?$/.exec(part);
    if (!m) throw new CliError(`--weights: "${part}" should be INDICATOR=PERCENT, e.g. POP-65-PLUS=40`);
    return { indicator: m[1], weight: Number(m[2]) };
  });
}

export function printImport(r: FinanceImportResult): void {
  for (const f of r.files) {
    const c = f.counts;
    out.line(`${f.file} (${f.preset}, ${f.encoding}): ${c.rowsRead} rows read, ${c.rowsSkipped} skipped; ${c.valuesRead} values read = ${c.valuesImported} imported + ${c.valuesMissing} missing (kept with the reason) + ${c.valuesSkipped} skipped.`);
    const reasons = new Map<string, number>();
    for (const s of f.skipped) {
      const reason = s.reason.replace(/^"[^"]*"( \([^)]*\))? /, 'the code ');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, n] of reasons) out.line(`  skipped ${n} row(s): ${reason}`);
  }
  if (r.indicatorsCreated.length) out.line(`New indicators: ${r.indicatorsCreated.join(', ')}.`);
  for (const d of r.derived) out.line(`Derived ${d.code}: ${d.values} values, ${d.missing} missing (each with its reason).`);
}

export function configure(cmd: Command): void {
  cmd.command('import <files...>')
    .description(`import published finance and population files together, all or nothing (presets: ${FINANCE_PRESETS.join(', ')}; guessed when not given)`)
    .option('--preset <name>', 'the format of every file given')
    .option('--period <year>', 'for a population estimate: its mid-year, when the file name does not say it')
    .action(async (files: string[], opts: { preset?: string; period?: string }, c: Command) => {
      await withServices(c, async (s) => printImport(await s.financeData.importFiles(files.map((source) => ({ source, preset: opts.preset, period: opts.period })))));
    });

  compareCommand(cmd);
  whatIfCommand(cmd);
  cmd.command('define <code> <formula>')
    .description('define an indicator as a formula of others, e.g. "[RO-ADULT-SOCIAL-CARE] * 1000 / [POP-65-PLUS]", and compute it')
    .requiredOption('--title <title>', 'what it is called')
    .action(async (code: string, formula: string, opts: { title: string }, c: Command) => {
      await withServices(c, async (s) => {
        for (const d of await s.financeData.define({ code, title: opts.title, formula, unit: 'gbp' })) out.line(`${d.code}: ${d.values} values, ${d.missing} missing.`);
      });
    });

  cmd.command('candidates <report>')
    .description("money facts in an old report's financial section, offered as candidates for the savings plan, budget gap and pressures (writes nothing)")
    .action(async (report: string, _o: unknown, c: Command) => {
      await withServices(c, async (s) => {
        if (!fs.existsSync(report)) throw new CliError(`No such file: ${report}`);
        const found = await s.financeStory.candidates({ name: path.basename(report), bytes: fs.readFileSync(report) });
        if (!found.length) return out.line('No money figures in a financial section of that report.');
        out.line(table(found.map((x) => [x.field, money(x.amount / 1e6), x.year ?? '', x.sentence.length > 110 ? `${x.sentence.slice(0, 109)}…` : x.sentence]), ['could be', 'amount', 'year', 'sentence']));
        out.line('Nothing was written: enter the ones you want in the workspace (Funding → finance story).');
      });
    });

  cmd.command('recompute').description('recompute every derived indicator from its inputs').action(async (_o: unknown, c: Command) => {
    await withServices(c, async (s) => {
      for (const d of await s.financeData.recompute()) out.line(`${d.code}: ${d.values} values, ${d.missing} missing.`);
    });
  });
}

function compareCommand(cmd: Command): void {
  cmd.command('compare')
    .description('funding per head against a group: rank and the gap to each council, the group median and the national average')
    .option('--area <code>', 'GSS code of the council (default the workspace council)')
    .option('--group <name>', 'comparator group (default all English upper-tier councils)', 'english-upper-tier')
    .option('--period <period>', 'e.g. 2020/21 (default the latest with spending power)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { area?: string; group: string; period?: string; format: string }, c: Command) => {
      checkFormat(opts.format);
      await withServices(c, async (s) => {
        const area = opts.area ?? (await s.workspace.settings()).councilCode;
        const r = await s.funding.compare({ area, group: opts.group, period: opts.period });
        const records = comparisonRecords(r);
        if (opts.format === 'json') return out.line(JSON.stringify({ ...r, records }, null, 2));
        if (opts.format === 'csv') return void process.stdout.write(toCsv(records, [...COMPARISON_COLUMNS]));
        const ours = r.council;
        out.line(`${ours.name} (${ours.code}), ${r.periodLabel}, against ${r.groupLabel}`);
        out.line(ours.perHead === null ? `No spending power per head: ${ours.missingReason}.` : `Spending power ${money(ours.spendingPower as number)} for ${(ours.population as number).toLocaleString('en-GB')} people: ${pounds(ours.perHead)} a head, rank ${r.rank} of ${r.ranked} (1 = most).`);
        out.line(table(records.slice(1).map((x) => [x.code as string, x.council as string, x.per_head_gbp === null ? '–' : pounds(x.per_head_gbp as number), x.rank ?? '–', x.gap_gbp_millions === null ? '–' : money(x.gap_gbp_millions as number), (x.note as string | null) ?? '']),
          ['code', 'council', 'per head', 'rank', 'gap a year', 'note']));
        out.line(`${r.formula}. A positive gap is what ${ours.name} would have more at that level of funding.`);
      });
    });
}

function whatIfCommand(cmd: Command): void {
  cmd.command('whatif')
    .description('share a total by weighted cost drivers and compare each council\'s allocation with its actual spending power')
    .option('--weights <pairs>', 'INDICATOR=PERCENT pairs (default POP-65-PLUS=40,POP-0-17=30,POP-ALL-AGES=30); scaled to 100% if they do not sum to it')
    .option('--scope <group>', 'councils sharing the total (default english-upper-tier)')
    .option('--period <period>', 'e.g. 2020/21')
    .option('--model <name>', 'run a saved model instead (its latest version, or NAME@VERSION)')
    .option('--save <name>', 'save these weights as the next version of a named model')
    .option('--area <code>', 'show this council\'s line first')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { weights?: string; scope?: string; period?: string; model?: string; save?: string; area?: string; format: string }, c: Command) => {
      checkFormat(opts.format);
      const weights = opts.weights ? parseWeights(opts.weights) : undefined;
      await withServices(c, async (s) => {
        if (opts.save) {
          const saved = await s.funding.saveModel({ name: opts.save, weights: weights ?? DEFAULT_WEIGHTS, scope: opts.scope, period: opts.period });
          out.line(`Saved "${saved.name}" version ${saved.version}.`);
        }
        const [name, version] = (opts.model ?? '').split('@');
        const r = opts.model ? await s.funding.runModel(name, version ? Number(version) : undefined) : await s.funding.whatIf({ weights, scope: opts.scope, period: opts.period });
        const records = whatIfRecords(r);
        if (opts.format === 'json') return out.line(JSON.stringify({ ...r, records }, null, 2));
        if (opts.format === 'csv') return void process.stdout.write(toCsv(records, [...WHATIF_COLUMNS]));
        for (const n of r.notes) out.warn(n);
        out.line(`${r.model ? `Model "${r.model.name}" version ${r.model.version}: ` : ''}${r.weights.map((w) => `${w.indicator} ${Math.round(w.weight * 10) / 10}%`).join(', ')}; ${money(r.totalMillions)} shared among ${r.rows.length} councils (${r.scopeLabel}), ${r.periodLabel}.`);
        const ordered = opts.area ? [...records.filter((x) => x.code === opts.area), ...records.filter((x) => x.code !== opts.area)] : records;
        out.line(table(ordered.map((x) => [x.code, x.council, money(x.actual_gbp_millions as number), money(x.allocation_gbp_millions as number), money(x.gain_gbp_millions as number), pounds(x.gain_per_head_gbp as number)]), ['code', 'council', 'actual', 'model', 'gain or loss', 'per head']));
        if (r.excluded.length) out.line(`Left out: ${r.excluded.map((e) => `${e.name} (${e.reason})`).join('; ')}.`);
        out.line(`${r.formula}.`);
      });
    });
}
