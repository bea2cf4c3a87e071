// compendium links suggest|list|accept|reject|add|schemes|timeline: links across years between a
// later entry and the earlier entries and commitments about the same scheme, decided by a person.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { SYSTEM_ACTOR } from '../../services/policy.js';
import type { LinkView } from '../../services/links.js';
import { out, table, withServices } from '../context.js';

const short = (id: string) => id.slice(0, 8);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function printLinks(links: LinkView[]): void {
  if (!links.length) return out.line('No links.');
  out.line(table(links.map((l) => [
    short(l.id), l.score.toFixed(2), l.state, `${l.entryPeriodKey ?? '-'} ${clip(l.entryTitle || '(untitled)', 40)}`,
    `${l.targetPeriodKey ?? '-'} ${l.commitmentId ? 'commitment: ' : ''}${clip(l.targetTitle || '(untitled)', 40)}`,
  ]), ['link', 'score', 'state', 'later entry', 'earlier entry or commitment']));
  for (const l of links) out.line(`${short(l.id)}  ${l.reason}`);
}

function configureSuggest(cmd: Command): void {
  cmd.command('suggest')
    .description('suggest links from new entries (one entry, a period\'s or an imported document\'s) to earlier entries and commitments')
    .option('--entry <id>', 'one entry')
    .option('--period <period>', 'every entry of this period, e.g. 2023/24')
    .option('--document <id>', 'every entry imported from this document')
    .option('--threshold <n>', 'the lowest score suggested, between 0 and 1 (default 0.125)')
    .option('--json', 'print the suggestions as JSON')
    .action(async (opts: { entry?: string; period?: string; document?: string; threshold?: string; json?: boolean }, c: Command) => {
      const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
      if (threshold !== undefined && !Number.isFinite(threshold)) throw new CliError(`--threshold must be a number between 0 and 1, not "${opts.threshold}"`);
      if (!opts.entry && !opts.period && !opts.document) throw new CliError('Give --entry, --period or --document: which new entries to suggest links for');
      await withServices(c, async (s) => {
        const r = await s.links.suggest(SYSTEM_ACTOR, { entryId: opts.entry, periodKey: opts.period, documentId: opts.document }, { threshold });
        if (opts.json) return out.json(r);
        out.line(`Compared ${r.entries} new ${r.entries === 1 ? 'entry' : 'entries'} with ${r.compared} earlier entries and commitments: ${r.added} new suggestions, ${r.suggestions.length} waiting for a decision.`);
        out.line('Accept or reject each with `compendium links accept|reject LINK` (or in the workspace under /manage/links).');
        printLinks(r.suggestions);
      });
    });
}

function configureDecisions(cmd: Command): void {
  cmd.command('accept <link>')
    .description('accept a suggested link (its id or first 8 characters) into a scheme; a link to a commitment records its delivery')
    .option('--scheme <name>', 'the scheme to put it in (default: the one either entry is in, else a new one named after the earlier entry)')
    .action(async (link: string, opts: { scheme?: string }, c: Command) => {
      await withServices(c, async (s) => {
        const l = await s.links.accept(SYSTEM_ACTOR, link, opts);
        out.line(`Accepted: "${clip(l.entryTitle, 60)}" is linked to "${clip(l.targetTitle, 60)}" in the scheme ${l.schemeName} (/schemes/${l.schemeSlug}).`);
        if (l.commitmentId) out.line('The commitment lists the later entry as evidence of its delivery.');
      });
    });

  cmd.command('reject <link>')
    .description('reject a suggested link: it will not be suggested again')
    .action(async (link: string, _opts: unknown, c: Command) => {
      await withServices(c, async (s) => {
        const l = await s.links.reject(SYSTEM_ACTOR, link);
        out.line(`Rejected: "${clip(l.entryTitle, 60)}" is not linked to "${clip(l.targetTitle, 60)}".`);
      });
    });

  cmd.command('add')
    .description('link a later entry to an earlier entry or a commitment by hand (accepted at once)')
    .requiredOption('--entry <id>', 'the later entry')
    .requiredOption('--to <id>', 'the earlier entry or the commitment')
    .option('--scheme <name>', 'the scheme to put it in')
    .action(async (opts: { entry: string; to: string; scheme?: string }, c: Command) => {
      await withServices(c, async (s) => {
        const l = await s.links.link(SYSTEM_ACTOR, opts.entry, opts.to, { scheme: opts.scheme });
        out.line(`Linked "${clip(l.entryTitle, 60)}" to "${clip(l.targetTitle, 60)}" in the scheme ${l.schemeName}.`);
      });
    });
}

function configureReads(cmd: Command): void {
  cmd.command('list')
    .description('list links, best score first')
    .option('--state <state>', 'suggested, accepted or rejected')
    .option('--entry <id>', 'only links of this entry')
    .option('--json', 'print as JSON')
    .action(async (opts: { state?: string; entry?: string; json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const links = await s.links.list(SYSTEM_ACTOR, { state: opts.state, entryId: opts.entry });
        if (opts.json) return out.json(links);
        printLinks(links);
      });
    });

  cmd.command('schemes')
    .description('list the schemes accepted links gather into, with their entries and years')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const list = await s.links.schemes();
        if (opts.json) return out.json(list);
        if (!list.length) return out.line('No schemes yet: accept a link to start one.');
        out.line(table(list.map((x) => [x.slug, x.name, x.entries, `${x.firstPeriod ?? '-'} to ${x.lastPeriod ?? '-'}`]), ['scheme', 'name', 'entries', 'years']));
      });
    });

  cmd.command('timeline <scheme>')
    .description('a scheme\'s timeline: its linked entries by date (the scheme\'s slug, as `links schemes` lists)')
    .option('--json', 'print as JSON')
    .action(async (slug: string, opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const t = await s.links.timeline(slug);
        if (opts.json) return out.json(t);
        out.line(t.scheme.name);
        for (const e of t.entries) out.line(`  ${e.date ?? e.periodKey ?? '-'}  ${clip(e.title || e.body, 70)}`);
        for (const x of t.commitments) out.line(`  promised: ${clip(x.text, 70)} (due ${x.dueText ?? x.dueEnd ?? 'no date'}, ${x.status})`);
      });
    });
}

export function configure(cmd: Command): void {
  configureSuggest(cmd);
  configureDecisions(cmd);
  configureReads(cmd);
}
