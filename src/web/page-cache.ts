// Rendered public responses kept in memory under the data version they were made from: when anything
// public changes (an audited change, a setting, the day) the version changes and the cache empties.
// A server may instead answer the pages as they were while they are rendered again (see StaleOptions):
// readers never wait on a rendering after a write, and whoever wrote is never answered stale.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

interface Cached {
  body: string;
  status: number;
  headers: [string, string][];
  etag: string;
}

export interface StaleOptions {
  /** Whether this request may be answered with the page as it was before the latest change. */
  mayBeStale(c: Context): boolean;
  /** Renders the page at this address afresh (a request through the app that must not be answered stale). */
  refresh(url: string): Promise<unknown>;
}

export interface PageCache {
  /**
   * With `stale`, a page whose data has changed since it was kept is answered as it was, at once,
   * to requests that may have it (see StaleOptions), while it is rendered again in the background;
   * the pages most recently asked for are rendered again, one at a time, as soon as a change is seen.
   */
  middleware(version: (c: Context) => string, stale?: StaleOptions): MiddlewareHandler;
  readonly size: number;
}

/** How many of the pages kept before a change are rendered again in the background, most recently used first. */
const REFRESH_AFTER_CHANGE = 30;

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
function respond(hit: Cached, ifNoneMatch: string | undefined, state: 'hit' | 'miss' | 'stale'): Response {
  const headers = new Headers(hit.headers);
  headers.set('ETag', hit.etag);
  headers.set('X-Cache', state);
  if (ifNoneMatch === hit.etag) return new Response(null, { status: 304, headers });
  return new Response(hit.body, { status: hit.status, headers });
}

/** What the cache holds: this version's pages, the version before's (for stale answers) and the renderings under way. */
interface CacheState {
  forVersion: string;
  bytes: number;
  entries: Map<string, Cached>;
  /** The pages kept under the version before this one, for answering stale while they are rendered again. */
  previous: Map<string, Cached>;
  // Requests for a page that is being rendered wait for that rendering instead of starting another.
  pending: Map<string, Promise<Cached | undefined>>;
  /** Background renderings asked for and not yet finished, by version and address (one each). */
  requested: Set<string>;
  refreshing: boolean;
  /** Background renderings under way (past waiting for readers), by version and address. */
  inBackground: Set<string>;
  /** Pages being rendered for a reader who waits for them (not background renderings). */
  forReaders: number;
}

/** The longest a background rendering waits for readers' renderings to finish before it goes ahead. */
const READERS_FIRST_MS = 2000;

/**
 * Waits while pages are being rendered for readers who wait for them (up to READERS_FIRST_MS):
 * renderings in the background share the one database and thread, and must not slow those.
 */
async function readersFirst(state: CacheState): Promise<void> {
  const until = Date.now() + READERS_FIRST_MS;
  // First a turn, so that the request that saw the change (and started this) is counted.
  await new Promise((resolve) => setImmediate(resolve));
  while (state.forReaders > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Renders the page again in the background unless that is already under way; settles when done. */
async function refreshOnce(state: CacheState, stale: StaleOptions, key: string): Promise<void> {
  const version = state.forVersion;
  const flightKey = `${version}\n${key}`;
  if (state.pending.has(flightKey) || state.requested.has(flightKey)) return;
  state.requested.add(flightKey);
  try {
    await readersFirst(state);
    // A reader may have had it rendered meanwhile.
    if (state.forVersion === version && (state.entries.has(key) || state.pending.has(flightKey))) return;
    state.inBackground.add(flightKey);
    await stale.refresh(key);
  } catch {
    // A failed rendering answers its own request with an error page; readers keep the page as it was.
  } finally {
    state.requested.delete(flightKey);
    state.inBackground.delete(flightKey);
  }
}

/** Renders again, one at a time, the most recently used pages of the version before, until each is fresh. */
async function refreshRecent(state: CacheState, stale: StaleOptions): Promise<void> {
  if (state.refreshing) return;
  state.refreshing = true;
  try {
    for (;;) {
      const busy = (k: string) => state.pending.has(`${state.forVersion}\n${k}`) || state.requested.has(`${state.forVersion}\n${k}`);
      const next = [...state.previous.keys()].reverse().slice(0, REFRESH_AFTER_CHANGE).find((k) => !state.entries.has(k) && !busy(k));
      if (next === undefined) break;
      const before = state.forVersion;
      await refreshOnce(state, stale, next);
      // A page that could not be kept (an error) is not tried again under this version.
      if (!state.entries.has(next) && state.forVersion === before) state.previous.delete(next);
    }
  } finally {
    state.refreshing = false;
  }
}

/** Keeps a rendered page, forgetting the least recently used beyond the limits. */
function keep(state: CacheState, key: string, item: Cached, limits: { maxEntries: number; maxBytes: number }): void {
  state.entries.set(key, item);
  state.previous.delete(key);
  state.bytes += item.body.length;
  while (state.entries.size > limits.maxEntries || state.bytes > limits.maxBytes) {
    const [oldest, gone] = state.entries.entries().next().value as [string, Cached];
    state.entries.delete(oldest);
    state.bytes -= gone.body.length;
  }
}

export function pageCache(options: { maxEntries?: number; maxBytes?: number } = {}): PageCache {
  const limits = { maxEntries: options.maxEntries ?? 2000, maxBytes: options.maxBytes ?? 64 * 1024 * 1024 };
  const state: CacheState = { forVersion: '', bytes: 0, entries: new Map(), previous: new Map(), pending: new Map(), requested: new Set(), refreshing: false, inBackground: new Set(), forReaders: 0 };
  const { pending } = state;

  return {
    get size() {
      return state.entries.size;
    },
    middleware: (version, stale) => async (c, next) => {
      if (c.req.method !== 'GET') return next();
      const v = version(c);
      if (v !== state.forVersion) {
        // What was kept is kept a little longer when stale answers are allowed (pages not yet rendered
        // since an earlier change included, each as recently as it was made), else forgotten.
        if (stale) {
          for (const [k, item] of state.entries) {
            state.previous.delete(k);
            state.previous.set(k, item);
          }
          while (state.previous.size > limits.maxEntries) state.previous.delete(state.previous.keys().next().value as string);
        } else state.previous = new Map();
        state.entries = new Map();
        state.bytes = 0;
        state.forVersion = v;
        if (stale) void refreshRecent(state, stale);
      }
      const key = c.req.url;
      const hit = state.entries.get(key);
      if (hit) {
        // Move to the end: the Map's order is least recently used first.
        state.entries.delete(key);
        state.entries.set(key, hit);
        c.res = respond(hit, c.req.header('if-none-match'), 'hit');
        return;
      }
      const flightKey = `${v}\n${key}`;
      const old = stale && state.previous.get(key);
      if (old && stale.mayBeStale(c)) {
        void refreshOnce(state, stale, key);
        c.res = respond(old, c.req.header('if-none-match'), 'stale');
        return;
      }
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
      const forReader = !state.inBackground.has(flightKey);
      if (forReader) state.forReaders++;
      try {
        await next();
        item = await cacheable(c.res);
      } finally {
        if (forReader) state.forReaders--;
        pending.delete(flightKey);
        settle(item);
      }
      if (!item) return;
      if (v === state.forVersion) keep(state, key, item, limits);
      c.res = respond(item, c.req.header('if-none-match'), 'miss');
    },
  };
}
