// An item whose text lost its paragraph breaks can hold hundreds of thousands of figures: the
// parser keeps its text whole and its first FIGURES_PER_ITEM figures, and says so in a warning.
import { describe, expect, it } from 'vitest';
import { FIGURES_PER_ITEM, parseReport } from './parse.js';

describe('figures per item', () => {
  it('keeps the text whole and the first figures of a crowded item, with a warning', () => {
    const clause = (i: number) => `in 2022 we mended ${i + 10} bridges and opened ${i + 3} play areas; `;
    const body = Array.from({ length: FIGURES_PER_ITEM }, (_, i) => clause(i)).join('');
    const p = parseReport(`Roads report 2022\n\n# Roads\n\nBridges – ${body}`, false, { name: 'roads-2022.txt', reportYear: 2022 });
    const crowded = p.entries.find((e) => e.title === 'Bridges')!;
    expect(crowded.body.length).toBeGreaterThan(body.length - 10);
    expect(crowded.facts).toHaveLength(FIGURES_PER_ITEM);
    expect(crowded.factSources).toHaveLength(FIGURES_PER_ITEM);
    expect(crowded.facts[0].text).toContain('2022');
    expect(p.warnings).toContainEqual(expect.stringMatching(/^1 item\(s\) hold more than 1,000 figures \(the most, 3,000\): their text is kept whole/));
  });

  it('gives an ordinary item every figure and no such warning', () => {
    const p = parseReport('Roads report 2022\n\n# Roads\n\nBridges – in 2022 we mended 12 bridges and opened 4 play areas.', false, { name: 'roads-2022.txt', reportYear: 2022 });
    expect(p.entries[0].facts.length).toBeGreaterThanOrEqual(2);
    expect(p.warnings.join(' ')).not.toMatch(/more than 1,000 figures/);
  });
});
