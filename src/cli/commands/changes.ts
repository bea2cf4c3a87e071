// compendium changes --from 2019/20 --to 2023/24 [--format md|json]: what changed between two periods.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { changesMarkdown } from '../../reports/render/changes-markdown.js';
import { out, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .requiredOption('--from <period>', 'the earlier period, e.g. 2019/20')
    .requiredOption('--to <period>', 'the later period, e.g. 2023/24')
    .option('--format <format>', 'md or json', 'md')
    .action(async (opts: { from: string; to: string; format: string }, c: Command) => {
      if (!['md', 'json'].includes(opts.format)) throw new CliError(`--format must be md or json, not "${opts.format}"`);
      await withServices(c, async (s) => {
        const model = await s.changes.between(opts.from, opts.to);
        if (opts.format === 'json') return out.json(model);
        out.write(changesMarkdown(model));
      });
    });
}
