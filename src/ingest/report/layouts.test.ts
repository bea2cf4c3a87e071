// Layouts met in other councils' reports, each written here in our own words: progress layouts
// with RAG words, contents pages, flattened KPI tables, stray capitals, run-on numbered paragraphs.
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.js';

const parse = (text: string, markdown = false) => parseReport(text, markdown, { name: 'sample-2025.txt' });

describe('layouts of other councils', () => {
  it('reads a RAG word beside an action or on the line under it as the action\'s status', () => {
    const text = [
      'Priority 1: Cleaner Streets', '',
      'Priority action: Sweep every town centre street weekly.', 'Progress by March 2025: Weekly sweeping started in all six towns.', '', 'GREEN', '',
      'Priority action: Replace 400 litter bins.', 'Progress by March 2025: 210 bins were replaced; the rest wait for a new supplier. AMBER', '',
    ].join('\n');
    const report = parse(text);
    expect(report.entries.map((e) => [e.title, e.status])).toEqual([
      ['Sweep every town centre street weekly', 'green'],
      ['Replace 400 litter bins', 'amber'],
    ]);
    expect(report.entries[1].body).toBe('210 bins were replaced; the rest wait for a new supplier.');
  });

  it('reads "What we said we\'d do / What we did" pairs as one titled item each', () => {
    const text = "## Homes\n\nWhat we said we'd do: Open a housing advice hub.\n\nWhat we did: The hub opened in May and saw 320 people.\n";
    const report = parse(text, true);
    expect(report.entries.map((e) => [e.title, e.body])).toEqual([['Open a housing advice hub', 'The hub opened in May and saw 320 people.']]);
  });

  it('keeps a contents page as contents, uses it for headings, and never imports its lines or page numbers', () => {
    const text = [
      'Contents', '', 'Foreword 2', 'Our Places 3', 'Our People 5', '',
      'Foreword', '', 'This year the council kept its promises on roads and parks, and we thank every volunteer.', '',
      'Our Places', '', 'The market square was repaved with local stone at a cost of £1.2m.', '',
      'Our People', '', 'Eighty young people joined the new apprenticeship scheme.', '',
    ].join('\n');
    const report = parse(text);
    expect(report.contents.map((c) => [c.title, c.page])).toEqual([['Foreword', 2], ['Our Places', 3], ['Our People', 5]]);
    expect(report.sections.map((s) => s.title)).toEqual(['Foreword', 'Our Places', 'Our People']);
    expect(report.entries.map((e) => e.body)).toEqual([
      'The market square was repaved with local stone at a cost of £1.2m.',
      'Eighty young people joined the new apprenticeship scheme.',
    ]);
    expect(report.entries.flatMap((e) => e.facts.map((f) => f.text))).not.toContain('5');
  });

  it('reads figures alone on their lines as measures, not page numbers or entries', () => {
    const text = [
      'Performance Indicators', '',
      'Households in temporary accommodation', '', '412', '', 'Rough sleepers counted', '', '17', '', 'Homes let within 28 days', '', '68.5%', '',
      'The council also opened two new family hostels in the year.', '',
    ].join('\n');
    const report = parse(text);
    expect(report.measures.map((m) => [m.label, m.value, m.unit])).toEqual([
      ['Households in temporary accommodation', 412, ''], ['Rough sleepers counted', 17, ''], ['Homes let within 28 days', 68.5, '%'],
    ]);
    expect(report.dropped.pageNumbers).toBe(0);
    expect(report.entries.map((e) => e.body)).toEqual(['The council also opened two new family hostels in the year.']);
    expect(text.slice(report.measures[2].start, report.measures[2].end)).toBe('68.5%');
  });

  it('never takes a protective marking, initials, an appendix label or a committee name in capitals as a heading', () => {
    const text = [
      'OFFICIAL', '', 'APPENDIX 2', '', 'CABINET COMMITTEE', '', 'CFS', '',
      'Safer Roads', '', 'Twenty junctions were redesigned to slow traffic near schools.', '',
      'Back to top', '',
    ].join('\n');
    const report = parse(text);
    expect(report.sections.map((s) => s.title)).toEqual(['Safer Roads']);
    expect(report.dropped.furniture).toBe(5);
  });

  it('splits numbered paragraphs run together, with their headings, and keeps running text whole', () => {
    const text = [
      '1. Background',
      '1.1 The plan was agreed in 2022 and runs for five years. It sets out four aims for the district.',
      '1.2 Progress is reported to the cabinet each autumn. The cabinet also reviews each aim.',
      '2. Progress',
      '2.1 Of the 60 actions, 51 were completed by March. Nine more will finish next year.',
    ].join('\n');
    const report = parse(text);
    expect(report.sections.map((s) => s.title)).toEqual(['Background', 'Progress']);
    expect(report.entries.map((e) => e.body.slice(0, 12))).toEqual(['1.1 The plan', '1.2 Progress', '2.1 Of the 6']);
  });

  it('keeps untitled achievements untitled, with a suggested short title for the reviewer', () => {
    const report = parse('## Parks\n\n- We have planted 3,000 trees along the river path, with help from 40 volunteers.\n- The council reopened the boating lake after repairs.\n', true);
    expect(report.entries.map((e) => [e.title, e.suggestedTitle])).toEqual([
      ['', 'Planted 3,000 trees along the river path'],
      ['', 'Reopened the boating lake after repairs'],
    ]);
  });

  it('keeps text under no heading as unplaced items with a warning, and starts every body with a capital', () => {
    const report = parse('Bus shelters – in June ten new shelters were fitted in Eastgate.\n\nThe library van now visits twelve villages.\n');
    expect(report.entries.map((e) => [e.title, e.body, e.placed])).toEqual([
      ['Bus shelters', 'In June ten new shelters were fitted in Eastgate.', false],
      ['', 'The library van now visits twelve villages.', false],
    ]);
    expect(report.warnings).toContain('2 item(s) could not be placed under a section of the report: kept unplaced for a reviewer to file');
  });

  it('keeps headings that end on a year apart from the heading or text under them', () => {
    const text = [
      'Money spent in 2023-24', '', 'Where the money went in 2023-24', '',
      '  • £12.5 million on care bought for people', '  • £3.1 million on staff', '',
      'Who we helped in 2023-24', '', '  • 2,410 older people', '',
    ].join('\n');
    const report = parse(text);
    expect(report.entries.map((e) => e.body)).toEqual(['£12.5 million on care bought for people', '£3.1 million on staff', '2,410 older people']);
    expect(report.sections.map((s) => s.title)).toEqual(['Where the money went in 2023-24', 'Who we helped in 2023-24']);
  });

  it('gives a figure and what it counts no title: "1,204 – the people …" is one untitled item', () => {
    const text = 'Our year in figures\n\n  • 1204 – The number of people who asked us for advice.\n  • 388 – The number of carers we assessed.\n';
    const report = parse(text);
    expect(report.entries.map((e) => [e.title, e.body])).toEqual([
      ['', '1204 – The number of people who asked us for advice.'], ['', '388 – The number of carers we assessed.'],
    ]);
  });

  it('drops chart captions and alternative text left in a web page, never items', () => {
    const text = [
      'How we did', '', 'Figure 2: Results across the three objectives.', '', '""', '',
      'Nine of our ten milestones were met this year.', '', '  • 310 homes were insulated', '  • 42 parks were tidied', 'bar chart showing homes insulated by year', '',
    ].join('\n');
    const report = parse(text);
    expect(report.entries.map((e) => e.body)).toEqual(['Nine of our ten milestones were met this year.', '310 homes were insulated', '42 parks were tidied']);
  });

  it('keeps a paragraph whole when only the bullets below it are a list of achievements and its sentences carry on from each other', () => {
    const text = [
      'Homes', '',
      'Of the 20 measures, 18 were met. One other measure was within its tolerance.', '',
      'Some of the year\'s achievements:', '',
      '  • Prevented 300 households from becoming homeless.', '  • Reduced the number of empty homes.', '  • Adapted 500 homes for people who need them.', '',
    ].join('\n');
    const report = parse(text);
    expect(report.entries.map((e) => e.body)[0]).toBe('Of the 20 measures, 18 were met. One other measure was within its tolerance.');
    expect(report.entries).toHaveLength(4);
  });

  it('reads a progress table flattened one cell a line: the action titles its row, the RAG word is its status', () => {
    const text = [
      'Priority 1: Thriving towns', '',
      'Action', 'Progress', 'Status',
      'Adopt the market town masterplan', 'The masterplan was adopted in January.', 'Green',
      'Help 200 new businesses start', '150 businesses were helped; the new enterprise hub takes the rest.', 'Amber', '',
    ].join('\n');
    const report = parse(text);
    expect(report.entries.map((e) => [e.title, e.body, e.status])).toEqual([
      ['Adopt the market town masterplan', 'The masterplan was adopted in January.', 'green'],
      ['Help 200 new businesses start', '150 businesses were helped; the new enterprise hub takes the rest.', 'amber'],
    ]);
    expect(report.entries.flatMap((e) => e.commitments.map((c) => c.text))).toEqual(['Adopt the market town masterplan', 'Help 200 new businesses start']);
  });

  it('takes "Next steps" on the line above its bullets as their lead-in, so each is a promise', () => {
    const text = 'Homes\n\nWe finished 210 affordable homes this year.\n\nNext steps\n- Start building 120 homes at Mill Lane.\n- Open a hostel for young people.\n';
    const report = parse(text);
    expect(report.entries.map((e) => e.body)).toEqual(['We finished 210 affordable homes this year.', 'Start building 120 homes at Mill Lane.', 'Open a hostel for young people.']);
    expect(report.entries.flatMap((e) => e.commitments.map((c) => c.text))).toEqual(['Start building 120 homes at Mill Lane.', 'Open a hostel for young people.']);
  });

  it('titles a paragraph by a short name before a colon, not by a note or a lead-in', () => {
    const text = [
      'Culture', '',
      'Libraries: Visits rose to 1.2 million, and 4,000 children joined the reading challenge.', '',
      'Note: Figures for the last quarter are provisional.', '',
      'Museums: The county museum reopened after repairs to its roof.', '',
    ].join('\n');
    const report = parse(text);
    // The note has no title of its own: in a report that titles its items, it carries on the item above.
    expect(report.entries.map((e) => e.title)).toEqual(['Libraries', 'Museums']);
    expect(report.entries[1].body).toBe('The county museum reopened after repairs to its roof.');
  });
});
