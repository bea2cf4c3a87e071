// The one CSV writer: every CSV the product writes (open data, report tables, the audit export, the
// CLI's --format csv) goes through here, so each is RFC 4180 and none can carry a spreadsheet formula.
//
// RFC 4180: records end in CRLF; a field is quoted when it holds a comma, a quote, CR or LF (and here
// also when it starts or ends with white space, which spreadsheets would otherwise trim), and a quote
// inside is doubled.
//
// Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with = + - @, a
// tab or a carriage return as a formula. Such a cell is written with a leading apostrophe and quoted,
// as OWASP recommends; the full-width forms of = + - @ are treated alike, because some spreadsheets
// read them as the ASCII ones. A cell that is wholly a number (-3.5, +12, -1e3) is left as it is: it
// cannot call a function, and open-data users need negative values to stay numbers.

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Either of the two above, tested first: most cells need neither, and one test is cheaper than two. */
const SPECIAL = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\s]|[",\r\n]|\s$/;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One field, escaped and quoted as needed. Missing values (null, undefined) are empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number as JavaScript writes it needs neither quotes nor escaping (-3.5, 1e-7, NaN).
  if (typeof value === 'number') return String(value);
  const s = typeof value === 'string' ? value : String(value);
  if (!SPECIAL.test(s)) return s;
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) return quote(`'${s}`);
  return NEEDS_QUOTES.test(s) ? quote(s) : s;
}

/** Rows of objects as CSV: a header line of the columns (by default the first row's keys, in order), then one line a row. */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
