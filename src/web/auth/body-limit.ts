// A request body limit that never holds the body itself: a declared Content-Length over the limit is
// refused at once, and otherwise the body is counted as whoever reads it streams it, failing as soon
// as it passes the limit. (Hono's own bodyLimit reads a body without a Content-Length into memory
// before the next middleware runs, which would buffer an upload before its sender is known.)
import type { Context, MiddlewareHandler } from 'hono';

export function streamingBodyLimit<C extends Context>(maxBytes: number, tooLarge: (c: C) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding') && Number(declared) > maxBytes) return tooLarge(c as C);
    let seen = 0;
    let exceeded = false;
    const counted = raw.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          exceeded = true;
          ctl.error(new Error(`The request body is larger than ${maxBytes} bytes`));
        } else ctl.enqueue(chunk);
      },
    }));
    c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
    // Whatever the reader made of the failed stream (an error page, most likely), the answer is 413.
    if (exceeded) c.res = await tooLarge(c as C);
  };
}
