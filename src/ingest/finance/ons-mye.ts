// ONS mid-year population estimates, persons by single year of age (MYE2): Code, Name, Geography,
// All ages, 0 … 89, 90+. Read into the age bands a finance team uses, each as at 30 June of the year.
import { asAt } from '../../domain/index.js';
import { ValidationError } from '../../errors.js';
import { columnIndex, findHeader, OGL, presetCollector, type CsvRecord, type FinanceIndicator, type PresetContext, type PresetResult } from './common.js';
import { readFinanceCell } from './cells.js';

const PROVENANCE = { publisher: 'Office for National Statistics, mid-year population estimates (MYE2, persons)', licence: OGL };

/** Bands by first and last single year of age; 90 stands for the "90+" column. */
export const POPULATION_BANDS: { code: string; title: string; from: number; to: number }[] = [
  { code: 'POP-ALL-AGES', title: 'Population, all ages', from: -1, to: -1 },
  { code: 'POP-0-17', title: 'Population aged 0 to 17', from: 0, to: 17 },
  { code: 'POP-5-15', title: 'Population aged 5 to 15 (school age)', from: 5, to: 15 },
  { code: 'POP-18-64', title: 'Population aged 18 to 64', from: 18, to: 64 },
  { code: 'POP-65-PLUS', title: 'Population aged 65 and over', from: 65, to: 90 },
  { code: 'POP-85-PLUS', title: 'Population aged 85 and over', from: 85, to: 90 },
];
export const POPULATION = 'POP-ALL-AGES';

export const populationIndicators: FinanceIndicator[] = POPULATION_BANDS.map((b) => ({
  code: b.code, title: b.title, unit: 'count', decimalPlaces: 0, frequency: 'snapshot',
  definition: `${b.title}: persons, ONS mid-year estimate as at 30 June${b.from < 0 ? '' : ' (the sum of the single years of age in the band)'}.`,
  source: `${PROVENANCE.publisher}. ${OGL}.`,
}));

/** The estimate's year: given, or read from the file name ("mid2020", "mid-2020"). */
export function midYearOf(file: string, given?: string): number {
  const m = /(\d{4})/.exec(given ?? '') ?? /mid[-_ ]?(\d{4})/i.exec(file);
  if (!m) {
    const message = 'cannot tell which mid-year estimate this is: give --period 2020 or keep "mid2020" in the file name';
    throw new ValidationError(`${file}: ${message}`, [{ file, message }]);
  }
  return Number(m[1]);
}

export function parseOnsMye(records: CsvRecord[], file: string, encoding: string, ctx: PresetContext & { period?: string }): PresetResult {
  const h = findHeader(records, ['Code', 'Name', 'All ages', '0', '90+'], file, 'the ONS mid-year estimates by single year of age: Code, Name, Geography, All ages, 0 … 89, 90+');
  const header = records[h].cells;
  const periodKey = asAt(midYearOf(file, ctx.period), 6, 30).key;
  const codeCol = columnIndex(header, 'Code');
  const allCol = columnIndex(header, 'All ages');
  const ageCols = Array.from({ length: 91 }, (_, age) => columnIndex(header, age === 90 ? '90+' : String(age)));
  const missingAge = ageCols.findIndex((i) => i < 0);
  const collect = presetCollector('ons-mye-single-year', file, encoding, PROVENANCE);
  collect.result.indicators.push(...populationIndicators);
  if (missingAge >= 0) {
    collect.problem(records[h].line, `no column for age ${missingAge === 90 ? '90+' : missingAge}`);
    return collect.finish();
  }
  for (const r of records.slice(h + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    collect.row();
    const code = (r.cells[codeCol] ?? '').trim();
    if (!ctx.isArea(code)) {
      collect.skipRow(r.line, code, `"${code}" is not a council or area in the reference areas`, POPULATION_BANDS.length);
      continue;
    }
    readBands(collect, r, code, periodKey, allCol, ageCols);
  }
  return collect.finish();
}

function readBands(collect: ReturnType<typeof presetCollector>, r: CsvRecord, code: string, periodKey: string, allCol: number, ageCols: number[]): void {
  const ages = ageCols.map((i) => readFinanceCell(r.cells[i]));
  for (const band of POPULATION_BANDS) {
    const key = { indicatorCode: band.code, areaCode: code, periodKey };
    if (band.from < 0) {
      collect.cell({ line: r.line, column: allCol, field: 'All ages' }, key, r.cells[allCol]);
      continue;
    }
    collect.result.counts.valuesRead++;
    let sum = 0;
    let reason: string | undefined;
    for (let age = band.from; age <= band.to && !reason; age++) {
      const a = ages[age];
      if ('value' in a) sum += a.value;
      else reason = `age ${age === 90 ? '90+' : age} is ${'missing' in a ? a.missing : `unreadable (${a.error})`}`;
    }
    collect.add(r.line, key, reason ? null : sum, reason);
  }
}
