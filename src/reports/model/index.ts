// The report model: pure, from loaded records to everything a renderer needs.
export * from './types.js';
export * from './input.js';
export * from './format.js';
export { buildReportModel, entryInPeriod, commitmentInScope } from './build-report-model.js';
export { positionSentence, periodLabel } from './chart-specs.js';
