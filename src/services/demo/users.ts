// One demo account per role. The passwords are published in docs/demo.md: demo-only, never for real use.
import type { DemoUser } from './types.js';

export const DEMO_USERS: DemoUser[] = [
  { key: 'admin', name: 'Alex Morgan', email: 'admin@demoshire.example', role: 'admin', password: 'demoshire-admin', services: [], outcomes: [] },
  { key: 'officer', name: 'Priya Shah', email: 'performance@demoshire.example', role: 'performance-officer', password: 'demoshire-performance', services: [], outcomes: [] },
  {
    key: 'contributor', name: 'Tom Fletcher', email: 'contributor@demoshire.example', role: 'contributor', password: 'demoshire-contributor',
    services: ['Environment and Waste'], outcomes: ['a-cleaner-greener-demoshire'],
  },
  { key: 'viewer', name: 'Jo Baker', email: 'viewer@demoshire.example', role: 'viewer', password: 'demoshire-viewer', services: [], outcomes: [] },
];
