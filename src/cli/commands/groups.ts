// compendium groups list|import|custom: comparator groups.
import type { Command } from 'commander';
import { describeProblem } from '../../errors.js';
import { out, table, withServices } from '../context.js';

export function configure(cmd: Command): void {

  cmd.command('list')
    .description('list the groups')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const all = await s.groups.list();
        if (opts.json) return out.json(all);
        out.line(table(all.map((g) => [g.name, g.kind, g.size ? String(g.size) : '', g.description]), ['name', 'kind', 'size', 'description']));
      });
    });

  cmd.command('import <file>')
    .description('import nearest-neighbour groups from JSON (council code → codes of its group): each council\'s own group')
    .requiredOption('--name <name>', 'the name the groups go by, e.g. neighbours')
    .option('--description <text>', 'what the groups are', 'Nearest statistical neighbours')
    .option('--skip-invalid', 'leave out unknown area codes (listed) instead of refusing the file')
    .action(async (file: string, opts: { name: string; description: string; skipInvalid?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const r = await s.groups.import(file, { name: opts.name, description: opts.description, skipInvalid: opts.skipInvalid });
        out.line(`${file}: ${r.groups} groups named "${r.name}" (${r.members} memberships).`);
        if (r.skipped.length) {
          out.warn(`Left out ${r.skipped.length} unknown code(s):`);
          for (const p of r.skipped) out.warn(`  ${describeProblem(p)}`);
        }
      });
    });

  cmd.command('custom <name> <codes...>')
    .description('make (or replace) a custom group from area codes')
    .option('--description <text>', 'what the group is')
    .action(async (name: string, codes: string[], opts: { description?: string }, c: Command) => {
      await withServices(c, async (s) => {
        const g = await s.groups.custom(name, codes.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean), { description: opts.description });
        out.line(`Group "${g.name}": ${g.memberCodes.length} councils.`);
      });
    });
}
