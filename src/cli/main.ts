// Entry point: runs the program and turns any error into one clear line (the stack only with --debug).
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { describeCliError } from './errors.js';

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : e.exitCode || 1;
    const { lines, exitCode } = describeCliError(e, debug);
    process.stderr.write(lines.map((l) => `${l}\n`).join(''));
    return exitCode;
  }
}

const code = await run(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
