// The reporting calendar for the plan's last year: who owes which figure or update, and by when.
// Most were done on time; the road survey value and the greener outcome's update are still outstanding.
import { DEMO_INDICATORS } from './indicators.js';
import { DEMO_PLAN } from './plan.js';
import type { DemoDuty } from './types.js';
import { slugify } from '../../domain/index.js';

const OUTSTANDING_INDICATORS = new Set(['TRA-01']);
const OUTSTANDING_OUTCOMES = new Set(['a-cleaner-greener-demoshire']);

export const DEMO_DUTIES: DemoDuty[] = [
  ...DEMO_INDICATORS.filter((i) => i.polarity !== 'none').map((i, n): DemoDuty => ({
    subject: { indicator: i.code }, periodKey: 'FY2025-26', owner: i.owner, dueDate: '2026-06-30',
    doneAt: OUTSTANDING_INDICATORS.has(i.code) ? null : `2026-06-${String(10 + n).padStart(2, '0')}T11:00:00Z`,
  })),
  ...DEMO_PLAN.outcomes.map((o, n): DemoDuty => {
    const slug = slugify(o.title);
    return {
      subject: { outcome: slug }, periodKey: 'FY2025-26', owner: o.owner, dueDate: '2026-04-30',
      doneAt: OUTSTANDING_OUTCOMES.has(slug) ? null : `2026-04-${String(20 + n).padStart(2, '0')}T14:00:00Z`,
    };
  }),
];
