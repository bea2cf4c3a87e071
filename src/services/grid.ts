// The values grid: one page for a period's values of every indicator a person enters, with the value
// before, the target and its tolerance beside each; saved as drafts or submitted together, all or
// nothing unless the person chooses to keep the valid ones as drafts.
import { parsePeriod, previousPeriod, type Period } from '../domain/index.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import type { Store } from '../store/index.js';
import { markDutiesDone } from '../store/queries/reportingDuties.js';
import { getSetting } from '../store/queries/settings.js';
import { loadGridRows, writeGridValues, type GridRow, type GridWrite } from '../store/queries/valueGrid.js';
import { COMMENTARY_MAX, readGridCell } from './grid-cells.js';
import type { notificationService } from './notifications.js';
import { authorize, can, type Actor } from './policy.js';

export interface GridLine extends GridRow {
  /** The person may change this value now (a draft, or none yet, of an indicator they enter). */
  editable: boolean;
}

export interface Grid {
  period: Period;
  previous: Period;
  areaCode: string;
  lines: GridLine[];
}

/** One cell as typed: the value text and the commentary. */
export interface GridCell {
  indicatorId: string;
  value: string;
  commentary: string;
}

export type GridMode = 'draft' | 'submit' | 'valid-drafts';

export interface GridSaveResult {
  saved: number;
  submitted: number;
  /** Cells left unsaved (only with 'valid-drafts'), each with its sentence. */
  problems: FieldProblem[];
}

type Notifications = Pick<ReturnType<typeof notificationService>, 'workflow' | 'base'>;

/** Reads a period as people write it, or says what to type. */
export function gridPeriod(input: string | undefined): Period {
  const r = parsePeriod(input ?? '');
  if (!r.ok) throw new ValidationError('Choose a period', [{ field: 'period', message: `Enter a period such as Q1 2024/25 or 2024/25: ${r.error}` }]);
  return r.period;
}

export const cellField = (indicatorId: string, part: 'value' | 'commentary' = 'value') => `${part}-${indicatorId}`;

/** The problems of a set of cells against the grid's lines: what is not a number, not editable, or not in the grid. */
export function checkCells(lines: GridLine[], cells: GridCell[]): { problems: FieldProblem[]; writes: { line: GridLine; value: number; commentary: string | null }[] } {
  const byId = new Map(lines.map((l) => [l.indicatorId, l]));
  const problems: FieldProblem[] = [];
  const writes: { line: GridLine; value: number; commentary: string | null }[] = [];
  for (const cell of cells) {
    const line = byId.get(cell.indicatorId);
    if (!line) {
      problems.push({ field: cellField(cell.indicatorId), message: 'This indicator is not one you enter values for' });
      continue;
    }
    const reading = readGridCell(cell.value);
    const commentary = cell.commentary.trim() || null;
    if (!reading.ok) problems.push({ field: cellField(line.indicatorId), message: `${line.code}: ${reading.message}` });
    if (commentary && commentary.length > COMMENTARY_MAX) problems.push({ field: cellField(line.indicatorId, 'commentary'), message: `${line.code}: a commentary is at most 1,000 characters` });
    if (!reading.ok || reading.value === null || (commentary?.length ?? 0) > COMMENTARY_MAX) continue;
    const changed = !line.hasValue || reading.value !== line.value || commentary !== (line.commentary ?? null);
    if (!line.editable) {
      if (changed) problems.push({ field: cellField(line.indicatorId), message: `${line.code}: this value is ${line.workflowState} and cannot be changed here; ask a reviewer to return it first` });
      continue;
    }
    writes.push({ line, value: reading.value, commentary });
  }
  return { problems, writes };
}

export function gridService(store: Store, notifications: Notifications) {
  const { db } = store;
  const councilCode = async () => (await getSetting<string>(db, 'councilCode')) ?? 'E10000018';

  async function grid(actor: Actor, periodInput: string | undefined): Promise<Grid> {
    authorize(actor, 'value.enter');
    const period = gridPeriod(periodInput);
    const previous = previousPeriod(period);
    const areaCode = await councilCode();
    const rows = await loadGridRows(db, { areaCode, periodKey: period.key, previousKey: previous.key });
    const scope = (r: GridRow, state: string) => ({ kind: 'value' as const, outcomeId: r.outcomeId, ownerId: r.ownerId, workflowState: state as 'draft' });
    const lines = rows
      .filter((r) => can(actor, 'value.enter', scope(r, 'draft')))
      .map((r) => ({ ...r, editable: can(actor, 'value.enter', scope(r, r.workflowState ?? 'draft')) && (r.workflowState ?? 'draft') === 'draft' }));
    return { period, previous, areaCode, lines };
  }

  return {
    grid,

    /** Saves the typed cells as drafts, or submits them; nothing is written while any cell is wrong, unless mode is 'valid-drafts'. */
    async save(actor: Actor, periodInput: string, cells: GridCell[], mode: GridMode): Promise<GridSaveResult> {
      const g = await grid(actor, periodInput);
      const { problems, writes } = checkCells(g.lines, cells);
      if (problems.length && mode !== 'valid-drafts') {
        throw new ValidationError(`${problems.length} ${problems.length === 1 ? 'cell needs' : 'cells need'} correcting: nothing was saved`, problems);
      }
      const submit = mode === 'submit';
      const valueIdOf = (indicatorId: string) => `${indicatorId}/${g.areaCode}/${g.period.key}`;
      const rows: GridWrite[] = writes.map(({ line, value, commentary }) => {
        const before = line.hasValue ? { value: line.value, commentary: line.commentary, workflowState: line.workflowState } : null;
        const after = { indicator: line.code, periodKey: g.period.key, value, status: 'final', commentary, workflowState: 'draft' };
        const audit = [{ action: 'enter', before, after }];
        if (submit) audit.push({ action: 'submit', before: { workflowState: 'draft' } as never, after: { workflowState: 'submitted' } as never });
        return { indicatorId: line.indicatorId, value, commentary, workflowState: submit ? 'submitted' : 'draft', audit };
      });
      await db.transaction(async (tx) => {
        await writeGridValues(tx, { areaCode: g.areaCode, periodKey: g.period.key, userId: actor.id, idOf: valueIdOf }, rows);
        if (submit) await markDutiesDone(tx, 'indicator', rows.map((r) => r.indicatorId), g.period.key);
      });
      if (submit && rows.length) {
        await notifications.workflow({
          kind: 'submitted', what: 'value', actor,
          items: writes.map(({ line }) => ({ id: valueIdOf(line.indicatorId), title: `${line.code}: ${line.title} (${g.period.key})`, url: `${notifications.base}/manage/values/${encodeURIComponent(line.indicatorId)}/${encodeURIComponent(g.period.key)}` })),
        });
      }
      return { saved: rows.length, submitted: submit ? rows.length : 0, problems };
    },
  };
}
