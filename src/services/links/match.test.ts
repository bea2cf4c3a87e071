import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../ingest/report/parse.js';
import { REPORT_2020, SUMMARY_2024 } from '../../../test/helpers/reports.js';
import { buildLinkIndex, suggestLinks, type LinkDoc } from './match.js';
import { planSuggestions } from './plan-suggestions.js';
import { names, terms } from './text-terms.js';
import { scorePairs, splitLabels, suggestedPairs, unknownOffsets, type LinkLabels } from './evaluate-links.js';

const doc = (id: string, title: string, body: string, extra: Partial<LinkDoc> = {}): LinkDoc => ({ id, kind: 'entry', title, body, ...extra });

describe('names and words for matching', () => {
  it('finds scheme names, roads and mid-sentence places, not a sentence’s capitalised first word', () => {
    expect(names('Supported work on the Airfield Business Park in Market Harborough and the A511 near Coalville.').sort())
      .toEqual(['a511', 'airfield business park', 'coalville', 'market harborough']);
    expect(names('Delivered training. Worked with Nature Spot.')).toEqual(['nature spot']);
  });

  it('stems plurals and drops stop words and the council’s own name', () => {
    expect(terms('The schemes of Leicestershire County Council planted trees')).toEqual(['scheme', 'plant', 'tree']);
  });
});

describe('suggesting links', () => {
  const earlier = [
    doc('road', 'Melton Distributor Road', 'work continued on the multi-million pound road in Melton Mowbray'),
    doc('park', 'Airfield Business Park', 'a £5.2m business park in Market Harborough opened', { amounts: ['£5.2m'] }),
    doc('grit', 'Winter Gritting', 'our gritters treated key routes through the winter'),
  ];
  const index = buildLinkIndex(earlier);

  it('scores the earlier entry about the same scheme first, and says why', () => {
    const [best, ...rest] = suggestLinks(index, doc('new', '', 'Construction continued on the Melton Mowbray distributor road.'));
    expect(best.targetId).toBe('road');
    expect(best.reason).toMatch(/^Both name “melton mowbray”.*shared words .*distributor/);
    expect(rest.every((r) => r.score < best.score)).toBe(true);
  });

  it('suggests nothing below the threshold, and leaves out what it is told to', () => {
    expect(suggestLinks(index, doc('new', '', 'Our libraries lent e-books to 2,000 readers.'))).toEqual([]);
    const q = doc('new', '', 'The next phase of the Airfield Business Park was approved.');
    expect(suggestLinks(index, q).map((s) => s.targetId)).toEqual(['park']);
    expect(suggestLinks(index, q, { exclude: new Set(['park']) })).toEqual([]);
  });

  it('gives each query the same answer whatever was asked of the index before (its running totals are reset)', () => {
    const q = doc('new', '', 'Construction continued on the Melton Mowbray distributor road.');
    const alone = suggestLinks(buildLinkIndex(earlier), q);
    const shared = buildLinkIndex(earlier);
    suggestLinks(shared, doc('a', '', 'The Airfield Business Park in Market Harborough opened its second phase.'));
    suggestLinks(shared, doc('b', '', 'Gritters treated the Melton routes through the winter.'));
    expect(suggestLinks(shared, q)).toEqual(alone);
    expect(alone[0].targetId).toBe('road');
  });
});

describe('suggesting again', () => {
  it('leaves out what is already recorded without reaching further down the list', () => {
    const entry = (id: string, title: string, body: string, periodKey: string) => ({ id, title, body, periodKey, places: [], partners: [], amounts: [] });
    const pool = [
      entry('road', 'Melton Distributor Road', 'work continued on the road in Melton Mowbray', 'FY2019-20'),
      entry('roads', 'Melton Road Repairs', 'resurfacing of roads in Melton Mowbray', 'FY2019-20'),
      entry('bus', 'Melton Bus Station', 'a new bus station opened in Melton Mowbray', 'FY2019-20'),
      entry('new', '', 'Construction continued on the Melton Mowbray distributor road.', 'FY2023-24'),
    ];
    const first = planSuggestions([pool[3]], pool, [], { limit: 1 }).links.map((l) => l.targetId);
    expect(first).toEqual(['road']);
    // The best one is recorded (suggested, accepted or rejected): asking again suggests nothing new.
    expect(planSuggestions([pool[3]], pool, [], { limit: 1, known: new Map([['new', new Set(first)]]) }).links).toEqual([]);
  });
});

describe('evaluation on the two Leicestershire reports', () => {
  const labels = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/labelled-links.json'), 'utf8')) as LinkLabels;
  const parse = (file: string) => parseReport(fs.readFileSync(file, 'utf8'), file.endsWith('.md'), { name: path.basename(file) });
  const earlier = parse(REPORT_2020);
  const later = parse(SUMMARY_2024);

  it('has at least 15 pairs about the same scheme and 30 that are not, each at an entry of the reports', () => {
    expect(labels.same.length).toBeGreaterThanOrEqual(15);
    expect(labels.different.length).toBeGreaterThanOrEqual(30);
    expect(unknownOffsets(labels, earlier, later)).toEqual([]);
  });

  it('suggests with precision and recall of at least 0.8 at the default threshold, on the held-out pairs too', () => {
    const suggested = suggestedPairs(earlier, later);
    const all = scorePairs(suggested, labels.same, labels.different);
    const { heldOut } = splitLabels(labels);
    const held = scorePairs(suggested, heldOut.same, heldOut.different);
    for (const s of [all, held]) {
      expect(s.precision).toBeGreaterThanOrEqual(0.8);
      expect(s.recall).toBeGreaterThanOrEqual(0.8);
    }
  });
});
