// Makes a race happen on purpose: statements whose SQL matches are held at the database's door until
// `count` of them are waiting, then let through together, so that each has read before any has
// written. Code that keeps such statements one at a time never gathers `count`: the first is let
// through after `maxWaitMs` and the door then stays open. The database is the real one (PGlite or
// PostgreSQL); only the moment a statement reaches it changes.
import type { Store } from '../../src/store/index.js';

type Query = (...args: unknown[]) => Promise<unknown>;

/** The SQL of a query call: PGlite takes the text, node-postgres a config object holding it. */
const sqlOf = (first: unknown): string => (typeof first === 'string' ? first : String((first as { text?: string } | undefined)?.text ?? ''));

export interface QueryGate {
  /** How many matching statements were held together when the door last opened. */
  readonly gathered: number;
  /** Puts the client's query back as it was. */
  close(): void;
}

export function queryGate(store: Store, match: RegExp, o: { count: number; maxWaitMs: number }): QueryGate {
  const client = (store.db as unknown as { $client: { query: Query } }).$client;
  const own = Object.prototype.hasOwnProperty.call(client, 'query');
  const original = client.query;
  let waiting: (() => void)[] = [];
  let open = false;
  let gathered = 0;
  const letThrough = () => {
    gathered = Math.max(gathered, waiting.length);
    open = true;
    for (const go of waiting) go();
    waiting = [];
  };
  client.query = function (this: unknown, ...args: unknown[]) {
    if (open || !match.test(sqlOf(args[0]))) return original.apply(this, args);
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length >= o.count) letThrough();
      else setTimeout(() => { if (!open) letThrough(); }, o.maxWaitMs);
    }).then(() => original.apply(this, args));
  };
  return {
    get gathered() { return gathered; },
    close() {
      if (own) client.query = original;
      else delete (client as { query?: Query }).query;
    },
  };
}
