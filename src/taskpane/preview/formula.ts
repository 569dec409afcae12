/**
 * Preview only: evaluates the formulas the report writes, so that the HTML preview shows what
 * Excel would show. The formula is parsed into a tree, then evaluated (IF, IFERROR, AND and OR
 * evaluate only what Excel evaluates). Supported: arithmetic, comparisons, "&", A1 references and
 * ranges, other sheets, array constants {"a","b"}, and the functions of FUNCTIONS below.
 * Excel errors (#DIV/0!, #N/A, #VALUE!) are values, as in Excel: IFERROR catches them and the
 * preview shows them. Anything else (an unknown function, a syntax the parser does not know) gives
 * `undefined` and the preview shows the formula text instead. Excel itself computes the real
 * workbook. tests/taskpane/formula.test.ts evaluates every formula of a built report.
 */
import { columnIndex } from "../../ooxml/a1";

export type FValue = number | string | boolean | null;
type Val = FValue | FValue[];

export interface FormulaContext {
  /** Value of a cell (sheet null = the formula's own sheet); formulas evaluated recursively. */
  cell(sheet: string | null, row: number, col: number): FValue;
}

/** What the parser or the evaluator does not know: the preview shows the formula. */
class Unsupported extends Error {}

/** An Excel error value (#DIV/0!, #N/A, #VALUE!): the result Excel shows, caught by IFERROR. */
class ExcelError extends Error {
  constructor(readonly code: "#DIV/0!" | "#N/A" | "#VALUE!") {
    super(code);
  }
}
const ERROR_CODES = new Set(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]);

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
    m = /^(<>|<=|>=|[-+*/^&=<>(),:;{}])/.exec(rest);
    if (m) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
      continue;
    }
    throw new Unsupported(`token ${ch}`);
  }
  return out;
}

function fromCell(v: FValue): FValue {
  if (typeof v === "string" && ERROR_CODES.has(v)) throw new ExcelError(v as ExcelError["code"]);
  return v;
}

function num(v: Val): number {
  if (Array.isArray(v)) return num(v[0] ?? null);
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null || v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new ExcelError("#VALUE!");
  return n;
}

function scalar(v: Val): FValue {
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

function str(v: Val): string {
  const s = scalar(v);
  return s === null ? "" : typeof s === "boolean" ? (s ? "TRUE" : "FALSE") : String(s);
}

function truthy(v: Val): boolean {
  const s = scalar(v);
  if (typeof s === "string") {
    if (s.toUpperCase() === "TRUE") return true;
    if (s.toUpperCase() === "FALSE" || s === "") return false;
    throw new ExcelError("#VALUE!");
  }
  return num(s) !== 0;
}

function list(v: Val): FValue[] {
  return Array.isArray(v) ? v : [v];
}

function flat(args: Val[]): FValue[] {
  return args.flatMap(list);
}

const COMPARATORS = ["=", "<>", "<", ">", "<=", ">="];

function ordered(op: string, l: number | string, r: number | string): boolean {
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

/** COUNTIF/SUMIF criterion: "x", "<>x", ">=10"… (text compared without case). */
function matches(value: FValue, criterion: FValue): boolean {
  if (typeof criterion === "string") {
    const m = /^(<>|<=|>=|=|<|>)(.*)$/.exec(criterion);
    if (m) {
      const target = m[2];
      const bothNumbers =
        typeof value === "number" && target.trim() !== "" && !Number.isNaN(Number(target));
      const a = bothNumbers ? (value as number) : String(value ?? "").toLowerCase();
      const b = bothNumbers ? Number(target) : target.toLowerCase();
      return ordered(m[1], a, b);
    }
    return String(value ?? "").toLowerCase() === criterion.toLowerCase();
  }
  return value === criterion;
}

function compare(op: string, a: Val, b: Val): boolean {
  const x = scalar(a);
  const y = scalar(b);
  const numeric = typeof x !== "string" && typeof y !== "string";
  return numeric ? ordered(op, num(x), num(y)) : ordered(op, str(x).toLowerCase(), str(y).toLowerCase());
}

/** MATCH(value, range, type): 0 exact (text without case), 1 largest ≤ value, -1 smallest ≥ value. */
function match(value: FValue, range: FValue[], type: number): number {
  const key = (v: FValue) => (typeof v === "string" ? v.toLowerCase() : v);
  const k = key(value);
  if (type === 0) {
    const i = range.findIndex((v) => key(v) === k);
    if (i < 0) throw new ExcelError("#N/A");
    return i + 1;
  }
  let found = -1;
  range.forEach((v, i) => {
    if (v === null || typeof v !== typeof value) return;
    if (type > 0 ? (key(v) as number | string) <= (k as number | string) : (key(v) as number | string) >= (k as number | string)) found = i;
  });
  if (found < 0) throw new ExcelError("#N/A");
  return found + 1;
}

/** Rows of (range, criterion) pairs that all match: COUNTIFS/SUMIFS. */
function allMatch(pairs: Val[], i: number): boolean {
  for (let p = 0; p + 1 < pairs.length; p += 2) {
    if (!matches(list(pairs[p])[i] ?? null, scalar(pairs[p + 1]))) return false;
  }
  return true;
}

const numbers = (args: Val[]) => flat(args).filter((v): v is number => typeof v === "number");
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Functions with every argument evaluated first (IF, IFERROR, AND, OR are in the evaluator). */
const FUNCTIONS: Record<string, (args: Val[]) => Val> = {
  SUM: (a) => sum(numbers(a)),
  MAX: (a) => (numbers(a).length ? Math.max(...numbers(a)) : 0),
  MIN: (a) => (numbers(a).length ? Math.min(...numbers(a)) : 0),
  AVERAGE: (a) => {
    const n = numbers(a);
    if (n.length === 0) throw new ExcelError("#DIV/0!");
    return sum(n) / n.length;
  },
  COUNT: (a) => numbers(a).length,
  COUNTA: (a) => flat(a).filter((v) => v !== null && v !== "").length,
  COUNTBLANK: (a) => flat(a).filter((v) => v === null || v === "").length,
  COUNTIF: (a) => list(a[0]).filter((v) => matches(v, scalar(a[1]))).length,
  COUNTIFS: (a) => list(a[0]).filter((_, i) => allMatch(a, i)).length,
  SUMIF: (a) => {
    const range = list(a[0]);
    const sums = a[2] === undefined ? range : list(a[2]);
    return range.reduce<number>(
      (acc, v, i) => (matches(v, scalar(a[1])) && typeof sums[i] === "number" ? acc + (sums[i] as number) : acc),
      0
    );
  },
  SUMIFS: (a) => {
    const sums = list(a[0]);
    return sums.reduce<number>(
      (acc, v, i) => (typeof v === "number" && allMatch(a.slice(1), i) ? acc + v : acc),
      0
    );
  },
  ROUND: (a) => {
    const p = Math.pow(10, num(a[1] ?? 0));
    return Math.round(num(a[0]) * p) / p;
  },
  ABS: (a) => Math.abs(num(a[0])),
  NOT: (a) => !truthy(a[0]),
  TRUE: () => true,
  FALSE: () => false,
  MATCH: (a) => match(scalar(a[0]), list(a[1]), a[2] === undefined ? 1 : num(a[2])),
  INDEX: (a) => {
    const range = list(a[0]);
    const i = num(a[1] ?? 1);
    if (i < 1 || i > range.length) throw new ExcelError("#VALUE!");
    return range[i - 1];
  },
  LEFT: (a) => str(a[0]).slice(0, a[1] === undefined ? 1 : num(a[1])),
  RIGHT: (a) => {
    const s = str(a[0]);
    const n = a[1] === undefined ? 1 : num(a[1]);
    return n <= 0 ? "" : s.slice(-n);
  },
  MID: (a) => str(a[0]).substr(num(a[1]) - 1, num(a[2])),
  LEN: (a) => str(a[0]).length,
  UPPER: (a) => str(a[0]).toUpperCase(),
  LOWER: (a) => str(a[0]).toLowerCase(),
  TRIM: (a) => str(a[0]).trim().replace(/ +/g, " "),
  CONCATENATE: (a) => a.map(str).join(""),
  ISBLANK: (a) => scalar(a[0]) === null,
  ISNUMBER: (a) => typeof scalar(a[0]) === "number",
  HYPERLINK: (a) => (a[1] === undefined ? str(a[0]) : scalar(a[1])),
};

/** The function names the preview computes (the report must use only these: tested). */
export const SUPPORTED_FUNCTIONS: readonly string[] = [
  ...Object.keys(FUNCTIONS),
  "IF",
  "IFERROR",
  "AND",
  "OR",
].sort();

// ---------------------------------------------------------------------------------------------
// Parse tree

type Node =
  | { k: "value"; v: FValue }
  | { k: "array"; items: FValue[] }
  | { k: "ref"; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { k: "call"; name: string; args: Node[] }
  | { k: "unary"; op: string; arg: Node }
  | { k: "binary"; op: string; left: Node; right: Node };

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

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

  parse(): Node {
    const n = this.comparison();
    if (this.i !== this.tokens.length) throw new Unsupported("trailing");
    return n;
  }

  private binaryLevel(ops: string[], next: () => Node, repeat = true): Node {
    let left = next();
    for (let t = this.peek(); t?.t === "op" && ops.includes(t.v); t = this.peek()) {
      this.i++;
      left = { k: "binary", op: t.v, left, right: next() };
      if (!repeat) break;
    }
    return left;
  }

  private comparison(): Node {
    return this.binaryLevel(COMPARATORS, () => this.concat(), false);
  }

  private concat(): Node {
    return this.binaryLevel(["&"], () => this.additive());
  }

  private additive(): Node {
    return this.binaryLevel(["+", "-"], () => this.term());
  }

  private term(): Node {
    return this.binaryLevel(["*", "/"], () => this.unary());
  }

  private unary(): Node {
    if (this.isOp("-") || this.isOp("+")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: "unary", op, arg: this.unary() };
    }
    return this.binaryLevel(["^"], () => this.primary());
  }

  private args(): Node[] {
    const out: Node[] = [];
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

  /** {"0","1"} or {1;2}: an array constant of numbers and texts. */
  private arrayConstant(): Node {
    const items: FValue[] = [];
    for (;;) {
      const t = this.peek();
      this.i++;
      if (t?.t === "num" || t?.t === "str") items.push(t.v);
      else if (t?.t === "op" && t.v === "-" && this.peek()?.t === "num") {
        items.push(-(this.peek() as { v: number }).v);
        this.i++;
      } else throw new Unsupported("array constant");
      if (this.isOp(",") || this.isOp(";")) {
        this.i++;
        continue;
      }
      this.expect("}");
      return { k: "array", items };
    }
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new Unsupported("end");
    this.i++;
    switch (t.t) {
      case "num":
      case "str":
        return { k: "value", v: t.v };
      case "ref":
        return { k: "ref", sheet: t.sheet, r1: t.r1, c1: t.c1, r2: t.r2, c2: t.c2 };
      case "id":
        if ((t.v === "TRUE" || t.v === "FALSE") && !this.isOp("(")) return { k: "value", v: t.v === "TRUE" };
        return { k: "call", name: t.v, args: this.args() };
      case "op":
        if (t.v === "(") {
          const n = this.comparison();
          this.expect(")");
          return n;
        }
        if (t.v === "{") return this.arrayConstant();
        throw new Unsupported(t.v);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function evaluate(n: Node, ctx: FormulaContext): Val {
  switch (n.k) {
    case "value":
      return n.v;
    case "array":
      return n.items;
    case "ref": {
      if (n.r1 === n.r2 && n.c1 === n.c2) return fromCell(ctx.cell(n.sheet, n.r1, n.c1));
      const out: FValue[] = [];
      for (let r = n.r1; r <= n.r2; r++)
        for (let c = n.c1; c <= n.c2; c++) out.push(fromCell(ctx.cell(n.sheet, r, c)));
      return out;
    }
    case "unary": {
      const v = num(evaluate(n.arg, ctx));
      return n.op === "-" ? -v : v;
    }
    case "binary":
      return binary(n.op, evaluate(n.left, ctx), evaluate(n.right, ctx));
    case "call":
      return callNode(n.name, n.args, ctx);
  }
}

function binary(op: string, l: Val, r: Val): Val {
  switch (op) {
    case "&":
      return str(l) + str(r);
    case "+":
      return num(l) + num(r);
    case "-":
      return num(l) - num(r);
    case "*":
      return num(l) * num(r);
    case "/": {
      const d = num(r);
      if (d === 0) throw new ExcelError("#DIV/0!");
      return num(l) / d;
    }
    case "^":
      return Math.pow(num(l), num(r));
    default:
      return compare(op, l, r);
  }
}

function callNode(name: string, args: Node[], ctx: FormulaContext): Val {
  const arg = (i: number): Val => (args[i] === undefined ? null : evaluate(args[i], ctx));
  switch (name) {
    case "IF":
      return truthy(arg(0)) ? (args.length > 1 ? arg(1) : true) : args.length > 2 ? arg(2) : false;
    case "IFERROR":
      try {
        return arg(0);
      } catch (e) {
        if (e instanceof ExcelError) return arg(1);
        throw e;
      }
    case "AND":
      return args.every((_, i) => flat([arg(i)]).every((v) => truthy(v)));
    case "OR":
      return args.some((_, i) => flat([arg(i)]).some((v) => truthy(v)));
    default: {
      const f = FUNCTIONS[name];
      if (!f) throw new Unsupported(name);
      return f(args.map((_, i) => arg(i)));
    }
  }
}

/**
 * The value of a formula ("=…"): a value, an Excel error code ("#DIV/0!"), or undefined when the
 * preview cannot compute it.
 */
export function evaluateFormula(formula: string, ctx: FormulaContext): FValue | undefined {
  try {
    const src = formula.startsWith("=") ? formula.slice(1) : formula;
    const tree = new Parser(tokenize(src)).parse();
    const s = scalar(evaluate(tree, ctx));
    return typeof s === "number" && !Number.isFinite(s) ? "#NUM!" : s;
  } catch (e) {
    if (e instanceof ExcelError) return e.code;
    return undefined;
  }
}

/** The function names a formula calls (upper case), for the report's formula check. */
export function functionsOf(formula: string): string[] {
  try {
    const src = formula.startsWith("=") ? formula.slice(1) : formula;
    const tokens = tokenize(src);
    return [
      ...new Set(
        tokens.flatMap((t, i) =>
          t.t === "id" && tokens[i + 1]?.t === "op" && (tokens[i + 1] as { v: string }).v === "(" ? [t.v] : []
        )
      ),
    ];
  } catch {
    return [];
  }
}
