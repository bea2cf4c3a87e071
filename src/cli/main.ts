// The bin's entry point: runs the command line of this process and sets its exit code.
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
