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

export interface Session {
  cookie: string;
  csrf: string;
  get(p: string): Promise<Response>;
  post(p: string, body: URLSearchParams | FormData): Promise<Response>;
}

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in through the sign-in form, as a browser would; the session's token comes from the next page. */
export async function signIn(base: string, email = BENCH_EMAIL, password = BENCH_PASSWORD): Promise<Session> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/manage/sign-in`);
  keep(form);
  const body = new URLSearchParams({ _csrf: csrfIn(await form.text()), email, password, next: '/manage' });
  const r = await fetch(`${base}/manage/sign-in`, { method: 'POST', body, headers: { cookie: cookie() }, redirect: 'manual' });
  keep(r);
  if (r.status !== 303) throw new Error(`signing in as ${email} answered ${r.status}`);
  const session: Session = {
    cookie: cookie(),
    csrf: '',
    get: (p) => fetch(base + p, { headers: { cookie: cookie() }, redirect: 'manual' }),
    post: (p, b) => {
      if (b instanceof URLSearchParams) b.set('_csrf', session.csrf);
      const sep = p.includes('?') ? '&' : '?';
      return fetch(`${base}${p}${b instanceof FormData ? `${sep}_csrf=${encodeURIComponent(session.csrf)}` : ''}`, { method: 'POST', body: b, headers: { cookie: cookie() }, redirect: 'manual' });
    },
  };
  session.csrf = csrfIn(await (await session.get('/manage')).text());
  if (!session.csrf) throw new Error('no CSRF token on the dashboard after signing in');
  return session;
}
