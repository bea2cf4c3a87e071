// Static files under /assets: govuk-frontend's stylesheet (with the GDS Transport font removed: the
// council's site uses Arial) and script, our own stylesheet and script, and the council's colours.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { GOVUK_DIST } from './views.js';

const OWN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

const asset = (body: Buffer | string, type: string): Asset => {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { body: b, type, etag: `"${createHash('sha256').update(b).digest('base64url').slice(0, 22)}"` };
};

/** govuk-frontend's compiled CSS without its @font-face rules, every font stack starting at Arial. */
export function govukStylesheet(): string {
  const css = fs.readFileSync(path.join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.css'), 'utf8');
  return css
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/font-family:\s*"?GDS Transport"?\s*,\s*/g, 'font-family:')
    .replace(/font-family:\s*"?GDS Transport"?\s*([;}])/g, 'font-family:arial,sans-serif$1')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

/** Relative luminance and contrast (WCAG 2) to pick readable text on the council's colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** The council's colours as CSS custom properties; text on the colour is white or near-black, whichever reads better. */
export function brandStylesheet(brandColour: string): string {
  const colour = /^#[0-9a-fA-F]{6}$/.test(brandColour) ? brandColour.toLowerCase() : '#1d4f91';
  const text = contrast(colour, '#ffffff') >= 4.5 ? '#ffffff' : '#0b0c0c';
  return `:root{--app-brand-colour:${colour};--app-brand-text:${text};--govuk-brand-colour:${colour}}\n`;
}

export interface AssetRoutes {
  routes: Hono;
  /** Changes when any file served here changes: pages add it to asset URLs so caches refresh. */
  version: string;
}

export function assetRoutes(): AssetRoutes {
  const files = new Map<string, Asset>([
    ['govuk-frontend.css', asset(govukStylesheet(), TYPES['.css'])],
    ['govuk-frontend.min.js', asset(fs.readFileSync(path.join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.js')), TYPES['.js'])],
  ]);
  for (const name of fs.readdirSync(OWN_DIR)) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(name, asset(fs.readFileSync(path.join(OWN_DIR, name)), type));
  }
  const version = createHash('sha256').update([...files.values()].map((f) => f.etag).join()).digest('base64url').slice(0, 10);
  const brandCache = new Map<string, Asset>();

  const routes = new Hono();
  const send = (a: Asset, ifNoneMatch: string | undefined, versioned: boolean) => {
    const headers = {
      'Content-Type': a.type,
      ETag: a.etag,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    };
    if (ifNoneMatch === a.etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(a.body), { headers });
  };
  routes.get('/brand.css', (c) => {
    const colour = c.req.query('c') ?? '';
    let a = brandCache.get(colour);
    if (!a) {
      a = asset(brandStylesheet(`#${colour}`), TYPES['.css']);
      if (brandCache.size < 50) brandCache.set(colour, a);
    }
    return send(a, c.req.header('if-none-match'), true);
  });
  routes.get('/:name', (c) => {
    const a = files.get(c.req.param('name'));
    if (!a) return c.notFound();
    return send(a, c.req.header('if-none-match'), c.req.query('v') === version);
  });
  return { routes, version };
}
