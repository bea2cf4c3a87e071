// Page numbers from the query string, and the links govuk-frontend's pagination component draws.
import { ValidationError } from '../errors.js';

/** Reads ?page=N: a whole number from 1 to 10,000; anything else is a 400 that says so. */
export function pageNumber(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,5}$/.test(raw) || +raw < 1 || +raw > 10_000) throw new ValidationError('The page number is not valid', [{ field: 'page', message: `must be a whole number from 1 to 10000, not "${raw.slice(0, 20)}"` }]);
  return +raw;
}

export interface Pagination {
  pages: number;
  params: {
    previous?: { href: string };
    next?: { href: string };
    items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
  };
}

/** Links for `total` items shown `size` at a time, on page `current` of `basePath` (which keeps its other query parameters). */
export function pagination(basePath: string, query: Record<string, string | undefined>, total: number, size: number, current: number): Pagination {
  const pages = Math.max(1, Math.ceil(total / size));
  const href = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== 'page') q.set(k, v);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: Pagination['params']['items'] = [];
  for (const [i, n] of shown.entries()) {
    if (i > 0 && n - shown[i - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === current });
  }
  return {
    pages,
    params: {
      ...(current > 1 ? { previous: { href: href(current - 1) } } : {}),
      ...(current < pages ? { next: { href: href(current + 1) } } : {}),
      items,
    },
  };
}
