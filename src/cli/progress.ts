// A progress bar on a terminal, and a few plain lines when output goes to a file or a pipe.
import cliProgress from 'cli-progress';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    let lastPhase = '';
    return {
      update(phase, done, total) {
        if (phase !== lastPhase && total > 0) stream.write(`${phase}: ${total.toLocaleString('en-GB')} rows\n`);
        lastPhase = phase;
      },
      stop() { /* plain output needs no tidying */ },
    };
  }
  const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {value}/{total}', stream, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(phase, done, total) {
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
