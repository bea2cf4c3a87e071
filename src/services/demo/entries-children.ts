// Delivery entries for "The Best Start for Every Child" (invented for the demo).
import { count, date, duration, money, percent, period } from './facts.js';
import type { DemoEntry } from './types.js';

const outcome = 'the-best-start-for-every-child';
const service = 'Children and Family Services';

export const CHILDREN_ENTRIES: DemoEntry[] = [
  {
    key: 'ch-commitments', outcome, theme: 'early-years-and-schools', kind: 'commitment', service, author: 'officer',
    title: 'School places and SEND commitments for 2022–2026', date: '2022-06-15', periodKey: 'FY2022-23',
    body: 'We will create 1,200 new school places by March 2026 where new housing is growing fastest, open a new special school in Fellbrook by September 2024, and issue at least 70% of education, health and care plans within 20 weeks by 2025/26.',
    places: ['Demoshire', 'Fellbrook'], partners: [], status: null, workflowState: 'published',
    facts: [
      count('1,200 new school places', 1200, 'school places'),
      date('March 2026', '2026-03-01', '2026-03-31'),
      date('September 2024', '2024-09-01', '2024-09-30'),
      percent('at least 70%', 70, { approximate: true }),
      duration('20 weeks', 140),
      period('2025/26', '2025-04-01', '2026-03-31'),
    ],
    commitments: [
      { key: 'school-places', text: 'Create 1,200 new school places where housing is growing fastest', dueText: 'by March 2026', dueStart: '2026-03-01', dueEnd: '2026-03-31', status: 'delivered', evidence: ['ch-school-places'] },
      { key: 'special-school', text: 'Open a new special school in Fellbrook', dueText: 'by September 2024', dueStart: '2024-09-01', dueEnd: '2024-09-30', status: 'delivered', evidence: ['ch-special-school'] },
      { key: 'ehcp-70', text: 'Issue at least 70% of education, health and care plans within 20 weeks', dueText: 'by 2025/26', dueStart: '2025-04-01', dueEnd: '2026-03-31', status: 'late' },
    ],
  },
  {
    key: 'ch-school-places', outcome, theme: 'early-years-and-schools', kind: 'achievement', service, author: 'officer',
    title: '1,260 new school places ready for September', date: '2025-09-05', periodKey: 'FY2025-26',
    body: 'With the extension of Brackenford Meadows Primary and the new Cresswold Fields Academy, the council has created 1,260 school places since April 2022, more than the 1,200 it promised. Every child who applied on time for a Reception place in September 2025 was offered one, and 94% were offered their first preference.',
    places: ['Brackenford', 'Market Cresswold'], partners: ['Cresswold Learning Trust'], status: 'complete', workflowState: 'published',
    facts: [
      count('1,260 school places', 1260, 'school places'),
      date('April 2022', '2022-04-01', '2022-04-30'),
      count('1,200', 1200, 'school places'),
      date('September 2025', '2025-09-01', '2025-09-30'),
      percent('94%', 94),
    ],
  },
  {
    key: 'ch-special-school', outcome, theme: 'special-educational-needs-and-disabilities', kind: 'achievement', service, author: 'officer',
    title: 'Riverside School opens in Fellbrook', date: '2025-01-13', periodKey: 'FY2024-25',
    body: 'Riverside School, a new special school for 120 pupils with autism or social, emotional and mental health needs, opened in Fellbrook in January 2025, four months later than planned after a delay to the roofing contract. About 90 children who had been travelling to schools outside the county can now learn closer to home, saving an estimated £2.3m a year in transport and fees.',
    places: ['Fellbrook'], partners: ['Fellbrook Borough Council'], status: 'complete', workflowState: 'published',
    facts: [
      count('120 pupils', 120, 'pupils'),
      date('January 2025', '2025-01-01', '2025-01-31'),
      duration('four months', 120),
      count('About 90 children', 90, 'children', { approximate: true }),
      money('an estimated £2.3m', 2_300_000, { approximate: true }),
    ],
  },
  {
    key: 'ch-ehcp', outcome, theme: 'special-educational-needs-and-disabilities', kind: 'update', service, author: 'officer',
    title: 'Education, health and care plans: timeliness recovering', date: '2025-04-30', periodKey: 'FY2024-25',
    body: 'In 2024/25, 55.1% of new education, health and care plans were issued within 20 weeks, up from 38.4% two years earlier, while requests for an assessment rose by 17% over the same period. Twelve more educational psychologists have joined the service, and a new triage team now looks at every request within 10 working days.',
    places: ['Demoshire'], partners: ['Demoshire Parent Carer Forum'], status: 'improving', workflowState: 'published',
    facts: [
      period('2024/25', '2024-04-01', '2025-03-31'),
      percent('55.1%', 55.1),
      duration('20 weeks', 140),
      percent('38.4%', 38.4),
      percent('17%', 17),
      count('Twelve more educational psychologists', 12, 'educational psychologists'),
      duration('10 working days', 14),
    ],
  },
  {
    key: 'ch-family-hubs', outcome, theme: 'children-s-social-care', kind: 'achievement', service, author: 'officer',
    title: 'Family hubs open in three towns', date: '2023-10-16', periodKey: 'FY2023-24',
    body: 'Family hubs opened in Ashworth, Brackenford and Dunmoor, bringing midwives, health visitors, early help workers and benefits advice under one roof. The hubs had 8,900 visits in their first six months. Help given early through the hubs is one reason why re-referrals to children\'s social care fell to 21.9% in 2023/24.',
    places: ['Ashworth', 'Brackenford', 'Dunmoor'], partners: ['Demoshire Integrated Care Board', 'Home-Start Demoshire'], status: 'complete', workflowState: 'published',
    facts: [
      count('8,900 visits', 8900, 'visits'),
      duration('six months', 182),
      percent('21.9%', 21.9),
      period('2023/24', '2023-04-01', '2024-03-31'),
    ],
  },
  {
    key: 'ch-fostering', outcome, theme: 'children-s-social-care', kind: 'update', service, author: 'officer',
    title: 'Recruiting more foster carers', date: '2026-01-28', periodKey: 'FY2025-26',
    body: 'The council approved 31 new fostering households in 2025, against an aim of 45, while 26 households retired or stopped fostering. Fostering allowances rose by 8% in April 2025, and a council tax discount for foster carers is planned from April 2026.',
    places: ['Demoshire'], partners: ['Demoshire Foster Carers Association'], status: 'behind plan', workflowState: 'submitted',
    facts: [
      count('31 new fostering households', 31, 'households'),
      period('2025', '2025-01-01', '2025-12-31'),
      count('45', 45, 'households'),
      count('26 households', 26, 'households'),
      percent('8%', 8),
      date('April 2025', '2025-04-01', '2025-04-30'),
      date('April 2026', '2026-04-01', '2026-04-30'),
    ],
  },
  {
    key: 'ch-childcare', outcome, theme: 'early-years-and-schools', kind: 'project', service, author: 'officer',
    title: 'More childcare places for working parents', date: '2024-09-03', periodKey: 'FY2024-25',
    body: 'To prepare for funded childcare from the age of nine months, the council gave 54 nurseries and childminders grants totalling £1.1m to create 730 more places. Take-up of free hours for two-year-olds from low-income families reached 81%, the highest the county has recorded.',
    places: ['Demoshire'], partners: ['Demoshire Early Years Alliance'], status: 'on track', workflowState: 'published',
    facts: [
      duration('nine months', 274),
      count('54 nurseries and childminders', 54, 'providers'),
      money('£1.1m', 1_100_000),
      count('730 more places', 730, 'childcare places'),
      percent('81%', 81),
    ],
  },
  {
    key: 'ch-holiday-activities', outcome, theme: 'early-years-and-schools', kind: 'achievement', service, author: 'officer',
    title: 'Holiday activities and food', date: '2022-09-06', periodKey: 'FY2022-23',
    body: 'The holiday activities and food programme ran at 96 venues over the summer of 2022, giving 7,400 children who receive free school meals four days a week of activities and a healthy meal. 9 in 10 families who answered the survey said their child had been more active.',
    places: ['Demoshire'], partners: ['Demoshire Community Foundation', 'Brackenford Borough Council'], status: 'complete', workflowState: 'published',
    facts: [
      count('96 venues', 96, 'venues'),
      period('the summer of 2022', '2022-06-01', '2022-08-31'),
      count('7,400 children', 7400, 'children'),
      percent('9 in 10', 90, { approximate: true }),
    ],
  },
  {
    key: 'ch-social-workers', outcome, theme: 'children-s-social-care', kind: 'update', service, author: 'officer',
    title: 'A more stable social work team', date: '2023-03-21', periodKey: 'FY2022-23',
    body: "Agency staff made up 27% of the children's social work team in March 2023, down from 34% a year before. The new social work academy trained its first 18 newly qualified social workers, and caseloads fell to an average of 17 children for each worker.",
    places: ['Demoshire'], partners: [], status: 'improving', workflowState: 'published',
    facts: [
      percent('27%', 27),
      date('March 2023', '2023-03-01', '2023-03-31'),
      percent('34%', 34),
      count('18 newly qualified social workers', 18, 'social workers'),
      count('17 children', 17, 'children'),
    ],
  },
  {
    key: 'ch-attendance', outcome, theme: 'early-years-and-schools', kind: 'project', service, author: 'officer',
    title: 'Getting children back to school', date: '2024-02-12', periodKey: 'FY2023-24',
    body: 'The attendance support team is working with the 48 schools where persistent absence was highest. By February 2024, persistent absence in those schools had fallen from 24.1% to 19.6% of pupils, and 320 families had an early conversation with a support worker instead of a fixed penalty notice.',
    places: ['Brackenford', 'Fellbrook', 'Copperstone'], partners: ['Demoshire headteachers'], status: 'on track', workflowState: 'published',
    facts: [
      count('48 schools', 48, 'schools'),
      date('February 2024', '2024-02-01', '2024-02-29'),
      percent('24.1%', 24.1),
      percent('19.6%', 19.6),
      count('320 families', 320, 'families'),
    ],
  },
  {
    key: 'ch-travel-training', outcome, theme: 'special-educational-needs-and-disabilities', kind: 'achievement', service, author: 'officer',
    title: 'Travel training for young people with SEND', date: '2025-11-20', periodKey: 'FY2025-26',
    body: 'Independent travel training helped 85 young people with special educational needs to travel to school or college on their own during 2024/25 and the first half of 2025/26. As well as building their confidence, it saves around £4,200 a year for each young person who no longer needs a taxi.',
    places: ['Demoshire'], partners: ['Demoshire Parent Carer Forum', 'Vale Coaches'], status: 'complete', workflowState: 'approved',
    facts: [
      count('85 young people', 85, 'young people'),
      period('2024/25', '2024-04-01', '2025-03-31'),
      period('the first half of 2025/26', '2025-04-01', '2025-09-30'),
      money('around £4,200', 4200, { approximate: true }),
    ],
  },
];
