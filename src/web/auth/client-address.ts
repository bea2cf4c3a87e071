// The address a request came from, for sign-in throttling. Behind a reverse proxy every request
// comes from the proxy, so with TRUST_PROXY=n the address is read from X-Forwarded-For instead: the
// n-th from the right, which the nearest of the n trusted proxies wrote (addresses further left were
// written by the client or proxies beyond ours and are not believed). Without TRUST_PROXY the header
// is ignored, since anyone can send it.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

function connectionAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not on a Node server (tests through app.request)
  }
}

export function clientAddress(c: Context, trustProxyHops: number): string | undefined {
  const direct = connectionAddress(c);
  if (trustProxyHops <= 0) return direct;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? direct;
}
