import { describe, expect, it } from 'vitest';
import type { PlanIndicatorRow } from '../../store/queries/listPlanIndicators.js';
import { indicatorsTalkedAbout } from './entry-indicators.js';

const indicator = (code: string, title: string, outcomeId: string | null, themeId: string | null): PlanIndicatorRow => ({
  id: code, code, title, unit: 'percent', decimalPlaces: 1, polarity: 'higher', frequency: 'annual-financial', source: null, definition: null,
  outcomeId, outcomeSlug: null, outcomeTitle: null, themeId, themeTitle: null,
});

describe('indicatorsTalkedAbout', () => {
  const all = [
    indicator('ENV-01', 'Household waste sent for recycling', 'green', 'waste'),
    indicator('ENV-02', 'Fly-tipping incidents cleared', 'green', 'streets'),
    indicator('ENV-03', 'Carbon emissions from council buildings', 'green', null),
    indicator('EDU-01', 'Pupils reaching the expected standard', 'schools', null),
  ];

  it('links an entry to its theme’s indicators, those it names by code, and its outcome’s on shared words', () => {
    const entry = { title: 'Solar panels', body: 'Council buildings cut carbon emissions by 12%, and EDU-01 rose.', outcomeId: 'green', themeId: 'waste' };
    expect(indicatorsTalkedAbout(entry, all).map((i) => i.code)).toEqual(['ENV-01', 'ENV-03', 'EDU-01']);
  });

  it('links none when the entry says nothing about them', () => {
    expect(indicatorsTalkedAbout({ title: 'A fair', body: 'A summer fair.', outcomeId: 'green', themeId: null }, all)).toEqual([]);
  });
});
