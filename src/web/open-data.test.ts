import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededServices, setEntryFields, setIndicatorFields } from '../../test/helpers/site-fixture.js';
import { createApp } from './app.js';

const FORMULA = '=HYPERLINK("http://x","y")';

let t: Awaited<ReturnType<typeof seededServices>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await seededServices();
  await setEntryFields(t.store, t.fixture.publishedEntryId, { title: FORMULA, service: '-2+3' });
  await setIndicatorFields(t.store, t.fixture.indicatorCode, { title: FORMULA, definition: '@SUM(A1:A9)' });
  app = createApp(t.s, { cachePages: false });
});
afterAll(() => t.close());

const download = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('open data CSV', () => {
  it('defuses formulas in entries.csv and indicators.csv and ends lines in CRLF', async () => {
    const entries = await download('/data/entries.csv');
    const indicators = await download('/data/indicators.csv');
    for (const csv of [entries, indicators]) {
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
      expect(csv.endsWith('\r\n')).toBe(true);
      // Read strictly as CRLF-delimited: a record ended by a bare LF would run into the next one.
      expect(parse(csv, { record_delimiter: '\r\n' })).toEqual(parse(csv));
    }
    const entryRows = parse(entries, { columns: true }) as Record<string, string>[];
    const gritting = entryRows.find((r) => r.id === t.fixture.publishedEntryId)!;
    expect(gritting.title).toBe(`'${FORMULA}`);
    expect(gritting.service).toBe("'-2+3");
    const indicatorRows = parse(indicators, { columns: true }) as Record<string, string>[];
    const ksi = indicatorRows.find((r) => r.code === t.fixture.indicatorCode)!;
    expect(ksi.title).toBe(`'${FORMULA}`);
    expect(ksi.definition).toBe("'@SUM(A1:A9)");
  });

  it('keeps values numbers, not text', async () => {
    const rows = parse(await download('/data/values.csv'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.value)).toContain('310');
    expect(rows.every((r) => !r.value.startsWith("'"))).toBe(true);
  });
});
