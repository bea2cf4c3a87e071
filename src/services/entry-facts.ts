// The figures, places and partners of an entry written in the workspace: found in its text by the same
// extractor imports use, and added, corrected or removed by hand; suggested again from the text on request.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { buildGazetteer, discoverPlaceNames, findFacts, findPartners, findPlaces } from '../ingest/text/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { Db } from '../store/db.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { deleteFact, getEntryRecord, insertFacts, replaceEntryPlaces, updateEntry, upsertFact, type FactRow } from '../store/queries/entryEditing.js';
import { listAreaNames } from '../store/queries/listAreaNames.js';
import { fieldProblems } from './form-problems.js';
import { authorize, type Actor, type EntryScope } from './policy.js';
import { WorkflowState } from '../domain/index.js';

export const FACT_KINDS = ['count', 'money', 'percent', 'duration', 'date', 'period'] as const;

/** A figure given by hand: the words it stands for in the text, its amount and what it counts. */
const FactInput = z.object({
  text: z.string().trim().min(1, 'Enter the words of the figure as the text has them, such as “300 items”').max(300, 'The words are at most 300 characters'),
  kind: z.enum(FACT_KINDS, { error: 'Choose what kind of figure it is' }),
  value: z.string().trim().max(40).default(''),
  unit: z.string().trim().max(100, 'What it counts is at most 100 characters').default(''),
});
export type FactInput = z.input<typeof FactInput>;

/** The facts the extractor finds in an entry's text, as rows of that entry. */
export function factsInText(entryId: string, body: string, reportYear?: number): (FactRow & { id: string })[] {
  return findFacts(body, { reportYear }).map((f) => ({
    id: randomUUID(), entryId, kind: f.kind, value: f.value, valueMax: f.valueMax, unit: f.unit, text: f.text,
    start: f.start, end: f.end, approximate: f.approximate, dateStart: f.dateStart, dateEnd: f.dateEnd,
  }));
}

/** Facts found in new text that no kept fact already covers (so a hand-corrected figure is not found twice). */
export function newFactsInText(entryId: string, body: string, kept: { start: number | null; end: number | null }[]): FactRow[] {
  const overlaps = (f: { start: number | null; end: number | null }) =>
    kept.some((k) => k.start !== null && f.start !== null && k.start < (f.end ?? f.start) && f.start < (k.end ?? k.start));
  return factsInText(entryId, body).filter((f) => !overlaps(f));
}

const scopeOf = (e: { service: string | null; outcomeId: string | null; workflowState: string }): EntryScope =>
  ({ kind: 'entry', service: e.service, outcomeId: e.outcomeId, workflowState: WorkflowState.parse(e.workflowState) });

function parseAmount(text: string): number | null | undefined {
  const s = text.replace(/[,£%\s]/g, '');
  if (!s) return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : undefined;
}

export function entryFactService(store: Store) {
  const { db } = store;

  async function editable(actor: Actor, entryId: string) {
    const r = await getEntryRecord(db, entryId);
    if (!r) throw new NotFoundError('Entry', entryId);
    authorize(actor, 'entry.edit', scopeOf(r.entry));
    return r;
  }

  async function audit(tx: Db, actor: Actor, entryId: string, action: string, before: unknown, after: unknown) {
    await appendAuditEvent(tx, { userId: actor.id, action, entityType: 'entry', entityId: entryId, before: before ?? null, after: after ?? null });
  }

  return {
    /** Adds a figure by hand, or corrects one (`factId`); the words are looked for in the text to place it. */
    async save(actor: Actor, entryId: string, input: FactInput, factId?: string): Promise<void> {
      const r = await editable(actor, entryId);
      const parsed = FactInput.safeParse(input);
      const problems = fieldProblems(parsed.error);
      const amount = parseAmount(String(input.value ?? ''));
      if (amount === undefined) problems.push({ field: 'value', message: 'Enter the amount as a number, such as 300 or 2.5, or leave it blank for a date' });
      if (!parsed.success || problems.length) throw new ValidationError('The figure is not valid', problems);
      const old = factId ? r.facts.find((f) => f.id === factId) : undefined;
      if (factId && !old) throw new NotFoundError('Figure', factId);
      const at = r.entry.body.indexOf(parsed.data.text);
      const row = {
        id: old?.id ?? randomUUID(), entryId, kind: parsed.data.kind, value: amount ?? null, valueMax: null, unit: parsed.data.unit,
        text: parsed.data.text, start: at < 0 ? null : at, end: at < 0 ? null : at + parsed.data.text.length, approximate: false, dateStart: null, dateEnd: null,
      };
      await db.transaction(async (tx) => {
        await upsertFact(tx, row);
        await audit(tx, actor, entryId, old ? 'fact-update' : 'fact-add', old ? { figure: old.text, value: old.value, unit: old.unit } : null, { figure: row.text, value: row.value, unit: row.unit });
      });
    },

    async remove(actor: Actor, entryId: string, factId: string): Promise<void> {
      const r = await editable(actor, entryId);
      const old = r.facts.find((f) => f.id === factId);
      if (!old) throw new NotFoundError('Figure', factId);
      await db.transaction(async (tx) => {
        await deleteFact(tx, factId);
        await audit(tx, actor, entryId, 'fact-remove', { figure: old.text, value: old.value, unit: old.unit }, null);
      });
    },

    /** Finds the figures, places and partners in the text again: figures are replaced, places and partners added to. */
    async suggest(actor: Actor, entryId: string): Promise<{ facts: number; places: number; partners: number }> {
      const r = await editable(actor, entryId);
      const areas = await listAreaNames(db);
      const base = buildGazetteer(areas);
      const discovered = discoverPlaceNames(r.entry.body, base);
      const gazetteer = discovered.length ? buildGazetteer(areas, discovered) : base;
      const facts = factsInText(entryId, r.entry.body);
      const places = new Map(r.places.map((p) => [p.name.toLowerCase(), { name: p.name, areaCode: p.areaCode }]));
      for (const p of findPlaces(r.entry.body, gazetteer)) if (!places.has(p.name.toLowerCase())) places.set(p.name.toLowerCase(), { name: p.name, areaCode: p.areaCode });
      const partners = [...new Set([...r.entry.partners, ...findPartners(r.entry.body).map((p) => p.name)])];
      await db.transaction(async (tx) => {
        for (const f of r.facts) await deleteFact(tx, f.id);
        await insertFacts(tx, facts);
        await replaceEntryPlaces(tx, entryId, [...places.values()]);
        await updateEntry(tx, entryId, { partners, updatedBy: actor.id });
        await audit(tx, actor, entryId, 'suggest', { figures: r.facts.length, places: r.places.map((p) => p.name), partners: r.entry.partners },
          { figures: facts.length, places: [...places.values()].map((p) => p.name), partners });
      });
      return { facts: facts.length, places: places.size, partners: partners.length };
    },
  };
}
