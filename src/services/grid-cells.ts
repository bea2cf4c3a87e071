// What a person typed or pasted into a cell of the values grid (or of a template), read strictly: a
// plain number, or blank for "not entered". Anything else gets a sentence saying what to type instead,
// because a figure silently changed on the way in (1,234 read as 1.234, 45% as 0.45) is worse than a question.
export type CellReading = { ok: true; value: number | null } | { ok: false; message: string };

const PLAIN = /^-?(\d+\.?\d*|\.\d+)$/;

export function readGridCell(raw: string | null | undefined): CellReading {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: true, value: null };
  if (PLAIN.test(text)) return { ok: true, value: Number(text) };
  const digits = text.replace(/[,\s£%]/g, '');
  if (/^-?\d{1,3}([, ]\d{3})+(\.\d+)?%?$/.test(text.replace(/^£/, ''))) {
    return { ok: false, message: `Remove the thousands separators from “${text}”: enter ${digits}` };
  }
  if (/%$/.test(text) && PLAIN.test(text.slice(0, -1).trim())) {
    return { ok: false, message: `Leave out the percent sign: enter ${text.slice(0, -1).trim()} (the unit is already the indicator’s)` };
  }
  if (/^£/.test(text) && PLAIN.test(digits)) {
    return { ok: false, message: `Leave out the £ sign: enter ${digits}` };
  }
  return { ok: false, message: `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}” is not a number: enter a number such as 42 or 3.5, or leave the cell blank if the figure is not available` };
}

/** A commentary is short prose published beside the value. */
export const COMMENTARY_MAX = 1000;
