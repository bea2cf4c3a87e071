// Hostile searches on the real database: whatever is typed gives results or none, never an error
// from PostgreSQL's query parser (33 hyphens once overflowed its stack: "tsquery stack too small").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededServices } from '../../../test/helpers/site-fixture.js';
import { MAX_SEARCH_WORDS, searchWords } from './searchPublished.js';

let t: Awaited<ReturnType<typeof seededServices>>;
beforeAll(async () => {
  t = await seededServices();
});
afterAll(() => t.close());

const hostile = [
  '-'.repeat(33), '-'.repeat(5000), '!'.repeat(200), '('.repeat(300) + 'gritting' + ')'.repeat(300),
  Array.from({ length: 400 }, () => 'gritting').join(' '), Array.from({ length: 200 }, () => '-gritting').join(' '),
  Array.from({ length: 200 }, () => 'a OR').join(' '), '"'.repeat(101), '"gritting', 'gritting <-> salt', '<2>'.repeat(50),
  ':*'.repeat(100), '&'.repeat(100), '\u0000', '\u0001\u0002', 'ﬁ'.repeat(50), '𝔤𝔯𝔦𝔱'.repeat(100), "'".repeat(100),
];

describe('search with hostile input', () => {
  it.each(hostile.map((q) => [q.slice(0, 30), q]))('answers %j without an error', async (_label, q) => {
    const r = await t.s.site.search(q);
    expect(Array.isArray(r.hits)).toBe(true);
  });

  it('still finds the words inside operators and punctuation', async () => {
    const ids = (await t.s.site.search('-gritting- !!(gritting)')).hits.map((h) => h.id);
    expect(ids).toContain('e-gritting');
  });

  it('keeps letters and digits only, and a bounded number of words', () => {
    expect(searchWords('--- a|b & !c "d" (e) <-> f:*')).toBe('a b c d e f');
    expect(searchWords('x OR y or z')).toBe('x y z');
    expect(searchWords(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).split(' ')).toHaveLength(MAX_SEARCH_WORDS);
    expect(searchWords('-'.repeat(40))).toBe('');
  });
});
