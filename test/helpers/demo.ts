// A throw-away database holding the demo workspace, for tests that need a plan, entries, indicators
// and a peer group to work on. Close it when done.
import type { DemoSummary } from '../../src/services/demo.js';
import type { Services } from '../../src/services/index.js';
import { testServices } from './store.js';

export async function demoTestServices(): Promise<Services & { close(): Promise<void>; demoSummary: DemoSummary }> {
  const s = await testServices();
  try {
    return { ...s, demoSummary: await s.demo.load() };
  } catch (e) {
    await s.close();
    throw e;
  }
}
