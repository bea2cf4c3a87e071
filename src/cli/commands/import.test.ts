import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary } from './import.js';
import { testServices } from '../../../test/helpers/store.js';
import { OWN_REPORTS } from '../../../test/helpers/reports.js';
import type { ImportSummary } from '../../services/imports.js';

const load = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(OWN_REPORTS, name))) });

describe('the import summary people read', () => {
  let s: Awaited<ReturnType<typeof testServices>>;
  let summary: ImportSummary;
  beforeAll(async () => {
    s = await testServices();
    summary = await s.imports.preview([load('northvale-numbered-priorities-2025.txt'), load('westbrook-bullets-2023.html')], { newPlanTitle: 'Council Plan 2024-28' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows each section with its outcome, how it was mapped and what it holds', () => {
    const { lines, warnings } = formatSummary(summary);
    const text = lines.join('\n');
    expect(lines[0]).toBe('Dry run for new plan "Council Plan 2024-28"');
    expect(text).toContain('northvale-numbered-priorities-2025.txt — would import; 2025 report, entries for FY2024-25');
    expect(text).toMatch(/ {2}section +outcome +mapped by +entries +facts +commitments/);
    expect(text).toMatch(/A Thriving Local Economy +A Thriving Local Economy +new plan +3 +\d+ +1/);
    expect(text).toMatch(/Strong Economy +A Thriving Local Economy +suggested +3 /);
    expect(text).toMatch(/Safe and Well +Healthy and Safe Communities +suggested +4 /);
    expect(text).toContain('Total: 12 entries');
    expect(lines.at(-1)).toMatch(/^Dry run: nothing was written/);
    expect(warnings.every((w) => /^(?:northvale|westbrook)/.test(w))).toBe(true);
  });
});
