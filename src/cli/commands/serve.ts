// compendium serve: the web server on the configured database.
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { configFrom, openWorkspace, out } from '../context.js';
import type { Services } from '../../services/index.js';
import { printDemoCredentials, printDemoSummary } from './demo.js';
import { startServer } from '../../web/server.js';
import { startScheduler } from '../../services/scheduler.js';

export function configure(cmd: Command): void {
  cmd
    .option('-p, --port <port>', 'port to listen on (default 3000 or PORT)')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1 or HOST)')
    .option('--demo', 'load the demo workspace first when the workspace is empty')
    .action(async (opts: { port?: string; host?: string; demo?: boolean }, cmd: Command) => {
      const port = opts.port === undefined ? undefined : Number(opts.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new CliError(`--port must be a whole number from 0 to 65535, not "${opts.port}"`);
      }
      const config = { ...configFrom(cmd), ...(port !== undefined ? { port } : {}), ...(opts.host ? { host: opts.host } : {}) };
      const s = await openWorkspace(config);
      try {
        if (opts.demo) await serveDemo(s);
        const server = await startServer(s, config);
        s.store.noteHolder(`at ${server.url}`);
        // Report drafts or publications that were waiting or under way when the server last stopped.
        setTimeout(() => void s.reportVersions.resume().catch(() => undefined), 2000).unref();
        // E-mail and reminders go from this process (the one that holds an embedded workspace).
        const scheduler = startScheduler(s, config.mail, (problem) => out.line(problem));
        out.line(`Compendium is running at ${server.url} (${s.store.kind === 'pglite' ? 'embedded database in ' + s.store.location : 'PostgreSQL'}). Press Ctrl+C to stop.`);
        const stop = async () => {
          await server.close();
          await scheduler.stop();
          await s.outbox.close();
          await s.store.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        await s.store.close();
        throw e;
      }
    });
}

/** With --demo: loads the demo into an empty workspace, or reminds how to sign in to one that holds it. */
async function serveDemo(s: Services): Promise<void> {
  if (await s.workspace.isEmpty()) {
    out.line('Loading the demo workspace (invented data for a fictional council)…');
    printDemoSummary(await s.demo.load());
  } else if (await s.demo.isLoaded()) {
    printDemoCredentials(await s.demo.load());
  }
  out.line('');
}
