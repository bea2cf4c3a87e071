// The council's financial context for each year of the plan (invented figures).
import type { DemoFinancialFigure } from './types.js';

const year = (periodKey: string, budget: number, savings: number, gap: number, perHead: number, reserves: number, notes: { gap: string }): DemoFinancialFigure[] => [
  { periodKey, label: 'Net revenue budget', amount: budget, unit: '£', note: null },
  { periodKey, label: 'Savings delivered', amount: savings, unit: '£', note: null },
  { periodKey, label: 'Budget gap over the next four years', amount: gap, unit: '£', note: notes.gap },
  { periodKey, label: 'Core spending power per resident', amount: perHead, unit: '£', note: 'Core spending power divided by the mid-year population estimate.' },
  { periodKey, label: 'General reserves as a share of net budget', amount: reserves, unit: '%', note: null },
];

export const DEMO_FINANCIAL_FIGURES: DemoFinancialFigure[] = [
  ...year('FY2022-23', 512_400_000, 14_800_000, 61_000_000, 846.2, 4.9, { gap: 'Before inflation in energy and care costs was fully known.' }),
  ...year('FY2023-24', 547_900_000, 19_300_000, 88_500_000, 884.7, 4.4, { gap: 'Higher after pay awards and the rising cost of placements for children in care.' }),
  ...year('FY2024-25', 581_200_000, 17_650_000, 93_200_000, 921.3, 4.1, { gap: 'Demand for special educational needs transport is the largest single pressure.' }),
  ...year('FY2025-26', 609_800_000, 21_100_000, 84_700_000, 958.9, 3.8, { gap: 'Reduced by the transformation programme; £31.2m of the gap has no savings plan yet.' }),
];
