// A dozen performance indicators with Demoshire's values and targets. Every value is invented,
// including those the demo generates for the real councils in the peer group.
import type { DemoIndicator } from './types.js';

export const INDICATOR_PERIODS = ['FY2019-20', 'FY2020-21', 'FY2021-22', 'FY2022-23', 'FY2023-24', 'FY2024-25', 'FY2025-26'];

const INVENTED = 'Invented for the Compendium demo: not real data for Demoshire or for any real council.';
const invented = (definition: string) => `${definition} The values shown for Demoshire and for the real councils in its peer group are invented for the demo.`;

/** Demoshire's values in INDICATOR_PERIODS order. */
const series = (...values: (number | null)[]): Record<string, number | null> =>
  Object.fromEntries(INDICATOR_PERIODS.map((p, i) => [p, values[i] ?? null]));

const planYears = ['FY2022-23', 'FY2023-24', 'FY2024-25', 'FY2025-26'];
const targets = (values: number[], tolerance: number, toleranceKind: 'absolute' | 'percent' = 'absolute') =>
  values.map((value, i) => ({ periodKey: planYears[i], value, tolerance, toleranceKind }));

export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'ECO-01', title: 'Employment rate, people aged 16 to 64', unit: 'percent', decimalPlaces: 1, polarity: 'higher',
    outcome: 'a-thriving-and-fair-economy', theme: 'jobs-and-skills', frequency: 'annual-financial', source: INVENTED,
    definition: invented('People aged 16 to 64 in employment as a percentage of all residents of that age, over the year.'),
    changeTolerance: 0.2, owner: 'officer',
    values: series(76.8, 75.1, 75.9, 77.0, 77.4, 77.9, 78.3), provisional: ['FY2025-26'],
    targets: targets([76.5, 77.0, 77.5, 78.0], 0.5),
    peers: { centre: 76.2, spread: 2.4, drift: 0.3, min: 65, max: 85 },
  },
  {
    code: 'ECO-02', title: 'Premises able to get gigabit-capable broadband', unit: 'percent', decimalPlaces: 1, polarity: 'higher',
    outcome: 'a-thriving-and-fair-economy', theme: 'digital-connectivity', frequency: 'annual-financial', source: INVENTED,
    definition: invented('Residential and business premises that can order a gigabit-capable connection, as a percentage of all premises, at the end of March.'),
    changeTolerance: 0, owner: 'officer',
    values: series(18.2, 27.5, 39.1, 52.6, 63.0, 71.8, 79.4),
    targets: targets([50, 65, 75, 85], 5, 'percent'),
    peers: { centre: 21, spread: 7, drift: 9.5, min: 3, max: 99 },
  },
  {
    code: 'TRA-01', title: 'Principal roads where maintenance should be considered', unit: 'percent', decimalPlaces: 0, polarity: 'lower',
    outcome: 'safe-and-well-connected-places', theme: 'roads-and-highways', frequency: 'annual-financial', source: INVENTED,
    definition: invented('Length of A roads whose surveyed condition shows maintenance should be considered, as a percentage of all A roads surveyed.'),
    changeTolerance: 0, owner: 'officer',
    values: series(4, 4, 5, 5, 4, 6, null),
    notes: { 'FY2025-26': 'The road condition survey was delayed by the wet winter; the value will be added when it is complete.' },
    targets: targets([5, 5, 5, 5], 1),
    peers: { centre: 5, spread: 1.8, drift: 0.1, min: 1, max: 15 },
  },
  {
    code: 'TRA-02', title: 'People killed or seriously injured in road collisions', unit: 'rate-per-100000', decimalPlaces: 1, polarity: 'lower',
    outcome: 'safe-and-well-connected-places', theme: 'road-safety', frequency: 'annual-financial', source: INVENTED,
    definition: invented('People killed or seriously injured in reported road collisions on roads in the county, per 100,000 residents.'),
    changeTolerance: 0.5, owner: 'officer',
    values: series(48.2, 36.9, 42.5, 44.1, 41.8, 40.3, 38.6), provisional: ['FY2025-26'],
    targets: targets([45, 43, 41, 39], 2),
    peers: { centre: 46, spread: 9, drift: -0.6, min: 15 },
  },
  {
    code: 'CYP-01', title: 'Education, health and care plans issued within 20 weeks', unit: 'percent', decimalPlaces: 1, polarity: 'higher',
    outcome: 'the-best-start-for-every-child', theme: 'special-educational-needs-and-disabilities', frequency: 'annual-financial', source: INVENTED,
    definition: invented('New education, health and care plans issued within 20 weeks of the request, excluding the cases the code of practice allows, as a percentage of all new plans issued in the year.'),
    changeTolerance: 1, owner: 'officer',
    values: series(61.5, 58.2, 49.7, 38.4, 42.9, 55.1, 66.2),
    targets: targets([60, 60, 65, 70], 5),
    peers: { centre: 56, spread: 17, drift: -2, min: 4, max: 100 },
  },
  {
    code: 'CYP-02', title: "Re-referrals to children's social care within 12 months", unit: 'percent', decimalPlaces: 1, polarity: 'lower',
    outcome: 'the-best-start-for-every-child', theme: 'children-s-social-care', frequency: 'annual-financial', source: INVENTED,
    definition: invented("Referrals to children's social care in the year that came within 12 months of a previous referral about the same child, as a percentage of all referrals."),
    changeTolerance: 0.5, owner: 'officer',
    values: series(22.4, 21.0, 23.8, 24.6, 21.9, 20.7, 19.8),
    targets: targets([23, 22, 21, 20], 1),
    peers: { centre: 21.5, spread: 3.5, drift: -0.1, min: 8, max: 40 },
  },
  {
    code: 'ASC-01', title: 'Permanent admissions to care homes, people aged 65 and over', unit: 'rate-per-100000', decimalPlaces: 1, polarity: 'lower',
    outcome: 'healthy-and-independent-lives', theme: 'adult-social-care', frequency: 'annual-financial', source: INVENTED,
    definition: invented('Older people whose long-term support needs were met by permanent admission to a residential or nursing care home in the year, per 100,000 residents aged 65 and over.'),
    changeTolerance: 5, owner: 'officer',
    values: series(612.4, 498.0, 535.7, 571.2, 552.9, 538.1, 529.6),
    targets: targets([560, 550, 540, 520], 2, 'percent'),
    peers: { centre: 565, spread: 95, drift: -6, min: 250 },
  },
  {
    code: 'ASC-02', title: 'Older people still at home 91 days after reablement', unit: 'percent', decimalPlaces: 1, polarity: 'higher',
    outcome: 'healthy-and-independent-lives', theme: 'adult-social-care', frequency: 'annual-financial', source: INVENTED,
    definition: invented('People aged 65 and over discharged from hospital into reablement or rehabilitation who were still at home 91 days later, as a percentage of all such people.'),
    changeTolerance: 0.5, owner: 'officer',
    values: series(83.1, 79.8, 81.2, 82.6, 84.0, 85.3, 84.7), provisional: ['FY2025-26'],
    targets: targets([82, 83, 84, 86], 1),
    peers: { centre: 81.5, spread: 4, drift: 0.3, min: 60, max: 99 },
  },
  {
    code: 'PH-01', title: 'Adults who smoke', unit: 'percent', decimalPlaces: 1, polarity: 'lower',
    outcome: 'healthy-and-independent-lives', theme: 'public-health', frequency: 'annual-financial', source: INVENTED,
    definition: invented('Adults aged 18 and over who say they currently smoke, as a percentage of all adults, from a survey.'),
    changeTolerance: 0.3, owner: 'officer',
    values: series(13.1, null, 12.4, 11.8, 11.2, 10.9, 10.1), provisional: ['FY2025-26'],
    notes: { 'FY2020-21': 'The survey was paused in 2020, so there is no value for this year.' },
    targets: targets([12.5, 12.0, 11.0, 10.0], 0.5),
    peers: { centre: 12.8, spread: 2, drift: -0.4, min: 5 },
  },
  {
    code: 'ENV-01', title: 'Household waste sent for reuse, recycling or composting', unit: 'percent', decimalPlaces: 1, polarity: 'higher',
    outcome: 'a-cleaner-greener-demoshire', theme: 'waste-and-recycling', frequency: 'annual-financial', source: INVENTED,
    definition: invented('Household waste collected by the district councils and the county council that was reused, recycled or composted, as a percentage of all household waste collected.'),
    changeTolerance: 0.3, owner: 'contributor',
    values: series(46.3, 44.8, 45.9, 47.2, 48.6, 50.1, 52.4), provisional: ['FY2025-26'],
    unpublished: [{ periodKey: 'FY2025-26', workflowState: 'submitted' }],
    targets: targets([47, 48, 50, 52], 1),
    peers: { centre: 49, spread: 5, drift: 0.2, min: 30, max: 70 },
  },
  {
    code: 'ENV-02', title: 'Public electric vehicle charging devices', unit: 'rate-per-100000', decimalPlaces: 1, polarity: 'higher',
    outcome: 'a-cleaner-greener-demoshire', theme: 'net-zero-and-climate', frequency: 'annual-financial', source: INVENTED,
    definition: invented('Publicly available charging devices for electric vehicles in the county at the end of March, per 100,000 residents.'),
    changeTolerance: 0, owner: 'contributor',
    values: series(9.8, 14.2, 21.5, 33.9, 48.7, 66.0, 81.3),
    targets: targets([30, 45, 65, 90], 10, 'percent'),
    peers: { centre: 12, spread: 6, drift: 12, min: 2 },
  },
  {
    code: 'CTX-01', title: 'Band D council tax, county council share', unit: 'gbp', decimalPlaces: 2, polarity: 'none',
    outcome: null, theme: null, frequency: 'annual-financial', source: INVENTED,
    definition: invented('The county council\'s part of the annual council tax for a Band D home, including the adult social care precept. Context only: higher or lower is neither better nor worse.'),
    changeTolerance: 0, owner: 'officer',
    values: series(1412.46, 1454.79, 1498.35, 1543.14, 1620.15, 1701.09, 1786.14),
    targets: [],
    peers: { centre: 1440, spread: 70, drift: 52 },
  },
];
