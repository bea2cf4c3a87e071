// Text understanding for imported reports: sentences, facts, places, partners and commitments.
// Everything here is pure: text in, spans out (offsets into the text given, end exclusive).
import { findFirstFacts, type FoundFact } from './facts.js';
import { findPlaces, type FoundPlace, type Gazetteer } from './places.js';
import { findPartners, type FoundPartner } from './partners.js';
import { findCommitments, type FoundCommitment } from './commitments.js';

export { splitSentences, type Sentence } from './sentences.js';
export { findFacts, findFirstFacts, type FoundFact, type FactKind, type FindFactsOptions } from './facts.js';
export { buildGazetteer, findPlaces, discoverPlaceNames, type Gazetteer, type GazetteerEntry, type FoundPlace, type AreaInput } from './places.js';
export { findPartners, type FoundPartner } from './partners.js';
export { findCommitments, type FoundCommitment, type FindCommitmentsOptions } from './commitments.js';
export { findTimeExpressions, bareMonthYear, type TimeExpression, type TimeGrain, type CoveredPeriod } from './dates.js';
import type { CoveredPeriod } from './dates.js';

export interface AnalyseOptions {
  /** The year the report was written in (dates "In September" and rules out past commitments). */
  reportYear?: number;
  /** The period the report covers: months without a year are dated by it and the sentence's tense. */
  covered?: CoveredPeriod;
  /** Also find undated promises in the council's own voice ("We will …"), due at the plan's end. */
  undated?: boolean;
  /** Keep only the first this many facts (all are counted in `factCount`). */
  factLimit?: number;
}

export interface Analysis {
  facts: FoundFact[];
  /** How many facts the text holds: more than `facts` when a limit was given. */
  factCount: number;
  places: FoundPlace[];
  partners: FoundPartner[];
  commitments: FoundCommitment[];
}

/** Everything the text says: its facts, places, partners and commitments. */
export function analyse(text: string, g: Gazetteer, opts: AnalyseOptions = {}): Analysis {
  const { facts, total } = findFirstFacts(text, opts, opts.factLimit);
  return {
    facts,
    factCount: total,
    places: findPlaces(text, g),
    partners: findPartners(text),
    commitments: findCommitments(text, opts),
  };
}
