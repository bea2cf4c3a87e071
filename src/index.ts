// The library surface: the pure parts of Compendium that other programs may use directly — the domain
// model and periods, the benchmarking statistics, the report-text analysers and the report model.
// Never the store or the web application: those are reached through the services and the CLI.
export * from './domain/index.js';
export * as stats from './stats/index.js';
export * as text from './ingest/text/index.js';
export * as reportModel from './reports/model/index.js';
