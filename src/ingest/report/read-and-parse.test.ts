// A large report is read and parsed in a worker thread, with the same result as in place, and its
// errors come back as the same one-sentence validation errors.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../errors.js';
import { REPORT_2020 } from '../../../test/helpers/reports.js';
import { readAndParse, readAndParseHere, THREAD_FROM_BYTES } from './read-and-parse.js';

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
