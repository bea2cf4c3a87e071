// The council's own finance story: its savings plan, the budget gap by year across the medium-term
// financial strategy, one-off pressures and the grants that met them. Money in integer pence.
import { z } from 'zod';

export const SAVING_STATUSES = ['delivered', 'on track', 'at risk', 'not delivered'] as const;
export const SavingStatus = z.enum(SAVING_STATUSES);

const pence = z.number().int('an amount in whole pence').min(0, 'an amount of £0 or more');

export const Saving = z.object({
  id: z.string(),
  periodKey: z.string().regex(/^FY\d{4}-\d{2}$/, 'a financial year such as 2021/22'),
  title: z.string().trim().min(1, 'a saving needs a description').max(200),
  targetPence: pence,
  deliveredPence: pence,
  status: SavingStatus,
});
export type Saving = z.infer<typeof Saving>;

export const BudgetGap = z.object({
  periodKey: z.string().regex(/^FY\d{4}-\d{2}$/, 'a financial year such as 2021/22'),
  gapPence: z.number().int('an amount in whole pence'),
  note: z.string().max(500).nullable(),
});
export type BudgetGap = z.infer<typeof BudgetGap>;

export const PRESSURE_KINDS = ['cost', 'grant'] as const;
export const Pressure = z.object({
  id: z.string(),
  periodKey: z.string().regex(/^FY\d{4}-\d{2}$/, 'a financial year such as 2020/21'),
  title: z.string().trim().min(1, 'a pressure needs a description').max(200),
  kind: z.enum(PRESSURE_KINDS),
  amountPence: pence,
});
export type Pressure = z.infer<typeof Pressure>;

export interface FinanceStory {
  narrative: string;
  fundingModel: string | null;
  savings: Saving[];
  gaps: BudgetGap[];
  pressures: Pressure[];
}
