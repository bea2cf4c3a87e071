// Narrative blocks for web tests (which may not reach the store themselves).
import { tables, type Store } from '../../src/store/index.js';

export async function seedNarrative(store: Store, planId: string, outcomeId: string): Promise<void> {
  await store.db.insert(tables.narrativeBlocks).values([
    { id: 'n1', planId, position: 1, heading: 'Introduction', paragraphs: ['First paragraph of ours.', 'Second paragraph of ours.'] },
    { id: 'n2', planId, outcomeId, position: 2, heading: null, paragraphs: ['What this outcome is about.'] },
  ]);
}

export async function auditedEntities(store: Store): Promise<string[]> {
  return (await store.db.select().from(tables.auditEvents)).map((a) => `${a.entityType}/${a.entityId}`);
}
