// Delivery entries for "A Cleaner, Greener Demoshire" (invented for the demo). The contributor account
// writes for this outcome, so its drafts and submissions are here.
import { count, date, money, percent, period } from './facts.js';
import type { DemoEntry } from './types.js';

const outcome = 'a-cleaner-greener-demoshire';
const service = 'Environment and Waste';

export const GREENER_ENTRIES: DemoEntry[] = [
  {
    key: 'gr-commitments', outcome, theme: 'net-zero-and-climate', kind: 'commitment', service, author: 'officer',
    title: 'Climate and environment commitments for 2022–2026', date: '2022-06-15', periodKey: 'FY2022-23',
    body: "We will cut the council's own carbon emissions by 50% from their 2019/20 level by March 2026, plant 500,000 trees by 2030, raise household recycling to 52% by 2025/26 and install 300 public electric vehicle chargers by March 2025.",
    places: ['Demoshire'], partners: [], status: null, workflowState: 'published',
    facts: [
      percent('50%', 50),
      period('2019/20', '2019-04-01', '2020-03-31'),
      date('March 2026', '2026-03-01', '2026-03-31'),
      count('500,000 trees', 500_000, 'trees'),
      period('2030', '2030-01-01', '2030-12-31'),
      percent('52%', 52),
      period('2025/26', '2025-04-01', '2026-03-31'),
      count('300 public electric vehicle chargers', 300, 'chargers'),
      date('March 2025', '2025-03-01', '2025-03-31'),
    ],
    commitments: [
      { key: 'carbon-50', text: "Cut the council's own carbon emissions by 50% from their 2019/20 level", dueText: 'by March 2026', dueStart: '2026-03-01', dueEnd: '2026-03-31', status: 'delivered', evidence: ['gr-carbon'] },
      { key: 'trees', text: 'Plant 500,000 trees', dueText: 'by 2030', dueStart: '2030-01-01', dueEnd: '2030-12-31', status: 'open' },
      { key: 'recycling-52', text: 'Raise household recycling to 52%', dueText: 'by 2025/26', dueStart: '2025-04-01', dueEnd: '2026-03-31', status: 'delivered', evidence: ['gr-recycling'] },
      { key: 'ev-300', text: 'Install 300 public electric vehicle chargers', dueText: 'by March 2025', dueStart: '2025-03-01', dueEnd: '2025-03-31', status: 'delivered', evidence: ['gr-chargers'] },
    ],
  },
  {
    key: 'gr-carbon', outcome, theme: 'net-zero-and-climate', kind: 'achievement', service, author: 'officer',
    title: "The council's own emissions halved", date: '2026-03-30', periodKey: 'FY2025-26',
    body: "The council's own greenhouse gas emissions were 53% lower in 2025/26 than in 2019/20, meeting the commitment to halve them. The biggest cuts came from changing 41,000 street lights to LED, which saves about £1.9m a year in electricity, and from heat pumps and solar panels on 22 council buildings.",
    places: ['Demoshire'], partners: [], status: 'complete', workflowState: 'published',
    facts: [
      percent('53%', 53),
      period('2025/26', '2025-04-01', '2026-03-31'),
      period('2019/20', '2019-04-01', '2020-03-31'),
      count('41,000 street lights', 41_000, 'street lights'),
      money('about £1.9m', 1_900_000, { approximate: true }),
      count('22 council buildings', 22, 'buildings'),
    ],
  },
  {
    key: 'gr-chargers', outcome, theme: 'net-zero-and-climate', kind: 'achievement', service, author: 'contributor',
    title: '300th public charger switched on', date: '2025-03-21', periodKey: 'FY2024-25',
    body: 'The 300th public charger supported by the council was switched on in Copperstone in March 2025, meeting the commitment on time. 96% of homes are now within a ten-minute drive of a public charger. On-street chargers in residential roads in Ashworth and Brackenford are in use for 6.4 hours a day on average.',
    places: ['Copperstone', 'Ashworth', 'Brackenford'], partners: ['Demoshire EV Charging Partnership'], status: 'complete', workflowState: 'published',
    facts: [
      count('300th', 300, 'chargers'),
      date('March 2025', '2025-03-01', '2025-03-31'),
      percent('96%', 96),
      count('6.4 hours', 6.4, 'hours'),
    ],
  },
  {
    key: 'gr-flooding', outcome, theme: 'net-zero-and-climate', kind: 'project', service, author: 'contributor',
    title: 'Natural flood management in the Oxley valley', date: '2026-01-09', periodKey: 'FY2025-26',
    body: 'Leaky dams, new ponds and hedgerows on farmland above Oxley Bridge will slow the water that flooded 64 homes in February 2024. The first phase, costing £780,000, should be finished by December 2026.',
    places: ['Oxley Bridge', 'Mereholt'], partners: ['Demoshire Flood Partnership', 'Demoshire Farmers Network'], status: 'planned', workflowState: 'draft',
    facts: [
      count('64 homes', 64, 'homes'),
      date('February 2024', '2024-02-01', '2024-02-29'),
      money('£780,000', 780_000),
      date('December 2026', '2026-12-01', '2026-12-31'),
    ],
    commitments: [
      { key: 'flood-phase-1', text: 'Finish the first phase of natural flood management above Oxley Bridge', dueText: 'by December 2026', dueStart: '2026-12-01', dueEnd: '2026-12-31', status: 'open' },
    ],
  },
  {
    key: 'gr-reuse-shop', outcome, theme: 'waste-and-recycling', kind: 'achievement', service, author: 'contributor',
    title: 'Reuse shop at Dunmoor Recycling Centre', date: '2023-08-15', periodKey: 'FY2023-24',
    body: 'A reuse shop opened at Dunmoor Recycling Centre, selling furniture, bikes and tools that would otherwise have been thrown away. In its first year it sold 46 tonnes of goods and raised £58,000 for local charities. A second shop is planned for Fellbrook.',
    places: ['Dunmoor', { name: 'Dunmoor Recycling Centre', in: 'Dunmoor' }], partners: ['Demoshire Reuse Network'], status: 'complete', workflowState: 'published',
    facts: [
      count('46 tonnes', 46, 'tonnes'),
      money('£58,000', 58_000),
    ],
  },
  {
    key: 'gr-recycling', outcome, theme: 'waste-and-recycling', kind: 'update', service, author: 'contributor',
    title: 'Recycling rate reaches 52%', date: '2026-03-16', periodKey: 'FY2025-26',
    body: 'Provisional figures show that 52.4% of household waste was reused, recycled or composted in 2025/26, up from 47.2% in 2022/23. Weekly food waste collections, now running in all six districts, collected 21,800 tonnes of food waste during the year.',
    places: ['Demoshire'], partners: ['Ashworth Vale District Council', 'Brackenford Borough Council', 'Cresswold District Council', 'Dunmoor District Council', 'Fellbrook Borough Council', 'Harrowdene District Council'], status: 'on track', workflowState: 'submitted',
    facts: [
      percent('52.4%', 52.4),
      period('2025/26', '2025-04-01', '2026-03-31'),
      percent('47.2%', 47.2),
      period('2022/23', '2022-04-01', '2023-03-31'),
      count('six districts', 6, 'districts'),
      count('21,800 tonnes', 21_800, 'tonnes'),
    ],
  },
  {
    key: 'gr-clean-up', outcome, theme: 'waste-and-recycling', kind: 'update', service, author: 'contributor',
    title: 'The Great Demoshire Clean-Up', date: '2026-03-29', periodKey: 'FY2025-26',
    body: 'The Great Demoshire Clean-Up in March 2026 cleared litter from verges and parks in all six districts. Volunteers collected about 19 tonnes of rubbish.',
    places: ['Demoshire'], partners: ['Keep Demoshire Tidy'], status: 'complete', workflowState: 'draft',
    reviewComment: 'Please add how many volunteers took part, and check the tonnage with the district councils before sending it again.',
    facts: [
      date('March 2026', '2026-03-01', '2026-03-31'),
      count('about 19 tonnes', 19, 'tonnes', { approximate: true }),
    ],
  },
  {
    key: 'gr-trees', outcome, theme: 'countryside-and-nature', kind: 'update', service, author: 'contributor',
    title: 'Tree planting: 212,000 and counting', date: '2026-02-20', periodKey: 'FY2025-26',
    body: 'Since 2022 the council and its partners have planted 212,000 trees, a little over 40% of the way to 500,000 by 2030. This winter c38,000 trees went in, including a new 60-hectare community woodland near Little Tarrow. Over 90% of the young trees on farm hedgerow sites have survived.',
    places: ['Little Tarrow', 'Harrowdene', 'Cresswold'], partners: ['Demoshire Wildlife Trust', 'Demoshire Farmers Network'], status: 'on track', workflowState: 'published',
    facts: [
      period('2022', '2022-01-01', '2022-12-31'),
      count('212,000 trees', 212_000, 'trees'),
      percent('a little over 40%', 40, { approximate: true }),
      count('500,000', 500_000, 'trees'),
      period('2030', '2030-01-01', '2030-12-31'),
      count('c38,000 trees', 38_000, 'trees', { approximate: true }),
      count('60-hectare', 60, 'hectares'),
      percent('Over 90%', 90, { approximate: true }),
    ],
  },
  {
    key: 'gr-country-park', outcome, theme: 'countryside-and-nature', kind: 'achievement', service, author: 'officer',
    title: 'New visitor centre at Harrowdene Country Park', date: '2022-08-30', periodKey: 'FY2022-23',
    body: 'The rebuilt visitor centre at Harrowdene Country Park opened in August 2022 with a café, a Changing Places toilet and an all-terrain wheelchair to borrow. Visits to the park rose to an estimated 410,000 in 2022/23.',
    places: ['Harrowdene', { name: 'Harrowdene Country Park', in: 'Harrowdene' }], partners: ['Friends of Harrowdene Country Park'], status: 'complete', workflowState: 'published',
    facts: [
      date('August 2022', '2022-08-01', '2022-08-31'),
      count('an estimated 410,000', 410_000, 'visits', { approximate: true }),
      period('2022/23', '2022-04-01', '2023-03-31'),
    ],
  },
  {
    key: 'gr-solar-farm', outcome, theme: 'net-zero-and-climate', kind: 'project', service, author: 'officer',
    title: 'A solar farm on the old Copperstone landfill', date: '2023-10-31', periodKey: 'FY2023-24',
    body: 'Building began in October 2023 on a 12 MW solar farm on the capped landfill site outside Copperstone. Once running it will produce enough electricity for about 3,600 homes, and the income, expected to be about £1.1m a year, will repay the £9.7m the council has borrowed to build it.',
    places: ['Copperstone', { name: 'Copperstone landfill site', in: 'Harrowdene' }], partners: ['Harrowdene District Council'], status: 'on track', workflowState: 'published',
    facts: [
      date('October 2023', '2023-10-01', '2023-10-31'),
      count('12 MW', 12, 'MW'),
      count('about 3,600 homes', 3600, 'homes', { approximate: true }),
      money('about £1.1m', 1_100_000, { approximate: true }),
      money('£9.7m', 9_700_000),
    ],
  },
  {
    key: 'gr-food-waste', outcome, theme: 'waste-and-recycling', kind: 'achievement', service, author: 'contributor',
    title: 'Weekly food waste collections in every district', date: '2024-06-17', periodKey: 'FY2024-25',
    body: 'Harrowdene and Dunmoor started weekly food waste collections in June 2024, so every household in Demoshire can now put out its food scraps each week. The county council paid £3.4m towards caddies, vehicles and a new contract with an anaerobic digestion plant that turns the waste into electricity and fertiliser.',
    places: ['Harrowdene', 'Dunmoor'], partners: ['Harrowdene District Council', 'Dunmoor District Council'], status: 'complete', workflowState: 'published',
    facts: [
      date('June 2024', '2024-06-01', '2024-06-30'),
      money('£3.4m', 3_400_000),
    ],
  },
  {
    key: 'gr-nature-recovery', outcome, theme: 'countryside-and-nature', kind: 'achievement', service, author: 'contributor',
    title: 'A plan for nature recovery', date: '2024-10-02', periodKey: 'FY2024-25',
    body: "Demoshire's Local Nature Recovery Strategy was agreed in October 2024 after 14 workshops and 1,300 responses from residents, farmers and landowners. It maps 18,500 hectares where new habitat would do the most good, including the river corridors of the Oxley and the Fell.",
    places: ['Demoshire', 'Oxley Bridge', 'Fellbrook'], partners: ['Demoshire Wildlife Trust', 'Demoshire Farmers Network'], status: 'complete', workflowState: 'published',
    facts: [
      date('October 2024', '2024-10-01', '2024-10-31'),
      count('14 workshops', 14, 'workshops'),
      count('1,300 responses', 1300, 'responses'),
      count('18,500 hectares', 18_500, 'hectares'),
    ],
  },
];
