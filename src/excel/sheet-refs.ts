/**
 * Sheet names inside formulas. The renderer writes every sheet under a temporary (staging) name
 * and renames it at the end; a formula written on a staging sheet must therefore point at the
 * staging names of the sheets it reads ('Diagnostic 360'!$C$35 → '__optima_tmp_diagnostic'!$C$35).
 * Excel then follows the renames by itself: the final formulas show the final names.
 */
import { quoteSheet } from "../report/a1";

/** Replaces sheet names (case-insensitive keys of `map`) in the references of a formula; string literals are left alone. */
export function retargetFormula(formula: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0 || !formula.includes("!")) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      // String literal: copied as is ("" is an escaped quote).
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      const replacement = formula[j + 1] === "!" ? map.get(name.toLowerCase()) : undefined;
      out += replacement !== undefined ? quoteSheet(replacement) : formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*(?=!)/.exec(formula.slice(i, i + 64));
    const before = i > 0 ? formula[i - 1] : "";
    if (m && !/[\w.$]/.test(before)) {
      const replacement = map.get(m[0].toLowerCase());
      out += replacement !== undefined ? quoteSheet(replacement) : m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
