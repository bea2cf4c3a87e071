// compendium reminders send: one round of what the web server does by itself, for cron when no server
// runs (or on PostgreSQL beside one): create the next period's repeating duties, queue reminders
// before and after due dates, and send every queued e-mail.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { out, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd.command('send')
    .description('create repeating duties, queue reminders due today, and send the queued e-mail')
    .option('--on <date>', 'act as on this day, yyyy-mm-dd (default today)')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { on?: string; json?: boolean }, c: Command) => {
      if (opts.on !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(opts.on) || Number.isNaN(Date.parse(opts.on)))) {
        throw new CliError(`--on must be a date as yyyy-mm-dd, such as 2025-05-31, not "${opts.on}"`);
      }
      await withServices(c, async (s) => {
        try {
          const run = await s.reminders.run(opts.on);
          const sent = await s.outbox.sendDue();
          const result = { ...run, sent: sent.sent, failed: sent.failed, mode: s.outbox.mode, ...(sent.error ? { error: sent.error } : {}) };
          if (opts.json) return out.json(result);
          out.line(`Repeating duties created: ${run.created}. Reminders queued: ${run.before} before the due date, ${run.after} after it.`);
          out.line(`E-mail ${s.outbox.mode === 'file' ? 'written to the data folder (mail/)' : 'sent'}: ${sent.sent}.${sent.failed ? ` Failed: ${sent.failed} (they will be tried again): ${sent.error}` : ''}`);
        } finally {
          await s.outbox.close();
        }
      });
    });
}
