// Entry point: runs the program and turns any error into one clear line (the stack only with --debug).
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { describeProblem, isCliError, isValidationError } from '../errors.js';

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : e.exitCode || 1;
    const err = e as Error;
    process.stderr.write(`compendium: ${err.message}\n`);
    if (isValidationError(err)) for (const p of err.problems.slice(0, 50)) process.stderr.write(`  ${describeProblem(p)}\n`);
    if (isCliError(err) && err.hint) process.stderr.write(`hint: ${err.hint}\n`);
    if (debug) process.stderr.write(`${err.stack ?? ''}\n`);
    else if (!isCliError(err) && !isValidationError(err)) process.stderr.write('(run again with --debug for details)\n');
    return isCliError(err) ? err.exitCode : 1;
  }
}

const code = await run(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
