import { describe, expect, it } from 'vitest';
import { demoTestServices } from './demo.js';

describe('demoTestServices', () => {
  it('opens a workspace with the demo plan current', async () => {
    const s = await demoTestServices();
    try {
      expect(s.demoSummary.loaded).toBe(true);
      const structure = await s.plans.structure();
      expect(structure.plan.id).toBe(s.demoSummary.plan.id);
      expect((await s.workspace.settings()).councilName).toBe('Demoshire County Council');
    } finally {
      await s.close();
    }
  });
});
