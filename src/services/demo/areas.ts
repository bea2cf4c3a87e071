// Demoshire's invented geography, and the real county councils it is compared with.
// Codes start with X, which no GSS code uses, so they can never collide with real areas.
import type { DemoArea } from './types.js';

export const DEMOSHIRE_CODE = 'X10000001';

export const DEMO_AREAS: DemoArea[] = [
  { code: DEMOSHIRE_CODE, name: 'Demoshire County Council', shortName: 'Demoshire', type: 'county', parentCode: 'E12000004', population: 642300 },
  { code: 'X07000001', name: 'Ashworth Vale District Council', shortName: 'Ashworth Vale', type: 'district', parentCode: DEMOSHIRE_CODE, population: 118400 },
  { code: 'X07000002', name: 'Brackenford Borough Council', shortName: 'Brackenford', type: 'district', parentCode: DEMOSHIRE_CODE, population: 146900 },
  { code: 'X07000003', name: 'Cresswold District Council', shortName: 'Cresswold', type: 'district', parentCode: DEMOSHIRE_CODE, population: 92700 },
  { code: 'X07000004', name: 'Dunmoor District Council', shortName: 'Dunmoor', type: 'district', parentCode: DEMOSHIRE_CODE, population: 71200 },
  { code: 'X07000005', name: 'Fellbrook Borough Council', shortName: 'Fellbrook', type: 'district', parentCode: DEMOSHIRE_CODE, population: 124600 },
  { code: 'X07000006', name: 'Harrowdene District Council', shortName: 'Harrowdene', type: 'district', parentCode: DEMOSHIRE_CODE, population: 88500 },
  { code: 'X99000001', name: 'Ashworth', shortName: 'Ashworth', type: 'other', parentCode: 'X07000001', population: 31200 },
  { code: 'X99000002', name: 'Kingsley Magna', shortName: 'Kingsley Magna', type: 'other', parentCode: 'X07000001', population: 2900 },
  { code: 'X99000003', name: 'Market Cresswold', shortName: 'Market Cresswold', type: 'other', parentCode: 'X07000003', population: 24800 },
  { code: 'X99000004', name: 'Oxley Bridge', shortName: 'Oxley Bridge', type: 'other', parentCode: 'X07000003', population: 4100 },
  { code: 'X99000005', name: 'Mereholt', shortName: 'Mereholt', type: 'other', parentCode: 'X07000004', population: 6300 },
  { code: 'X99000006', name: 'Little Tarrow', shortName: 'Little Tarrow', type: 'other', parentCode: 'X07000005', population: 1700 },
  { code: 'X99000007', name: 'Copperstone', shortName: 'Copperstone', type: 'other', parentCode: 'X07000006', population: 9800 },
];

/** Fifteen real English county councils that still exist: the demo's peer group. Their values are invented. */
export const PEER_CODES = [
  'E10000003', // Cambridgeshire
  'E10000007', // Derbyshire
  'E10000008', // Devon
  'E10000011', // East Sussex
  'E10000013', // Gloucestershire
  'E10000014', // Hampshire
  'E10000018', // Leicestershire
  'E10000019', // Lincolnshire
  'E10000020', // Norfolk
  'E10000024', // Nottinghamshire
  'E10000025', // Oxfordshire
  'E10000028', // Staffordshire
  'E10000029', // Suffolk
  'E10000031', // Warwickshire
  'E10000034', // Worcestershire
];
