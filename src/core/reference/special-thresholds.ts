/**
 * The dispense threshold that applies to a purchase or a group of purchases: the general one of
 * R2122-8 in force on the day, or a special one when every purchase falls under it (R2122-9 books
 * other than school books, R2122-9-1 innovative purchases, the temporary food-supply threshold of
 * décret 2020-893…). Special thresholds are dated rows of the reference values (editable).
 */
import type { MessageCode } from "../indicators/compliance-messages";
import type { ContractLine, SpendLine } from "../model";
import { dispenseRowAt, type ReferenceValues, type SpecialDispenseThreshold } from "./values";

export interface DispenseThreshold {
  cents: number;
  /** Source of the row, e.g. "Décret n° 2025-1386". */
  source: string;
  /** Article: "R2122-8", "R2122-9", "R2122-9-1", "Décret n° 2020-893". */
  rule: string;
  /** Short French name of the special case ("livres non scolaires"), "" for the general one. */
  label: string;
  legalBasis: MessageCode;
  /** First day of the row applied. */
  from: number;
}

type Purchase = Pick<SpendLine, "cpv" | "budgetArticle" | "description" | "nature"> & {
  innovative?: boolean | null;
};

function digits(s: string | null): string {
  return s === null ? "" : s.replace(/\D/g, "");
}

/** Whether a special threshold row covers a purchase (CPV prefix, budget article prefix, innovation flag). */
export function specialCovers(row: SpecialDispenseThreshold, p: Purchase): boolean {
  if (row.natures.length > 0 && (p.nature === null || !row.natures.includes(p.nature)))
    return false;
  if (row.innovative) return p.innovative === true;
  const cpv = digits(p.cpv);
  if (cpv !== "") {
    if (row.excludedCpvPrefixes.some((x) => cpv.startsWith(x))) return false;
    if (row.cpvPrefixes.some((x) => cpv.startsWith(x))) return true;
    return false;
  }
  const article = digits(p.budgetArticle);
  return article !== "" && row.budgetArticles.some((x) => article.startsWith(x));
}

function inForce(row: { from: number; to: number | null }, day: number): boolean {
  return day >= row.from && (row.to === null || day <= row.to);
}

function general(ref: ReferenceValues, day: number, works: boolean): DispenseThreshold {
  const row = dispenseRowAt(ref, day);
  return {
    cents: works ? row.worksCents : row.suppliesServicesCents,
    source: row.source,
    rule: "R2122-8",
    label: "",
    legalBasis: "law.dispense",
    from: row.from,
  };
}

function special(row: SpecialDispenseThreshold): DispenseThreshold {
  return {
    cents: row.cents,
    source: row.source,
    rule: row.rule,
    label: row.label,
    legalBasis:
      row.rule === "R2122-9"
        ? "law.books"
        : row.rule === "R2122-9-1"
          ? "law.innovation"
          : "law.food2020",
    from: row.from,
  };
}

/**
 * The dispense threshold of a group of purchases whose first purchase is on `day`: a special
 * threshold in force that day when it covers every purchase of the group (credit notes aside) and
 * is higher than the general one, else the general one.
 */
export function dispenseForLines(
  ref: ReferenceValues,
  day: number,
  works: boolean,
  lines: readonly (Purchase & { isCredit?: boolean; amountHTCents?: number })[]
): DispenseThreshold {
  const base = general(ref, day, works);
  let best: DispenseThreshold = base;
  for (const row of ref.specialDispenseThresholds) {
    if (!inForce(row, day) || row.cents <= best.cents) continue;
    let any = false;
    let all = true;
    for (const l of lines) {
      if (l.isCredit === true || (l.amountHTCents !== undefined && l.amountHTCents < 0)) continue;
      any = true;
      if (!specialCovers(row, l)) {
        all = false;
        break;
      }
    }
    if (any && all) best = special(row);
  }
  return best;
}

/** The dispense threshold of one contract (launch date, else notification), special ones included. */
export function dispenseForContract(
  ref: ReferenceValues,
  day: number,
  c: Pick<ContractLine, "cpv" | "nature" | "description"> & { innovative?: boolean | null }
): DispenseThreshold {
  return dispenseForLines(ref, day, c.nature === "Travaux", [
    {
      cpv: c.cpv,
      budgetArticle: null,
      description: c.description,
      nature: c.nature,
      innovative: c.innovative ?? null,
    },
  ]);
}
