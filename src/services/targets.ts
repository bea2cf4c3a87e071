// Targets: the value an indicator should reach for an area in a period, with an amber tolerance.
import { randomUUID } from 'node:crypto';
import { parsePeriod, Target, type ToleranceKind } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { getAreaDirectory } from '../store/queries/getAreaDirectory.js';
import { findIndicator } from '../store/queries/indicators.js';
import { deleteTarget, listTargets, upsertTarget } from '../store/queries/targets.js';

export interface TargetInput {
  /** Indicator code or id. */
  indicator: string;
  area: string;
  /** Any period text ("2023/24") or key. */
  period: string;
  value: number;
  tolerance?: number;
  toleranceKind?: ToleranceKind;
}

export function targetService(store: Store) {
  const { db } = store;
  /** The indicator, area and period a target is for, checked and read as the indicator reads periods. */
  async function keyOf(input: Pick<TargetInput, 'indicator' | 'area' | 'period'>) {
    const indicator = await findIndicator(db, input.indicator);
    if (!indicator) throw new NotFoundError('Indicator', input.indicator);
    if (!(await getAreaDirectory(db)).some((a) => a.code === input.area)) throw new NotFoundError('Area', input.area);
    const period = parsePeriod(input.period, { yearStyle: indicator.frequency === 'annual-academic' ? 'academic' : 'financial' });
    if (!period.ok) throw new ValidationError(period.error, [{ field: 'period', message: period.error }]);
    return { indicator, period };
  }

  return {
    /** Sets (or replaces) the target for one indicator, area and period; audited. */
    async set(input: TargetInput, userId: string | null = null): Promise<Target & { indicatorCode: string }> {
      const { indicator, period } = await keyOf(input);
      const parsed = Target.safeParse({
        id: randomUUID(), indicatorId: indicator.id, areaCode: input.area, periodKey: period.period.key,
        value: input.value, tolerance: input.tolerance ?? 0, toleranceKind: input.toleranceKind ?? 'absolute',
      });
      if (!parsed.success) throw new ValidationError('The target is not valid', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      let target = parsed.data;
      await db.transaction(async (tx) => {
        const before = await upsertTarget(tx, target);
        // An existing target keeps its id.
        if (before) target = { ...target, id: before.id };
        await bumpDataVersion(tx);
        await appendAuditEvent(tx, { userId, action: before ? 'update' : 'create', entityType: 'target', entityId: target.id, before: before ?? null, after: target });
      });
      return { ...target, indicatorCode: indicator.code };
    },

    /** Removes the target for one indicator, area and period (RAG then reads "no target"); audited. */
    async remove(input: Pick<TargetInput, 'indicator' | 'area' | 'period'>, userId: string | null = null): Promise<Target & { indicatorCode: string }> {
      const { indicator, period } = await keyOf(input);
      const removed = await db.transaction(async (tx) => {
        const row = await deleteTarget(tx, { indicatorId: indicator.id, areaCode: input.area, periodKey: period.period.key });
        if (!row) return undefined;
        await bumpDataVersion(tx);
        await appendAuditEvent(tx, { userId, action: 'delete', entityType: 'target', entityId: row.id, before: row, after: null });
        return row;
      });
      if (!removed) throw new NotFoundError('Target', `${indicator.code} ${input.area} ${period.period.key}`);
      return { ...removed, toleranceKind: removed.toleranceKind as ToleranceKind, indicatorCode: indicator.code };
    },

    async list(filter: { indicator?: string; area?: string } = {}): Promise<(Target & { indicatorCode: string })[]> {
      let indicatorId: string | undefined;
      if (filter.indicator) {
        const indicator = await findIndicator(db, filter.indicator);
        if (!indicator) throw new NotFoundError('Indicator', filter.indicator);
        indicatorId = indicator.id;
      }
      const result = await listTargets(db, { indicatorId, areaCode: filter.area });
      return result.map((t) => ({
        id: t.id, indicatorId: t.indicatorId, areaCode: t.areaCode, periodKey: t.periodKey, value: t.value,
        tolerance: t.tolerance, toleranceKind: t.toleranceKind as ToleranceKind, indicatorCode: t.indicatorCode,
      }));
    },
  };
}

export type TargetService = ReturnType<typeof targetService>;
