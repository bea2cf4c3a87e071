// TRUST_PROXY decides whether X-Forwarded-For names the client for sign-in throttling: behind a
// proxy, clients are told apart; without the setting, the header (which anyone can send) is ignored.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD } from '../../../test/helpers/manage.js';
import { browser } from '../../../test/helpers/web.js';
import { THROTTLE } from '../../services/auth.js';

/** Signs in as the viewer with the given password, the request saying it was forwarded for `from`. */
async function attempt(app: ReturnType<typeof createApp>, from: string, password: string): Promise<number> {
  const fetchVia = { request: (input: string, init?: RequestInit) => app.request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-forwarded-for': `${from}, 10.0.0.2` } }) };
  const b = browser(fetchVia);
  await b.get('/manage/sign-in');
  return (await b.post('/manage/sign-in', { email: 'viewer@test.gov.uk', password })).status;
}

describe('TRUST_PROXY', () => {
  it('reads false, true or a number of proxies, and nothing else', () => {
    expect(loadConfig({}, {}).trustProxyHops).toBe(0);
    expect(loadConfig({}, { TRUST_PROXY: 'false' }).trustProxyHops).toBe(0);
    expect(loadConfig({}, { TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(loadConfig({}, { TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => loadConfig({}, { TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be/);
  });

  it('with two trusted proxies, tells clients apart by the address the proxy forwarded', async () => {
    const w = await manageWorkspace({ trustProxyHops: 2 });
    try {
      const app = createApp(w.s, { cachePages: false });
      for (let i = 0; i < THROTTLE.perAccountAndClient; i++) expect(await attempt(app, '203.0.113.5', 'wrong guess again')).toBe(400);
      expect(await attempt(app, '203.0.113.5', PASSWORD)).toBe(429);
      expect(await attempt(app, '198.51.100.20', PASSWORD)).toBe(303);
    } finally {
      await w.close();
    }
  });

  it('without it, ignores X-Forwarded-For: a forged header does not escape throttling', async () => {
    const w = await manageWorkspace({ trustProxyHops: 0 });
    try {
      const app = createApp(w.s, { cachePages: false });
      for (let i = 0; i < THROTTLE.perAccountAndClient; i++) expect(await attempt(app, `203.0.113.${i}`, 'wrong guess again')).toBe(400);
      const r = await attempt(app, '198.51.100.20', PASSWORD);
      expect(r).toBe(429);
    } finally {
      await w.close();
    }
  });
});
