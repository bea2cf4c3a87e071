// compendium demo: loads the demo workspace (a fictional council with invented data) into an empty workspace.
import type { Command } from 'commander';
import type { DemoSummary } from '../../services/demo.js';
import { CliError, isConflictError } from '../../errors.js';
import { out, table, withServices } from '../context.js';

/** The demo's sign-in details: printed wherever the demo is loaded or served. */
export function printDemoCredentials(summary: DemoSummary): void {
  out.line('Demo accounts (demo-only passwords, published in docs/demo.md: never use them for real data):');
  out.line(table(summary.credentials.map((c) => [c.role, c.email, c.password]), ['role', 'email', 'password']));
}

export function printDemoSummary(summary: DemoSummary): void {
  const c = summary.counts;
  out.line(summary.loaded
    ? `Loaded the demo workspace: ${summary.council.name}, a fictional council; every figure in it is invented.`
    : `This workspace already holds the demo (${summary.council.name}, a fictional council); nothing was changed.`);
  out.line(`Plan: ${summary.plan.title}: ${c.outcomes} outcomes, ${c.themes} themes, ${c.entries} entries (${c.publishedEntries} published) with ${c.facts} facts, ${c.commitments} commitments.`);
  out.line(`Indicators: ${c.indicators}, with ${c.targets} targets and ${c.observations} values (${c.missingObservations} missing) for Demoshire and ${c.peers} real county councils (values invented).`);
  out.line(`Comparator group: ${summary.group.name} (${summary.group.members} members). Financial figures: ${c.financialFigures}. Reporting duties: ${c.reportingDuties}. Areas added: ${c.areas} (fictional).`);
  out.line('');
  printDemoCredentials(summary);
}

export function configure(cmd: Command): void {
  cmd
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withServices(cmd, async (s) => {
        try {
          const summary = await s.demo.load();
          if (opts.json) return out.json(summary);
          printDemoSummary(summary);
        } catch (e) {
          if (isConflictError(e)) throw new CliError(e.message, 'the demo needs its own data folder, for example: compendium demo --data ./demo-data');
          throw e;
        }
      });
    });
}
