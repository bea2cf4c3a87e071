import { describe, expect, it } from 'vitest';
import { parseOutcomeMap } from './parse.js';
import { suggestOutcomeMap } from './suggest.js';

const from = { title: 'Plan 2018-22', outcomes: [{ id: 'e', title: 'A Strong Economy' }, { id: 'h', title: 'Health, Care and Wellbeing' }] };
const to = { title: 'Plan 2022-26', outcomes: [{ id: 'se', title: 'Strong Economy, Transport and Infrastructure' }, { id: 'sw', title: 'Safe and Well' }, { id: 'cg', title: 'Clean and Green' }] };

describe('outcome maps', () => {
  it('reads "Earlier=Later,Another", keeping a later title that has commas of its own whole', () => {
    expect(parseOutcomeMap(['A Strong Economy=Strong Economy, Transport and Infrastructure,clean-and-green', 'health, care and wellbeing=Safe and Well'], { from, to })).toEqual([
      { fromId: 'e', toId: 'se' }, { fromId: 'e', toId: 'cg' }, { fromId: 'h', toId: 'sw' },
    ]);
  });
  it('names the outcome that does not exist, and where', () => {
    expect(() => parseOutcomeMap(['A Strong Economy=Safe and Well', 'Housing=Safe and Well'], { from, to })).toThrow(/^map 2 \("Housing=Safe and Well"\): "Housing" is not an outcome of "Plan 2018-22"/);
    expect(() => parseOutcomeMap(['A Strong Economy=Prosperity'], { from, to })).toThrow(/"Prosperity" is not an outcome of "Plan 2022-26"/);
    expect(() => parseOutcomeMap(['A Strong Economy'], { from, to })).toThrow(/is not "Earlier outcome=Later outcome/);
  });
  it('suggests from shared title words and similar content', () => {
    const s = suggestOutcomeMap(
      [{ id: 'e', title: 'A Strong Economy', text: 'business growth jobs enterprise zone skills' }, { id: 'h', title: 'Health, Care and Wellbeing', text: 'adult social care carers hospital discharge public health' }],
      [{ id: 'se', title: 'Strong Economy, Transport', text: 'business jobs buses roads' }, { id: 'sw', title: 'Safe and Well', text: 'adult social care safeguarding carers public health' }],
    );
    expect(s.map((x) => [x.fromId, x.toId])).toEqual([['e', 'se'], ['h', 'sw']]);
    expect(s[0].reason).toMatch(/titles share "strong", "economy"/);
  });
});
