// The Nunjucks environment every page is rendered with: our views first, then govuk-frontend's
// templates, so `{% extends "govuk/template.njk" %}` and `{% from "govuk/components/…" import … %}` work.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { dateParts } from './manage/date-fields.js';
import { workspaceWarning } from '../present/import-warnings.js';
import { formatDate, formatFact, formatNumber, formatValue, periodLabel } from '../present/format.js';
import { COMMITMENT_LABELS, COMMITMENT_SYMBOLS, DIRECTION_LABELS, FACT_KIND_LABELS, POLARITY_LABELS, QUARTILE_LABELS, RAG_LABELS, TREND_LABELS, unitLabel } from '../present/labels.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VIEWS_DIR = path.join(here, 'views');
/** govuk-frontend's dist folder (holds govuk/template.njk, govuk/components, govuk/assets). */
export const GOVUK_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

/** The reports' number format, with an en dash for a missing value. */
const number = (value: number | null | undefined, decimals = 0): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(value, decimals);

/** "2024-07-03" → "3 July 2024" as the reports write it; anything that is not a date is returned as it came. */
const date = (value: string | null | undefined): string => {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value.slice(0, 10)) : value;
};

export type Views = nunjucks.Environment;

/** Builds the environment. Templates are compiled once and kept (watch is off), which is what makes pages fast. */
export function createViews(extraPaths: string[] = []): Views {
  const loader = new nunjucks.FileSystemLoader([VIEWS_DIR, ...extraPaths, GOVUK_DIST], { noCache: false, watch: false });
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  env.addFilter('number', number);
  env.addFilter('date', date);
  env.addFilter('plural', (n: number, one: string, many?: string) => `${number(n)} ${n === 1 ? one : (many ?? one + 's')}`);
  env.addFilter('fact', formatFact);
  env.addFilter('factKind', (kind: string, approximate?: boolean) => `${FACT_KIND_LABELS[kind] ?? kind}${approximate ? ', about' : ''}`);
  env.addFilter('unitWords', (unit: string) => unitLabel(unit));
  env.addFilter('dateParts', dateParts);
  env.addFilter('period', (key: string | null | undefined) => (key ? periodLabel(key) : ''));
  env.addFilter('value', (v: number | null | undefined, unit: string, decimals: number) => formatValue(v ?? null, unit, decimals));
  // The same words and symbols as the published reports, so the site and the report agree.
  env.addGlobal('labels', { rag: RAG_LABELS, direction: DIRECTION_LABELS, trend: TREND_LABELS, quartile: QUARTILE_LABELS, commitment: COMMITMENT_LABELS, commitmentSymbol: COMMITMENT_SYMBOLS, polarity: POLARITY_LABELS });
  env.addFilter('importWarning', (text: string, remedy?: string) => workspaceWarning(text, remedy));
  env.addFilter('urlencode', (v: string) => encodeURIComponent(v));
  return env;
}
