// A tiny, safe arithmetic language for derived indicators: numbers, [INDICATOR-CODE], + - * /,
// brackets and unary minus. Parsed into a tree by recursive descent (no eval); evaluation says why a
// value is missing (an input missing, division by zero) instead of producing zero or infinity.

export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; code: string }
  | { kind: 'negate'; operand: Formula }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export type FormulaResult = { ok: true; formula: Formula; refs: string[] } | { ok: false; error: string };

type Token = { type: 'num'; value: number; at: number } | { type: 'ref'; code: string; at: number } | { type: 'op'; op: string; at: number };

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) { i++; continue; }
    const num = /^(\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?/i.exec(text.slice(i));
    if (num) { tokens.push({ type: 'num', value: Number(num[0]), at: i }); i += num[0].length; continue; }
    if (ch === '[') {
      const end = text.indexOf(']', i);
      const code = end < 0 ? '' : text.slice(i + 1, end).trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(code)) return `an indicator reference at character ${i + 1} should be [CODE]`;
      tokens.push({ type: 'ref', code, at: i });
      i = end + 1;
      continue;
    }
    if ('+-*/()'.includes(ch)) { tokens.push({ type: 'op', op: ch, at: i }); i++; continue; }
    return `unexpected "${ch}" at character ${i + 1} (a formula uses numbers, [CODE], + - * / and brackets)`;
  }
  return tokens;
}

/** Parses a formula such as `[FIN-SPENDING-POWER] * 1000000 / [POP-ALL-AGES]`. */
export function parseFormula(text: string): FormulaResult {
  const tokenized = tokenize(text);
  if (typeof tokenized === 'string') return { ok: false, error: tokenized };
  const tokens: Token[] = tokenized;
  let pos = 0;
  const refs = new Set<string>();
  const fail = (message: string): never => { throw new SyntaxError(message); };
  const where = () => (pos < tokens.length ? `at character ${tokens[pos].at + 1}` : 'at the end');
  const isOp = (op: string) => { const t = tokens[pos]; return t?.type === 'op' && t.op === op; };
  function primary(): Formula {
    const t = tokens[pos];
    if (!t) return fail('the formula ends too soon');
    pos++;
    if (t.type === 'num') return { kind: 'number', value: t.value };
    if (t.type === 'ref') { refs.add(t.code); return { kind: 'ref', code: t.code }; }
    if (t.op === '-') return { kind: 'negate', operand: primary() };
    if (t.op === '(') {
      const inner = sum();
      if (!isOp(')')) fail(`a closing bracket is missing ${where()}`);
      pos++;
      return inner;
    }
    return fail(`unexpected "${t.op}" at character ${t.at + 1}`);
  }
  function product(): Formula {
    let left = primary();
    while (isOp('*') || isOp('/')) { const op = (tokens[pos++] as { op: '*' | '/' }).op; left = { kind: 'binary', op, left, right: primary() }; }
    return left;
  }
  function sum(): Formula {
    let left = product();
    while (isOp('+') || isOp('-')) { const op = (tokens[pos++] as { op: '+' | '-' }).op; left = { kind: 'binary', op, left, right: product() }; }
    return left;
  }
  try {
    if (tokens.length === 0) return { ok: false, error: 'the formula is empty' };
    const formula = sum();
    if (pos < tokens.length) fail(`unexpected text ${where()}`);
    return { ok: true, formula, refs: [...refs] };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

export type Evaluation = { value: number } | { missing: string };

/** Evaluates with each reference's value (or the reason it is missing). */
export function evaluateFormula(f: Formula, lookup: (code: string) => Evaluation): Evaluation {
  switch (f.kind) {
    case 'number': return { value: f.value };
    case 'ref': return lookup(f.code);
    case 'negate': {
      const v = evaluateFormula(f.operand, lookup);
      return 'value' in v ? { value: -v.value } : v;
    }
    case 'binary': {
      const l = evaluateFormula(f.left, lookup);
      if ('missing' in l) return l;
      const r = evaluateFormula(f.right, lookup);
      if ('missing' in r) return r;
      if (f.op === '/' && r.value === 0) return { missing: `division by zero (${describe(f.right)} is 0)` };
      const v = f.op === '+' ? l.value + r.value : f.op === '-' ? l.value - r.value : f.op === '*' ? l.value * r.value : l.value / r.value;
      return Number.isFinite(v) ? { value: v } : { missing: 'the result is not a finite number' };
    }
  }
}

/** The formula written back out, with brackets only where needed. */
export function describe(f: Formula): string {
  switch (f.kind) {
    case 'number': return String(f.value);
    case 'ref': return `[${f.code}]`;
    case 'negate': return `-${f.operand.kind === 'binary' ? `(${describe(f.operand)})` : describe(f.operand)}`;
    case 'binary': {
      const wrap = (x: Formula, right: boolean) => {
        const inner = describe(x);
        if (x.kind !== 'binary') return inner;
        const low = x.op === '+' || x.op === '-';
        const needs = (f.op === '*' || f.op === '/') ? low || (right && f.op === '/') : right && f.op === '-' && low;
        return needs ? `(${inner})` : inner;
      };
      return `${wrap(f.left, false)} ${f.op} ${wrap(f.right, true)}`;
    }
  }
}
