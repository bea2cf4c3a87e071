// The council's narrative kept from its reports (introductions, its own non-outcome sections, each
// outcome's and theme's introduction): listed in its order and edited block by block, audited.
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { listNarrativeBlocks, updateNarrativeBlock } from '../store/queries/listNarrativeBlocks.js';
import type { PlanService } from './plans.js';

/** Paragraphs as typed in one box: separated by blank lines, each trimmed and on one line. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n\s*\r?\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function narrativeService(store: Store, plans: PlanService) {
  const { db } = store;
  return {
    /** The current (or given) plan's blocks in order, each with the outcome and theme it sits under. */
    async list(planId?: string) {
      const structure = await plans.structure(planId);
      const outcome = new Map(structure.outcomes.map((o) => [o.id, o.title]));
      const theme = new Map(structure.outcomes.flatMap((o) => o.themes.map((t) => [t.id, t.title] as const)));
      return (await listNarrativeBlocks(db, structure.plan.id)).map((b) => ({
        ...b, outcome: b.outcomeId ? outcome.get(b.outcomeId) ?? null : null, theme: b.themeId ? theme.get(b.themeId) ?? null : null,
      }));
    },

    async update(id: string, input: { heading: string; text: string }, userId: string | null = null): Promise<void> {
      const paragraphs = paragraphsOf(input.text);
      if (!paragraphs.length) throw new ValidationError('Write at least one paragraph', [{ field: 'text', message: 'Write at least one paragraph (blank lines separate paragraphs)' }]);
      if (input.text.length > 20000) throw new ValidationError('The text is too long', [{ field: 'text', message: 'keep it under 20,000 characters' }]);
      const heading = input.heading.trim() || null;
      await db.transaction(async (tx) => {
        const before = await updateNarrativeBlock(tx, id, { heading, paragraphs, updatedBy: userId });
        if (!before) throw new NotFoundError('Narrative block', id);
        await appendAuditEvent(tx, { userId, action: 'update', entityType: 'narrative', entityId: id, before: { heading: before.heading, paragraphs: before.paragraphs }, after: { heading, paragraphs } });
        await bumpDataVersion(tx);
      });
    },
  };
}
