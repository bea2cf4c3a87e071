// Builds src/store/reference/areas.csv from the shared reference data (mySociety's list of UK
// councils, MIT; ONS's district-to-county lookup, OGL v3) plus the English regions and the nations.
// Run: npx tsx scripts/build-areas.ts [path to shared/data]
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../src/present/csv.js';

const dataDir = path.resolve(process.argv[2] ?? '../shared/data');
const out = path.resolve('src/store/reference/areas.csv');

type Row = Record<string, string>;
const councils: Row[] = parse(fs.readFileSync(path.join(dataDir, 'uk-local-authorities.csv')), { columns: true });
const lookup: Row[] = parse(fs.readFileSync(path.join(dataDir, 'ons-lad18-cty18-lookup.csv')), { columns: true, bom: true });

const REGIONS: Record<string, string> = {
  'North East': 'E12000001', 'North West': 'E12000002', 'Yorkshire and The Humber': 'E12000003',
  'East Midlands': 'E12000004', 'West Midlands': 'E12000005', 'East of England': 'E12000006',
  London: 'E12000007', 'South East': 'E12000008', 'South West': 'E12000009',
};
const NATIONS: Record<string, string> = {
  England: 'E92000001', Wales: 'W92000004', Scotland: 'S92000003', 'Northern Ireland': 'N92000002',
};
const TYPES: Record<string, string> = {
  CTY: 'county', NMD: 'district', UA: 'unitary', MD: 'metropolitan-district', LBO: 'london-borough',
  SCO: 'unitary', WPA: 'unitary', NID: 'district',
};

const gssByLetters = new Map(councils.map((c) => [c['local-authority-code'], c['gss-code']]));
const countyOfDistrict = new Map(lookup.filter((r) => r.CTY18CD).map((r) => [r.LAD18CD, r.CTY18CD]));

const rows: Record<string, string | number>[] = [];
for (const [name, code] of Object.entries(NATIONS)) {
  rows.push({ code, name, short_name: name, type: 'nation', parent_code: '', region: '', nation: name, population: '', lat: '', lng: '', end_date: '' });
}
for (const [name, code] of Object.entries(REGIONS)) {
  rows.push({ code, name, short_name: name, type: 'region', parent_code: NATIONS.England, region: name, nation: 'England', population: '', lat: '', lng: '', end_date: '' });
}
for (const c of councils) {
  const code = c['gss-code'];
  if (!code) continue;
  const type = TYPES[c['local-authority-type']] ?? 'other';
  const county = c['county-la'] ? gssByLetters.get(c['county-la']) : countyOfDistrict.get(code);
  const parent = type === 'district' && county ? county : (REGIONS[c.region] ?? NATIONS[c.nation] ?? '');
  const pop = c['pop-2020'] ? Math.round(Number(c['pop-2020'])) : '';
  rows.push({
    code, name: c['official-name'], short_name: c['nice-name'], type, parent_code: parent,
    region: c.region, nation: c.nation, population: pop,
    lat: c.lat ? Number(c.lat).toFixed(5) : '', lng: c.long ? Number(c.long).toFixed(5) : '',
    end_date: c['end-date'],
  });
}
// The councils list puts a few counties in the wrong region (Derbyshire in the West Midlands,
// Lincolnshire in Yorkshire and The Humber, 2024 edition); their districts are right, so a county
// takes the region most of its districts are in.
for (const county of rows.filter((r) => r.type === 'county')) {
  const tally = new Map<string, number>();
  for (const d of rows) if (d.parent_code === county.code && d.type === 'district') tally.set(String(d.region), (tally.get(String(d.region)) ?? 0) + 1);
  const [best] = [...tally.entries()].sort((a, b) => b[1] - a[1]);
  if (best && best[0] !== county.region && REGIONS[best[0]]) {
    console.log(`${county.short_name}: region ${county.region} → ${best[0]} (from its ${best[1]} districts)`);
    county.region = best[0];
    county.parent_code = REGIONS[best[0]];
  }
}
rows.sort((a, b) => String(a.code).localeCompare(String(b.code)));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, toCsv(rows));
console.log(`wrote ${rows.length} areas to ${path.relative(process.cwd(), out)}`);
