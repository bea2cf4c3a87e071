// The report model: pure, from loaded records to everything a renderer needs.
export * from './types.js';
export * from './input.js';
export * from '../../present/format.js';
export * from '../../present/labels.js';
export { anchor } from './anchor.js';
export { buildReportModel, entryInPeriod, commitmentInScope } from './build-report-model.js';
export { positionSentence } from './chart-specs.js';
export { coverageText, groupRows, indicatorGroup, missingReason, sourceTitle, summarySentences, tableCoverageText, type IndicatorGroup } from './indicator-groups.js';
