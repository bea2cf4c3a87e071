// "What changed" as Markdown: for `compendium changes`, the report's section and anyone who reads text.
import type { ChangesModel } from '../model/changes.js';

const list = (items: string[]) => items.map((i) => `- ${i}`);
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function outcomeLines(m: ChangesModel): string[] {
  const o = m.outcomes;
  const lines = [`Outcomes matched by ${o.matchedBy === 'plan map' ? 'the confirmed plan map' : 'their titles (no plan map has been confirmed)'}.`, ''];
  if (o.kept.length) lines.push(`Kept: ${o.kept.join('; ')}.`);
  lines.push(...(o.renamed.length ? ['Renamed or merged:', ...list(o.renamed.map((r) => `${r.from} → ${r.to}`))] : ['None renamed.']));
  lines.push(`Added: ${o.added.length ? o.added.join('; ') : 'none'}.`, `Dropped: ${o.dropped.length ? o.dropped.join('; ') : 'none'}.`);
  if (m.themes.added.length || m.themes.dropped.length) {
    lines.push(`Themes added: ${m.themes.added.length ? m.themes.added.join('; ') : 'none'}.`, `Themes dropped: ${m.themes.dropped.length ? m.themes.dropped.join('; ') : 'none'}.`);
  }
  return lines;
}

/** The changes from one period to another as a Markdown section (its heading at `level`). */
export function changesMarkdown(m: ChangesModel, level = 1): string {
  const h = (n: number) => '#'.repeat(level + n);
  const lines = [`${h(0)} What changed from ${m.from.label} to ${m.to.label}`, ''];
  lines.push(`${m.from.label}: ${m.from.planTitle ?? 'no plan'}. ${m.to.label}: ${m.to.planTitle ?? 'no plan'}.`, '');
  lines.push(`${h(1)} Outcomes and themes`, '', ...outcomeLines(m), '');
  lines.push(`${h(1)} Commitments that fell due`, '');
  lines.push(...(m.commitments.length
    ? list(m.commitments.map((c) => `${clip(c.text)} (due ${c.due}): ${c.statusLabel}${c.evidence.length ? `; shown by ${c.evidence.map((e) => `“${clip(e, 80)}”`).join(', ')}` : '; no evidence linked'}`))
    : [m.notes.find((n) => n.startsWith('No commitment')) ?? '']), '');
  lines.push(`${h(1)} Figures that moved`, '');
  lines.push(...(m.figures.length
    ? list(m.figures.map((f) => `${f.scheme}: ${f.from} in ${f.fromLabel}, ${f.to} in ${f.toLabel}`))
    : [m.notes.find((n) => n.startsWith('No linked scheme')) ?? '']), '');
  const i = m.indicators;
  lines.push(`${h(1)} Indicators against ${i.group ?? 'the group'}`, '');
  const none = m.notes.find((n) => n.startsWith('There are no indicator values'));
  if (none) lines.push(none);
  else {
    lines.push(`${i.improving.length} improving, ${i.worsening.length} worsening, ${i.steady} in the same quartile, ${i.notComparable} without a position in both years.`);
    if (i.improving.length) lines.push('', 'Improving:', ...list(i.improving.map((x) => `${x.title} (${x.code}): ${x.from} → ${x.to}`)));
    if (i.worsening.length) lines.push('', 'Worsening:', ...list(i.worsening.map((x) => `${x.title} (${x.code}): ${x.from} → ${x.to}`)));
  }
  return `${lines.join('\n').trim()}\n`;
}
