// The commitment extractor, as the importer runs it, on the hand-labelled commitments of the 2020
// report: at least the 0.9 precision and 0.8 recall, and due dates right where it finds one.
import { describe, expect, it } from 'vitest';
import { commitmentLabelFiles, scoreCommitments } from '../scripts/commitments-eval.js';

describe('commitments of the real reports', () => {
  it.each(commitmentLabelFiles())('%s: precision ≥ 0.9, recall ≥ 0.8, due dates right ≥ 0.9', (file) => {
    const s = scoreCommitments(file);
    expect(s.labelled).toBeGreaterThanOrEqual(30);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.dueRight).toBeGreaterThanOrEqual(0.9);
  });
});
