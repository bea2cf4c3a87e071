import { describe, expect, it } from 'vitest';
import { evaluate, formatScores, unitsAgree, type LabelledEntry } from './evaluate.js';
import { analyse, buildGazetteer } from './index.js';
import { easterSunday } from './dates.js';

const g = buildGazetteer([{ code: 'E10000018', name: 'Leicestershire County Council', type: 'county' }]);
const entry = (text: string, over: Partial<LabelledEntry>): LabelledEntry => ({ id: 'e1', text, facts: [], places: [], partners: [], commitments: [], ...over });
const score = (e: LabelledEntry, kind: string) => evaluate([e], [analyse(e.text, g, { reportYear: 2024 })]).scores.find((s) => s.kind === kind)!;
const money = (text: string, value: number) => ({ kind: 'money' as const, text, value, valueMax: null, unit: '£', approximate: false, dateStart: null, dateEnd: null });

describe('evaluate', () => {
  it('matches a found fact to a labelled one of the same kind, place in the text and value', () => {
    const e = entry('We secured £5m and £2m.', { facts: [money('£5m', 5e6), money('£2m', 2e6)] });
    expect(score(e, 'money')).toMatchObject({ labelled: 2, found: 2, matched: 2, precision: 1, recall: 1 });
  });

  it('counts a wrong value as both an extra and a miss', () => {
    const e = entry('We secured £5m.', { facts: [money('£5m', 6e6)] });
    expect(score(e, 'money')).toMatchObject({ labelled: 1, found: 1, matched: 0, precision: 0, recall: 0 });
  });

  it('scores places by name, partners as distinct organisations and commitments by their window', () => {
    const e = entry('In Leicestershire we worked with Natural England. The road is expected to open in early 2026.', {
      places: ['Leicestershire'],
      partners: ['Natural England', 'Sport England'],
      commitments: [{ dueText: 'early 2026', dueStart: '2026-01-01', dueEnd: '2026-04-30' }],
    });
    expect(score(e, 'place')).toMatchObject({ matched: 1, precision: 1, recall: 1 });
    expect(score(e, 'partner')).toMatchObject({ labelled: 2, found: 1, matched: 1, recall: 0.5 });
    expect(score(e, 'commitment')).toMatchObject({ matched: 1 });
  });

  it('scores only the kinds an entry is labelled for', () => {
    const e = entry('We secured £5m in November 2023.', { kinds: ['money'], facts: [money('£5m', 5e6)] });
    const all = evaluate([e], [analyse(e.text, g)]).scores;
    expect(all.find((s) => s.kind === 'date')).toMatchObject({ labelled: 0, found: 0 });
  });

  it('agrees on counted units when one wording contains the other', () => {
    expect(unitsAgree('local jobs', 'jobs')).toBe(true);
    expect(unitsAgree('‘Bookstart’ packs', 'Bookstart packs')).toBe(true);
    expect(unitsAgree('trees', 'jobs')).toBe(false);
  });

  it('prints a table with one row per kind', () => {
    const e = entry('We secured £5m.', { facts: [money('£5m', 5e6)] });
    const table = formatScores(evaluate([e], [analyse(e.text, g)]).scores);
    expect(table.split('\n')[0]).toMatch(/^kind\s+labelled\s+found\s+matched\s+precision\s+recall$/);
    expect(table).toMatch(/money\s+1\s+1\s+1\s+1\.000\s+1\.000/);
  });
});

describe('easterSunday', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2020)).toBe('2020-04-12');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
  });
});
