// Promises outside "we will … by …" items: in introductions, as priority actions, and as the items
// of a list of the plan's priorities.
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.js';
import { promisingLead } from './promises.js';

const parse = (text: string, name = 'plan-2024.txt') => parseReport(text, false, { name, areas: [] });
const promises = (r: ReturnType<typeof parse>) => [...r.entries, ...r.narrative].flatMap((x) => x.commitments);

describe('promises made outside the items', () => {
  it("reads an introduction's promises in the council's voice, not its history or its pressures", () => {
    const text = `Great Communities

We will open a community hub in Oakham by March 2025. In May 2019 the Council made commitments to reach net zero by 2030. A further £8m is to be saved by 2026/27. We will keep lobbying for fair funding.

Quillmere Library – The library reopened with 12,000 books.

Yarrowfield Park – A play park opened for 300 children.
`;
    const r = parse(text);
    const found = promises(r);
    expect(found.map((c) => [c.text, c.dueText])).toEqual([
      ['We will open a community hub in Oakham by March 2025.', 'by March 2025'],
      ['We will keep lobbying for fair funding.', null],
    ]);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(r.narrative[0].commitments).toHaveLength(2);
  });

  it('makes each item of a list of the plan\'s priorities a promise, due when the lead-in says, and not a list of what was done', () => {
    const text = `Our plan

This plan for 2024-27 has three priorities:

1. Prevention and early help for families.
2. Fewer deaths from drug harms.
3. Better routes into work for people in recovery.

Progress this year

Since the partnership began there has been progress. For example:

- More people started treatment.
- Naloxone kits reached every pharmacy.
`;
    const found = promises(parse(text, 'plan-2024-25.txt'));
    expect(found.map((c) => [c.text, c.dueText, c.dueEnd])).toEqual([
      ['Prevention and early help for families.', '2024-27', '2027-12-31'],
      ['Fewer deaths from drug harms.', '2024-27', '2027-12-31'],
      ['Better routes into work for people in recovery.', '2024-27', '2027-12-31'],
    ]);
  });

  it('makes a priority action a promise, dated by its own words or due at the plan end, and its progress not', () => {
    const found = promises(parse(`Homes

Priority action: Deliver 250 affordable homes by March 2026
Progress by March 2025: 180 homes completed.

Priority action: Improve the condition of council homes
Progress by March 2025: 400 kitchens replaced.
`));
    expect(found.map((c) => [c.text, c.dueText])).toEqual([
      ['Deliver 250 affordable homes by March 2026', 'by March 2026'],
      ['Improve the condition of council homes', null],
    ]);
  });

  it('makes every item under a heading such as "Next steps" a promise', () => {
    const found = promises(parse(`Libraries

Quillmere Library – The library reopened with 12,000 books.

Next steps

- Open a reading room in Oakham.
- Extend opening hours at weekends.
`));
    expect(found.map((c) => [c.text, c.dueText])).toEqual([['Open a reading room in Oakham.', null], ['Extend opening hours at weekends.', null]]);
  });

  it('takes a list of the priorities\' names ("Our Community") for names, not promises', () => {
    const text = `Our Priorities

Our current corporate priorities are:

  • Our Community
  • Safer Streets
  • Deliver 300 new homes for local people

In 2024-25 we completed 80 per cent of our projects.
`;
    const found = promises(parse(text, 'report-2025.txt'));
    expect(found.map((c) => c.text)).toEqual(['Deliver 300 new homes for local people']);
  });
});

describe('lists whose lead-in promises (promisingLead)', () => {
  it('takes a lead-in ending in "will:" as a promise for each item', () => {
    expect(promisingLead('Our new library service will:')).toBe(true);
    expect(promisingLead('Every tenant will receive:')).toBe(true);
  });
  it('takes a list of aims for aims unless its lead-in looks ahead or gives the years, or the item names a figure', () => {
    expect(promisingLead('Our three strategic priorities are:', 'Grow the local economy')).toBe(false);
    expect(promisingLead('Our objectives:', 'Treating people fairly')).toBe(false);
    expect(promisingLead('For each priority, we report on:', 'actions we are taking')).toBe(false);
    expect(promisingLead('This plan for 2025-28 has four priorities:', 'Fewer people sleeping rough')).toBe(true);
    expect(promisingLead('Our priorities are:', 'Plant 5,000 trees in parks')).toBe(true);
  });
});

describe('a figure in an item of a list of aims', () => {
  it('counts things, and a year is not one', () => {
    expect(promisingLead('Our priorities are:', 'Respond to the climate crisis. Read the plan for 2024 to 2029.')).toBe(false);
    expect(promisingLead('Our priorities are:', 'Cut waste sent to landfill by 20%')).toBe(true);
  });
});

describe("an introduction's dated promises in the council's voice", () => {
  it('reads "we are on a mission to … by" and "we\'ll … in" as the council\'s own', () => {
    const text = `Homes for Everyone

We are on a mission to build 800 homes for social rent by 2032. We'll open two more family hubs in 2026.

Quillmere Library – The library reopened with 12,000 books.

Yarrowfield Park – A play park opened for 300 children.
`;
    expect(promises(parse(text, 'plan-2025.txt')).map((c) => c.dueText)).toEqual(['by 2032', '2026']);
  });
});
