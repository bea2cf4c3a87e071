// Lookups a table import makes for every row, made cheap for a million rows: duplicate keys by
// number, and parsed periods from a cache.
import { parsePeriod, type YearStyle } from '../domain/index.js';

/** Numbers each distinct text in the order first seen. */
function numbering() {
  const ids = new Map<string, number>();
  return (text: string) => {
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = ids.size));
    return id;
  };
}

/**
 * The line that first gave (indicator, area, period), or undefined (and this line noted) when none
 * did. Keys are numbers, not a string per row (a million strings cost seconds): exact below 2^53,
 * so fewer than 65,536 areas and periods (known areas only) and 2 million codes.
 */
export function duplicateFinder() {
  const seen = new Map<number, number>();
  const codeId = numbering();
  const areaId = numbering();
  const periodId = numbering();
  return (code: string, area: string, periodKey: string, line: number): number | undefined => {
    const key = (codeId(code) * 65536 + areaId(area)) * 65536 + periodId(periodKey);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    return first;
  };
}

/** Parses periods through one cache per year style; no string is built per row to look one up. */
export function periodReader() {
  const periodCaches = new Map<YearStyle, Map<string, ReturnType<typeof parsePeriod>>>();
  return (text: string, style: YearStyle) => {
    let cache = periodCaches.get(style);
    if (!cache) periodCaches.set(style, (cache = new Map()));
    let r = cache.get(text);
    if (!r) cache.set(text, (r = parsePeriod(text, { yearStyle: style })));
    return r;
  };
}
