import { describe, expect, it } from 'vitest';
import { findCommitments } from './commitments.js';

const due = (text: string, reportYear?: number) => findCommitments(text, { reportYear }).map((c) => [c.dueText, c.dueStart, c.dueEnd]);

describe('findCommitments', () => {
  it.each([
    ['The new road is expected to open in early 2026.', 2024, 'early 2026', '2026-01-01', '2026-04-30'],
    ['The new health centre in North-East Wolds, set to open in autumn 2025 will house a pharmacy.', 2024, 'autumn 2025', '2025-09-01', '2025-11-30'],
    ['A scheme with 46 new electric buses on the network by June 2026.', 2024, 'by June 2026', '2026-06-01', '2026-06-30'],
    ['Steps to reduce food sent for burning to below 8% by 2025.', 2024, 'by 2025', '2025-01-01', '2025-12-31'],
    ['The scheme is in Ashby-de-la-Zouch and first tenants should move in in Spring 2021.', 2020, 'Spring 2021', '2021-03-01', '2021-05-31'],
    ['A further £80m to save by 2023/24.', 2020, 'by 2023/24', '2023-04-01', '2024-03-31'],
    ['A number of additional units will be completed during 2020/21.', 2020, '2020/21', '2020-04-01', '2021-03-31'],
    ['Pupils should move into the new building for the start of the 2021-22 academic year.', 2020, 'the start of the 2021-22 academic year', '2021-09-01', '2021-11-30'],
    ['October and November will see an offline offer being developed.', 2020, 'October and November', '2020-10-01', '2020-11-30'],
    ['This will be achieved within the new People Strategy – 2020-2024.', 2020, '2020-2024', '2020-01-01', '2024-12-31'],
    ['Working towards the Council’s 2030 Net Zero Carbon target.', 2020, '2030', '2030-01-01', '2030-12-31'],
    ['Plans are to now finish the consultation over the course of 2021.', 2020, '2021', '2021-01-01', '2021-12-31'],
    ['We expect the application to be considered by the Board by the end of 2020.', 2020, 'by the end of 2020', '2020-10-01', '2020-12-31'],
  ])('"%s" is due %s', (text, year, dueText, start, end) => {
    expect(due(text, year)).toEqual([[dueText, start, end]]);
  });

  it('gives the whole sentence as the commitment, with offsets', () => {
    const text = 'Work went well. Work is due to complete in summer 2021. Then more.';
    const [c] = findCommitments(text, { reportYear: 2020 });
    expect(c.text).toBe('Work is due to complete in summer 2021.');
    expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('does not take past events, forecasts, plan spans, postponements or promises without a date', () => {
    for (const [text, year] of [
      ['The first business moved into the site in early 2020.', 2020],
      ['In October 2019 a new £3.2m business centre in Oakford, set to create 80 jobs, opened its doors.', 2020],
      ['In July 2020 the board adopted a fresh Road Safety Plan to 2023.', 2020],
      ['In June 2019 we committed to a Rural Transport Investment Plan (RTIP) 2019-2037, which sets out spending.', 2020],
      ['The population is projected to rise to 860,618 by 2043.', 2020],
      ['The pandemic would push up the budget gap from £39m to £50m by 2024.', 2020],
      ['Our present estimate is that the storm damage will cost the council £4m in 2025/26.', 2025],
      ['Thousands of new homes will be needed between 2031 and 2050.', 2020],
      ['The board has chosen to pause work on the library review until Summer 2021.', 2020],
      ['Last year the team reached its target and surpassed it at the end of March 2020 by 35 homes.', 2020],
      ['The proposals will help cut congestion and improve journey times.', 2020],
      ['In September 2024 our 5th community fridge opened, in Lutterworth, to help reduce food waste.', 2024],
      ['Delivered a campaign to reduce contamination in recycling during 2023/24.', 2024],
    ] as const) expect(due(text, year), text).toEqual([]);
  });
});

describe('what is not a commitment, and promises without a date', () => {
  const covered = { start: '2019-04-01', end: '2020-03-31' };
  const find = (text: string) => findCommitments(text, { reportYear: 2020, covered, undated: true }).map((c) => c.dueText);
  it('leaves out past events that mention plans, and projections of what others will build', () => {
    expect(find('In September 2020 we unveiled further plans to improve support for children.')).toEqual([]);
    expect(find('In March 2020 the Council agreed a new strategy which will see more trees planted.')).toEqual([]);
    expect(find("In April 2020 the Council's plans to build 2,750 houses near the town were put forward.")).toEqual([]);
    expect(find('Nearly 200,000 houses are set to be built across the wider area by 2050.')).toEqual([]);
  });
  it('finds a promise in the council\'s own voice without a date, and only with undated asked for', () => {
    expect(find('We will continue to lobby to secure vital funds for homes.')).toEqual([null]);
    expect(find('During August 2020 we took part in research and we will use the findings in our messages.')).toEqual([null]);
    expect(find('The plan sets out how the Council will use its buildings.')).toEqual([]);
    expect(find('We will be able to meet the national targets.')).toEqual([]);
    expect(findCommitments('We will continue to lobby to secure vital funds for homes.', { reportYear: 2020 })).toEqual([]);
  });
  it('finds the council\'s promises made without "we": what will be published, a consultation to come, the next step', () => {
    expect(find('The finished plan will be made widely available once the board has agreed it.')).toEqual([null]);
    expect(find('There will then be a period of public consultation on the draft.')).toEqual([null]);
    expect(find('The next stage is to publish figures for each ward.')).toEqual([null]);
    expect(find('The report explains how the results will be published.')).toEqual([]);
    // An aim is a purpose, not a promise, unless it has a time.
    expect(find('We aim to make the county a good place to grow up.')).toEqual([]);
  });
  it('reads work rolled forward for completion in a later year as a promise due then', () => {
    expect(find('We finished 80 per cent of our projects, with a further 12 per cent rolled forward for completion in 2020-21.')).toEqual(['2020-21']);
  });
  it('dates a bare month by the period covered and the tense', () => {
    expect(findCommitments('The new library will open in November.', { reportYear: 2020, covered }).map((c) => c.dueStart)).toEqual(['2020-11-01']);
  });
});

describe('promises without "we will" (commitments-undated.ts)', () => {
  const find = (text: string, reportYear = 2024) => findCommitments(text, { reportYear, undated: true }).map((c) => c.text);
  it('takes the future of an act the council does, whatever the subject', () => {
    for (const text of [
      'The swimming pool will be closed for six weeks while the roof is mended.',
      'Every household will receive a green caddy for kitchen scraps.',
      'Revised timetables will be shared with parish councils in the new year.',
      'This web page will be kept up to date as the scheme goes on.',
      'The museum is set to close for a refit.',
      'The plan is for the depot to move to the old quarry site.',
      'The leisure centre is closing next month for repairs to its boilers.',
      "Over the next two years we're going to change how residents contact us.",
      'I will keep councillors informed of how the project goes.',
    ]) expect(find(text), text).toEqual([text]);
  });
  it('leaves out what a scheme will bring, forecasts, conditions, subordinate clauses and stories of earlier years', () => {
    for (const text of [
      'The new business park will create more than 150 jobs in the town.',
      'Demand for home care will rise as the population ages.',
      'A new plan for the harbour will be developed once the review has finished.',
      'The leaflet explains how the new bins will be collected.',
      'Visitors are set to benefit from the longer opening hours.',
      'Following the new website in 2019, the team will launch a fresh booking system.',
      'We are committed to treating every resident fairly.',
      'Tenants are visited by a housing officer who will arrange any repairs.',
      'Unfinished tasks will be reviewed by each team and kept in its own plan where relevant.',
      'Both projects are on course and will receive their grants in full.',
    ]) expect(find(text), text).toEqual([]);
  });
});

describe('due dates written as people write them', () => {
  const one = (text: string, reportYear: number) => findCommitments(text, { reportYear, undated: true }).map((c) => [c.dueText, c.dueStart, c.dueEnd]);
  it('reads a weekday, a quarter or "between" before the time, and "is due in"', () => {
    expect(one('The depot will be shut from Tuesday 14th March while the yard is resurfaced.', 2023)).toEqual([['14th March', '2023-03-14', '2023-03-14']]);
    expect(one('The booking site will be ready from quarter two 2024/25.', 2024)).toEqual([['2024/25', '2024-04-01', '2025-03-31']]);
    expect(one('New bins will be handed out between May and July.', 2022)).toEqual([['between May and July', '2022-05-01', '2022-07-31']]);
    expect(one('The next yearly review is due in spring 2027.', 2026)).toEqual([['spring 2027', '2027-03-01', '2027-05-31']]);
  });
  it('takes a time that recurs for when a thing is done, not a due date', () => {
    expect(one('We will publish the figures in June each year.', 2025)).toEqual([[null, null, null]]);
  });
  it('takes a service kept going, things brought to the door, and improvements set to come', () => {
    for (const text of [
      'Street cleaning will continue to be delivered by the present contractor.',
      'New recycling sacks will be delivered to every home.',
      'Longer opening hours are among the changes set to come to the town museum.',
    ]) expect(findCommitments(text, { reportYear: 2024, undated: true }).map((c) => c.text), text).toEqual([text]);
  });
});

describe('promises carried by "that" or a relative clause', () => {
  const find = (text: string) => findCommitments(text, { reportYear: 2024, undated: true }).map((c) => c.text);
  it('takes "confident that we will" and a booklet "which will be distributed to all households"', () => {
    for (const text of [
      'We have a stand-in treasurer but are confident that we will appoint a permanent one soon.',
      'The minutes are gathered into a leaflet which will be distributed to all households.',
    ]) expect(find(text), text).toEqual([text]);
  });
  it('still leaves out "sets out that we will" and a relative clause about what a contract will do', () => {
    expect(find('The strategy sets out that we will work with the health service.')).toEqual([]);
    expect(find('Bins are emptied under a new contract which will give us more control.')).toEqual([]);
  });
});

describe('plans told as a delivery plan or a look ahead tells them', () => {
  const find = (text: string, reportYear = 2024) => findCommitments(text, { reportYear, undated: true }).map((c) => c.dueText);
  it('dates an action line opening with its verb, "we expect … to", "scheduled for" and "plans are in place to"', () => {
    expect(find('Open the second recycling centre by June 2026')).toEqual(['by June 2026']);
    expect(find('- Publish a new play area strategy in 2026')).toEqual(['2026']);
    expect(find('By March 2025 we expect 120 homes to be finished.')).toEqual(['By March 2025']);
    expect(find('The bridge repairs are scheduled for autumn 2025.')).toEqual(['autumn 2025']);
    expect(find('Plans are in place to move the archive in spring 2025.')).toEqual(['spring 2025']);
  });
  it('leaves an action line with a date already past, and a past-tense line, alone', () => {
    expect(find('Open the second recycling centre in 2023')).toEqual([]);
    expect(find('Opened the second recycling centre in 2025')).toEqual([]);
  });
  it('takes a sentence opening with a time to come that says what will happen, not how numbers will move', () => {
    expect(find('Next year, the focus will be on bringing empty homes back into use.')).toEqual([null]);
    expect(find('Over the coming months the outreach team will be at every library.')).toEqual([null]);
    expect(find('Over the next year demand for school places will rise.')).toEqual([]);
  });
  it('leaves out what the government or a regulator will do', () => {
    expect(find('The government will publish new rules on food waste.')).toEqual([]);
    expect(find('Next year the regulator will inspect how we handle complaints.')).toEqual([]);
  });
});

describe('the words of progress reports', () => {
  const find = (text: string) => findCommitments(text, { reportYear: 2023, undated: true }).map((c) => c.dueText);
  it('takes intentions, updates to members, consultations to take place, "planned for", "going forward"', () => {
    expect(find('It is intended that the new bus timetable starts next spring.')).toEqual([null]);
    expect(find('The intention is to open the youth hub by the summer.')).toEqual([null]);
    expect(find('The survey is expected to be completed by the end of the financial year.')).toEqual([null]);
    expect(find('A further update will be provided to councillors later in the year.')).toEqual([null]);
    expect(find('A public consultation on the draft will take place over the summer.')).toEqual([null]);
    expect(find('More work is planned for 2024/25 on the playing pitch review.')).toEqual(['2024/25']);
    expect(find('Going forward, the team will focus on helping people earlier.')).toEqual([null]);
  });
  it('leaves out expectations of how things will turn out and building work described', () => {
    expect(find('The scheme is expected to generate £2m a year.')).toEqual([]);
    expect(find('Costs are expected to exceed the budget.')).toEqual([]);
    expect(find('Kerb and drainage work will also take place.')).toEqual([]);
  });
});

describe('a table of actions kept as lines of cells', () => {
  it('reads each row, its date cell as the due date, and leaves out rows marked done', () => {
    const text = 'Action | Due | Status\nOpen the new depot at Millbrook | March 2026 | On track\nPublish the tenancy strategy | June 2025 | Complete\nRefurbish 40 empty homes | December 2025 | Amber';
    const found = findCommitments(text, { reportYear: 2025 });
    expect(found.map((c) => [text.slice(c.start, c.end), c.dueText])).toEqual([
      ['Open the new depot at Millbrook | March 2026 | On track', 'March 2026'],
      ['Refurbish 40 empty homes | December 2025 | Amber', 'December 2025'],
    ]);
  });
});
