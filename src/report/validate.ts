/**
 * Structural checks of a WorkbookSpec, as French messages (empty = valid): names, table headers,
 * overlaps, text safety, formula references, chart and validation ranges. Used by the tests and
 * usable by renderers before writing.
 */
import { formulaReferences, rangeA1 } from "./a1";
import { needsTextMarker } from "./cells";
import { cellKey, writtenCells } from "./grid";
import {
  isFormula,
  isValidSheetName,
  isValidTableName,
  type CellRange,
  type CellValue,
  type RangeRef,
  type SheetSpec,
  type WorkbookSpec,
} from "./spec";

function inside(cells: Set<string>, r: CellRange): boolean {
  for (let row = r.r1; row <= r.r2; row++)
    for (let col = r.c1; col <= r.c2; col++) if (!cells.has(cellKey(row, col))) return false;
  return true;
}

function size(r: CellRange): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

export function validateWorkbookSpec(spec: WorkbookSpec): string[] {
  const issues: string[] = [];
  const byName = new Map<string, SheetSpec>();
  const byKey = new Map<string, SheetSpec>();
  const written = new Map<SheetSpec, Set<string>>();
  for (const s of spec.sheets) {
    if (!isValidSheetName(s.name)) issues.push(`Nom de feuille invalide : ${s.name}`);
    if (byName.has(s.name.toLowerCase())) issues.push(`Nom de feuille en double : ${s.name}`);
    if (byKey.has(s.key)) issues.push(`Clé de feuille en double : ${s.key}`);
    byName.set(s.name.toLowerCase(), s);
    byKey.set(s.key, s);
    written.set(s, new Set(writtenCells(s).keys()));
  }
  const tableNames = new Set<string>();
  for (const s of spec.sheets) {
    const where = (what: string) => `${s.name} : ${what}`;
    const cells = written.get(s)!;
    // Overlaps between blocks and tables.
    const owner = new Map<string, string>();
    const claim = (r: number, c: number, who: string) => {
      const k = cellKey(r, c);
      const prev = owner.get(k);
      if (prev !== undefined)
        issues.push(where(`${who} chevauche ${prev} en ${rangeA1(r, c, r, c)}`));
      else owner.set(k, who);
    };
    s.blocks.forEach((b, i) => {
      const w = b.values[0]?.length ?? 0;
      if (b.values.length === 0 || w === 0) issues.push(where(`bloc ${i} vide`));
      b.values.forEach((row, r) => {
        if (row.length !== w) issues.push(where(`bloc ${i} non rectangulaire`));
        row.forEach((_, c) => claim(b.row + r, b.col + c, `bloc ${i}`));
      });
    });
    for (const t of s.tables) {
      const lower = t.name.toLowerCase();
      if (!isValidTableName(t.name)) issues.push(where(`nom de tableau invalide ${t.name}`));
      if (tableNames.has(lower)) issues.push(where(`nom de tableau en double ${t.name}`));
      tableNames.add(lower);
      const headers = new Set<string>();
      for (const c of t.columns) {
        if (!c.header) issues.push(where(`en-tête vide dans ${t.name}`));
        if (headers.has(c.header.toLowerCase()))
          issues.push(where(`en-tête en double dans ${t.name} : ${c.header}`));
        headers.add(c.header.toLowerCase());
      }
      t.rows.forEach((row, r) => {
        if (row.length !== t.columns.length)
          issues.push(where(`ligne ${r} de ${t.name} de largeur incorrecte`));
      });
      for (let r = 0; r <= Math.max(1, t.rows.length); r++)
        for (let c = 0; c < t.columns.length; c++) claim(t.row + r, t.col + c, t.name);
    }
    // Text safety and formulas.
    const checkRef = (
      text: string,
      ref: { sheet: string | null; r1: number; c1: number; r2: number; c2: number },
      ctxt: string
    ) => {
      const target = ref.sheet === null ? s : byName.get(ref.sheet.toLowerCase());
      if (!target) {
        issues.push(where(`${ctxt} : feuille inconnue dans ${text}`));
        return;
      }
      if (size(ref) > 200_000) return;
      if (!inside(written.get(target)!, ref))
        issues.push(where(`${ctxt} : ${text} désigne des cellules non écrites de ${target.name}`));
    };
    const checkValue = (v: CellValue, at: string) => {
      if (typeof v === "string" && needsTextMarker(v))
        issues.push(where(`texte non marqué en ${at} : « ${v} »`));
      if (isFormula(v)) {
        if (!v.formula.startsWith("=")) issues.push(where(`formule sans « = » en ${at}`));
        for (const ref of formulaReferences(v.formula))
          checkRef(v.formula, ref, `formule en ${at}`);
      }
    };
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => checkValue(v, rangeA1(b.row + r, b.col + c, b.row + r, b.col + c)))
      );
    for (const t of s.tables)
      t.rows.forEach((row, r) =>
        row.forEach((v, c) =>
          checkValue(v, rangeA1(t.row + 1 + r, t.col + c, t.row + 1 + r, t.col + c))
        )
      );
    for (const cf of s.conditionalFormats) {
      if (!inside(cells, cf.range))
        issues.push(
          where(
            `format conditionnel hors des cellules écrites (${rangeA1(cf.range.r1, cf.range.c1, cf.range.r2, cf.range.c2)})`
          )
        );
      if (cf.type === "cellValue") {
        for (const f of [cf.formula1, cf.formula2]) {
          if (f && f.startsWith("="))
            for (const ref of formulaReferences(f)) checkRef(f, ref, "format conditionnel");
        }
      }
    }
    // Charts.
    const refInside = (ref: RangeRef, what: string) => {
      const target = byKey.get(ref.sheet);
      if (!target) issues.push(where(`${what} : feuille ${ref.sheet} inconnue`));
      else if (!inside(written.get(target)!, ref.range))
        issues.push(
          where(
            `${what} : plage ${rangeA1(ref.range.r1, ref.range.c1, ref.range.r2, ref.range.c2)} hors des cellules écrites`
          )
        );
    };
    const ids = new Set<string>();
    for (const ch of s.charts) {
      if (ids.has(ch.id)) issues.push(where(`graphique en double ${ch.id}`));
      ids.add(ch.id);
      if (ch.series.length === 0) issues.push(where(`graphique ${ch.id} sans série`));
      if (ch.categories) refInside(ch.categories, `graphique ${ch.id} (catégories)`);
      for (const se of ch.series) {
        refInside(se.values, `graphique ${ch.id} (valeurs)`);
        if (typeof se.name !== "string") refInside(se.name, `graphique ${ch.id} (nom de série)`);
        if (ch.categories && size(ch.categories.range) !== size(se.values.range))
          issues.push(where(`graphique ${ch.id} : séries et catégories de longueurs différentes`));
      }
    }
    for (const v of s.validations) {
      if (!inside(cells, v.range)) issues.push(where(`validation hors des cellules écrites`));
      if (Array.isArray(v.list)) {
        if (v.list.some((i) => i.includes(",")))
          issues.push(where(`liste de validation avec une virgule`));
        if (v.list.join(",").length > 255)
          issues.push(where(`liste de validation de plus de 255 caractères`));
      } else refInside(v.list, "liste de validation");
    }
    for (const inp of s.inputs)
      if (!inside(cells, inp.range))
        issues.push(where(`plage de saisie ${inp.field} hors des cellules écrites`));
    if (s.mode === "merge-inputs" && s.inputs.length === 0)
      issues.push(where(`feuille de saisie sans plage de saisie`));
  }
  return issues;
}
