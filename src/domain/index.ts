// Domain types and schemas: what Compendium keeps. Imports nothing else of ours.
export * from './model.js';
export * from './period.js';
export * from './period-order.js';
export * from './performance.js';
export * from './finance.js';
export * from './workspace.js';
export * from './plan-years.js';
export * from './commitment-standing.js';
