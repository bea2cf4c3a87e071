// Delivery entries for "Safe and Well-Connected Places" (invented for the demo).
import { count, date, duration, money, percent, period } from './facts.js';
import type { DemoEntry } from './types.js';

const outcome = 'safe-and-well-connected-places';
const service = 'Highways and Transport';

export const PLACES_ENTRIES: DemoEntry[] = [
  {
    key: 'pl-commitments', outcome, theme: 'roads-and-highways', kind: 'commitment', service, author: 'officer',
    title: 'Roads and transport commitments for 2022–2026', date: '2022-06-15', periodKey: 'FY2022-23',
    body: 'We will resurface at least 300 miles of road over the four years of the plan, open the Fellbrook Eastern Relief Road by summer 2025, and run a park and ride service for Market Cresswold by 2024.',
    places: ['Demoshire', 'Fellbrook', 'Market Cresswold'], partners: [], status: null, workflowState: 'published',
    facts: [
      count('at least 300 miles', 300, 'miles', { approximate: true }),
      period('the four years of the plan', '2022-04-01', '2026-03-31'),
      period('summer 2025', '2025-06-01', '2025-08-31'),
      period('2024', '2024-01-01', '2024-12-31'),
    ],
    commitments: [
      { key: 'resurface-300', text: 'Resurface at least 300 miles of road', dueText: 'over the four years of the plan', dueStart: '2026-03-31', dueEnd: '2026-03-31', status: 'delivered', evidence: ['pl-resurfacing'] },
      { key: 'relief-road', text: 'Open the Fellbrook Eastern Relief Road', dueText: 'by summer 2025', dueStart: '2025-06-01', dueEnd: '2025-08-31', status: 'late' },
      { key: 'park-and-ride', text: 'Run a park and ride service for Market Cresswold', dueText: 'by 2024', dueStart: '2024-01-01', dueEnd: '2024-12-31', status: 'dropped', evidence: [] },
    ],
  },
  {
    key: 'pl-potholes', outcome, theme: 'roads-and-highways', kind: 'achievement', service, author: 'officer',
    title: 'Pothole repairs after the winter freeze', date: '2023-03-10', periodKey: 'FY2022-23',
    body: 'After the December freeze, highways crews repaired 14,300 potholes between January and March 2023, nearly twice as many as in the same months a year earlier. An extra £1.5m was moved into the repair budget, and 92% of dangerous defects were made safe within 24 hours of being reported.',
    places: ['Demoshire'], partners: [], status: 'complete', workflowState: 'published',
    facts: [
      count('14,300 potholes', 14_300, 'potholes'),
      period('between January and March 2023', '2023-01-01', '2023-03-31'),
      money('£1.5m', 1_500_000),
      percent('92%', 92),
      duration('24 hours', 1),
    ],
  },
  {
    key: 'pl-resurfacing', outcome, theme: 'roads-and-highways', kind: 'achievement', service, author: 'officer',
    title: 'Resurfacing programme passes 300 miles', date: '2026-03-25', periodKey: 'FY2025-26',
    body: 'The four-year resurfacing programme finished in March 2026 with 318 miles of road resurfaced or surface-dressed, against a commitment of at least 300. In the last year crews concentrated on rural B and C roads in Dunmoor and Harrowdene, where the surface had been in the worst condition.',
    places: ['Dunmoor', 'Harrowdene'], partners: [], status: 'complete', workflowState: 'published',
    facts: [
      date('March 2026', '2026-03-01', '2026-03-31'),
      count('318 miles', 318, 'miles'),
      count('at least 300', 300, 'miles', { approximate: true }),
    ],
  },
  {
    key: 'pl-relief-road', outcome, theme: 'roads-and-highways', kind: 'project', service, author: 'officer',
    title: 'Fellbrook Eastern Relief Road: new opening date', date: '2025-02-18', periodKey: 'FY2024-25',
    body: 'Building the 2.8 km Fellbrook Eastern Relief Road is about 70% complete. Ground near the river crossing proved softer than the surveys showed, adding around £4.2m to the £38m budget, and the road is now expected to open in spring 2026 rather than summer 2025.',
    places: ['Fellbrook'], partners: ['Fellbrook Borough Council'], status: 'delayed', workflowState: 'published',
    facts: [
      count('2.8 km', 2.8, 'km'),
      percent('about 70%', 70, { approximate: true }),
      money('around £4.2m', 4_200_000, { approximate: true }),
      money('£38m', 38_000_000),
      period('spring 2026', '2026-03-01', '2026-05-31'),
      period('summer 2025', '2025-06-01', '2025-08-31'),
    ],
  },
  {
    key: 'pl-park-and-ride', outcome, theme: 'buses-walking-and-cycling', kind: 'update', service, author: 'officer',
    title: 'Market Cresswold park and ride will not go ahead', date: '2023-12-05', periodKey: 'FY2023-24',
    body: 'In December 2023 the cabinet decided not to build a park and ride for Market Cresswold. A 10-week trial earlier in the year carried an average of 140 passengers a day, well short of the 600 needed to cover running costs, so the £5.6m set aside will pay for bus lanes and priority at junctions in the town instead.',
    places: ['Market Cresswold'], partners: ['Cresswold District Council'], status: 'stopped', workflowState: 'published',
    facts: [
      date('December 2023', '2023-12-01', '2023-12-31'),
      duration('10-week', 70),
      count('140 passengers a day', 140, 'passengers'),
      count('600', 600, 'passengers'),
      money('£5.6m', 5_600_000),
    ],
  },
  {
    key: 'pl-school-streets', outcome, theme: 'road-safety', kind: 'project', service, author: 'officer',
    title: 'School streets and 20mph zones', date: '2023-07-04', periodKey: 'FY2023-24',
    body: 'Twelve schools now have a 20mph zone and close the road outside to traffic at the start and end of the school day, four of them in Ashworth. Average speeds outside the schools fell by 6 mph in the first six months. The £640,000 programme is paid for from road safety grants and developer contributions.',
    places: ['Ashworth', 'Kingsley Magna', 'Copperstone'], partners: ['Demoshire Police'], status: 'on track', workflowState: 'published',
    facts: [
      count('Twelve schools', 12, 'schools'),
      count('four', 4, 'schools'),
      count('6 mph', 6, 'mph'),
      duration('six months', 182),
      money('£640,000', 640_000),
    ],
  },
  {
    key: 'pl-casualties', outcome, theme: 'road-safety', kind: 'update', service, author: 'officer',
    title: 'Fewer people seriously hurt on Demoshire roads', date: '2025-05-14', periodKey: 'FY2024-25',
    body: 'In 2024/25, 259 people were killed or seriously injured on Demoshire roads, down from 283 the year before and the lowest number outside the pandemic years. Motorcyclists still make up roughly one casualty in five. A rider training offer started in April 2025 and 420 riders booked a place in its first month.',
    places: ['Demoshire'], partners: ['Demoshire Police', 'Demoshire Fire and Rescue Service'], status: 'improving', workflowState: 'published',
    facts: [
      period('2024/25', '2024-04-01', '2025-03-31'),
      count('259 people', 259, 'people'),
      count('283', 283, 'people'),
      percent('roughly one casualty in five', 20, { approximate: true }),
      date('April 2025', '2025-04-01', '2025-04-30'),
      count('420 riders', 420, 'riders'),
    ],
  },
  {
    key: 'pl-bus-fares', outcome, theme: 'buses-walking-and-cycling', kind: 'achievement', service, author: 'officer',
    title: '£2 fares and new evening buses', date: '2023-11-02', periodKey: 'FY2023-24',
    body: 'Through the Bus Service Improvement Plan, single fares on most routes were capped at £2 and evening journeys were added on six routes, including the first buses after 7pm to Oxley Bridge in a decade. Passenger journeys rose by 11% compared with 2022/23.',
    places: ['Brackenford', 'Oxley Bridge'], partners: ['Vale Coaches', 'Brackenford Buses'], status: 'complete', workflowState: 'published',
    facts: [
      money('£2', 2),
      count('six routes', 6, 'routes'),
      duration('a decade', 3652, { approximate: true }),
      percent('11%', 11),
      period('2022/23', '2022-04-01', '2023-03-31'),
    ],
  },
  {
    key: 'pl-greenway', outcome, theme: 'buses-walking-and-cycling', kind: 'project', service, author: 'officer',
    title: 'Ashworth to Kingsley Magna greenway', date: '2025-09-30', periodKey: 'FY2025-26',
    body: 'Detailed design has started on a 5 km walking and cycling route between Ashworth and Kingsley Magna along the old railway line. The £3.9m scheme depends on a funding bid to be decided in early 2026; if it succeeds, building will start in autumn 2026.',
    places: ['Ashworth', 'Kingsley Magna', { name: 'Ashworth to Kingsley Magna greenway', in: 'Ashworth Vale' }], partners: ['Ashworth Vale District Council'], status: 'not started', workflowState: 'draft',
    facts: [
      count('5 km', 5, 'km'),
      money('£3.9m', 3_900_000),
      period('early 2026', '2026-01-01', '2026-04-30'),
      period('autumn 2026', '2026-09-01', '2026-11-30'),
    ],
    commitments: [
      { key: 'greenway', text: 'Start building the Ashworth to Kingsley Magna greenway', dueText: 'in autumn 2026', dueStart: '2026-09-01', dueEnd: '2026-11-30', status: 'open' },
    ],
  },
  {
    key: 'pl-gritting', outcome, theme: 'roads-and-highways', kind: 'achievement', service, author: 'officer',
    title: 'Keeping roads open through the winter', date: '2023-03-02', periodKey: 'FY2022-23',
    body: 'Gritters treated 1,150 miles of priority routes on 84 nights during winter 2022/23, spreading 31,000 tonnes of salt. **Every** bus route, and the roads to all 14 secondary schools, stayed open through the December snow.',
    places: ['Demoshire'], partners: [], status: 'complete', workflowState: 'published',
    facts: [
      count('1,150 miles', 1150, 'miles'),
      count('84 nights', 84, 'nights'),
      period('winter 2022/23', '2022-12-01', '2023-02-28'),
      count('31,000 tonnes', 31_000, 'tonnes'),
      count('14 secondary schools', 14, 'schools'),
    ],
  },
  {
    key: 'pl-station', outcome, theme: 'buses-walking-and-cycling', kind: 'achievement', service, author: 'officer',
    title: 'Step-free access at Brackenford station', date: '2025-12-04', periodKey: 'FY2025-26',
    body: 'A new footbridge with lifts opened at Brackenford station in December 2025, so passengers using wheelchairs or pushing prams can reach both platforms for the first time. The council paid £1.25m of the £6.8m cost and rebuilt the forecourt with 40 cycle spaces and a bus interchange.',
    places: ['Brackenford', { name: 'Brackenford station', in: 'Brackenford' }], partners: ['Demoshire Rail Partnership', 'Brackenford Borough Council'], status: 'complete', workflowState: 'published',
    facts: [
      date('December 2025', '2025-12-01', '2025-12-31'),
      money('£1.25m', 1_250_000),
      money('£6.8m', 6_800_000),
      count('40 cycle spaces', 40, 'cycle spaces'),
    ],
  },
];
