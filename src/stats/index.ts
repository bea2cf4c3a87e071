// Pure statistics for benchmarking, exactly as docs/methodology.md defines them. No I/O.
export * from './quantile.js';
export * from './group-stats.js';
export * from './mad-deviation.js';
export * from './rank.js';
export * from './quartile-band.js';
export * from './direction-of-travel.js';
export * from './rag.js';
export * from './trend.js';
export * from './compendium.js';
