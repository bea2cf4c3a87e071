// The whole demo workspace as one value: what `services.demo.load()` writes.
import { DEMO_AREAS, DEMOSHIRE_CODE, PEER_CODES } from './areas.js';
import { ECONOMY_ENTRIES } from './entries-economy.js';
import { PLACES_ENTRIES } from './entries-places.js';
import { CHILDREN_ENTRIES } from './entries-children.js';
import { HEALTH_ENTRIES } from './entries-health.js';
import { GREENER_ENTRIES } from './entries-greener.js';
import { DEMO_DUTIES } from './duties.js';
import { DEMO_FINANCIAL_FIGURES } from './finance.js';
import { DEMO_INDICATORS, INDICATOR_PERIODS } from './indicators.js';
import { DEMO_PLAN } from './plan.js';
import type { DemoContent } from './types.js';
import { DEMO_USERS } from './users.js';

export const DEMO_GROUP_NAME = 'demo-peers';

export const DEMO_CONTENT: DemoContent = {
  council: { code: DEMOSHIRE_CODE, name: 'Demoshire County Council', brandColour: '#1f6f5c' },
  areas: DEMO_AREAS,
  peerCodes: PEER_CODES,
  group: {
    name: DEMO_GROUP_NAME,
    // Shown as the group's label in tables and sentences, so short; docs/demo.md says more.
    description: 'Demoshire and 15 English county councils (values invented for the demo)',
  },
  plan: DEMO_PLAN,
  users: DEMO_USERS,
  entries: [...ECONOMY_ENTRIES, ...PLACES_ENTRIES, ...CHILDREN_ENTRIES, ...HEALTH_ENTRIES, ...GREENER_ENTRIES],
  indicators: DEMO_INDICATORS,
  indicatorPeriods: INDICATOR_PERIODS,
  financialFigures: DEMO_FINANCIAL_FIGURES,
  duties: DEMO_DUTIES,
};
