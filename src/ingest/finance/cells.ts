// A cell of a published statistics table read into a number, or into "missing" with the reason the
// publisher's marker gives. Missing is never zero.

export type CellReading = { value: number } | { missing: string } | { error: string };

/** The publishers' markers and what each means (GSS guidance on symbols in tables). */
export const MISSING_MARKERS: Readonly<Record<string, string>> = {
  '': 'blank in the published file',
  '..': 'not available (".." in the published file)',
  x: 'not applicable or not collected ("x" in the published file)',
  '[x]': 'not applicable or not collected ("[x]" in the published file)',
  c: 'confidential, suppressed by the publisher ("c" in the published file)',
  '[c]': 'confidential, suppressed by the publisher ("[c]" in the published file)',
  '-': 'nil or negligible ("-" in the published file)',
  '[z]': 'not applicable ("[z]" in the published file)',
};

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** "1,234.5", "-3", "0.02" → number; the markers above → missing with their reason; anything else → error. */
export function readFinanceCell(raw: string | undefined): CellReading {
  const t = (raw ?? '').replace(/\u00a0/g, ' ').trim();
  const marker = MISSING_MARKERS[t.toLowerCase()];
  if (marker !== undefined) return { missing: marker };
  if (!NUMBER.test(t)) return { error: `"${t}" is not a number or a known missing-value marker (.., x, c, [c], -)` };
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? { value: n } : { error: `"${t}" is out of range` };
}
