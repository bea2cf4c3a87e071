// The bin's entry point: runs the command line of this process and sets its exit code.
import v8 from 'node:v8';
import { commandOf, runCli } from './run.js';

const argv = process.argv.slice(2);
// The embedded database is PostgreSQL compiled to WebAssembly. V8 first compiles it quickly
// (Liftoff), then recompiles hot functions with its optimising compiler in the background; for a
// command that ends within seconds that second compilation costs more than it saves (status: half
// the CPU time, and exit waits for it). Only the long-running server keeps it. Set before the
// database module is compiled, which happens when the command first opens the workspace.
if (commandOf(argv) !== 'serve') v8.setFlagsFromString('--liftoff-only');

// A reader that stops early (`compendium status | head`) closes the pipe: the command finishes its
// work (closing the database properly) and its remaining output goes nowhere, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

const code = await runCli(argv);
if (code !== 0) process.exitCode = code;
