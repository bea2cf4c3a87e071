// Security headers for every response. The Content-Security-Policy allows no inline script: our
// JavaScript is in files, and the one line govuk-frontend's page template writes inline (it marks
// the body js-enabled) is allowed by its SHA-256 hash, read from the installed template itself.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { GOVUK_DIST } from './views.js';

/** The hash source for the inline script in govuk/template.njk, e.g. 'sha256-…'. */
export function govukTemplateScriptHash(templateFile = path.join(GOVUK_DIST, 'govuk', 'template.njk')): string {
  const text = fs.readFileSync(templateFile, 'utf8');
  const m = /<script[^>]*?(?:\{%[^%]*%\})?>(document\.body\.className[^<]*)<\/script>/.exec(text);
  if (!m) throw new Error(`Cannot find govuk-frontend's inline script in ${templateFile}: the Content-Security-Policy needs its hash`);
  return `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`;
}

export function contentSecurityPolicy(scriptHash = govukTemplateScriptHash()): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHash}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: { https?: boolean } = {}): MiddlewareHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Permitted-Cross-Domain-Policies': 'none',
  };
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  const entries = Object.entries(headers);
  return async (c, next) => {
    await next();
    for (const [name, value] of entries) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
