// MHCLG spending power by council, £ million, one column per financial year: column "2021" is 2020/21.
import { financialYear } from '../../domain/index.js';
import { columnIndex, findHeader, OGL, presetCollector, type CsvRecord, type FinanceIndicator, type PresetContext, type PresetResult } from './common.js';

export const SPENDING_POWER = 'FIN-SPENDING-POWER';
const PROVENANCE = { publisher: 'MHCLG, local government finance settlement (spending power)', licence: OGL };

export const spendingPowerIndicator: FinanceIndicator = {
  code: SPENDING_POWER, title: 'Spending power', unit: 'gbp-millions', decimalPlaces: 1, frequency: 'annual-financial',
  definition: 'Spending power in £ million. From 2016/17 this is Core Spending Power; the years before are the older, larger "revenue spending power", so the series breaks between 2015/16 and 2016/17.',
  source: `${PROVENANCE.publisher}. ${OGL}.`,
};

export function parseSpendingPower(records: CsvRecord[], file: string, encoding: string, ctx: PresetContext): PresetResult {
  const h = findHeader(records, ['ons_code', 'ons_name', 'class'], file, 'the MHCLG spending power table: ons_code, ons_name, class, region, then one column per year such as 2021');
  const header = records[h].cells.map((c) => c.trim());
  const codeCol = columnIndex(header, 'ons_code');
  const classCol = columnIndex(header, 'class');
  const collect = presetCollector('mhclg-spending-power', file, encoding, PROVENANCE);
  collect.result.indicators.push(spendingPowerIndicator);
  // A column headed by the year a financial year ends in: 2021 = 2020/21.
  const years = header.map((c, i) => ({ i, c })).filter((x) => /^\d{4}$/.test(x.c)).map((x) => ({ column: x.i, field: x.c, period: financialYear(Number(x.c) - 1).key }));
  if (years.length === 0) collect.problem(records[h].line, 'no year columns (such as 2021 for 2020/21) after the header');
  for (const r of records.slice(h + 1)) {
    const code = (r.cells[codeCol] ?? '').trim();
    if (r.cells.every((c) => c.trim() === '')) continue;
    collect.row();
    if (!ctx.isArea(code)) {
      collect.skipRow(r.line, code, `"${code}" is not a council in the reference areas`, years.length);
      continue;
    }
    if (!(r.cells[classCol] ?? '').trim()) collect.problem(r.line, 'class is blank', classCol + 1, 'class');
    for (const y of years) {
      collect.cell({ line: r.line, column: y.column, field: y.field }, { indicatorCode: SPENDING_POWER, areaCode: code, periodKey: y.period }, r.cells[y.column]);
    }
  }
  return collect.finish();
}
