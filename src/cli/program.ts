// The `compendium` command: global options and every sub-command.
import { Command } from 'commander';
import { register as backup } from './commands/backup.js';
import { register as demo } from './commands/demo.js';
import { register as importReports } from './commands/import.js';
import { register as init } from './commands/init.js';
import { register as report } from './commands/report.js';
import { register as restore } from './commands/restore.js';
import { register as serve } from './commands/serve.js';
import { register as status } from './commands/status.js';
import { register as indicators } from './commands/indicators.js';
import { register as observations } from './commands/observations.js';
import { register as groups } from './commands/groups.js';
import { register as targets } from './commands/targets.js';
import { register as performance } from './commands/performance.js';
import { register as user } from './commands/user.js';
import { register as funding } from './commands/funding.js';

export function buildProgram(): Command {
  const program = new Command('compendium')
    .description("Compendium: run a council's Strategic Plan, its indicators and its Annual Delivery Report")
    .option('-d, --data <dir>', 'workspace data folder (default ./data or COMPENDIUM_DATA)')
    .option('--debug', 'show the full stack of an error')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str.trim() + '\n') });
  for (const register of [init, serve, status, backup, restore, demo, indicators, observations, groups, targets, performance, funding, user, importReports, report]) register(program);
  return program;
}
