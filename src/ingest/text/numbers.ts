// Numbers as reports write them: "1,300", "2.39", "c200", "two thousand", "twenty-five", with the
// qualifiers that make them approximate ("over", "almost", "c", "up to").

export const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
/** A number in words: "two", "twenty-five", "two thousand", "three hundred", "a dozen". */
export const WORD_NUMBER = String.raw`(?:(?:${TEN_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}|a dozen|dozens?)(?:[ -](?:hundred|thousand|million|billion))?`;

/** Reads a number written in figures ("1,300", "2.39") or words ("two thousand"); NaN when it is neither. */
export function readNumber(s: string): number {
  const t = s.trim().toLowerCase().replace(/^c\.?\s?|^~/, '');
  if (/^[\d,.]+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (t === 'a dozen' || t === 'dozen') return 12;
  const parts = t.split(/[ -]+/);
  let total = 0;
  let current = 0;
  for (const p of parts) {
    if (p in UNITS) current += UNITS[p];
    else if (p in TENS) current += TENS[p];
    else if (p === 'hundred') current = (current || 1) * 100;
    else if (p in SCALES) {
      total += (current || 1) * SCALES[p];
      current = 0;
    } else return NaN;
  }
  return total + current;
}

const MULTIPLIERS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mil: 1e6, million: 1e6, bn: 1e9, b: 1e9, billion: 1e9,
};

/** The factor a suffix such as "m", "bn", "k" or "million" stands for (1 when none). */
export function multiplier(suffix: string | undefined): number {
  if (!suffix) return 1;
  return MULTIPLIERS[suffix.trim().toLowerCase()] ?? 1; // 'K' and 'k' alike
}

/** Rounds away floating-point noise (2.39 × 1e9 → 2390000000). */
export function clean(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 1e6) / 1e6 : n;
}

/** Words before a figure that make it approximate or a bound. Matched against the text just before it. */
export const QUALIFIER_BEFORE = /(?:^|[^A-Za-z])(over|well over|just over|more than|almost|nearly|around|approximately|approx\.?|about|circa|some|up to|just under|under|less than|fewer than|at least|in excess of|roughly|an estimated|estimated|upwards of|close to|in the region of|getting on for)\s+(?:a\s+)?(?:total of\s+)?$/i;
