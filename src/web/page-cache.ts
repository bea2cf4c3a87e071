// Rendered public responses kept in memory under the data version they were made from: when anything
// public changes (an audited change, a setting, the day) the version changes and the cache empties.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

interface Cached {
  body: string;
  status: number;
  headers: [string, string][];
  etag: string;
}

export interface PageCache {
  middleware(version: (c: Context) => string): MiddlewareHandler;
  readonly size: number;
}

const CACHED_TYPES = /^(text\/html|application\/json|text\/csv|application\/schema\+json)/;

/** The response as a cache entry, or undefined when it must not be kept (errors, cookies, private). */
async function cacheable(res: Response): Promise<Cached | undefined> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !CACHED_TYPES.test(type) || res.headers.has('set-cookie') || /no-store|private/.test(res.headers.get('cache-control') ?? '')) return undefined;
  const body = await res.clone().text();
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (name !== 'etag') headers.push([name, value]);
  });
  return { body, status: res.status, headers, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** The kept page as a response: 304 when the browser already has it. */
function respond(hit: Cached, ifNoneMatch: string | undefined, state: 'hit' | 'miss'): Response {
  const headers = new Headers(hit.headers);
  headers.set('ETag', hit.etag);
  headers.set('X-Cache', state);
  if (ifNoneMatch === hit.etag) return new Response(null, { status: 304, headers });
  return new Response(hit.body, { status: hit.status, headers });
}

export function pageCache(options: { maxEntries?: number; maxBytes?: number } = {}): PageCache {
  const maxEntries = options.maxEntries ?? 2000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let forVersion = '';
  let bytes = 0;
  const entries = new Map<string, Cached>();
  // Requests for a page that is being rendered wait for that rendering instead of starting another.
  const pending = new Map<string, Promise<Cached | undefined>>();

  return {
    get size() {
      return entries.size;
    },
    middleware: (version) => async (c, next) => {
      if (c.req.method !== 'GET') return next();
      const v = version(c);
      if (v !== forVersion) {
        entries.clear();
        bytes = 0;
        forVersion = v;
      }
      const key = c.req.url;
      const hit = entries.get(key);
      if (hit) {
        // Move to the end: the Map's order is least recently used first.
        entries.delete(key);
        entries.set(key, hit);
        c.res = respond(hit, c.req.header('if-none-match'), 'hit');
        return;
      }
      const flightKey = `${v}\n${key}`;
      const inFlight = pending.get(flightKey);
      if (inFlight) {
        const shared = await inFlight;
        if (shared) {
          c.res = respond(shared, c.req.header('if-none-match'), 'hit');
          return;
        }
      }
      let settle: (value: Cached | undefined) => void = () => undefined;
      pending.set(flightKey, new Promise<Cached | undefined>((resolve) => (settle = resolve)));
      let item: Cached | undefined;
      try {
        await next();
        item = await cacheable(c.res);
      } finally {
        pending.delete(flightKey);
        settle(item);
      }
      if (!item) return;
      if (v === forVersion) {
        entries.set(key, item);
        bytes += item.body.length;
        while (entries.size > maxEntries || bytes > maxBytes) {
          const [oldest, old] = entries.entries().next().value as [string, Cached];
          entries.delete(oldest);
          bytes -= old.body.length;
        }
      }
      c.res = respond(item, c.req.header('if-none-match'), 'miss');
    },
  };
}
