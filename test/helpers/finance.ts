// Where the published finance files are, and the reference area codes, for tests on the real data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_FINANCE = path.resolve(root, '../shared/data/finance');
export const FINANCE_FILES = {
  spendingPower: path.join(SHARED_FINANCE, 'spending_power_millions_2011-12_to_2020-21.csv'),
  csp: path.join(SHARED_FINANCE, 'csp_components_2015-16_to_2020-21.csv'),
  mye2019: path.join(SHARED_FINANCE, 'ons_mye_persons_syoa_mid2019.csv'),
  mye2020: path.join(SHARED_FINANCE, 'ons_mye_persons_syoa_mid2020.csv'),
  rsx: path.join(SHARED_FINANCE, 'mhclg_revenue_outturn_RSX_2022-23.csv'),
} as const;

export const PRESET_OF: Record<keyof typeof FINANCE_FILES, string> = {
  spendingPower: 'mhclg-spending-power', csp: 'mhclg-csp-components', mye2019: 'ons-mye-single-year',
  mye2020: 'ons-mye-single-year', rsx: 'mhclg-revenue-outturn-rsx',
};

/** The reference area codes the workspace starts with. */
export function referenceAreaCodes(): Set<string> {
  const text = fs.readFileSync(path.join(root, 'src/store/reference/areas.csv'), 'utf8');
  return new Set(text.split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean));
}
