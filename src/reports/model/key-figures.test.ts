import { describe, expect, it } from 'vitest';
import { keyFigure } from './key-figures.js';

const fig = (kind: string, text: string, body: string) => keyFigure({ kind, text, start: body.indexOf(text) }, body);

describe('key figures', () => {
  it('shows a figure with a number, a unit and a subject', () => {
    expect(fig('money', '£3.2m', 'We completed the £3.2m refurbishment of the library.')).toBe('£3.2m refurbishment');
    expect(fig('money', '£2.4m', 'delivers the £2.4m European Social Fund project, which')).toBe('£2.4m European Social Fund');
    expect(fig('count', '6,749 learners', 'reached 6,749 learners in 54 venues')).toBe('6,749 learners');
    expect(fig('percent', '63%', 'Some 63% of businesses closed.')).toBe('63% of businesses');
    expect(fig('money', '£45,000', 'with a £45,000 grant. Residents')).toBe('£45,000 grant');
  });

  it('never shows bare numbers, numbers in words, acronyms as units or figures without a subject', () => {
    expect(fig('count', '6', 'We opened 6 of them.')).toBeNull();
    expect(fig('count', 'two drive', 'two drive-through sites')).toBeNull();
    expect(fig('count', '39 LCC', 'with 39 LCC apprentices')).toBeNull();
    expect(fig('duration', 'two-hour', '50 two-hour sessions')).toBeNull();
    expect(fig('money', '£2.4m', 'The budget was £2.4m.')).toBeNull();
    expect(fig('percent', '15%', 'rose by 15% in the year')).toBeNull();
    expect(fig('date', 'September 2023', 'In September 2023 we')).toBeNull();
  });
});
