// Import batches: one imported report file whose entries wait as drafts until a reviewer publishes them.
import { z } from 'zod';

/** review: drafts waiting; published: some or all of it is on the public site; undone: its rows were removed. */
export const IMPORT_BATCH_STATES = ['review', 'published', 'undone'] as const;
export const ImportBatchState = z.enum(IMPORT_BATCH_STATES);
export type ImportBatchState = z.infer<typeof ImportBatchState>;

/** A reviewer's decision on one imported item: not yet looked at, kept, or left out of publishing. */
export const IMPORT_DECISIONS = ['pending', 'accepted', 'excluded'] as const;
export const ImportDecision = z.enum(IMPORT_DECISIONS);
export type ImportDecision = z.infer<typeof ImportDecision>;
