// Presets for the published finance and population files: each reads one public format as it is
// and returns ordinary indicator values with their provenance, what it skipped and why, and counts.
import { ValidationError } from '../../errors.js';
import { readRecords, type PresetContext, type PresetResult } from './common.js';
import { parseCspComponents } from './csp-components.js';
import { decodeText } from './decode.js';
import { parseOnsMye } from './ons-mye.js';
import { parseRevenueOutturn } from './revenue-outturn.js';
import { parseSpendingPower } from './spending-power.js';

export * from './common.js';
export { decodeText } from './decode.js';
export { readFinanceCell, MISSING_MARKERS } from './cells.js';
export { SPENDING_POWER, spendingPowerIndicator } from './spending-power.js';
export { POPULATION, POPULATION_BANDS, populationIndicators } from './ons-mye.js';
export { cspIndicators } from './csp-components.js';
export { revenueOutturnIndicators } from './revenue-outturn.js';

export const FINANCE_PRESETS = ['mhclg-spending-power', 'mhclg-csp-components', 'ons-mye-single-year', 'mhclg-revenue-outturn-rsx'] as const;
export type FinancePreset = (typeof FINANCE_PRESETS)[number];

export const isFinancePreset = (name: string): name is FinancePreset => (FINANCE_PRESETS as readonly string[]).includes(name);

export interface PresetOptions extends PresetContext {
  /** For population estimates: the mid-year, when the file name does not say it. */
  period?: string;
}

/** Reads a published file's bytes with the named preset. Throws one sentence when the file is not that format. */
export function parseFinancePreset(preset: string, content: Buffer | string, file: string, options: PresetOptions): PresetResult {
  if (!isFinancePreset(preset)) {
    const message = `"${preset}" is not a preset (use ${FINANCE_PRESETS.join(', ')})`;
    throw new ValidationError(message, [{ file, message }]);
  }
  const { text, encoding } = decodeText(content);
  if (text.includes('\u0000')) throw new ValidationError(`${file} is not a text CSV file`, [{ file, message: 'it contains binary data' }]);
  const records = readRecords(text, file);
  switch (preset) {
    case 'mhclg-spending-power': return parseSpendingPower(records, file, encoding, options);
    case 'mhclg-csp-components': return parseCspComponents(records, file, encoding, options);
    case 'ons-mye-single-year': return parseOnsMye(records, file, encoding, options);
    case 'mhclg-revenue-outturn-rsx': return parseRevenueOutturn(records, file, encoding, options);
  }
}

/** Guesses the preset from a file's first rows, for imports that do not name one. */
export function guessFinancePreset(content: Buffer | string): FinancePreset | undefined {
  const head = decodeText(typeof content === 'string' ? content.slice(0, 20_000) : content.subarray(0, 20_000)).text;
  if (/RSX-[a-z]+-/.test(head)) return 'mhclg-revenue-outturn-rsx';
  if (/^ons_code,authority,region,year,sfa/m.test(head)) return 'mhclg-csp-components';
  if (/^ons_code,ons_name,class,region/m.test(head)) return 'mhclg-spending-power';
  if (/^Code,Name,Geography,All ages/m.test(head)) return 'ons-mye-single-year';
  return undefined;
}
