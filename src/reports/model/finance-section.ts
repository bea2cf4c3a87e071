// The report's financial context from the council's finance story, its funding per head against its
// group and a chosen what-if model: a short narrative (the council's own words first), the figures
// and the charts (budget gap by year, savings against target, funding per head, the model). Pure.
import type { ChartSpec, FinancialFigureView } from './types.js';
import type { ReportFinance } from './input.js';
import { budgetGapSpec, fundingPerHeadSpec, savingsSpec, whatIfSpec } from './finance-charts.js';
import { formatNumber, formatPence, ordinal, periodLabel } from '../../present/format.js';

const millions = (n: number) => `£${formatNumber(Math.abs(n), 1)}m`;

export interface FinanceSectionView {
  narrative: string[];
  figures: FinancialFigureView[];
  charts: ChartSpec[];
}

export function financeSection(f: ReportFinance, councilName: string, councilCode: string): FinanceSectionView | null {
  const { story, funding, whatIf } = f;
  const narrative = story.narrative.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const figures: FinancialFigureView[] = [];
  const charts: (ChartSpec | null)[] = [];
  if (story.savings.length) {
    const target = story.savings.reduce((n, s) => n + s.targetPence, 0);
    const delivered = story.savings.reduce((n, s) => n + s.deliveredPence, 0);
    const atRisk = story.savings.filter((s) => s.status === 'at risk' || s.status === 'not delivered');
    narrative.push(`The savings plan holds ${story.savings.length} savings worth ${formatPence(target)}; ${formatPence(delivered)} of it has been delivered${atRisk.length ? `, and ${atRisk.length} ${atRisk.length === 1 ? 'saving is' : 'savings are'} at risk or not delivered` : ''}.`);
    figures.push({ label: 'Savings delivered', value: formatPence(delivered), note: `against a target of ${formatPence(target)}` });
    charts.push(savingsSpec(story.savings, councilName));
  }
  if (story.gaps.length) {
    const last = [...story.gaps].sort((a, b) => a.periodKey.localeCompare(b.periodKey)).pop()!;
    narrative.push(`The medium-term financial strategy forecasts a budget gap of ${formatPence(last.gapPence)} by ${periodLabel(last.periodKey)}.`);
    for (const g of story.gaps) figures.push({ label: `Budget gap ${periodLabel(g.periodKey)}`, value: formatPence(g.gapPence), note: g.note });
    charts.push(budgetGapSpec(story.gaps, councilName));
  }
  if (story.pressures.length) {
    const costs = story.pressures.filter((p) => p.kind === 'cost').reduce((n, p) => n + p.amountPence, 0);
    const grants = story.pressures.filter((p) => p.kind === 'grant').reduce((n, p) => n + p.amountPence, 0);
    narrative.push(`One-off pressures cost ${formatPence(costs)}, against ${formatPence(grants)} of grants to meet them, leaving ${formatPence(Math.max(0, costs - grants))} for the council to find.`);
    for (const p of story.pressures) figures.push({ label: `${p.title} (${p.kind === 'grant' ? 'grant' : 'cost'}, ${periodLabel(p.periodKey)})`, value: formatPence(p.amountPence), note: null });
  }
  if (funding && funding.council.perHead !== null && funding.rank !== null) {
    const top = funding.others[0];
    const med = funding.groupMedian;
    narrative.push(`In ${funding.periodLabel} ${councilName} had £${formatNumber(funding.council.perHead, 2)} of spending power per resident, ${ordinal(funding.rank)} of ${funding.ranked} in ${funding.groupLabel}.`
      + (med && med.gapMillions > 0 ? ` Funded at the group median it would have ${millions(med.gapMillions)} a year more` : '')
      + (top && top.gapMillions > 0 ? `${med && med.gapMillions > 0 ? ';' : ' Funded'} at the level of ${top.name}, ${millions(top.gapMillions)} a year more.` : '.'));
    figures.push({ label: 'Spending power per head', value: `£${formatNumber(funding.council.perHead, 2)}`, note: `${ordinal(funding.rank)} of ${funding.ranked}, ${funding.groupLabel}, ${funding.periodLabel}` });
    charts.push(fundingPerHeadSpec(funding, funding.groupLabel, funding.periodLabel));
  }
  if (whatIf) {
    const ours = whatIf.rows.find((r) => r.code === councilCode);
    if (ours) narrative.push(`Under the fair-funding model "${whatIf.name}", which shares ${millions(whatIf.totalMillions)} by ${whatIf.weights.map((w) => `${w.indicator} ${formatNumber(w.weight, 0)}%`).join(', ')}, ${councilName} would ${ours.gainMillions >= 0 ? 'gain' : 'lose'} ${millions(ours.gainMillions)} a year (£${formatNumber(Math.abs(ours.gainPerHead), 2)} a head).`);
    charts.push(whatIfSpec(whatIf, councilCode, `Model "${whatIf.name}"`));
  }
  if (!narrative.length && !figures.length) return null;
  return { narrative, figures, charts: charts.filter((c): c is ChartSpec => c !== null) };
}
