// The report as Markdown: headings, entries, tables as pipe tables; charts as their description and data.
// Raw HTML and unsafe links are made inert once, over the whole document (entry text, titles, names alike).
import { markdownWithoutHtml } from '../../present/markdown.js';
import { changesMarkdown } from './changes-markdown.js';
import { entryRuns } from './entry-runs.js';
import type { ChartSpec, CommitmentView, EntryView, ReportModel } from '../model/types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
function pipeTable(head: string[], rows: string[][]): string {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function entry(e: EntryView, hashes: string): string {
  const lines = [`${hashes} ${e.title}${e.workflowState === 'published' ? '' : ` (${e.workflowState})`}`, ''];
  const meta = [e.dateLabel, e.status ? `Status: ${e.status}` : null].filter(Boolean).join(' · ');
  if (meta) lines.push(`*${meta}*`, '');
  if (e.keyFigures.length) lines.push(`**Key figures:** ${e.keyFigures.join(' · ')}`, '');
  lines.push(e.body.trim(), '');
  if (e.places.length) lines.push(`**Places:** ${e.places.join(', ')}`, '');
  if (e.partners.length) lines.push(`**Partners:** ${e.partners.join(', ')}`, '');
  return lines.join('\n');
}

/** Titled entries under their own headings; untitled ones as one bulleted list. */
function entries(list: EntryView[], hashes: string): string[] {
  return entryRuns(list).map((r) => {
    if (r.kind === 'titled') return entry(r.entry, hashes);
    const bullet = (e: EntryView) => {
      const extra = [e.workflowState === 'published' ? null : e.workflowState, e.places.length ? `Places: ${e.places.join(', ')}` : null].filter(Boolean).join('; ');
      return `- ${e.body.trim().replace(/\n+/g, ' ')}${extra ? ` (${extra})` : ''}`;
    };
    return [...r.entries.map(bullet), ''].join('\n');
  });
}

function commitments(items: CommitmentView[], hashes: string): string {
  if (!items.length) return '';
  return `${hashes} Commitments\n\n${pipeTable(['Commitment', 'Due', 'Status'], items.map((c) => [c.text, c.due, c.statusLabel]))}\n`;
}

function chart(spec: ChartSpec, hashes: string): string {
  return `${hashes} ${spec.title}\n\n${spec.description}\n\n${pipeTable(spec.table.head, spec.table.rows)}\n\n*${spec.source}*\n`;
}

export function renderMarkdown(m: ReportModel): string {
  const draft = m.meta.status === 'draft';
  const out: string[] = [];
  if (draft) out.push('> **DRAFT: not for publication.** This report contains material that has not been approved.', '');
  out.push(`# ${m.meta.title}`, '', `**${m.meta.councilName}** · ${m.meta.planLine} · Reporting period ${m.meta.periodLabel} · ${draft ? 'Draft produced' : 'Published'} ${m.meta.generatedOnLabel}`, '');
  out.push('## Contents', '', ...m.contents.map((c, i) => `${i + 1}. [${c.title}](#${c.anchor})`), '');
  out.push('## Introduction', '', ...m.introduction.flatMap((p) => [p, '']));
  for (const n of m.narrative ?? []) out.push(...(n.heading ? [`## ${n.heading}`, ''] : []), ...n.paragraphs.flatMap((p) => [p, '']));
  out.push('## Key priorities', '', ...m.keyPriorities.map((k) => `- **${k.title}**${k.summary ? `: ${k.summary}` : ''}`), '');
  if (m.financial) {
    out.push('## Financial context', '', ...(m.financial.narrative ?? []).flatMap((p) => [p, '']), pipeTable(['Measure', 'Figure', 'Note'], m.financial.figures.map((f) => [f.label, f.value, f.note ?? ''])), '');
    out.push(...(m.financial.charts ?? []).map((ch) => chart(ch, '###')));
  }
  for (const o of m.outcomes) {
    out.push(`## ${o.title}`, '');
    if (o.narrative?.length) out.push(...o.narrative.flatMap((p) => [p, '']));
    else if (o.summary) out.push(o.summary, '');
    if (o.noEntries) out.push(o.noEntries, '');
    out.push(...entries(o.entries, '###'));
    for (const t of o.themes) {
      out.push(`### ${t.title}`, '');
      if (t.narrative?.length) out.push(...t.narrative.flatMap((p) => [p, '']));
      else if (t.summary) out.push(t.summary, '');
      out.push(...(t.entries.length ? entries(t.entries, '####') : [`Nothing is reported under this theme for ${m.meta.periodLabel}.`, '']));
    }
    out.push(commitments(o.commitments, '###'));
  }
  if (m.other.length) {
    out.push('## Other achievements and commitments', '');
    for (const s of m.other) {
      out.push(`### ${s.title}`, '', ...entries(s.entries, '####'));
      if (s.commitments) out.push(commitments(s.commitments, '####'));
    }
  }
  if (m.changes) out.push(changesMarkdown(m.changes, 2));
  const c = m.compendium;
  if (c) {
    out.push('## Performance Compendium', '', `How ${c.areaName} performed in ${c.periodLabel}, against its targets and compared with ${c.groupLabel} (${c.groupMembers} councils).`, '');
    out.push('### Summary', '', ...c.summary.sentences.flatMap((s) => [s, '']));
    out.push(...c.summaryCharts.map((ch) => chart(ch, '####')));
    if (c.missing?.length) out.push(`#### Measures with no value for ${c.periodLabel} (${c.missing.length})`, '', ...c.missing.map((x) => `- **${x.title}** (${x.code}): ${x.reason}`), '');
    const charts = new Map(c.charts.map((ch) => [ch.id, ch]));
    for (const o of c.outcomes) {
      out.push(`### ${o.title}`, '', `*${o.title}: indicators for ${c.periodLabel}, compared with ${c.groupLabel}*`, '');
      out.push(pipeTable(['Indicator', 'Value', 'Target', 'Against target', 'Since last period', 'Group median', 'Rank', 'Quartile', 'Trend'],
        o.rows.map((r) => [r.title, r.valueText, r.targetText, `${r.rag.symbol} ${r.rag.label}`, `${r.direction.symbol} ${r.direction.label}`, r.medianText, r.rankText, `${r.quartile.symbol} ${r.quartile.label}`, `${r.trend.symbol} ${r.trend.label}`])), '');
      if (o.coverage) out.push(`*${o.coverage}*`, '');
      for (const r of o.rows) {
        out.push(`#### ${r.title} (${r.code})`, '', `${r.polarityLabel}. ${c.periodLabel}: ${r.valueText}; ${r.previousPeriodLabel}: ${r.previousText}. ${r.missingReason ?? r.coverageText}${r.source ? ` Source: ${r.source}.` : ''}`, '');
        for (const id of r.chartIds) { const spec = charts.get(id); if (spec) out.push(chart(spec, '#####')); }
      }
    }
    out.push('### How to read the compendium', '');
    if (c.groupDescription !== c.groupLabel) out.push(`About the comparison group: ${c.groupDescription}`, '');
    out.push(`The method is described at ${m.meta.methodologyUrl}.`, '');
  }
  return markdownWithoutHtml(out.join('\n').replace(/\n{3,}/g, '\n\n'));
}
