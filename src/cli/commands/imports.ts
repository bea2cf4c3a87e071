// compendium imports list|show|publish|undo: the import batches, each an imported report whose
// items wait as drafts until they are published, and can be undone whole.
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../services/policy.js';
import type { BatchSummary, BatchView } from '../../services/import-batches.js';
import { out, table, withServices } from '../context.js';

const short = (id: string) => id.slice(0, 8);
const day = (t: string | null) => (t ? String(t).slice(0, 16).replace('T', ' ') : '');
const STATE: Record<string, string> = { review: 'waiting for review', published: 'published', undone: 'undone' };

function itemsLine(b: BatchSummary): string {
  const i = b.items;
  return `${i.published} published, ${i.accepted} accepted, ${i.pending} not yet reviewed, ${i.excluded} excluded`;
}

/** The outline as lines: each section, its outcome, and its items with their facts and commitments. */
export function formatBatch(b: BatchView): string[] {
  const lines = [
    `Import batch ${b.id}`,
    `${b.fileName} (SHA-256 ${b.sha256.slice(0, 12)}…), ${b.periodKey ?? 'no period'}; imported ${day(b.createdAt)}${b.createdBy ? ` by ${b.createdBy}` : ''}; ${STATE[b.state]}`,
    `Items: ${itemsLine(b)}`,
  ];
  for (const w of b.warnings) lines.push(`Warning: ${w}`);
  for (const s of b.outline) {
    lines.push('', `${s.title}${s.kind === 'outcome' ? ` → ${s.outcome ?? '(no outcome)'}` : ` (${s.kind === 'front' ? 'front matter' : s.kind})`}`);
    if (!s.items.length) lines.push('  (no items)');
    for (const item of s.items) {
      const mark = item.published ? 'published' : item.decision;
      const where = item.outcome && item.outcome !== s.outcome ? `; moved to ${item.outcome}${item.theme ? ` / ${item.theme}` : ''}` : '';
      lines.push(`  [${short(item.id)}] ${item.title || '(untitled)'} — ${mark}${where}`);
      lines.push(`      ${item.body.length > 110 ? item.body.slice(0, 109) + '…' : item.body}`);
      if (item.facts.length) lines.push(`      facts: ${item.facts.map((f) => `${f.text} (${f.value ?? '–'} ${f.unit})`).join('; ')}`);
      if (item.places.length) lines.push(`      places: ${item.places.join(', ')}`);
      if (item.partners.length) lines.push(`      partners: ${item.partners.join(', ')}`);
      for (const c of item.commitments) lines.push(`      commitment: ${c.text}${c.dueText ? ` (due ${c.dueText})` : ''}`);
    }
  }
  return lines;
}

const splitList = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function configure(cmd: Command): void {
  cmd.command('list')
    .description('list import batches, newest first')
    .option('--json', 'print them as JSON')
    .action(async (opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const batches = await s.importBatches.list(SYSTEM_ACTOR);
        if (opts.json) return out.json(batches);
        if (!batches.length) return out.line('No imports yet.');
        out.line(table(batches.map((b) => [short(b.id), b.fileName, b.periodKey ?? '', day(b.createdAt), STATE[b.state], b.counts.entries ?? 0, itemsLine(b)]),
          ['batch', 'file', 'period', 'imported', 'state', 'items', 'review']));
      });
    });

  cmd.command('show')
    .argument('<batch>', 'the batch id (or its first 8 characters)')
    .description("show a batch as the report's outline: sections, outcomes, items with facts, places and commitments, and warnings")
    .option('--json', 'print it as JSON')
    .action(async (batch: string, opts: { json?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const view = await s.importBatches.get(SYSTEM_ACTOR, batch);
        if (opts.json) return out.json(view);
        for (const l of formatBatch(view)) out.line(l);
      });
    });

  cmd.command('publish')
    .argument('<batch>', 'the batch id (or its first 8 characters)')
    .description('publish the batch: every item not excluded, or only the items named')
    .option('--items <ids>', 'only these items (ids or their first 8 characters; comma-separated or repeated)', splitList, [])
    .option('--accepted', 'only the items accepted in review')
    .action(async (batch: string, opts: { items: string[]; accepted?: boolean }, c: Command) => {
      await withServices(c, async (s) => {
        const r = await s.importBatches.publish(SYSTEM_ACTOR, batch, { items: opts.items, acceptedOnly: opts.accepted });
        out.line(`Published ${r.published} item(s) of ${r.batch.fileName} (batch ${short(r.batch.id)}); ${itemsLine(r.batch)}.`);
      });
    });

  cmd.command('undo')
    .argument('<batch>', 'the batch id (or its first 8 characters)')
    .description('remove everything the batch wrote (entries, facts, places, commitments, its document), published or not')
    .action(async (batch: string, _opts: unknown, c: Command) => {
      await withServices(c, async (s) => {
        const view = await s.importBatches.get(SYSTEM_ACTOR, batch);
        const r = await s.importBatches.undo(SYSTEM_ACTOR, batch);
        out.line(`Undid batch ${short(view.id)} (${view.fileName}): removed ${r.entries} entries and ${r.commitments} commitments.`);
      });
    });
}
