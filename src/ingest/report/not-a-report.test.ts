import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notAReport } from './not-a-report.js';
import { parseReport } from './parse.js';
import { OWN_REPORTS, readFixture, REPORT_2020, SUMMARY_2024 } from '../../../test/helpers/reports.js';

describe('documents that are not reports of delivery', () => {
  it('flags minutes, with one sentence naming what gave them away and how to import them anyway', () => {
    const flag = notAReport(readFixture(path.join(OWN_REPORTS, 'millbrook-parish-minutes-2025.txt')));
    expect(flag?.kind).toBe('minutes');
    expect(flag?.reason).toMatch(/^This looks like the minutes of a meeting, not a report of delivery \(it has "minutes".*\); import it only with --force\.$/);
  });

  it('flags a forward plan, a news story and an agenda', () => {
    const forward = 'Forward plan\n\nThis forward plan gives 28 days\' notice of the key decisions the Cabinet expects to take.\n\nDecision maker: Cabinet.';
    expect(notAReport(forward)?.kind).toBe('forward plan');
    const news = 'Council launches its new recycling service\n\n3 days ago\n\nResidents will get a food waste caddy, said Councillor Jane Pike.';
    expect(notAReport(news)?.kind).toBe('news');
    const agenda = 'Agenda\n\n1. To receive apologies\n2. To approve the minutes of the last meeting\n3. To consider the budget\n4. To note the correspondence';
    expect(notAReport(agenda)?.kind).toBe('agenda');
  });

  it('flags a committee system\'s page for one item, whose "Minutes:" come after the heading lines', () => {
    const item = 'Issue - meetings\n\nAnnual Report 2024-25\n\nMeeting: 12/06/2025 - Cabinet (Item 9)\n\nTo consider the annual report.\n\n' +
      'Additional documents:\n\nMinutes:\n\nThe Leader introduced the report. Among the year\'s successes:\n\n  • A new library opened at Fenby.\n  • 300 homes were finished.\n\n' +
      'Cllr Ray Moss seconded the motion.';
    expect(notAReport(item)?.kind).toBe('minutes');
    const noted = 'Agenda item\n\nCouncil Plan progress 2024-25\n\nThat Cabinet note:\n\n  1. The delivery of the year\'s actions.\n\n' +
      'Consideration was given to the report, which set out the fourth quarter\'s figures.\n\nThe Cabinet Members commented as follows:';
    expect(notAReport(noted)?.kind).toBe('minutes');
  });

  it('flags a news story about a report, told in the third person', () => {
    const story = 'Council sets out a year of progress\n\nCouncillors looked at the achievements outlined in the 2024-25 report when it went to Cabinet.\n\n' +
      'The report looks at how the council did against its three priorities. Highlights noted in the report include:\n\n• 120 families helped to stay in their homes.';
    expect(notAReport(story)?.kind).toBe('news');
  });

  it('never flags a report of delivery, even one that mentions meetings and agendas', () => {
    for (const f of [REPORT_2020, SUMMARY_2024, ...['eastmere-priority-actions-2025.md', 'northvale-numbered-priorities-2025.txt', 'southfield-layout-table-2024.txt'].map((n) => path.join(OWN_REPORTS, n))]) {
      expect(notAReport(readFixture(f)), f).toBeNull();
    }
    const committee = 'Corporate Performance Report 2024-25\n\nAgenda item 6\n\nSummary\n\nThe council met 92% of its targets this year; 14 new homes were finished at Oakfield.';
    expect(notAReport(committee)).toBeNull();
    const selfReference = 'Annual Report 2024-25\n\nThis report sets out what we did. As set out in the Council Plan, we met 12 of 14 targets; ' +
      'the figures are described in the appendix. The Cabinet approved the plan in May.';
    expect(notAReport(selfReference)).toBeNull();
  });

  it('says so in the parsed report and its warnings', () => {
    const report = parseReport(readFixture(path.join(OWN_REPORTS, 'millbrook-parish-minutes-2025.txt')), false, { name: 'millbrook-parish-minutes-2025.txt' });
    expect(report.notReport?.kind).toBe('minutes');
    expect(report.warnings[0]).toBe(report.notReport?.reason);
  });
});
