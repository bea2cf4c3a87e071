// compendium plans list|current|map: the workspace's plan versions and the outcome maps between them.
import type { Command } from 'commander';
import { out, table, withServices } from '../context.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function configure(cmd: Command): void {
  cmd.command('list')
    .description('list the plans: id, title, slug, years in force, whether current, and what each holds')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const all = await s.plans.summaries();
        if (opts.json) return out.json(all);
        if (!all.length) return out.line('No plans yet: import a report with --new-plan TITLE to make one.');
        out.line(table(all.map((p) => [p.current ? '*' : '', p.title, p.slug, p.years, p.counts.outcomes, p.counts.reports, p.counts.entries, p.counts.commitments, p.id]),
          ['', 'title', 'slug', 'years', 'outcomes', 'reports', 'entries', 'commitments', 'id']));
      });
    });

  cmd.command('current <plan>')
    .description('make a plan (id, slug or exact title) the current one')
    .action(async (ref: string, _opts: unknown, c: Command) => {
      await withServices(c, async (s) => {
        const p = await s.plans.setCurrent(ref);
        out.line(`"${p.title}" is now the current plan.`);
      });
    });

  cmd.command('map [lines...]')
    .description('link a later plan\'s outcomes to an earlier plan\'s: "Earlier outcome=Later one,Another" (replaces the map); --suggest proposes one')
    .requiredOption('--from <plan>', 'the earlier plan (id, slug or exact title)')
    .requiredOption('--to <plan>', 'the later plan (id, slug or exact title)')
    .option('--suggest', 'suggest the map from titles and content, writing nothing')
    .option('--map <line>', 'one line of the map (repeatable; the same as giving it as an argument)', collect, [])
    .option('--json', 'print as JSON')
    .action(async (lines: string[], opts: { from: string; to: string; suggest?: boolean; map: string[]; json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const given = [...lines, ...opts.map];
        if (opts.suggest) {
          const r = await s.planMaps.suggest(opts.from, opts.to);
          if (opts.json) return out.json(r);
          out.line(`Suggested map from "${r.from}" to "${r.to}" (nothing written):`);
          out.line(table(r.suggestions.map((x) => [x.from, x.to, x.score.toFixed(2), x.reason]), ['earlier outcome', 'later outcome', 'score', 'why']));
          out.line('\nTo confirm it (after checking and changing it as needed):');
          out.line(`  compendium plans map --from "${opts.from}" --to "${opts.to}" ${r.lines.map((l) => JSON.stringify(l)).join(' ')}`);
          return;
        }
        const map = given.length ? await s.planMaps.confirm(opts.from, opts.to, given) : await s.planMaps.get(opts.from, opts.to);
        if (opts.json) return out.json(map);
        if (!map.lines.length) return out.line(`No map confirmed from "${map.from.title}" to "${map.to.title}" yet: see the suggestions with --suggest.`);
        out.line(`${given.length ? 'Confirmed' : 'The'} map from "${map.from.title}" to "${map.to.title}":`);
        out.line(table(map.lines.map((l) => [l.from, l.to]), ['earlier outcome', 'later outcome']));
      });
    });
}
