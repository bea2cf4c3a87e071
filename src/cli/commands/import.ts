// compendium import FILE...: reads annual reports into the plan (entries, facts, places, commitments).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../../errors.js';
import { configFrom, out, table, withServices } from '../context.js';
import type { ImportProgress, ImportSummary } from '../../services/imports.js';

interface ImportCliOptions {
  plan?: string;
  newPlan?: string;
  years?: string;
  current: boolean;
  period?: string;
  replace?: boolean;
  map: string[];
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  year?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function configure(cmd: Command): void {
  cmd
    .argument('<files...>', 'report files')
    .option('--plan <plan>', "the plan to import into, by id, slug or exact title (default: the plan in force in the report's year)")
    .option('--new-plan <title>', "create a new plan from the first report's sections; it becomes the current plan")
    .option('--years <years>', 'the new plan\'s years in force, e.g. 2018-2022 (default: from its title or the report)')
    .option('--not-current', 'leave the current plan as it is when creating a new one')
    .option('--period <period>', 'the period the reports cover, e.g. 2019/20, if neither file name nor text says')
    .option('--replace', 'replace a report already imported for the same period')
    .option('--map <section=outcome>', 'map a report section to an outcome (repeatable; "Section=" for none); remembered', collect, [])
    .option('--year <year>', 'the year the reports were published, if the file name does not say')
    .option('--dry-run', 'show what would be imported without writing anything')
    .option('--force', 'import a document that looks like minutes, an agenda, news or a forward plan')
    .option('--json', 'print the whole structured result as JSON')
    .action(async (files: string[], opts: ImportCliOptions, cmd: Command) => {
      if (opts.plan && opts.newPlan !== undefined) throw new CliError('use either --plan or --new-plan, not both');
      if (opts.years !== undefined && opts.newPlan === undefined) throw new CliError('--years sets a new plan\'s years: use it with --new-plan');
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2100)) throw new CliError(`--year must be a year such as 2024, not "${opts.year}"`);
      const config = configFrom(cmd);
      const inputs = files.map((f) => {
        const name = path.basename(f);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(f);
        } catch {
          throw new CliError(`${f}: no such file`);
        }
        if (stat.isDirectory()) throw new CliError(`${f}: is a folder, not a file`);
        if (stat.size === 0) throw new CliError(`${name}: the file is empty`);
        if (stat.size > config.maxUploadBytes) {
          throw new CliError(`${name}: the file is ${Math.round(stat.size / 1024 / 1024)} MB, over the ${Math.round(config.maxUploadBytes / 1024 / 1024)} MB limit`, 'raise COMPENDIUM_MAX_UPLOAD_MB to import bigger files');
        }
        return { name, bytes: new Uint8Array(fs.readFileSync(f)) };
      });
      const showBar = !opts.json && process.stderr.isTTY && (inputs.length > 1 || inputs.some((f) => /\.pdf$/i.test(f.name)));
      const bar = showBar ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} {stage} {file}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      const onProgress = (e: ImportProgress) => {
        if (!bar) return;
        const steps = e.total * 2 + 1;
        const value = e.stage === 'read' ? e.done : e.stage === 'parse' ? e.total + e.done : e.total * 2;
        if (e.stage === 'read' && e.done === 0) bar.start(steps, 0, { stage: 'reading', file: e.file });
        bar.update(value, { stage: e.stage === 'read' ? 'reading' : e.stage === 'parse' ? 'parsing' : 'storing', file: e.file });
      };
      await withServices(cmd, async (s) => {
        let summary: ImportSummary;
        try {
          summary = await s.imports.run(inputs, {
            planId: opts.plan, newPlanTitle: opts.newPlan, newPlanYears: opts.years, notCurrent: !opts.current, period: opts.period, replace: opts.replace,
            map: opts.map, dryRun: opts.dryRun, force: opts.force, reportYear: year, onProgress,
          });
        } finally {
          bar?.stop();
        }
        if (opts.json) return out.json(summary);
        printSummary(summary);
      });
    });
}

/** The readable summary: lines for stdout and warnings for stderr. */
export function formatSummary(s: ImportSummary): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  lines.push(`${s.dryRun ? 'Dry run for' : 'Imported into'} ${s.newPlan ? 'new ' : ''}plan "${s.planTitle}"${s.planId ? ` (${s.planId})` : ''}`);
  for (const f of s.files) {
    lines.push('', `${f.name} — ${f.status}; ${f.reportYear} report, entries for ${f.periodKey}; read by ${f.extractor}${f.titledItems ? '' : '; items split one per achievement'}`);
    const cut = (t: string) => (t.length > 48 ? t.slice(0, 47) + '…' : t);
    const rows = f.sections.flatMap((sec) => [
      [cut(sec.title), sec.kind === 'front' ? '(front matter)' : sec.outcome ?? '(not mapped)', sec.mappedBy === 'none' ? '' : sec.mappedBy, sec.entries, sec.facts, sec.commitments],
      // A theme mapped on its own is shown under its section.
      ...sec.themeMappings.map((t) => [cut(`  › ${t.title}`), t.outcome ?? '(not mapped)', t.mappedBy, '', '', '']),
    ]);
    lines.push(table(rows, ['section', 'outcome', 'mapped by', 'entries', 'facts', 'commitments']).replace(/^/gm, '  '));
    const facts = Object.entries(f.facts).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
    lines.push(`  ${f.entries} entries; facts: ${facts}; ${f.places.length} places; ${f.commitments} commitments; ${f.dropped.pageNumbers} page numbers and ${f.dropped.furniture} furniture lines dropped`);
    if (f.batchId && !s.dryRun) lines.push(`  Saved as drafts in import batch ${f.batchId}: review with "compendium imports show ${f.batchId.slice(0, 8)}", publish with "compendium imports publish ${f.batchId.slice(0, 8)}"`);
    for (const w of f.warnings) warnings.push(`${f.name}: ${w}`);
  }
  lines.push('', `Total: ${s.totals.entries} entries, ${s.totals.facts} facts, ${s.totals.places} places, ${s.totals.commitments} commitments.`);
  if (s.links) lines.push(s.links.sentence);
  if (s.dryRun) lines.push('Dry run: nothing was written. Run again without --dry-run to import; use --map "Section=Outcome" to change a mapping.');
  return { lines, warnings };
}

function printSummary(s: ImportSummary): void {
  const { lines, warnings } = formatSummary(s);
  for (const l of lines) out.line(l);
  for (const w of warnings) out.warn(`warning: ${w}`);
}
