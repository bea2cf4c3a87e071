// compendium commitments: the commitments register of a plan, with what is overdue on a day.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { out, table, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .option('--plan <plan>', 'the plan, by id, slug or exact title (default: the current plan)')
    .option('--on <date>', 'the day to judge statuses and overdue on, yyyy-mm-dd (default: today)')
    .option('--overdue', 'only the commitments overdue on that day')
    .option('--json', 'print as JSON')
    .action(async (opts: { plan?: string; on?: string; overdue?: boolean; json?: boolean }, c: Command) => {
      if (opts.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.on)) throw new CliError(`--on must be a date such as 2026-12-07, not "${opts.on}"`);
      await withServices(c, async (s) => {
        const r = await s.commitmentRegister.register({ plan: opts.plan, onDay: opts.on });
        const shown = opts.overdue ? r.commitments.filter((x) => x.overdue) : r.commitments;
        if (opts.json) return out.json({ ...r, commitments: shown });
        const cut = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
        out.line(`Commitments of "${r.plan.title}" (${r.plan.years}) on ${r.onDay}: ${r.commitments.length} in all, ${r.counts.delivered} delivered, ${r.counts.dropped} dropped, ${r.counts.overdue} overdue.`);
        out.line(table(shown.map((x) => [cut(x.text.replace(/\s+/g, ' '), 70), cut(x.dueLabel, 34), x.statusLabel, x.madeIn ?? 'entered', x.evidence || '']), ['promise', 'due', 'status', 'made in', 'evidence']));
      });
    });
}
