// Delivery entries for "Healthy and Independent Lives" (invented for the demo).
import { count, date, duration, money, percent, period } from './facts.js';
import type { DemoEntry } from './types.js';

const outcome = 'healthy-and-independent-lives';
const service = 'Adults and Communities';

export const HEALTH_ENTRIES: DemoEntry[] = [
  {
    key: 'he-commitments', outcome, theme: 'adult-social-care', kind: 'commitment', service, author: 'officer',
    title: 'Care and health commitments for 2022–2026', date: '2022-06-15', periodKey: 'FY2022-23',
    body: "During the plan we will help more older people recover at home after a stay in hospital, build 250 extra care flats by March 2026, and open a carers' support centre in every district by the end of 2024.",
    places: ['Demoshire'], partners: [], status: null, workflowState: 'published',
    facts: [
      count('250 extra care flats', 250, 'flats'),
      date('March 2026', '2026-03-01', '2026-03-31'),
      period('the end of 2024', '2024-10-01', '2024-12-31'),
    ],
    commitments: [
      { key: 'reablement', text: 'Help more older people recover at home after a stay in hospital', dueText: 'during the plan', dueStart: '2022-04-01', dueEnd: '2026-03-31', status: 'unknown' },
      { key: 'extra-care', text: 'Build 250 extra care flats', dueText: 'by March 2026', dueStart: '2026-03-01', dueEnd: '2026-03-31', status: 'late' },
      { key: 'carers-centres', text: "Open a carers' support centre in every district", dueText: 'by the end of 2024', dueStart: '2024-10-01', dueEnd: '2024-12-31', status: 'delivered', evidence: ['he-carers'] },
    ],
  },
  {
    key: 'he-home-first', outcome, theme: 'adult-social-care', kind: 'achievement', service, author: 'officer',
    title: 'Home First: more people recovering at home', date: '2024-03-12', periodKey: 'FY2023-24',
    body: 'The Home First service now supports around 190 people a week as they leave hospital, with therapists and care workers visiting within 48 hours of discharge. 84% of older people who went through reablement were still living at home three months later, and the number of people waiting in hospital for care to be arranged fell by a third over the winter.',
    places: ['Demoshire'], partners: ['Demoshire and Cresswold Hospitals NHS Trust', 'Demoshire Integrated Care Board'], status: 'complete', workflowState: 'published',
    facts: [
      count('around 190 people a week', 190, 'people', { approximate: true }),
      duration('48 hours', 2),
      percent('84%', 84),
      duration('three months', 91),
      percent('a third', 33.3, { approximate: true }),
    ],
  },
  {
    key: 'he-extra-care', outcome, theme: 'adult-social-care', kind: 'update', service, author: 'officer',
    title: 'Extra care housing: 186 flats open', date: '2026-03-02', periodKey: 'FY2025-26',
    body: 'Three extra care schemes have opened during the plan, in Mereholt, Copperstone and Ashworth, with 186 flats between them. A fourth scheme of 72 flats in Market Cresswold stopped when its builder went into administration; it is now due to open in autumn 2026, which will bring the total to 258.',
    places: ['Mereholt', 'Copperstone', 'Ashworth', 'Market Cresswold'], partners: ['Demoshire Housing Association'], status: 'delayed', workflowState: 'published',
    facts: [
      count('186 flats', 186, 'flats'),
      count('72 flats', 72, 'flats'),
      period('autumn 2026', '2026-09-01', '2026-11-30'),
      count('258', 258, 'flats'),
    ],
  },
  {
    key: 'he-home-care', outcome, theme: 'adult-social-care', kind: 'update', service, author: 'officer',
    title: 'Waiting list for home care', date: '2026-03-27', periodKey: 'FY2025-26',
    body: 'At the end of March 2026, 43 people were waiting for a home care package to start, compared with 212 at the peak in January 2023. Most people now wait less than seven days.',
    places: ['Demoshire'], partners: [], status: 'improving', workflowState: 'draft',
    facts: [
      date('March 2026', '2026-03-01', '2026-03-31'),
      count('43 people', 43, 'people'),
      count('212', 212, 'people'),
      date('January 2023', '2023-01-01', '2023-01-31'),
      duration('seven days', 7),
    ],
  },
  {
    key: 'he-smoking', outcome, theme: 'public-health', kind: 'achievement', service: 'Public Health', author: 'officer',
    title: 'Fewer adults smoking than ever', date: '2025-03-18', periodKey: 'FY2024-25',
    body: 'Adult smoking in Demoshire fell to 10.9% in 2024/25. The stop smoking service helped 2,340 people to stay smoke-free for at least four weeks, and a vape swap scheme reached 1,100 people in routine and manual jobs, where smoking is most common.',
    places: ['Demoshire'], partners: ['Community pharmacies'], status: 'complete', workflowState: 'published',
    facts: [
      percent('10.9%', 10.9),
      period('2024/25', '2024-04-01', '2025-03-31'),
      count('2,340 people', 2340, 'people'),
      duration('four weeks', 28),
      count('1,100 people', 1100, 'people'),
    ],
  },
  {
    key: 'he-active', outcome, theme: 'public-health', kind: 'project', service: 'Public Health', author: 'officer',
    title: 'Active Demoshire: exercise on referral', date: '2023-06-20', periodKey: 'FY2023-24',
    body: 'Active Demoshire offers 12 weeks of supported exercise to adults referred by their GP. In its first year 1,870 people took part, and two-thirds of those who finished were still exercising regularly six months later. The programme costs £210,000 a year, shared with the district councils that run the leisure centres.',
    places: ['Brackenford', 'Fellbrook'], partners: ['Brackenford Borough Council', 'Fellbrook Borough Council'], status: 'on track', workflowState: 'published',
    facts: [
      duration('12 weeks', 84),
      count('1,870 people', 1870, 'people'),
      percent('two-thirds', 66.7, { approximate: true }),
      duration('six months', 182),
      money('£210,000', 210_000),
    ],
  },
  {
    key: 'he-carers', outcome, theme: 'carers', kind: 'achievement', service, author: 'officer',
    title: "A carers' centre in every district", date: '2024-12-09', periodKey: 'FY2024-25',
    body: "With the opening of the Harrowdene centre in December 2024, there is now a carers' support centre in every district of Demoshire. The six centres registered 3,450 unpaid carers during the year, 40% of them looking after someone with dementia, and arranged 5,200 hours of replacement care so that carers could take a break.",
    places: ['Ashworth Vale', 'Brackenford', 'Cresswold', 'Dunmoor', 'Fellbrook', 'Harrowdene'], partners: ['Carers Demoshire'], status: 'complete', workflowState: 'published',
    facts: [
      date('December 2024', '2024-12-01', '2024-12-31'),
      count('six centres', 6, 'centres'),
      count('3,450 unpaid carers', 3450, 'carers'),
      percent('40%', 40),
      count('5,200 hours', 5200, 'hours'),
    ],
  },
  {
    key: 'he-warm-spaces', outcome, theme: 'public-health', kind: 'achievement', service: 'Public Health', author: 'officer',
    title: 'Warm spaces through the winter', date: '2023-01-24', periodKey: 'FY2022-23',
    body: 'With libraries, churches and community centres, the council supported 112 warm spaces during winter 2022/23, open for a combined 3,900 hours a week at the peak. A £450,000 top-up to the household support fund also paid for 2,600 emergency energy vouchers.',
    places: ['Demoshire'], partners: ['Demoshire Community Foundation', 'Faith groups'], status: 'complete', workflowState: 'published',
    facts: [
      count('112 warm spaces', 112, 'warm spaces'),
      period('winter 2022/23', '2022-12-01', '2023-02-28'),
      count('3,900 hours a week', 3900, 'hours'),
      money('£450,000', 450_000),
      count('2,600 emergency energy vouchers', 2600, 'vouchers'),
    ],
  },
  {
    key: 'he-care-workers', outcome, theme: 'adult-social-care', kind: 'update', service, author: 'officer',
    title: 'More care workers, better paid', date: '2023-03-15', periodKey: 'FY2022-23',
    body: 'A county-wide campaign brought 640 new care workers into home care and care homes in 2022/23. From April 2023 the council pays care providers enough to give care workers at least £10.90 an hour, 48p above the legal minimum.',
    places: ['Demoshire'], partners: ['Demoshire Care Association'], status: 'complete', workflowState: 'published',
    facts: [
      count('640 new care workers', 640, 'care workers'),
      period('2022/23', '2022-04-01', '2023-03-31'),
      date('April 2023', '2023-04-01', '2023-04-30'),
      money('£10.90', 10.9),
      money('48p', 0.48),
    ],
  },
  {
    key: 'he-dementia', outcome, theme: 'carers', kind: 'achievement', service, author: 'officer',
    title: 'Dementia-friendly towns', date: '2025-07-10', periodKey: 'FY2025-26',
    body: 'In July 2025 Fellbrook became the sixth Demoshire town to be recognised as dementia-friendly. Since 2022 more than 5,000 people, from bus drivers to shop staff, have been to an awareness session, and 11 memory cafés now meet at least once a month.',
    places: ['Fellbrook', 'Ashworth', 'Market Cresswold'], partners: ['Carers Demoshire', 'Demoshire Memory Service'], status: 'complete', workflowState: 'published',
    facts: [
      date('July 2025', '2025-07-01', '2025-07-31'),
      count('sixth', 6, 'towns'),
      period('2022', '2022-01-01', '2022-12-31'),
      count('more than 5,000 people', 5000, 'people', { approximate: true }),
      count('11 memory cafés', 11, 'memory cafés'),
    ],
  },
];
