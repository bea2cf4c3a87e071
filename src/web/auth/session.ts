// Sessions and CSRF for the staff workspace. The session token lives only in an HttpOnly cookie; the
// database keeps its hash. Every POST must carry the session's CSRF token (the sign-in form carries a
// pre-session token from its own cookie), or it is refused with 403 before any handler runs.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CurrentSession } from '../../services/auth.js';
import type { Services } from '../../services/index.js';
import type { AppEnv } from '../render.js';
import { multipartBoundary, readMultipart } from './multipart.js';

export const SESSION_COOKIE = 'compendium_session';
export const SIGN_IN_COOKIE = 'compendium_signin';
export const CSRF_FIELD = '_csrf';

export interface ManageEnv {
  Variables: AppEnv['Variables'] & {
    session: CurrentSession | null;
    /** The form body, parsed once (the CSRF check needs it before the handler). */
    form: FormFields | null;
  };
}

export type FormValue = string | File;

/** A parsed form: single values, repeated values and files. */
export class FormFields {
  constructor(private readonly body: Record<string, FormValue | FormValue[]>) {}
  get(name: string): string {
    const v = this.body[name];
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : '';
  }
  all(name: string): string[] {
    const v = this.body[name] ?? this.body[`${name}[]`];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  }
  file(name: string): File | undefined {
    const v = this.body[name];
    const first = Array.isArray(v) ? v[0] : v;
    return first instanceof File && first.size > 0 ? first : undefined;
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Secure cookies everywhere except plain-HTTP development on this machine. */
export function secureCookies(c: Context, publicUrl: string | undefined): boolean {
  if (publicUrl) return publicUrl.startsWith('https://');
  return !LOCAL_HOSTS.has(new URL(c.req.url).hostname);
}

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
};

export function setSessionCookie(c: Context, s: Services, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, { path: '/manage', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c, s.config.publicUrl), expires: expiresAt });
}

export function clearSessionCookie(c: Context, s: Services): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/manage', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c, s.config.publicUrl) });
}

export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

/** The sign-in form's token: a random value in a short-lived cookie, echoed by the form. */
export function signInToken(c: Context, s: Services): string {
  const existing = getCookie(c, SIGN_IN_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  setCookie(c, SIGN_IN_COOKIE, token, { path: '/manage', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c, s.config.publicUrl), maxAge: 3600 });
  return token;
}

const OUT_OF_DATE = 'The form was out of date or did not come from this site. Go back, reload the page and try again.';
const SIGNED_OUT = 'Your session has ended or the form was out of date. Sign in again.';

/**
 * Whether a state-changing request came from this site, by what the browser says of it: a
 * Sec-Fetch-Site other than same-origin (or none, for something the person did themselves), or an
 * Origin other than this site's, is refused. A request that sends neither (older browsers, scripts)
 * is left to the CSRF token alone.
 */
export function sameSiteRequest(c: Context, publicUrl: string | undefined): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  const allowed = new Set([new URL(c.req.url).origin]);
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin);
    } catch {
      // An unparseable public address allows nothing more.
    }
  }
  return allowed.has(origin);
}

/**
 * Loads the session (if any) and checks a POST's origin and CSRF token, deciding before any body is
 * read when it can: a multipart upload from someone signed out is refused without reading it, and a
 * multipart form whose token comes in the X-CSRF-Token header or the address (`?_csrf=`, as the upload
 * forms send it) is checked before its body is parsed. Only then is the form parsed, once; a
 * multipart form's files go to temporary files on disk as they stream in (see multipart.ts).
 */
export function sessionMiddleware(s: Services, forbidden: (c: Context<ManageEnv>, message: string) => Response | Promise<Response>): MiddlewareHandler<ManageEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const session = await s.auth.session(sessionToken(c));
    c.set('session', session);
    c.set('form', null);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const refuse = () => forbidden(c, session ? OUT_OF_DATE : SIGNED_OUT);
    if (!sameSiteRequest(c, s.config.publicUrl)) return refuse();
    const expected = session ? session.csrfToken : (getCookie(c, SIGN_IN_COOKIE) ?? '');
    const type = c.req.header('content-type') ?? '';
    const multipart = /multipart\/form-data/i.test(type);
    // Nobody signed out has anything to upload: the only form they may send is the (small) sign-in form.
    if (multipart && !session) return refuse();
    const early = c.req.header('x-csrf-token') || c.req.query(CSRF_FIELD) || '';
    if (early && !sameToken(early, expected)) return refuse();
    // A multipart body streams to temporary files as it arrives (never held whole in memory),
    // removed once the request has been answered.
    const upload = multipart && c.req.raw.body ? await readMultipart(c.req.raw.body, multipartBoundary(type) ?? '') : undefined;
    try {
      const body = upload ? upload.fields : /application\/x-www-form-urlencoded/i.test(type) ? await c.req.parseBody({ all: true }) : {};
      const form = new FormFields(body as Record<string, FormValue | FormValue[]>);
      c.set('form', form);
      if (!early && !sameToken(form.get(CSRF_FIELD), expected)) return refuse();
      await next();
    } finally {
      await upload?.discard();
    }
  };
}
