// RAG status against a target, with an absolute or percentage tolerance for amber.
import type { Polarity, ToleranceKind } from '../domain/model.js';
import type { Rag } from '../domain/performance.js';

export interface TargetInput {
  value: number;
  tolerance: number;
  toleranceKind: ToleranceKind;
}

/**
 * green = meets or beats the target; amber = misses it by no more than the tolerance (absolute,
 * or a percentage of the target); red = misses by more. missing = no value; no-target = no target,
 * or polarity none (no judgement, so nothing to beat).
 */
export function rag(value: number | null, target: TargetInput | null, polarity: Polarity): Rag {
  if (value === null || Number.isNaN(value)) return 'missing';
  if (target === null || polarity === 'none') return 'no-target';
  const shortfall = polarity === 'higher' ? target.value - value : value - target.value;
  if (shortfall <= 0) return 'green';
  const allowed = target.toleranceKind === 'percent' ? (Math.abs(target.value) * target.tolerance) / 100 : target.tolerance;
  return shortfall <= allowed ? 'amber' : 'red';
}
