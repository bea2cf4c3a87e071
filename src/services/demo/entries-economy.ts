// Delivery entries for "A Thriving and Fair Economy" (invented for the demo).
import { count, date, duration, money, percent, period } from './facts.js';
import type { DemoEntry } from './types.js';

const outcome = 'a-thriving-and-fair-economy';
const service = 'Economic Growth';

export const ECONOMY_ENTRIES: DemoEntry[] = [
  {
    key: 'eco-commitments', outcome, theme: 'jobs-and-skills', kind: 'commitment', service, author: 'officer',
    title: 'Skills and employment commitments for 2022–2026', date: '2022-06-15', periodKey: 'FY2022-23',
    body: 'Over the life of the plan we will open a skills hub in Brackenford by spring 2023, help 2,500 residents who are out of work into jobs by March 2026, and create 400 apprenticeships across the council and its suppliers by March 2026.',
    places: ['Demoshire', 'Brackenford'], partners: ['Demoshire Business Partnership'], status: null, workflowState: 'published',
    facts: [
      period('spring 2023', '2023-03-01', '2023-05-31'),
      count('2,500 residents', 2500, 'residents'),
      date('March 2026', '2026-03-01', '2026-03-31'),
      count('400 apprenticeships', 400, 'apprenticeships'),
      date('March 2026', '2026-03-01', '2026-03-31', { occurrence: 2 }),
    ],
    commitments: [
      { key: 'skills-hub', text: 'Open a skills hub in Brackenford', dueText: 'by spring 2023', dueStart: '2023-03-01', dueEnd: '2023-05-31', status: 'delivered', evidence: ['eco-skills-hub'] },
      { key: 'into-work', text: 'Help 2,500 residents who are out of work into jobs', dueText: 'by March 2026', dueStart: '2026-03-01', dueEnd: '2026-03-31', status: 'delivered', evidence: ['eco-into-work'] },
      { key: 'apprenticeships', text: 'Create 400 apprenticeships across the council and its suppliers', dueText: 'by March 2026', dueStart: '2026-03-01', dueEnd: '2026-03-31', status: 'late' },
    ],
  },
  {
    key: 'eco-skills-hub', outcome, theme: 'jobs-and-skills', kind: 'achievement', service, author: 'officer',
    title: 'Brackenford Skills Hub opens its doors', date: '2023-02-14', periodKey: 'FY2022-23',
    body: "The Brackenford Skills Hub opened in February 2023 in the town's former Corn Exchange, with training bays for construction, engineering and care work. The refurbishment cost £3.2m, of which £2.1m came from the council's capital programme. In its first term the hub enrolled 214 learners, and around 60 local employers have signed up to offer work placements.",
    places: ['Brackenford'], partners: ['Brackenford College', 'Demoshire Business Partnership'], status: 'complete', workflowState: 'published',
    facts: [
      date('February 2023', '2023-02-01', '2023-02-28'),
      money('£3.2m', 3_200_000),
      money('£2.1m', 2_100_000),
      count('214 learners', 214, 'learners'),
      count('around 60 local employers', 60, 'employers', { approximate: true }),
    ],
  },
  {
    key: 'eco-into-work', outcome, theme: 'jobs-and-skills', kind: 'achievement', service, author: 'officer',
    title: 'Working Demoshire passes its goal of 2,500 people into work', date: '2026-03-20', periodKey: 'FY2025-26',
    body: 'By March 2026 the Working Demoshire programme had helped 2,618 people who were out of work into jobs, passing its goal of 2,500. Just over half (52%) were aged under 25. Job coaches now work from every library in Ashworth Vale and Fellbrook, and the programme will continue for two more years with £1.4m from the council and its partners.',
    places: ['Ashworth Vale', 'Fellbrook'], partners: ['Demoshire Business Partnership', 'Jobcentres in Demoshire'], status: 'complete', workflowState: 'published',
    facts: [
      date('March 2026', '2026-03-01', '2026-03-31'),
      count('2,618 people', 2618, 'people'),
      count('2,500', 2500, 'people'),
      percent('52%', 52),
      duration('two more years', 730),
      money('£1.4m', 1_400_000),
    ],
  },
  {
    key: 'eco-apprenticeships', outcome, theme: 'jobs-and-skills', kind: 'update', service, author: 'officer',
    title: 'Apprenticeships: 340 started against a goal of 400', date: '2026-02-10', periodKey: 'FY2025-26',
    body: 'Since April 2022, 340 apprenticeships have started in the council and in companies working for it, short of the 400 we aimed for by March 2026. Starts slowed in 2024/25 when two large contractors cut their intake. New clauses in highways and care contracts should close the gap by the end of 2026.',
    places: ['Demoshire'], partners: ['Demoshire Business Partnership'], status: 'behind plan', workflowState: 'published',
    facts: [
      date('April 2022', '2022-04-01', '2022-04-30'),
      count('340 apprenticeships', 340, 'apprenticeships'),
      count('400', 400, 'apprenticeships'),
      date('March 2026', '2026-03-01', '2026-03-31'),
      period('2024/25', '2024-04-01', '2025-03-31'),
      period('the end of 2026', '2026-10-01', '2026-12-31'),
    ],
  },
  {
    key: 'eco-market-towns', outcome, theme: 'market-towns-and-high-streets', kind: 'project', service, author: 'officer',
    title: 'Market Towns Fund: shopfronts and empty units', date: '2023-09-12', periodKey: 'FY2023-24',
    body: "The Market Towns Fund gives grants of £2,000 to £10,000 to independent shops in Market Cresswold and Copperstone to restore shopfronts and bring empty units back into use. The first round awarded 37 grants, and the number of empty units on Copperstone's high street fell from 19 to 12 within a year. We aim to award 60 grants by autumn 2025.",
    places: ['Market Cresswold', 'Copperstone'], partners: ['Cresswold District Council', 'Harrowdene District Council'], status: 'on track', workflowState: 'published',
    facts: [
      money('£2,000 to £10,000', 2000, { valueMax: 10_000 }),
      count('37 grants', 37, 'grants'),
      count('19', 19, 'empty units'),
      count('12', 12, 'empty units'),
      count('60 grants', 60, 'grants'),
      period('autumn 2025', '2025-09-01', '2025-11-30'),
    ],
    commitments: [
      { key: 'market-towns', text: 'Award 60 shopfront and empty-unit grants in market towns', dueText: 'by autumn 2025', dueStart: '2025-09-01', dueEnd: '2025-11-30', status: 'delivered', evidence: ['eco-market-towns-final'] },
    ],
  },
  {
    key: 'eco-market-towns-final', outcome, theme: 'market-towns-and-high-streets', kind: 'achievement', service, author: 'officer',
    title: 'Sixty-eight grants awarded through the Market Towns Fund', date: '2025-10-08', periodKey: 'FY2025-26',
    body: 'The last round of the Market Towns Fund closed in October 2025, bringing the total to 68 grants worth £412,000. Businesses added £296,000 of their own. On market days, footfall in Market Cresswold was 8% higher than in 2023.',
    places: ['Market Cresswold', 'Copperstone'], partners: ['Cresswold District Council', 'Harrowdene District Council'], status: 'complete', workflowState: 'published',
    facts: [
      date('October 2025', '2025-10-01', '2025-10-31'),
      count('68 grants', 68, 'grants'),
      money('£412,000', 412_000),
      money('£296,000', 296_000),
      percent('8%', 8),
      period('2023', '2023-01-01', '2023-12-31'),
    ],
  },
  {
    key: 'eco-gigabit', outcome, theme: 'digital-connectivity', kind: 'project', service, author: 'officer',
    title: 'Gigabit broadband for rural Demoshire', date: '2024-01-22', periodKey: 'FY2023-24',
    body: 'Demoshire Digital is bringing gigabit-capable broadband to about 11,500 rural homes and businesses that commercial providers had no plans to reach, starting with Mereholt and the villages around Dunmoor. The contract is worth £18.6m over four years. By January 2024, 63% of premises in the county could order a gigabit connection, up from 18% in 2020. We aim for 85% of premises by March 2026.',
    places: ['Mereholt', 'Dunmoor', 'Little Tarrow'], partners: ['Demoshire Digital Partnership'], status: 'on track', workflowState: 'published',
    facts: [
      count('about 11,500 rural homes and businesses', 11_500, 'premises', { approximate: true }),
      money('£18.6m', 18_600_000),
      duration('four years', 1461),
      date('January 2024', '2024-01-01', '2024-01-31'),
      percent('63%', 63),
      percent('18%', 18),
      period('2020', '2020-01-01', '2020-12-31'),
      percent('85%', 85),
      date('March 2026', '2026-03-01', '2026-03-31'),
    ],
    commitments: [
      { key: 'gigabit-85', text: 'Make gigabit-capable broadband available to 85% of premises', dueText: 'by March 2026', dueStart: '2026-03-01', dueEnd: '2026-03-31', status: 'late' },
    ],
  },
  {
    key: 'eco-digital-skills', outcome, theme: 'digital-connectivity', kind: 'update', service: 'Libraries and Communities', author: 'officer',
    title: 'Digital skills sessions in libraries and village halls', date: '2026-01-15', periodKey: 'FY2025-26',
    body: 'Libraries ran 1,140 free digital skills sessions in 2025, helping people to shop, bank and book GP appointments online. Around a third of those who came were over 75. Sessions in Little Tarrow and Oxley Bridge village halls were added after requests from parish councils.',
    places: ['Little Tarrow', 'Oxley Bridge'], partners: ['Parish councils'], status: 'on track', workflowState: 'submitted',
    facts: [
      count('1,140 free digital skills sessions', 1140, 'sessions'),
      period('2025', '2025-01-01', '2025-12-31'),
      percent('Around a third', 33.3, { approximate: true }),
    ],
  },
  {
    key: 'eco-mobile-masts', outcome, theme: 'digital-connectivity', kind: 'achievement', service, author: 'officer',
    title: 'Mobile signal for the Dunmoor hills', date: '2022-11-08', periodKey: 'FY2022-23',
    body: 'Four new shared mobile masts went live in the Dunmoor hills in November 2022, giving reliable 4G to around 2,100 homes and 35 farms that had no signal indoors. The council found sites on its own land and helped the operators through planning, at a cost of £85,000.',
    places: ['Dunmoor', 'Mereholt'], partners: ['Demoshire Digital Partnership'], status: 'complete', workflowState: 'published',
    facts: [
      count('Four new shared mobile masts', 4, 'masts'),
      date('November 2022', '2022-11-01', '2022-11-30'),
      count('around 2,100 homes', 2100, 'homes', { approximate: true }),
      count('35 farms', 35, 'farms'),
      money('£85,000', 85_000),
    ],
  },
  {
    key: 'eco-start-ups', outcome, theme: 'jobs-and-skills', kind: 'achievement', service, author: 'officer',
    title: 'Start-up grants for new businesses', date: '2024-11-19', periodKey: 'FY2024-25',
    body: 'The Demoshire Start-Up Fund supported 146 new businesses in 2024/25 with grants of up to £5,000 and a year of free mentoring. Of the businesses it has helped since 2022:\n\n- 88% were still trading after 12 months;\n- 41% were started by women;\n- about 310 jobs were created.',
    places: ['Demoshire'], partners: ['Demoshire Business Partnership', 'Brackenford College'], status: 'on track', workflowState: 'published',
    facts: [
      count('146 new businesses', 146, 'businesses'),
      period('2024/25', '2024-04-01', '2025-03-31'),
      money('up to £5,000', 5000),
      period('2022', '2022-01-01', '2022-12-31'),
      percent('88%', 88),
      duration('12 months', 365),
      percent('41%', 41),
      count('about 310 jobs', 310, 'jobs', { approximate: true }),
    ],
  },
  {
    key: 'eco-visitors', outcome, theme: 'market-towns-and-high-streets', kind: 'update', service, author: 'officer',
    title: 'Visitors and what they spend', date: '2025-02-25', periodKey: 'FY2024-25',
    body: 'An estimated 9.4 million visits were made to Demoshire in 2024, worth £612m to the local economy and supporting around 7,800 jobs. The **Demoshire Larder** food trail, launched in May 2024, now lists 64 producers, cafés and farm shops.',
    places: ['Demoshire', 'Market Cresswold', 'Kingsley Magna'], partners: ['Visit Demoshire'], status: 'on track', workflowState: 'published',
    facts: [
      count('An estimated 9.4 million visits', 9_400_000, 'visits', { approximate: true }),
      period('2024', '2024-01-01', '2024-12-31'),
      money('£612m', 612_000_000),
      count('around 7,800 jobs', 7800, 'jobs', { approximate: true }),
      date('May 2024', '2024-05-01', '2024-05-31'),
      count('64 producers, cafés and farm shops', 64, 'businesses'),
    ],
  },
];
