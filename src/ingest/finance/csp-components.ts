// DLUHC Core Spending Power components, £ million, long format: one row per council and year (2015 = 2015/16).
import { financialYear } from '../../domain/index.js';
import { columnIndex, findHeader, OGL, presetCollector, type CsvRecord, type FinanceIndicator, type PresetContext, type PresetResult } from './common.js';

const PROVENANCE = { publisher: 'DLUHC/MHCLG, Core Spending Power tables', licence: OGL };

const COMPONENTS: { column: string; code: string; title: string }[] = [
  { column: 'sfa', code: 'FIN-CSP-SFA', title: 'Settlement funding assessment' },
  { column: 'under_index', code: 'FIN-CSP-UNDER-INDEX', title: 'Compensation for under-indexing the business rates multiplier' },
  { column: 'ct_total', code: 'FIN-CSP-COUNCIL-TAX', title: 'Council tax requirement' },
  { column: 'nhb', code: 'FIN-CSP-NHB', title: 'New Homes Bonus' },
  { column: 'nhb_return', code: 'FIN-CSP-NHB-RETURN', title: 'New Homes Bonus returned funding' },
  { column: 'rsdg', code: 'FIN-CSP-RSDG', title: 'Rural Services Delivery Grant' },
  { column: 'total_spend', code: 'FIN-CSP-TOTAL', title: 'Core Spending Power excluding social care grants' },
];

export const cspIndicators: FinanceIndicator[] = COMPONENTS.map((c) => ({
  code: c.code, title: c.title, unit: 'gbp-millions', decimalPlaces: 1, frequency: 'annual-financial',
  definition: `${c.title}, £ million: a component of Core Spending Power (column ${c.column}).${c.column === 'total_spend' ? ' Leaves out the social care grants, so it is less than full Core Spending Power.' : ''}`,
  source: `${PROVENANCE.publisher}. ${OGL}.`,
}));

export function parseCspComponents(records: CsvRecord[], file: string, encoding: string, ctx: PresetContext): PresetResult {
  const h = findHeader(records, ['ons_code', 'year', ...COMPONENTS.map((c) => c.column)], file, 'the Core Spending Power components in long format: ons_code, authority, region, year, sfa … total_spend');
  const header = records[h].cells;
  const codeCol = columnIndex(header, 'ons_code');
  const yearCol = columnIndex(header, 'year');
  const cols = COMPONENTS.map((c) => ({ ...c, index: columnIndex(header, c.column) }));
  const collect = presetCollector('mhclg-csp-components', file, encoding, PROVENANCE);
  collect.result.indicators.push(...cspIndicators);
  for (const r of records.slice(h + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    collect.row();
    const code = (r.cells[codeCol] ?? '').trim();
    const year = (r.cells[yearCol] ?? '').trim();
    if (!ctx.isArea(code)) {
      collect.skipRow(r.line, code, `"${code}" is not a council in the reference areas (fire, police and combined authorities are not kept)`, cols.length);
      continue;
    }
    if (!/^\d{4}$/.test(year)) {
      collect.problem(r.line, `year "${year}" is not a year such as 2020 (for 2020/21)`, yearCol + 1, 'year');
      collect.skipRow(r.line, code, 'unreadable year', cols.length);
      continue;
    }
    const periodKey = financialYear(Number(year)).key;
    // A council that has ceased is listed with every component zero: that is no figure, not £0.
    const ceased = cols.every((c) => Number((r.cells[c.index] ?? '').trim()) === 0);
    for (const c of cols) {
      const key = { indicatorCode: c.code, areaCode: code, periodKey };
      if (ceased) {
        collect.result.counts.valuesRead++;
        collect.add(r.line, key, null, 'every component is zero in the published file (the council had ceased)');
      } else collect.cell({ line: r.line, column: c.index, field: c.column }, key, r.cells[c.index]);
    }
  }
  return collect.finish();
}
