/**
 * RE7 AGEC art. 58: share of the purchases of the product categories of the decree bought from
 * re-employment / reuse or with recycled materials, against the minimum in force (issue #14).
 * Reads the AGEC result of analysis.responsible (core/responsible/agec.ts), computed once per
 * analysis (`shared`): this module only summarises it per civil year.
 */
import { msg, type Message } from "../../messages/render";
import { toEuros } from "../../money";
import type { AgecCategoryId } from "../../reference/agec-egalim";
import { computeResponsiblePurchasing } from "../../responsible";
import type { AgecCategoryYear, AgecStatus } from "../../responsible/agec";
import { defineIndicator, shared } from "../definition";
import { notAvailable, round2, type Reference, type Status } from "../types";

/** One civil year, all categories of the decree bought that year. */
export type AgecYearRow = {
  year: number;
  yearComplete: boolean;
  /** Decree whose minimums apply ("2021-254", "2024-134"), null before 2021. */
  decree: string | null;
  categories: number;
  spend: number;
  reuse: number;
  recycled: number;
  reuseShare: number | null;
  recycledShare: number | null;
  /** Re-employment/reuse + recycled, % of the spend of the categories. */
  combinedShare: number | null;
  /** Minimum in force weighted by the spend of each category; null while one is unknown. */
  minimum: number | null;
  /** combinedShare − minimum, points. */
  gap: number | null;
  categoriesBelow: number;
  categoriesToEnter: number;
  status: Message;
};

/** One category and civil year, as in the AGEC declaration. */
export type AgecCategoryRow = {
  year: number;
  category: Message;
  spend: number;
  reuseShare: number | null;
  recycledShare: number | null;
  combinedShare: number | null;
  minReuse: number | null;
  minRecycled: number | null;
  minCombined: number | null;
  status: Message;
};

export type RE7Tables = { byYear: AgecYearRow[]; byCategory: AgecCategoryRow[] };

const EMPTY: RE7Tables = { byYear: [], byCategory: [] };

const base = { id: "RE7", group: "RE", unit: "%" } as const;

/** The catalogue name of an AGEC category. */
export function agecCategoryMessage(id: AgecCategoryId): Message {
  return msg(`agec.category.${id}`);
}

/** The catalogue text of an AGEC status (category or year). */
export function agecStatusMessage(status: AgecStatus): Message {
  return msg(`agec.status.${status}`);
}

/** The minimum a category needs for its combined share: the combined share (2021-254) or reuse + recycled (2024-134). */
function combinedMinimum(r: AgecCategoryYear): number | null {
  const m = r.minimum;
  if (m.decree === "2021-254") return m.combinedPercent;
  if (m.decree === "2024-134")
    return m.reusePercent === null || m.recycledPercent === null
      ? null
      : m.reusePercent + m.recycledPercent;
  return null;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? round2((part / whole) * 100) : null;
}

/** The status of a year from its categories' (those with a positive spend). */
function yearStatus(rows: readonly AgecCategoryYear[]): AgecStatus {
  const s = rows.filter((r) => r.spendCents > 0).map((r) => r.status);
  if (s.length === 0) return rows[0]?.status ?? "notMeasurable";
  for (const wanted of ["noDuty", "notMeasurable", "notReached", "minimumUnknown"] as const)
    if (s.includes(wanted)) return wanted;
  return "reached";
}

interface YearSummary {
  row: AgecYearRow;
  status: AgecStatus;
  spendCents: number;
  lines: number;
  source: string;
}

function summarise(year: number, rows: readonly AgecCategoryYear[]): YearSummary {
  let spend = 0;
  let reuse = 0;
  let recycled = 0;
  let weighted = 0;
  let weight = 0;
  let lines = 0;
  let toEnter = 0;
  for (const r of rows) {
    spend += r.spendCents;
    reuse += r.reuseCents;
    recycled += r.recycledCents;
    lines += r.lines;
    const m = combinedMinimum(r);
    if (r.minimum.decree !== null && m === null) toEnter++;
    if (r.spendCents > 0 && m !== null) {
      weighted += m * r.spendCents;
      weight += r.spendCents;
    }
  }
  const measurable = rows.some((r) => r.reuseShare !== null);
  const combinedShare = measurable ? share(reuse + recycled, spend) : null;
  const decree = rows[0].minimum.decree;
  const minimum = decree !== null && toEnter === 0 && weight > 0 ? round2(weighted / weight) : null;
  const status = yearStatus(rows);
  return {
    row: {
      year,
      yearComplete: rows[0].yearComplete,
      decree,
      categories: rows.length,
      spend: toEuros(spend),
      reuse: toEuros(reuse),
      recycled: toEuros(recycled),
      reuseShare: measurable ? share(reuse, spend) : null,
      recycledShare: measurable ? share(recycled, spend) : null,
      combinedShare,
      minimum,
      gap: combinedShare === null || minimum === null ? null : round2(combinedShare - minimum),
      categoriesBelow: rows.filter((r) => r.status === "notReached").length,
      categoriesToEnter: toEnter,
      status: agecStatusMessage(status),
    },
    status,
    spendCents: spend,
    lines,
    source: rows[0].minimum.source,
  };
}

export const RE7 = defineIndicator<RE7Tables>({
  ...base,
  label: {
    fr: "AGEC art. 58 : achats issus du réemploi ou intégrant des matières recyclées",
    en: "AGEC art. 58: purchases from re-employment or with recycled materials",
  },
  headline: {
    fr: "part des achats des catégories du décret issue du réemploi, de la réutilisation ou intégrant des matières recyclées (%)",
    en: "share of the purchases of the decree's categories from re-employment, reuse or with recycled materials (%)",
  },
  doc: {
    definition: {
      fr: "Part de la dépense HT de l'année civile consacrée aux catégories de produits de l'article 58 de la loi AGEC (vêtements, papier, fournitures, informatique, mobilier…) qui provient du réemploi ou de la réutilisation ou intègre des matières recyclées, comparée au minimum en vigueur pour chaque catégorie.",
      en: "Share of the civil year's spend excl. VAT on the product categories of article 58 of the AGEC law (clothing, paper, supplies, IT, furniture…) that comes from re-employment or reuse or contains recycled materials, compared with the minimum in force for each category.",
    },
    formula: {
      fr: "Lignes classées par code CPV (préfixe le plus long), sinon par article budgétaire ; origine lue dans la colonne « Label qualité » (réemploi, reconditionné, matières recyclées…). Valeur = Σ (réemploi + matières recyclées) / Σ dépense des catégories × 100, sur la dernière année civile complète de la période (sinon l'année en cours). Référence = minimum de chaque catégorie pondéré par sa dépense (part cumulée du décret 2021-254 jusqu'en 2023 ; réemploi + matières recyclées du décret 2024-134 ensuite), vide tant qu'un minimum reste à saisir. Statut : bon si chaque catégorie atteint ses minimums, alerte si l'une est en dessous.",
      en: "Lines matched by CPV code (longest prefix), else by budget article; origin read from the quality label column (re-employment, refurbished, recycled materials…). Value = Σ (re-employment + recycled) / Σ spend of the categories × 100, over the latest full civil year of the period (else the current year). Reference = each category's minimum weighted by its spend (combined share of Decree 2021-254 until 2023; re-employment + recycled of Decree 2024-134 afterwards), empty while a minimum is still to enter. Status: good when every category reaches its minimums, alert when one is below.",
    },
    source: {
      fr: "Loi n° 2020-105 du 10 février 2020 (AGEC), art. 58 ; décret n° 2021-254 du 9 mars 2021 (jusqu'au 30 juin 2024) ; décret n° 2024-134 du 21 février 2024 et arrêtés du 29 février 2024 (à partir du 1er juillet 2024).",
      en: "Law no. 2020-105 of 10 February 2020 (AGEC), art. 58; Decree no. 2021-254 of 9 March 2021 (until 30 June 2024); Decree no. 2024-134 of 21 February 2024 and the ministerial orders of 29 February 2024 (from 1 July 2024).",
    },
    howToImprove: {
      fr: "Ajoutez à l'export une colonne « Label qualité » renseignée (réemploi, reconditionné, matières recyclées) et le code CPV des lignes non classées ; saisissez les minimums du décret dans Paramètres ; ouvrez les marchés de fournitures au matériel reconditionné et aux produits recyclés (lots dédiés, variantes, critères d'attribution), et comptez les dons reçus.",
      en: "Add a filled quality label column to the export (re-employment, refurbished, recycled materials) and the CPV code of unclassified lines; enter the decree's minimums in Settings; open supply contracts to refurbished equipment and recycled products (dedicated lots, variants, award criteria), and count donations received.",
    },
  },
  compute(ctx) {
    const agec = shared(ctx, computeResponsiblePurchasing).agec;
    const summaries: YearSummary[] = [];
    for (const year of agec.years) {
      const rows = agec.rows.filter((r) => r.year === year);
      if (rows.length > 0) summaries.push(summarise(year, rows));
    }
    const byCategory: AgecCategoryRow[] = agec.rows.map((r) => ({
      year: r.year,
      category: agecCategoryMessage(r.category),
      spend: toEuros(r.spendCents),
      reuseShare: r.reuseShare,
      recycledShare: r.recycledShare,
      combinedShare: r.combinedShare,
      minReuse: r.minimum.reusePercent,
      minRecycled: r.minimum.recycledPercent,
      minCombined: r.minimum.combinedPercent,
      status: agecStatusMessage(r.status),
    }));
    const tables: RE7Tables = { byYear: summaries.map((s) => s.row), byCategory };
    const unclassifiedOf = (year: number) => agec.unclassified.filter((u) => u.year === year);
    if (summaries.length === 0) {
      const n = agec.unclassified.length;
      return notAvailable(
        base,
        msg("na.re7.noPurchases"),
        { n: 0, N: n, of: "lines" },
        tables.byCategory.length === 0 ? EMPTY : tables
      );
    }
    const complete = summaries.filter((s) => s.row.yearComplete);
    const head =
      complete.length > 0 ? complete[complete.length - 1] : summaries[summaries.length - 1];
    const year = head.row.year;
    const unclassified = unclassifiedOf(year);
    const coverage = { n: head.lines, N: head.lines + unclassified.length, of: "lines" as const };
    const reference: Reference | null =
      head.row.minimum === null || head.row.decree === null
        ? null
        : {
            value: head.row.minimum,
            unit: "%",
            label: msg("ref.re7.minimum", { year: String(year), decree: head.row.decree }),
            source: head.source,
          };
    const details = {
      year,
      /** 1: the latest full civil year of the period; 0: the current year, incomplete. */
      yearComplete: head.row.yearComplete ? 1 : 0,
      decree: head.row.decree,
      spend: head.row.spend,
      reuseShare: head.row.reuseShare,
      recycledShare: head.row.recycledShare,
      categories: head.row.categories,
      categoriesBelow: head.row.categoriesBelow,
      categoriesToEnter: head.row.categoriesToEnter,
      unclassifiedLines: unclassified.length,
      unclassifiedSpend: toEuros(unclassified.reduce((s, u) => s + u.amountCents, 0)),
    };
    if (head.status === "noDuty")
      return notAvailable(
        base,
        msg("na.re7.noDuty", { year: String(year) }),
        coverage,
        tables,
        null,
        details
      );
    if (head.spendCents <= 0)
      return notAvailable(base, msg("na.nonPositiveSpend"), coverage, tables, reference, details);
    if (head.row.combinedShare === null)
      return notAvailable(
        base,
        msg("na.re7.notMeasurable", { year: String(year) }),
        coverage,
        tables,
        reference,
        details
      );
    const status: Status | null =
      head.status === "notReached" ? "alert" : head.status === "reached" ? "good" : null;
    return {
      ...base,
      value: head.row.combinedShare,
      na: null,
      coverage,
      reference,
      status,
      details,
      tables,
    };
  },
});
