import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_2020 } from '../../../test/helpers/reports.js';
import { parseReport } from '../report/parse.js';
import { financeCandidates } from './candidates.js';

describe('money facts of a report\'s financial section as candidates', () => {
  it('offers the 2020 report\'s savings and pressures with their sentences, and nothing from other sections', () => {
    const report = parseReport(fs.readFileSync(REPORT_2020, 'utf8'), false, { name: 'leicestershire-annual-delivery-report-2020.txt' });
    const found = financeCandidates(report.sections, report.reportYear);
    expect(found.length).toBeGreaterThan(2);
    expect(found.every((c) => c.section === 'Financial Context, Challenges and Fair Funding Campaign')).toBe(true);
    const saved = found.find((c) => c.amount === 210_000_000);
    expect(saved).toMatchObject({ field: 'saving', text: '£210m' });
    expect(saved?.sentence).toMatch(/already saved £210m since 2010/);
    expect(found.find((c) => c.amount === 80_000_000)).toMatchObject({ field: 'saving', year: '2023/24' });
  });
});
