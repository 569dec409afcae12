/**
 * Preview only: evaluates the simple formulas the report writes (arithmetic, comparisons, "&",
 * A1 references and ranges, other sheets, SUM MAX MIN AVERAGE COUNT COUNTA COUNTIF SUMIF ROUND
 * ABS IF), so that the HTML preview shows what Excel would show. Anything else gives
 * `undefined` and the preview shows the formula text instead. Excel itself computes the real
 * workbook.
 */
import { columnIndex } from "../../ooxml/a1";

export type FValue = number | string | boolean | null;
type Val = FValue | FValue[];

export interface FormulaContext {
  /** Value of a cell (sheet null = the formula's own sheet); formulas evaluated recursively. */
  cell(sheet: string | null, row: number, col: number): FValue;
}

class Unsupported extends Error {}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

const colIndex = columnIndex;

const REF =
  /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    let m = /^\d+(\.\d+)?(E[+-]?\d+)?/i.exec(rest);
    if (m) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    m = REF.exec(rest);
    if (m && !/^[A-Za-z_][\w.]*\(/.test(rest.slice(0, m[0].length + 1).replace(/!.*/, ""))) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
      const r1 = Number(m[4]) - 1;
      const c1 = colIndex(m[3]);
      out.push({
        t: "ref",
        sheet,
        r1,
        c1,
        r2: m[6] ? Number(m[6]) - 1 : r1,
        c2: m[5] ? colIndex(m[5]) : c1,
      });
      i += m[0].length;
      continue;
    }
    m = /^[A-Za-z_][\w.]*/.exec(rest);
    if (m) {
      out.push({ t: "id", v: m[0].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = /^(<>|<=|>=|[-+*/^&=<>(),:])/.exec(rest);
    if (m) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
      continue;
    }
    throw new Unsupported(`token ${ch}`);
  }
  return out;
}

function num(v: Val): number {
  if (Array.isArray(v)) return num(v[0] ?? null);
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null || v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new Unsupported("#VALUE!");
  return n;
}

function scalar(v: Val): FValue {
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

function str(v: Val): string {
  const s = scalar(v);
  return s === null ? "" : typeof s === "boolean" ? (s ? "TRUE" : "FALSE") : String(s);
}

function flat(args: Val[]): FValue[] {
  return args.flatMap((a) => (Array.isArray(a) ? a : [a]));
}

function matches(value: FValue, criterion: FValue): boolean {
  if (typeof criterion === "string") {
    const m = /^(<>|<=|>=|=|<|>)(.*)$/.exec(criterion);
    if (m) {
      const target = m[2];
      const bothNumbers =
        typeof value === "number" && target.trim() !== "" && !Number.isNaN(Number(target));
      const a = bothNumbers ? (value as number) : String(value ?? "").toLowerCase();
      const b = bothNumbers ? Number(target) : target.toLowerCase();
      switch (m[1]) {
        case "=":
          return a === b;
        case "<>":
          return a !== b;
        case "<":
          return a < b;
        case ">":
          return a > b;
        case "<=":
          return a <= b;
        case ">=":
          return a >= b;
      }
    }
    return String(value ?? "").toLowerCase() === criterion.toLowerCase();
  }
  return value === criterion;
}

function compare(op: string, a: Val, b: Val): boolean {
  const x = scalar(a);
  const y = scalar(b);
  const numeric = typeof x !== "string" && typeof y !== "string";
  const l = numeric ? num(x) : str(x).toLowerCase();
  const r = numeric ? num(y) : str(y).toLowerCase();
  switch (op) {
    case "=":
      return l === r;
    case "<>":
      return l !== r;
    case "<":
      return l < r;
    case ">":
      return l > r;
    case "<=":
      return l <= r;
    default:
      return l >= r;
  }
}

function call(name: string, args: Val[]): Val {
  const nums = () => flat(args).filter((v): v is number => typeof v === "number");
  switch (name) {
    case "SUM":
      return nums().reduce((a, b) => a + b, 0);
    case "MAX":
      return nums().length ? Math.max(...nums()) : 0;
    case "MIN":
      return nums().length ? Math.min(...nums()) : 0;
    case "AVERAGE": {
      const n = nums();
      if (n.length === 0) throw new Unsupported("#DIV/0!");
      return n.reduce((a, b) => a + b, 0) / n.length;
    }
    case "COUNT":
      return nums().length;
    case "COUNTA":
      return flat(args).filter((v) => v !== null && v !== "").length;
    case "COUNTIF": {
      const crit = scalar(args[1]);
      return (Array.isArray(args[0]) ? args[0] : [args[0]]).filter((v) => matches(v, crit)).length;
    }
    case "SUMIF": {
      const range = Array.isArray(args[0]) ? args[0] : [args[0]];
      const sums = args[2] === undefined ? range : Array.isArray(args[2]) ? args[2] : [args[2]];
      const crit = scalar(args[1]);
      return range.reduce<number>(
        (acc, v, i) =>
          matches(v, crit) && typeof sums[i] === "number" ? acc + (sums[i] as number) : acc,
        0
      );
    }
    case "ROUND": {
      const p = Math.pow(10, num(args[1] ?? 0));
      return Math.round(num(args[0]) * p) / p;
    }
    case "ABS":
      return Math.abs(num(args[0]));
    case "TRUE":
      return true;
    case "FALSE":
      return false;
    default:
      throw new Unsupported(name);
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly ctx: FormulaContext
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === "op" && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported(`expected ${v}`);
    this.i++;
  }

  parse(): Val {
    const v = this.comparison();
    if (this.i !== this.tokens.length) throw new Unsupported("trailing");
    return v;
  }

  private comparison(): Val {
    let left = this.concat();
    const t = this.peek();
    if (t?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
      this.i++;
      left = compare(t.v, left, this.concat());
    }
    return left;
  }

  private concat(): Val {
    let left = this.additive();
    while (this.isOp("&")) {
      this.i++;
      left = str(left) + str(this.additive());
    }
    return left;
  }

  private additive(): Val {
    let left = this.term();
    for (let t = this.peek(); t?.t === "op" && (t.v === "+" || t.v === "-"); t = this.peek()) {
      this.i++;
      const right = this.term();
      left = t.v === "+" ? num(left) + num(right) : num(left) - num(right);
    }
    return left;
  }

  private term(): Val {
    let left = this.unary();
    for (let t = this.peek(); t?.t === "op" && (t.v === "*" || t.v === "/"); t = this.peek()) {
      this.i++;
      const right = num(this.unary());
      if (t.v === "/" && right === 0) throw new Unsupported("#DIV/0!");
      left = t.v === "*" ? num(left) * right : num(left) / right;
    }
    return left;
  }

  private unary(): Val {
    if (this.isOp("-")) {
      this.i++;
      return -num(this.unary());
    }
    if (this.isOp("+")) {
      this.i++;
      return this.unary();
    }
    let base = this.primary();
    while (this.isOp("^")) {
      this.i++;
      base = Math.pow(num(base), num(this.primary()));
    }
    return base;
  }

  private args(): Val[] {
    const out: Val[] = [];
    this.expect("(");
    if (this.isOp(")")) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.comparison());
      if (this.isOp(",")) {
        this.i++;
        continue;
      }
      this.expect(")");
      return out;
    }
  }

  private primary(): Val {
    const t = this.peek();
    if (!t) throw new Unsupported("end");
    this.i++;
    switch (t.t) {
      case "num":
        return t.v;
      case "str":
        return t.v;
      case "ref": {
        if (t.r1 === t.r2 && t.c1 === t.c2) return this.ctx.cell(t.sheet, t.r1, t.c1);
        const out: FValue[] = [];
        for (let r = t.r1; r <= t.r2; r++)
          for (let c = t.c1; c <= t.c2; c++) out.push(this.ctx.cell(t.sheet, r, c));
        return out;
      }
      case "id": {
        if (t.v === "IF") {
          // Both branches are evaluated (Excel evaluates only the chosen one; fine for the preview).
          const args = this.args();
          const cond = scalar(args[0]);
          const truthy = typeof cond === "string" ? cond !== "" : num(cond) !== 0;
          return truthy ? (args[1] ?? true) : (args[2] ?? false);
        }
        if (t.v === "TRUE" || t.v === "FALSE") {
          if (this.isOp("(")) this.args();
          return t.v === "TRUE";
        }
        return call(t.v, this.args());
      }
      case "op":
        if (t.v === "(") {
          const v = this.comparison();
          this.expect(")");
          return v;
        }
        throw new Unsupported(t.v);
    }
  }
}

/** The value of a formula ("=…"), or undefined when the preview cannot compute it. */
export function evaluateFormula(formula: string, ctx: FormulaContext): FValue | undefined {
  try {
    const src = formula.startsWith("=") ? formula.slice(1) : formula;
    const v = new Parser(tokenize(src), ctx).parse();
    const s = scalar(v);
    return typeof s === "number" && !Number.isFinite(s) ? undefined : s;
  } catch {
    return undefined;
  }
}
