// Starts the HTTP server for an app, with a clear message when the port is taken.
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { Services } from '../services/index.js';
import { createApp } from './app.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(s: Services, config: Config): Promise<RunningServer> {
  // A running server answers readers at once after a change (pages rendered again in the background).
  const closing = new AbortController();
  const app = createApp(s, { serveStale: true, signal: closing.signal });
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new UserError(`Port ${config.port} is already in use on ${config.host}.`, 'choose another with --port or PORT'));
      else if (e.code === 'EACCES') reject(new UserError(`Not allowed to listen on port ${config.port}.`, 'choose a port above 1024 with --port'));
      else reject(e);
    };
    const server: ServerType = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      server.off('error', onError);
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      // Render the home page once now, so the first visitor gets it from the page cache.
      Promise.resolve(app.request('/')).catch(() => undefined);
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => {
          closing.abort();
          return new Promise<void>((res) => server.close(() => res()));
        },
      });
    });
    server.once('error', onError);
  });
}
