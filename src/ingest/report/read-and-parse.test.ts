// A large report is read and parsed in a worker thread, with the same result as in place, and its
// errors come back as the same one-sentence validation errors.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../errors.js';
import { REPORT_2020 } from '../../../test/helpers/reports.js';
import { slicesOf } from '../thread.js';
import { readAndParse, readAndParseHere, REPORT_SLICING, THREAD_FROM_BYTES } from './read-and-parse.js';

const file = { name: 'leicestershire-annual-delivery-report-2020.txt', bytes: new Uint8Array(fs.readFileSync(REPORT_2020)) };
const input = { file, read: { maxBytes: 10 * 1024 * 1024 }, parse: { reportYear: 2020, areas: [] } };

describe('reading and parsing in a worker thread', () => {
  it('gives what reading and parsing in place gives', async () => {
    expect(file.bytes.length).toBeGreaterThan(THREAD_FROM_BYTES);
    const [threaded, here] = await Promise.all([readAndParse(input, { thread: true }), readAndParseHere(input)]);
    expect(threaded.parsed.entries.length).toBeGreaterThan(50);
    expect(threaded).toEqual(here);
  }, 60_000);

  it('sends back a bad file as a validation error with its sentence', async () => {
    const blank = { ...input, file: { name: 'blank.txt', bytes: new Uint8Array(THREAD_FROM_BYTES).fill(32) } };
    const err = await readAndParse(blank, { thread: true }).catch((e) => e);
    expect(isValidationError(err)).toBe(true);
    expect(String(err.message)).toMatch(/blank\.txt.*no text in it/);
  }, 60_000);
});

describe('an answer in slices', () => {
  it('cuts long lists into slices of a bounded size, in order, an item larger than the bound alone', () => {
    const item = (n: number) => ({ text: 'x'.repeat(n) });
    const lists = [[item(10), item(10), item(10)], [], [item(50), item(5), item(5), item(5)]];
    // As JSON, an item of 10 characters is 21 long, of 50 is 61, of 5 is 16.
    const slices = slicesOf(lists, 50);
    expect(slices.map((s) => [s.slice, s.items.length])).toEqual([[0, 2], [0, 1], [2, 1], [2, 3]]);
    expect(slices.filter((s) => s.slice === 2).flatMap((s) => s.items)).toEqual(lists[2]);
  });

  it('gathers a parsed report sent in slices as it was', async () => {
    const here = await readAndParseHere(input);
    const { head, lists } = REPORT_SLICING.spread(here);
    expect(head.parsed.entries).toEqual([]);
    const slices = slicesOf(lists, 4096);
    expect(slices.length).toBeGreaterThan(10);
    const back: unknown[][] = [];
    for (const s of slices) (back[s.slice] ??= []).push(...structuredClone(s.items));
    expect(REPORT_SLICING.gather(structuredClone(head), Array.from({ length: lists.length }, (_, k) => back[k] ?? []))).toEqual(here);
  });
});
