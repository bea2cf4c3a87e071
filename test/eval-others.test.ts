// The importer on other councils' documents (../shared/fixtures/reports/others), scored against the
// labels in test/fixtures/eval-import. Floors sit at what the importer reaches: the tuning set's
// just under its scores, the held-out set's at its first (and only) run's figures (docs/import.md),
// which miss the targets for items recall, titles and commitments; a change that makes any
// of them worse fails here.
import { describe, expect, it } from 'vitest';
import { runOthers } from '../scripts/eval-others.js';

describe("other councils' documents", () => {
  it('scores the tuning and held-out sets apart, with every non-report flagged and no report flagged', async () => {
    const run = await runOthers();
    expect(run.scores.filter((s) => s.set === 'heldOut').length * 3).toBeGreaterThanOrEqual(run.scores.length);
    expect(run.tuning.items.precision).toBeGreaterThanOrEqual(0.92);
    expect(run.tuning.items.recall).toBeGreaterThanOrEqual(0.95);
    expect(run.tuning.titles).toBeGreaterThanOrEqual(0.95);
    expect(run.tuning.factsPrecision).toBeGreaterThanOrEqual(0.95);
    expect(run.tuning.commitmentsRecall).toBeGreaterThanOrEqual(0.85);
    expect(run.heldOut.items.precision).toBeGreaterThanOrEqual(0.9);
    expect(run.heldOut.items.recall).toBeGreaterThanOrEqual(0.78);
    expect(run.heldOut.titles).toBeGreaterThanOrEqual(0.67);
    expect(run.heldOut.factsPrecision).toBeGreaterThanOrEqual(0.9);
    for (const set of [run.tuning, run.heldOut]) {
      expect(set.notReports.flagged).toBe(set.notReports.labelled);
      expect(set.notReports.wronglyFlagged).toBe(0);
    }
  });
});
