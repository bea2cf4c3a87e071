// Where the report fixtures are, and how to compare an entry's body with its span of the original.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_REPORTS = path.resolve(root, '../shared/fixtures/reports');
export const OWN_REPORTS = path.join(root, 'test/fixtures/reports');
export const REPORT_2020 = path.join(SHARED_REPORTS, 'leicestershire-annual-delivery-report-2020.txt');
export const SUMMARY_2024 = path.join(SHARED_REPORTS, 'leicestershire-annual-delivery-summary-2024.md');

export const readFixture = (file: string) => fs.readFileSync(file, 'utf8');

/**
 * A string as clean-up sees it, ignoring what clean-up is allowed to change: whitespace and line
 * breaks, hyphens at line ends, quote and dash styles, Markdown emphasis, and page numbers or
 * footnote links standing alone on their lines, and the case of the first letter.
 */
export function canonical(s: string): string {
  return s
    .replace(/\n[ \t]*(?:\d{1,4}|https?:\/\/\S+)[ \t]*(?=\n)/g, '\n')
    .replace(/\*\*|<\/?sup>/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[-–—]/g, '')
    .replace(/\s+/g, '')
    // A body opening in lower case after its title's dash is given a capital.
    .replace(/^[a-z]/, (c) => c.toUpperCase());
}
