// For benches that drive a running server: the demo workspace on the embedded database in a temporary
// folder, an administrator to sign in as, the server on a free port, and a small HTTP client that
// signs in through the real form and posts forms with the session's CSRF token.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openServices, type Services } from '../src/services/index.js';
import { SYSTEM_ACTOR } from '../src/services/policy.js';
import { startServer, type RunningServer } from '../src/web/server.js';
import { signIn as signInAs, type Session } from '../test/helpers/http-session.js';

export type { Session };

export const BENCH_EMAIL = 'bench-admin@example.gov.uk';
export const BENCH_PASSWORD = 'orbit lantern staple quietly';

export interface BenchServer {
  s: Services;
  server: RunningServer;
  close(): Promise<void>;
}

export async function benchServer(name: string): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `compendium-bench-${name}-`));
  const config = { ...loadConfig({ dataDir: dir, port: 0, host: '127.0.0.1' }), databaseUrl: undefined };
  const s = await openServices(config);
  await s.demo.load();
  await s.users.create(SYSTEM_ACTOR, { email: BENCH_EMAIL, name: 'Bench', role: 'admin', password: BENCH_PASSWORD });
  const server = await startServer(s, config);
  return {
    s, server,
    close: async () => {
      await server.close();
      await s.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in as the bench's administrator (or EMAIL), through the real sign-in form. */
export const signIn = (base: string, email = BENCH_EMAIL, password = BENCH_PASSWORD): Promise<Session> => signInAs(base, email, password);
