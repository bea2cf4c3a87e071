// How many times each busy workspace page goes to the database. Each round trip through the embedded
// database costs a few milliseconds of CPU whatever it reads, so with the benchmark's data loaded a
// page's time is mostly its count of queries (bench/web.ts measures the time; this keeps the count).
// Counted on PGlite by wrapping its query calls; the pages are the demo's, signed in as each role.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTestServices } from '../../../test/helpers/demo.js';
import { onPostgres } from '../../../test/helpers/store.js';
import { signedIn } from '../../../test/helpers/web.js';
import { createApp } from '../app.js';

type Method = 'query' | 'exec';
const proto = PGlite.prototype as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>;
let counted = 0;
const originals = { query: proto.query, exec: proto.exec };

let demo: Awaited<ReturnType<typeof demoTestServices>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  demo = await demoTestServices();
  app = createApp(demo, { cachePages: false });
  for (const m of ['query', 'exec'] as const) {
    proto[m] = function (this: unknown, ...args: unknown[]) {
      counted++;
      return originals[m].apply(this, args);
    };
  }
}, 120_000);
afterAll(async () => {
  Object.assign(proto, originals);
  await demo?.close();
});

/** The database round trips of one GET, the second time it is asked for (the first may fill caches). */
async function queriesOf(get: (path: string) => Promise<Response>, path: string): Promise<number> {
  expect((await get(path)).status).toBe(200);
  counted = 0;
  const res = await get(path);
  const n = counted;
  expect(res.status, path).toBe(200);
  return n;
}

describe.skipIf(onPostgres())('workspace pages go to the database a handful of times, whatever the data', () => {
  it('the dashboard and the calendar as the administrator', async () => {
    const admin = await signedIn(app, 'admin@demoshire.example', 'demoshire-admin');
    const get = (p: string) => admin.get(p);
    // Before: 37 for the dashboard (lists read twice, the current plan six times, every indicator for a cache key), about ten for the calendar.
    expect(await queriesOf(get, '/manage')).toBeLessThanOrEqual(16);
    expect(await queriesOf(get, '/manage/calendar')).toBeLessThanOrEqual(8);
  });
});
