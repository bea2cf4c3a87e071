// runCli: the whole `compendium` command as a function. Importing this module does nothing by
// itself; bin/compendium.js calls it through main.ts, and tests may call it in process.
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { withIo, currentIo, type CliIo } from './io.js';
import { describeCliError } from './errors.js';

/** Runs the command line argv (without node and the script), returning the exit code. */
export function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  return withIo(io, () => runProgram(argv));
}

async function runProgram(argv: string[]): Promise<number> {
  const program = buildProgram();
  // On every command, not only the program: a sub-command's --help would otherwise call process.exit.
  for (const cmd of [program, ...program.commands]) cmd.exitOverride();
  try {
    await program.parseAsync(helpAsOption(argv), { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : e.exitCode || 1;
    return reportError(e, argv.includes('--debug'));
  }
}

/**
 * `compendium help CMD ...` becomes `compendium CMD ... --help`: commander prints a sub-command's
 * help for `help CMD` without loading it, so it would miss the options its module adds.
 */
export function helpAsOption(argv: string[]): string[] {
  const i = commandIndex(argv);
  if (argv[i] !== 'help' || i + 1 >= argv.length) return argv;
  return [...argv.slice(0, i), ...argv.slice(i + 1), '--help'];
}

/** Where the command's name is in argv: after the global options (--data takes a value). */
function commandIndex(argv: string[]): number {
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-')) i += argv[i] === '-d' || argv[i] === '--data' ? 2 : 1;
  return i;
}

/** The command argv names (`status`, `serve` …), or undefined for none (`--help`, `--version`). */
export function commandOf(argv: string[]): string | undefined {
  return argv[commandIndex(argv)];
}

/** Prints how the CLI says `err` (cli/errors.ts) on this run's stderr. */
function reportError(err: unknown, debug: boolean): number {
  const { lines, exitCode } = describeCliError(err, debug);
  currentIo().stderr(lines.map((l) => `${l}\n`).join(''));
  return exitCode;
}
