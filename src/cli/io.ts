// Where the CLI writes: the process's own streams, or the functions a caller of runCli passed in.
// The choice is scoped to one run (AsyncLocalStorage), so in-process runs never share output.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
};

const scope = new AsyncLocalStorage<CliIo>();

/** The output of the run in progress (the process's streams outside runCli). */
export function currentIo(): CliIo {
  return scope.getStore() ?? processIo;
}

/** Runs work with its output sent to io; anything io leaves out goes to the process's stream. */
export function withIo<T>(io: Partial<CliIo>, work: () => Promise<T>): Promise<T> {
  return scope.run({ stdout: io.stdout ?? processIo.stdout, stderr: io.stderr ?? processIo.stderr }, work);
}
