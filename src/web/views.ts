// The Nunjucks environment every page is rendered with: our views first, then govuk-frontend's
// templates, so `{% extends "govuk/template.njk" %}` and `{% from "govuk/components/…" import … %}` work.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { periodLabel } from '../services/site.js';
import { COMMITMENT_LABELS, DIRECTION_LABELS, POLARITY_LABELS, QUARTILE_LABELS, RAG_LABELS, TREND_LABELS, formatValue } from '../reports/model/format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VIEWS_DIR = path.join(here, 'views');
/** govuk-frontend's dist folder (holds govuk/template.njk, govuk/components, govuk/assets). */
export const GOVUK_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

const numberFormats = new Map<number, Intl.NumberFormat>();
/** Formats a number the British way with a fixed number of decimals; an em dash stands for a missing value. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let f = numberFormats.get(decimals);
  if (!f) numberFormats.set(decimals, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(value);
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2024-07-03" → "3 July 2024"; anything that is not a date is returned as it came. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return longDate.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** A figure found in an entry's text, written with its unit: "£1,900,000", "53%", "41,000 street lights", "£2,000 to £10,000". */
export function formatFact(f: { value: number | null; valueMax: number | null; unit: string }): string {
  if (f.value === null) return '–';
  const one = (v: number) => {
    const n = formatNumber(v, Number.isInteger(v) ? 0 : 2);
    if (f.unit === '£' || f.unit === 'gbp') return `£${n}`;
    if (f.unit === '%' || f.unit === 'percent') return `${n}%`;
    return f.unit ? `${n} ${f.unit}` : n;
  };
  return f.valueMax === null ? one(f.value) : `${one(f.value)} to ${one(f.valueMax)}`;
}

export type Views = nunjucks.Environment;

/** Builds the environment. Templates are compiled once and kept (watch is off), which is what makes pages fast. */
export function createViews(extraPaths: string[] = []): Views {
  const loader = new nunjucks.FileSystemLoader([VIEWS_DIR, ...extraPaths, GOVUK_DIST], { noCache: false, watch: false });
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  env.addFilter('number', (v: number | null | undefined, decimals = 0) => formatNumber(v, decimals));
  env.addFilter('date', (v: string | null | undefined) => formatDate(v));
  env.addFilter('plural', (n: number, one: string, many?: string) => `${formatNumber(n)} ${n === 1 ? one : (many ?? one + 's')}`);
  env.addFilter('fact', formatFact);
  env.addFilter('period', (key: string | null | undefined) => (key ? periodLabel(key) : ''));
  env.addFilter('value', (v: number | null | undefined, unit: string, decimals: number) => formatValue(v ?? null, unit, decimals));
  // The same words and symbols as the published reports, so the site and the report agree.
  env.addGlobal('labels', { rag: RAG_LABELS, direction: DIRECTION_LABELS, trend: TREND_LABELS, quartile: QUARTILE_LABELS, commitment: COMMITMENT_LABELS, polarity: POLARITY_LABELS });
  env.addFilter('urlencode', (v: string) => encodeURIComponent(v));
  return env;
}
