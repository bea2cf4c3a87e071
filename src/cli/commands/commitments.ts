// compendium commitments: the commitments register of a plan, with what is overdue on a day.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { out, table, withServices } from '../context.js';
import { SYSTEM_ACTOR } from '../../services/policy.js';

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
        out.line(table(shown.map((x) => [x.id.slice(0, 8), cut(x.text.replace(/\s+/g, ' '), 70), cut(x.dueLabel, 34), x.statusLabel, x.madeIn ?? 'entered', x.evidence || '']), ['id', 'promise', 'due', 'status', 'made in', 'evidence']));
      });
    });

  cmd.command('set <id> <status>')
    .description('set and publish a commitment\'s status (open, delivered, late, dropped, unknown) with a note published beside it; the id or its first 8 characters. The command line acts for the council and skips approval; --propose submits the change for a reviewer in the workspace instead')
    .option('--note <text>', 'what shows it, published beside the status: a report, a decision, a date ("opened 15 months late")')
    .option('--propose', 'do not publish: submit the change for approval, as a member of staff would in the workspace')
    .action(async (id: string, status: string, opts: { note?: string; propose?: boolean }, c: Command) => {
      // --plan is the parent command's option: "commitments --plan P set ID STATUS" or "commitments set ID STATUS --plan P".
      const plan = c.optsWithGlobals<{ plan?: string }>().plan;
      await withServices(c, async (s) => {
        const all = (await s.commitmentRegister.register({ plan })).commitments.filter((x) => x.id === id || (id.length >= 8 && x.id.startsWith(id)));
        if (all.length !== 1) throw new CliError(`${all.length ? 'More than one' : 'No'} commitment of the plan has the id "${id}"`, 'see the ids with compendium commitments --plan PLAN');
        const text = all[0].text.replace(/\s+/g, ' ').slice(0, 100);
        if (opts.propose) {
          const r = await s.commitments.propose(SYSTEM_ACTOR, all[0].id, status, opts.note, { submit: true });
          out.line(`Submitted for approval: ${r.proposedLabel} for ${text} (still ${r.statusLabel.toLowerCase()} on the public site until a reviewer publishes it).`);
          return;
        }
        const r = await s.commitments.setStatus(SYSTEM_ACTOR, all[0].id, status, opts.note);
        out.line(`Published at once (the command line skips approval): ${r.statusLabel}: ${text}`);
      });
    });
}
