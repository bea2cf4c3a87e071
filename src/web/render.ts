// Rendering pages: what every page's template receives (the council, navigation, asset version)
// and the helpers routes use to answer with a page or an error page.
import type { Context } from 'hono';
import type { Settings } from '../domain/index.js';
import type { Views } from './views.js';
import { wrapTables } from './table-regions.js';

export interface NavigationItem {
  href: string;
  text: string;
  active?: boolean;
}

/** What the layout needs about the site: set once per request by the app's middleware. */
export interface SiteContext {
  councilName: string;
  serviceName: string;
  /** Where the service name in the header leads (the workspace's own home inside it). */
  serviceUrl?: string;
  brandColour: string;
  logoUrl: string | null;
  demo: boolean;
  assetVersion: string;
  /** Whether the staff workspace is mounted (the footer links to it). */
  manage: boolean;
  navigation: NavigationItem[];
}

export interface AppEnv {
  Variables: { site: SiteContext; views: Views; dataVersion: string };
}

export const PUBLIC_NAVIGATION: NavigationItem[] = [
  { href: '/compendium', text: 'Performance' },
  { href: '/places', text: 'Places' },
  { href: '/commitments', text: 'Commitments' },
  { href: '/funding', text: 'Funding' },
  { href: '/reports', text: 'Reports and data' },
  { href: '/search', text: 'Search' },
];

/** Marks the navigation item whose section the path is in. */
export function navigationFor(pathname: string, items = PUBLIC_NAVIGATION): NavigationItem[] {
  return items.map((i) => ({ ...i, active: pathname === i.href || pathname.startsWith(i.href + '/') }));
}

export function siteContext(settings: Settings, pathname: string, extra: { assetVersion: string; manage: boolean }): SiteContext {
  return {
    councilName: settings.councilName,
    serviceName: 'Strategic Plan',
    brandColour: /^#[0-9a-fA-F]{6}$/.test(settings.brandColour) ? settings.brandColour : '#1d4f91',
    logoUrl: settings.logoUrl,
    demo: settings.demo,
    navigation: navigationFor(pathname),
    ...extra,
  };
}

/** Renders a template with the site context to an HTML string. */
export function renderPage(c: Context<AppEnv>, template: string, data: Record<string, unknown> = {}): string {
  return wrapTables(c.get('views').render(template, { ...data, site: c.get('site') }));
}

export function page(c: Context<AppEnv>, template: string, data: Record<string, unknown> = {}, status: 200 | 400 | 403 | 404 | 409 | 500 | 503 = 200): Response {
  return c.html(renderPage(c, template, data), status);
}
