// The plan's outcomes as a report lists them in its opening pages.
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.js';

const parse = (text: string) => parseReport(text, false, { name: 'plan-2024.txt', areas: [] });

describe('the priorities a report lists', () => {
  it('reads "Name – description" entries after a line about the priorities, and not the sections after them', () => {
    const text = `Introduction

Our Council Plan sets out four priorities:

Thriving Towns – that our high streets are busy and our businesses grow;

Healthy Lives – that people live well for longer;

Safe Streets – that people feel safe where they live; and

Green Valleys – our countryside and rivers are looked after.

Thriving Towns

Market Hall – The market hall reopened in May with 30 stalls.
`;
    const r = parse(text);
    expect(r.priorities.map((p) => p.title)).toEqual(['Thriving Towns', 'Healthy Lives', 'Safe Streets', 'Green Valleys']);
    expect(r.priorities.map((p) => text.slice(p.start, p.end))).toEqual(['Thriving Towns', 'Healthy Lives', 'Safe Streets', 'Green Valleys']);
    expect(r.priorities[1].description).toBe('That people live well for longer');
  });

  it('reads a bulleted list of short names after "our outcomes are"', () => {
    const r = parse(`Foreword

This year we worked towards the three outcomes of our plan. Our outcomes are:

- Strong Economy
- Healthy People
- Clean and Green

Strong Economy

Business Hub – A business hub opened in the old library with 40 desks.
`);
    expect(r.priorities.map((p) => p.title)).toEqual(['Strong Economy', 'Healthy People', 'Clean and Green']);
  });

  it('finds none in a report that lists none, or lists fewer than three', () => {
    expect(parse(`Introduction

The report sets out our priorities.

Library Hub – The hub opened in May with 30 computers.

Strong Economy

Market Hall – The market hall reopened in May with 30 stalls.
`).priorities).toEqual([]);
  });
});
