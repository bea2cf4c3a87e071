// The report as one self-contained HTML file: GOV.UK Frontend styles with the council's brand,
// a contents list with anchors, inline SVG charts and a print stylesheet (the PDF is printed from it).
import { renderChart } from '../charts/index.js';
import { entryRuns } from './entry-runs.js';
import { RAG_LABELS, RAG_MEANINGS, DIRECTION_LABELS, QUARTILE_LABELS, TREND_LABELS } from '../../present/labels.js';
import type {
  CommitmentView, CompendiumSection, EntryView, IndicatorRow, Labelled, OutcomeSection, ReportModel,
} from '../model/types.js';
import { escapeHtml as e } from './escape.js';
import { markdownToHtml } from '../../present/markdown.js';
import { changesMarkdown } from './changes-markdown.js';
import { readableBrand, reportCss } from './styles.js';

export interface HtmlOptions {
  /** Replaces the stylesheet (golden tests keep the output small). */
  css?: string;
  /** Charts already drawn, by chart id (the Word file needs the same SVGs). */
  svgs?: Map<string, string>;
}

const STATE_WORDS: Record<string, string> = { draft: 'Draft', submitted: 'Submitted for approval', approved: 'Approved, not yet published' };

function stateTag(state: string): string {
  return state === 'published' ? '' : ` <strong class="cmp-tag">${e(STATE_WORDS[state] ?? state)}</strong>`;
}

function entryHtml(entry: EntryView, level: number): string {
  const meta = [entry.dateLabel, entry.status ? `Status: ${entry.status}` : null].filter(Boolean).join(' · ');
  const figures = entry.keyFigures.length
    ? `<h${level + 1} class="govuk-visually-hidden">Key figures</h${level + 1}><ul class="cmp-key-figures" aria-label="Key figures">${entry.keyFigures.map((f) => `<li>${e(f)}</li>`).join('')}</ul>`
    : '';
  const facts: string[] = [];
  if (entry.places.length) facts.push(`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Places</dt><dd class="govuk-summary-list__value">${e(entry.places.join(', '))}</dd></div>`);
  if (entry.partners.length) facts.push(`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Partners</dt><dd class="govuk-summary-list__value">${e(entry.partners.join(', '))}</dd></div>`);
  return `<article class="cmp-entry" id="entry-${e(entry.id)}">
<h${level} class="govuk-heading-s">${e(entry.title)}${stateTag(entry.workflowState)}</h${level}>
${meta ? `<p class="govuk-body-s cmp-entry__meta">${e(meta)}</p>` : ''}
${figures}
${markdownToHtml(entry.body, 'report')}
${facts.length ? `<dl class="govuk-summary-list govuk-summary-list--no-border">${facts.join('')}</dl>` : ''}
</article>`;
}

/** An untitled item: one bullet of the list under its heading, with its places and partners after it. */
function untitledHtml(entry: EntryView): string {
  const extra = [entry.dateLabel, entry.places.length ? `Places: ${entry.places.join(', ')}` : null, entry.partners.length ? `Partners: ${entry.partners.join(', ')}` : null].filter(Boolean).join(' · ');
  return `<li class="cmp-entry cmp-entry--untitled" id="entry-${e(entry.id)}">${markdownToHtml(entry.body, 'report').replace(/^<p[^>]*>([\s\S]*)<\/p>\s*$/, '$1')}${stateTag(entry.workflowState)}${extra ? ` <span class="govuk-body-s cmp-entry__meta">(${e(extra)})</span>` : ''}</li>`;
}

/** A heading's entries: each titled one as an article, runs of untitled ones as one list. */
function entriesHtml(entries: EntryView[], level: number): string {
  return entryRuns(entries).map((r) => (r.kind === 'titled' ? entryHtml(r.entry, level) : `<ul class="govuk-list govuk-list--bullet cmp-untitled">\n${r.entries.map(untitledHtml).join('\n')}\n</ul>`)).join('\n');
}

function commitmentsHtml(items: CommitmentView[], caption: string, level: number, heading = true): string {
  if (!items.length) return '';
  const rows = items.map((c) => `<tr class="govuk-table__row"><td class="govuk-table__cell">${e(c.text)}${stateTag(c.workflowState)}</td><td class="govuk-table__cell">${e(c.due)}</td><td class="govuk-table__cell cmp-status">${e(c.statusLabel)}</td></tr>`).join('');
  return `${heading ? `<h${level} class="govuk-heading-m">Commitments</h${level}>
` : ''}<table class="govuk-table cmp-table"><caption class="govuk-table__caption govuk-table__caption--s">${e(caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Commitment</th><th scope="col" class="govuk-table__header cmp-col-due">Due</th><th scope="col" class="govuk-table__header cmp-col-status">Status</th></tr></thead>
<tbody class="govuk-table__body">${rows}</tbody></table>`;
}

function outcomeHtml(o: OutcomeSection, m: ReportModel): string {
  const themes = o.themes.map((t) => `<section class="cmp-theme" id="${t.anchor}">
<h3 class="govuk-heading-m">${e(t.title)}</h3>
${t.narrative?.length ? t.narrative.map((x) => `<p class="govuk-body">${e(x)}</p>`).join('\n') : t.summary ? `<p class="govuk-body">${e(t.summary)}</p>` : ''}
${t.entries.length ? entriesHtml(t.entries, 4) : `<p class="govuk-body">Nothing is reported under this theme for ${e(m.meta.periodLabel)}.</p>`}
</section>`).join('\n');
  // An outcome with nothing delivered does not start a page of its own in print (cmp-outcome--no-entries).
  return `<section class="cmp-outcome${o.noEntries ? ' cmp-outcome--no-entries' : ''}" id="${o.anchor}">
<h2 class="govuk-heading-l">${e(o.title)}</h2>
${o.narrative?.length ? o.narrative.map((x) => `<p class="govuk-body">${e(x)}</p>`).join('\n') : o.summary ? `<p class="govuk-body-l">${e(o.summary)}</p>` : ''}
${o.noEntries ? `<p class="govuk-body cmp-no-entries">${e(o.noEntries)}</p>` : entriesHtml(o.entries, 3)}
${themes}
${commitmentsHtml(o.commitments, `${o.title}: commitments due in ${m.meta.periodLabel} or later`, 3)}
</section>`;
}

function tag(l: Labelled<string | number>, cls: string): string {
  return `<span class="cmp-tag ${cls}"><span class="cmp-symbol" aria-hidden="true">${e(l.symbol)}</span>${e(l.label)}</span>`;
}

function symbolText(l: Labelled<string | number>): string {
  return `<span class="cmp-symbol" aria-hidden="true">${e(l.symbol)}</span>${e(l.label)}`;
}

function compendiumTable(rows: IndicatorRow[], caption: string): string {
  const head = ['Indicator', 'Value', 'Target', 'Against target', 'Since last period', 'Group median', 'Rank', 'Quartile', 'Trend'];
  const num = new Set([1, 2, 5, 6]);
  const body = rows.map((r) => `<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header"><a class="govuk-link" href="#${r.anchor}">${e(r.title)}</a></th>
<td class="govuk-table__cell cmp-num">${e(r.valueText)}</td>
<td class="govuk-table__cell cmp-num">${e(r.targetText)}</td>
<td class="govuk-table__cell cmp-status">${tag(r.rag, `cmp-tag--${r.rag.key}`)}</td>
<td class="govuk-table__cell cmp-status">${symbolText(r.direction)}</td>
<td class="govuk-table__cell cmp-num">${e(r.medianText)}</td>
<td class="govuk-table__cell cmp-num">${e(r.rankText)}</td>
<td class="govuk-table__cell cmp-status">${symbolText(r.quartile)}</td>
<td class="govuk-table__cell cmp-status">${symbolText(r.trend)}</td>
</tr>`).join('');
  const cols = ['name', 'value', 'target', 'rag', 'direction', 'median', 'rank', 'quartile', 'trend'].map((c) => `<col class="cmp-col-${c}">`).join('');
  return `<table class="govuk-table cmp-table cmp-table--compendium"><caption class="govuk-table__caption govuk-table__caption--m">${e(caption)}</caption>
<colgroup>${cols}</colgroup>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head.map((h, i) => `<th scope="col" class="govuk-table__header${num.has(i) ? ' cmp-num' : ''}">${h}</th>`).join('')}</tr></thead>
<tbody class="govuk-table__body">${body}</tbody></table>`;
}

function countsTable(caption: string, head: string, counts: { label: string; symbol: string; count: number }[]): string {
  return `<table class="govuk-table cmp-table"><caption class="govuk-table__caption govuk-table__caption--s">${e(caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">${e(head)}</th><th scope="col" class="govuk-table__header cmp-num">Indicators</th></tr></thead>
<tbody class="govuk-table__body">${counts.map((c) => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header"><span class="cmp-symbol" aria-hidden="true">${e(c.symbol)}</span>${e(c.label)}</th><td class="govuk-table__cell cmp-num">${c.count}</td></tr>`).join('')}</tbody></table>`;
}

/** The measures with no value for the period, each with its reason: as many as the summary counts. */
function missingHtml(c: CompendiumSection): string {
  const missing = c.missing ?? [];
  if (!missing.length) return '';
  return `<h4 class="govuk-heading-s" id="compendium-missing">Measures with no value for ${e(c.periodLabel)} (${missing.length})</h4>
<ul class="govuk-list govuk-list--bullet cmp-missing">${missing.map((x) => `<li><a class="govuk-link" href="#${x.anchor}">${e(x.title)}</a> (${e(x.code)}): ${e(x.reason)}</li>`).join('')}</ul>`;
}

function compendiumHtml(c: CompendiumSection, m: ReportModel, svgs: Map<string, string> | undefined): string {
  const brand = readableBrand(m.meta.brandColour);
  const chartById = new Map(c.charts.map((ch) => [ch.id, ch]));
  const outcomes = c.outcomes.map((o) => {
    const details = o.rows.map((r) => `<section class="cmp-indicator" id="${r.anchor}">
<h4 class="govuk-heading-s">${e(r.title)} <span class="govuk-caption-m">${e(r.code)}</span></h4>
<p class="govuk-body-s">${e(r.polarityLabel)}. ${e(c.periodLabel)}: ${e(r.valueText)}; ${e(r.previousPeriodLabel)}: ${e(r.previousText)}. Against target: ${e(r.rag.label)}. Since last period: ${e(r.direction.label)}. ${e(r.missingReason ?? r.coverageText)}${r.source ? ` Source: ${e(r.source)}.` : ''}</p>
${r.chartIds.map((id) => chartById.get(id)).filter((ch) => ch !== undefined).map((ch) => renderChart(ch, { brandColour: brand, headingLevel: 5, svg: svgs?.get(ch.id) })).join('\n')}
</section>`).join('\n');
    return `<section class="cmp-compendium-outcome" id="${o.anchor}">
<h3 class="govuk-heading-l">${e(o.title)}</h3>
${compendiumTable(o.rows, `${o.title}: indicators for ${c.periodLabel}, compared with ${c.groupLabel}`)}
${o.coverage ? `<p class="govuk-body-s cmp-coverage">${e(o.coverage)}</p>` : ''}
${details}
</section>`;
  }).join('\n');
  const key = (title: string, labels: Labelled<string | number>[], meaning?: (k: string) => string) =>
    `<h4 class="govuk-heading-s">${e(title)}</h4><ul class="govuk-list">${labels.map((l) => `<li><span class="cmp-symbol" aria-hidden="true">${e(l.symbol)}</span><strong>${e(l.label)}</strong>${meaning ? `: ${e(meaning(String(l.key)))}` : ''}</li>`).join('')}</ul>`;
  return `<section class="cmp-compendium" id="performance-compendium">
<h2 class="govuk-heading-xl">Performance Compendium</h2>
<p class="govuk-body-l">How ${e(c.areaName)} performed in ${e(c.periodLabel)}, against its targets and compared with ${e(c.groupLabel)} (${c.groupMembers} councils).</p>
<section id="compendium-summary">
<h3 class="govuk-heading-l">Summary</h3>
${c.summary.sentences.map((s) => `<p class="govuk-body">${e(s)}</p>`).join('\n')}
${c.summaryCharts.map((ch) => renderChart(ch, { brandColour: brand, headingLevel: 4, svg: svgs?.get(ch.id) })).join('\n')}
${countsTable(`Indicators by direction of travel since the previous period, ${c.periodLabel}`, 'Direction', c.summary.direction)}
${missingHtml(c)}
</section>
${outcomes}
<section id="compendium-methodology">
<h3 class="govuk-heading-l">How to read the compendium</h3>
${c.groupDescription !== c.groupLabel ? `<p class="govuk-body"><strong>About the comparison group:</strong> ${e(c.groupDescription)}</p>` : ''}
<p class="govuk-body">Each indicator's value for ${e(c.periodLabel)} is compared with its target, with its value for the previous period, and with the other councils in ${e(c.groupLabel)}. The group median and quartiles are taken over the councils that have a value; councils without one are left out, never counted as zero. Rank 1 is the best after allowing for whether higher or lower is better, and tied councils share the best rank. The quartile band puts the same number of councils in each quarter: the top quartile is the best quarter. A trend needs at least five values and is tested at 95% confidence.</p>
${key('Against target', Object.values(RAG_LABELS), (k) => RAG_MEANINGS[k as keyof typeof RAG_MEANINGS])}
${key('Since last period', ['improving', 'worsening', 'no-change', 'increasing', 'decreasing', 'not-comparable'].map((k) => DIRECTION_LABELS[k as keyof typeof DIRECTION_LABELS]))}
${key('Quartile', [1, 2, 3, 4, 'none'].map((k) => QUARTILE_LABELS[k as 1]))}
${key('Trend', Object.values(TREND_LABELS))}
<p class="govuk-body">The full method is described at <a class="govuk-link" href="${e(m.meta.methodologyUrl)}">${e(m.meta.methodologyUrl)}</a>. The tables are also published as open data (CSV and JSON).</p>
</section>
</section>`;
}

function contentsHtml(m: ReportModel): string {
  const items = m.contents.map((c) => `<li><a class="govuk-link" href="#${c.anchor}">${e(c.title)}</a>${c.children.length ? `<ol class="govuk-list">${c.children.map((ch) => `<li><a class="govuk-link" href="#${ch.anchor}">${e(ch.title)}</a></li>`).join('')}</ol>` : ''}</li>`).join('\n');
  return `<nav class="cmp-contents" aria-labelledby="contents-heading"><h2 class="govuk-heading-l" id="contents-heading">Contents</h2><ol class="govuk-list govuk-list--number">${items}</ol></nav>`;
}

/** The whole report as one HTML document. */
export function renderHtml(m: ReportModel, options: HtmlOptions = {}): string {
  const css = options.css ?? reportCss(m.meta.brandColour);
  const draft = m.meta.status === 'draft';
  const title = `${m.meta.title}${draft ? ' (DRAFT)' : ''} – ${m.meta.councilName}`;
  const summary = [
    ['Council', m.meta.councilName],
    ['Plan', m.meta.planLine],
    ['Reporting period', m.meta.periodLabel],
    [draft ? 'Draft produced on' : 'Published on', m.meta.generatedOnLabel],
    ['Status', draft ? 'DRAFT: not for publication' : 'Published'],
  ];
  const financial = m.financial ? `<section id="financial-context">
<h2 class="govuk-heading-l">Financial context</h2>
${(m.financial.narrative ?? []).map((p) => `<p class="govuk-body">${e(p)}</p>\n`).join('')}<table class="govuk-table cmp-table"><caption class="govuk-table__caption govuk-table__caption--m">${e(m.financial.heading)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Measure</th><th scope="col" class="govuk-table__header cmp-num">Figure</th><th scope="col" class="govuk-table__header">Note</th></tr></thead>
<tbody class="govuk-table__body">${m.financial.figures.map((f) => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${e(f.label)}</th><td class="govuk-table__cell cmp-num">${e(f.value)}</td><td class="govuk-table__cell">${e(f.note ?? '')}</td></tr>`).join('')}</tbody></table>
${(m.financial.charts ?? []).map((ch) => `${renderChart(ch, { brandColour: m.meta.brandColour, headingLevel: 3, svg: options.svgs?.get(ch.id) })}\n`).join('')}</section>` : '';
  // The closing line; in print it is on the title page instead (at the end it was a page of its own).
  const colophon = `${e(m.meta.councilName)}: ${e(m.meta.title)}. ${draft ? 'Draft' : 'Published'} ${e(m.meta.generatedOnLabel)}, produced with Compendium.${m.meta.fictional ? ' The council and everything about it are fictional.' : ''}`;
  const other = m.other.length ? `<section class="cmp-other" id="other-achievements">
<h2 class="govuk-heading-l">Other achievements and commitments</h2>
${m.other.map((s) => `<section id="${s.anchor}"><h3 class="govuk-heading-m">${e(s.title)}</h3>
${entriesHtml(s.entries, 4)}
${s.commitments ? commitmentsHtml(s.commitments, `Commitments not yet linked to an outcome, due in ${m.meta.periodLabel} or later`, 4, s.entries.length > 0) : ''}</section>`).join('\n')}
</section>` : '';
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template govuk-template--rebranded">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<meta name="author" content="${e(m.meta.councilName)}">
<meta name="description" content="${e(`${m.meta.councilName}: ${m.meta.title}, ${m.meta.planTitle}`)}">
<meta name="generator" content="Compendium">
<style>${css}</style>
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
${draft ? '<div class="cmp-draft-mark" aria-hidden="true">DRAFT</div>' : ''}
<header class="cmp-header">
<div class="govuk-width-container"><p class="cmp-header__council">${e(m.meta.councilName)}</p><p class="cmp-header__product">${e(m.meta.title)}</p></div>
</header>
<div class="govuk-width-container">
${draft ? `<div class="govuk-phase-banner"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">DRAFT</strong><span class="govuk-phase-banner__text">This report is a draft and must not be published. It contains material not yet approved.</span></p></div>` : ''}
<main class="govuk-main-wrapper" id="main-content">
<section class="cmp-title-page" aria-labelledby="report-title">
<span class="govuk-caption-xl">${e(m.meta.councilName)}</span>
<h1 class="govuk-heading-xl" id="report-title">${e(m.meta.title)}${draft ? ' <strong class="cmp-tag">DRAFT</strong>' : ''}</h1>
<p class="govuk-body-l">${e(m.meta.planLine)}</p>
<dl class="govuk-summary-list">${summary.map(([k, v]) => `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${e(k)}</dt><dd class="govuk-summary-list__value">${e(v)}</dd></div>`).join('')}</dl>
<p class="govuk-body-s cmp-colophon">${colophon}</p>
</section>
${contentsHtml(m)}
<section id="introduction">
<h2 class="govuk-heading-l">Introduction</h2>
${m.introduction.map((p) => `<p class="govuk-body">${e(p)}</p>`).join('\n')}
</section>${(m.narrative ?? []).map((n, i) => `\n<section class="cmp-narrative" id="narrative-${i + 1}">
${n.heading ? `<h2 class="govuk-heading-l">${e(n.heading)}</h2>` : ''}
${n.paragraphs.map((p) => `<p class="govuk-body">${e(p)}</p>`).join('\n')}
</section>`).join('')}
<section id="key-priorities">
<h2 class="govuk-heading-l">Key priorities</h2>
${m.keyPriorities.length ? `<ul class="govuk-list">${m.keyPriorities.map((k) => `<li><a class="govuk-link govuk-!-font-weight-bold" href="#${k.anchor}">${e(k.title)}</a>${k.summary ? `: ${e(k.summary)}` : ''}</li>`).join('')}</ul>` : '<p class="govuk-body">The plan has no outcomes yet.</p>'}
</section>
${financial}
${m.outcomes.map((o) => outcomeHtml(o, m)).join('\n')}
${other}
${m.compendium ? compendiumHtml(m.compendium, m, options.svgs) : ''}${m.changes ? `
<section id="what-changed">
${markdownToHtml(changesMarkdown(m.changes, 2), 'report')}</section>` : ''}
</main>
</div>
<footer class="govuk-footer cmp-footer">
<div class="govuk-width-container"><p class="govuk-footer__meta-custom">${colophon}</p></div>
</footer>
</body>
</html>
`;
}
