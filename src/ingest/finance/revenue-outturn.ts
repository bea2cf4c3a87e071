// DLUHC Revenue Outturn service expenditure summary (RSX), £ thousand: a preamble, a row of the
// publisher's column ids (RSX-asc-net-cur-exp …), the header ("E-code, ONS Code, …") and one row per
// authority; a second table of class totals follows and is not read. Net current expenditure by service.
import { financialYear } from '../../domain/index.js';
import { ValidationError } from '../../errors.js';
import { columnIndex, findHeader, OGL, presetCollector, type CsvRecord, type FinanceIndicator, type PresetContext, type PresetResult } from './common.js';

const PROVENANCE = { publisher: 'DLUHC, Revenue Outturn (RO) service expenditure summary (RSX)', licence: OGL };

const SERVICES: { id: string; code: string; title: string }[] = [
  { id: 'edu', code: 'RO-EDUCATION', title: 'Education services' },
  { id: 'trans', code: 'RO-HIGHWAYS', title: 'Highways and transport services' },
  { id: 'csc', code: 'RO-CHILDRENS-SOCIAL-CARE', title: "Children's social care" },
  { id: 'asc', code: 'RO-ADULT-SOCIAL-CARE', title: 'Adult social care' },
  { id: 'phs', code: 'RO-PUBLIC-HEALTH', title: 'Public health' },
  { id: 'hous', code: 'RO-HOUSING', title: 'Housing services (general fund)' },
  { id: 'cul', code: 'RO-CULTURAL', title: 'Cultural and related services' },
  { id: 'env', code: 'RO-ENVIRONMENTAL', title: 'Environmental and regulatory services' },
  { id: 'plan', code: 'RO-PLANNING', title: 'Planning and development services' },
  { id: 'pol', code: 'RO-POLICE', title: 'Police services' },
  { id: 'frs', code: 'RO-FIRE', title: 'Fire and rescue services' },
  { id: 'cen', code: 'RO-CENTRAL', title: 'Central services' },
  { id: 'oth', code: 'RO-OTHER', title: 'Other services' },
  { id: 'totsx', code: 'RO-TOTAL-SERVICES', title: 'Total service expenditure' },
];

export const revenueOutturnIndicators: FinanceIndicator[] = SERVICES.map((s) => ({
  code: s.code, title: `${s.title}: net current expenditure`, unit: 'gbp-thousands', decimalPlaces: 0, frequency: 'annual-financial',
  definition: `${s.title}, net current expenditure in £ thousand (total expenditure less sales, fees, charges and other income; publisher's id RSX-${s.id}-net-cur-exp).`,
  source: `${PROVENANCE.publisher}. ${OGL}.`,
}));

function financialYearOf(records: CsvRecord[], header: number, file: string): string {
  const text = [...records.slice(0, header).map((r) => r.cells[0] ?? ''), file].join(' ');
  const m = /(\d{4})[-/](\d{2})\b/.exec(text);
  if (!m) {
    const message = 'no financial year such as 2022-23 in the preamble or the file name';
    throw new ValidationError(`${file}: ${message}`, [{ file, message }]);
  }
  return financialYear(Number(m[1])).key;
}

export function parseRevenueOutturn(records: CsvRecord[], file: string, encoding: string, ctx: PresetContext): PresetResult {
  const h = findHeader(records, ['E-code', 'ONS Code', 'Local authority'], file, 'the Revenue Outturn RSX sheet: E-code, ONS Code, Local authority, … after its preamble');
  const header = records[h].cells;
  const ids = records.slice(0, h).find((r) => r.cells.some((c) => /^RSX-/.test(c.trim())))?.cells.map((c) => c.trim()) ?? [];
  const periodKey = financialYearOf(records, h, file);
  const codeCol = columnIndex(header, 'ONS Code');
  const collect = presetCollector('mhclg-revenue-outturn-rsx', file, encoding, PROVENANCE);
  collect.result.indicators.push(...revenueOutturnIndicators);
  const cols = SERVICES.map((s) => ({ ...s, index: ids.indexOf(`RSX-${s.id}-net-cur-exp`) }));
  const absent = cols.find((c) => c.index < 0);
  if (absent) {
    collect.problem(records[h].line, `no column with the id RSX-${absent.id}-net-cur-exp above the header`);
    return collect.finish();
  }
  for (const r of records.slice(h + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (columnIndex(r.cells, 'E-code') >= 0) break; // the class-totals table starts: not councils
    collect.row();
    const code = (r.cells[codeCol] ?? '').trim();
    if (!ctx.isArea(code)) {
      collect.skipRow(r.line, code, `"${code}" (${(r.cells[codeCol + 1] ?? '').trim()}) is not a council in the reference areas`, cols.length);
      continue;
    }
    for (const c of cols) {
      collect.cell({ line: r.line, column: c.index, field: `RSX-${c.id}-net-cur-exp` }, { indicatorCode: c.code, areaCode: code, periodKey }, r.cells[c.index]);
    }
  }
  return collect.finish();
}
