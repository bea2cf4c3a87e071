// The `compendium` command: global options and every sub-command, each described here and loaded
// only when it runs (or its help is asked for), so a command pays only for its own dependencies.
import fs from 'node:fs';
import { Command, Help } from 'commander';
import { currentIo } from './io.js';

/** What a command module exports: the options, arguments, sub-commands and action of its command. */
export interface CommandModule {
  configure(cmd: Command): void;
}

interface CommandEntry {
  /** The name and arguments as the command list shows them. */
  term: string;
  description: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: CommandEntry[] = [
  { term: 'init', description: 'create the workspace: database, migrations, reference areas and default settings', load: () => import('./commands/init.js') },
  { term: 'serve', description: 'start the web server', load: () => import('./commands/serve.js') },
  { term: 'status', description: 'show the database kind and location, schema version and row counts per table', load: () => import('./commands/status.js') },
  { term: 'backup <file>', description: 'write every table of the workspace to FILE (gzip of JSON lines), for safe keeping or to move to PostgreSQL', load: () => import('./commands/backup.js') },
  { term: 'restore <file>', description: 'load a backup FILE into an empty workspace (the --data folder, or the database DATABASE_URL names), in one transaction', load: () => import('./commands/restore.js') },
  { term: 'demo', description: 'load the demo workspace: a fictional council with a plan, delivery, indicators and peers (invented data)', load: () => import('./commands/demo.js') },
  { term: 'indicators', description: 'indicator definitions: list, add, import', load: () => import('./commands/indicators.js') },
  { term: 'observations', description: 'indicator values', load: () => import('./commands/observations.js') },
  { term: 'groups', description: 'comparator groups: built-in, nearest neighbours, custom lists', load: () => import('./commands/groups.js') },
  { term: 'targets', description: 'targets for indicators', load: () => import('./commands/targets.js') },
  { term: 'performance', description: 'the performance compendium: every indicator for a council against a comparator group', load: () => import('./commands/performance.js') },
  { term: 'funding', description: 'funding per head, comparisons and fair-funding what-if models', load: () => import('./commands/funding.js') },
  { term: 'user', description: 'manage staff accounts for the workspace (/manage)', load: () => import('./commands/user.js') },
  { term: 'plans', description: 'the plan versions: list them, choose the current one, map a later plan\'s outcomes to an earlier one\'s', load: () => import('./commands/plans.js') },
  { term: 'commitments', description: 'the commitments register: every promise with its due date, status and evidence, and what is overdue', load: () => import('./commands/commitments.js') },
  { term: 'import <files...>', description: 'read annual reports (.txt .md .html .pdf .docx) into the plan: entries, facts, places and commitments', load: () => import('./commands/import.js') },
  { term: 'links', description: 'links across years: suggest, accept or reject links between entries about the same scheme; schemes and their timelines', load: () => import('./commands/links.js') },
  { term: 'changes', description: 'what changed between two periods: outcomes, commitments that fell due, figures of linked schemes, indicators against the group', load: () => import('./commands/changes.js') },
  { term: 'imports', description: 'import batches: list, show BATCH, publish BATCH [--items ...], undo BATCH (imported items are drafts until published)', load: () => import('./commands/imports.js') },
  { term: 'reminders', description: 'reminders and e-mail: create repeating duties, queue reminders, send queued e-mail (for cron)', load: () => import('./commands/reminders.js') },
  { term: 'report', description: 'write the Annual Delivery Report and Performance Compendium (HTML, PDF, Word, Markdown, CSV, JSON)', load: () => import('./commands/report.js') },
];

/** The package's version, read from package.json (two folders up from both src/cli and dist/cli). */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('compendium')
    .description("Compendium: run a council's Strategic Plan, its indicators and its Annual Delivery Report")
    .version(packageVersion(), '-V, --version', 'print the version of Compendium')
    .option('-d, --data <dir>', 'workspace data folder (default ./data or COMPENDIUM_DATA)')
    .option('--debug', 'show the full stack of an error')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (str) => currentIo().stdout(str),
      writeErr: (str) => currentIo().stderr(str),
      outputError: (str, write) => write(str.trim() + '\n'),
    });
  const terms = new Map<Command, string>();
  const loaders = new Map<Command, CommandEntry['load']>();
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.term.split(' ')[0]).description(entry.description);
    terms.set(cmd, entry.term);
    loaders.set(cmd, entry.load);
  }
  const plain = new Help();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd) ?? plain.subcommandTerm(cmd) });
  // Commander calls this hook after choosing the sub-command and before parsing its options.
  program.hook('preSubcommand', async (_program, cmd) => {
    const load = loaders.get(cmd);
    if (!load) return;
    loaders.delete(cmd);
    (await load()).configure(cmd);
  });
  return program;
}
