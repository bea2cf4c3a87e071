import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import { buildReportModel } from './index.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';

describe("the council's narrative in the report", () => {
  const input = fixtureInput();
  const outcome = input.plan.outcomes[0];
  const theme = outcome.themes[0];
  const narrative = [
    { outcomeId: null, themeId: null, periodKey: input.periodKey, position: 2, heading: 'Financial Context', paragraphs: ['Funding fell again this year.', 'Savings of £4m were found.'] },
    { outcomeId: null, themeId: null, periodKey: input.periodKey, position: 1, heading: 'Foreword', paragraphs: ['Welcome to our report.'] },
    { outcomeId: outcome.id, themeId: null, periodKey: null, position: 3, heading: null, paragraphs: ['This outcome is about jobs.', 'It has three themes.'] },
    { outcomeId: outcome.id, themeId: theme.id, periodKey: input.periodKey, position: 4, heading: null, paragraphs: ['This theme is about roads.'] },
    { outcomeId: null, themeId: null, periodKey: 'FY2001-02', position: 5, heading: 'Another year', paragraphs: ['Not this period.'] },
  ];

  it("keeps the council's own sections in its order and each outcome's and theme's introduction paragraph by paragraph", () => {
    const m = buildReportModel({ ...input, narrative });
    expect(m.narrative).toEqual([
      { heading: 'Foreword', paragraphs: ['Welcome to our report.'] },
      { heading: 'Financial Context', paragraphs: ['Funding fell again this year.', 'Savings of £4m were found.'] },
    ]);
    expect(m.outcomes[0].narrative).toEqual(['This outcome is about jobs.', 'It has three themes.']);
    expect(m.outcomes[0].themes[0].narrative).toEqual(['This theme is about roads.']);
  });

  it('prints them in HTML and Markdown, each paragraph its own', () => {
    const m = buildReportModel({ ...input, narrative });
    const html = renderHtml(m);
    expect(html.indexOf('Welcome to our report.')).toBeLessThan(html.indexOf('Funding fell again this year.'));
    expect(html).toContain('<p class="govuk-body">Savings of £4m were found.</p>');
    expect(html).toContain('<p class="govuk-body">It has three themes.</p>');
    expect(html).not.toContain('Not this period.');
    const md = renderMarkdown(m);
    expect(md).toContain('## Financial Context\n\nFunding fell again this year.\n\nSavings of £4m were found.\n');
    expect(md).toContain('This theme is about roads.');
  });
});
