/**
 * AGEC art. 58 (loi n° 2020-105): per product category and civil year, the share of the spend HT
 * bought from re-employment / reuse or with recycled materials, against the minimum shares of the
 * decree in force that year (reference/agec-egalim.ts). Pure: spend lines and reference in,
 * typed result out.
 *
 * Rules (shown in the sheet):
 * - A line belongs to a category by its CPV code (longest matching prefix over all categories);
 *   without a CPV, by its budget article (prefix match). A CPV or an article that matches no
 *   category puts the line outside the duty ("hors champ").
 * - A line with neither CPV nor budget article, or with a budget article too broad to tell
 *   (606x fournitures non stockées, 2188 autres immobilisations corporelles…), cannot be
 *   classified: it is listed with its reason, never silently dropped.
 * - Re-employment and recycled spend come from the "Label qualité" column (quality.ts). When no
 *   line of the year has that column filled, the shares are not measurable (null), and the table
 *   still gives the spend per category and the amounts the minimum represents.
 * - Years are civil years (the duty and the declaration are yearly): every line of each civil year
 *   touched by the period counts; a year the period does not fully cover is flagged.
 * - Amounts are net of credit notes (avoirs are negative lines).
 */
import { civilYearsOf, isFullYearIn, yearIndexOf } from "../indicators/civil-years";
import type { SourceRef, SpendLine } from "../model";
import type { Period } from "../period";
import {
  AGEC_CATEGORIES,
  agecMinimumFor,
  defaultAgecReference,
  type AgecCategoryId,
  type AgecReference,
  type AgecYearMinimum,
} from "../reference/agec-egalim";
import { agecOriginOf } from "./quality";

/** How the line was put in its category. */
export type AgecRule = "cpv" | "budgetArticle";

export type AgecStatus =
  /** Every minimum of the year is reached. */
  | "reached"
  /** At least one minimum is not reached. */
  | "notReached"
  /** A minimum of the year is unknown (to be typed in Paramètres). */
  | "minimumUnknown"
  /** No re-employment / recycled information in the data for the year. */
  | "notMeasurable"
  /** Before 2021: no duty. */
  | "noDuty";

export interface AgecCategoryYear {
  category: AgecCategoryId;
  label: string;
  year: number;
  /** The period covers the whole civil year. */
  yearComplete: boolean;
  lines: number;
  /** Lines classified by CPV, by budget article. */
  byCpv: number;
  byArticle: number;
  spendCents: number;
  reuseCents: number;
  recycledCents: number;
  /** Shares in % of spendCents (2 decimals); null when not measurable or spend ≤ 0. */
  reuseShare: number | null;
  recycledShare: number | null;
  /** Re-employment + recycled (the combined share of décret 2021-254). */
  combinedShare: number | null;
  minimum: AgecYearMinimum;
  /** Share − minimum, percentage points; null when either is unknown. */
  reuseGap: number | null;
  recycledGap: number | null;
  combinedGap: number | null;
  /** Spend the minimum represents (minimum % × spend), cents; null when the minimum is unknown. */
  reuseTargetCents: number | null;
  recycledTargetCents: number | null;
  combinedTargetCents: number | null;
  status: AgecStatus;
}

export type AgecUnclassifiedReason = "noCode" | "broadArticle";

export interface AgecUnclassifiedLine {
  source: SourceRef;
  date: number;
  year: number;
  amountCents: number;
  entity: string;
  supplier: string;
  description: string | null;
  cpv: string | null;
  budgetArticle: string | null;
  reason: AgecUnclassifiedReason;
}

export interface AgecResult {
  /** Civil years, ascending. */
  years: number[];
  /** One row per category with spend, and year (category order of AGEC_CATEGORIES). */
  rows: AgecCategoryYear[];
  /** Lines that could not be classified, largest amounts first. */
  unclassified: AgecUnclassifiedLine[];
  unclassifiedCents: number;
  /** Lines outside the duty (a CPV or an article of no category). */
  outOfScopeLines: number;
  outOfScopeCents: number;
  /** Lines considered (the civil years of the period), and their net spend. */
  lines: number;
  spendCents: number;
  /** Some line of the years has the Label qualité column filled. */
  hasOriginData: boolean;
}

/** Budget articles too broad to tell whether a supply is in a category. */
export const AGEC_BROAD_ARTICLES: readonly string[] = [
  "6063",
  "6068",
  "6061",
  "6066",
  "2188",
  "2158",
];

interface Matcher {
  prefix: string;
  category: AgecCategoryId;
}

const CPV_MATCHERS: Matcher[] = AGEC_CATEGORIES.flatMap((c) =>
  c.cpvPrefixes.map((prefix) => ({ prefix, category: c.id }))
).sort((a, b) => b.prefix.length - a.prefix.length);

const ARTICLE_MATCHERS: Matcher[] = AGEC_CATEGORIES.flatMap((c) =>
  c.budgetArticles.map((prefix) => ({ prefix, category: c.id }))
).sort((a, b) => b.prefix.length - a.prefix.length);

export type AgecClassification =
  | { kind: "category"; category: AgecCategoryId; rule: AgecRule }
  | { kind: "outOfScope" }
  | { kind: "unclassified"; reason: AgecUnclassifiedReason };

/** The AGEC category of a line from its CPV, else its budget article. */
export function classifyAgec(line: Pick<SpendLine, "cpv" | "budgetArticle">): AgecClassification {
  const cpv = line.cpv?.replace(/\D/g, "") ?? "";
  if (cpv !== "") {
    const m = CPV_MATCHERS.find((x) => cpv.startsWith(x.prefix));
    return m ? { kind: "category", category: m.category, rule: "cpv" } : { kind: "outOfScope" };
  }
  const article = line.budgetArticle?.replace(/\s/g, "") ?? "";
  if (article !== "") {
    const m = ARTICLE_MATCHERS.find((x) => article.startsWith(x.prefix));
    if (m) return { kind: "category", category: m.category, rule: "budgetArticle" };
    if (AGEC_BROAD_ARTICLES.some((p) => article.startsWith(p)))
      return { kind: "unclassified", reason: "broadArticle" };
    return { kind: "outOfScope" };
  }
  return { kind: "unclassified", reason: "noCode" };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 100 : null;
}

function gap(value: number | null, minimum: number | null): number | null {
  return value === null || minimum === null ? null : Math.round((value - minimum) * 100) / 100;
}

function target(minimum: number | null, spendCents: number): number | null {
  return minimum === null ? null : Math.round((minimum * spendCents) / 100);
}

interface Tally {
  lines: number;
  byCpv: number;
  byArticle: number;
  spend: number;
  reuse: number;
  recycled: number;
}

function statusOf(row: Omit<AgecCategoryYear, "status">, measurable: boolean): AgecStatus {
  const m = row.minimum;
  if (m.decree === null) return "noDuty";
  if (!measurable || row.spendCents <= 0) return "notMeasurable";
  if (!m.known) return "minimumUnknown";
  const gaps =
    m.decree === "2021-254" ? [row.combinedGap, row.reuseGap] : [row.reuseGap, row.recycledGap];
  return gaps.every((g) => g !== null && g >= 0) ? "reached" : "notReached";
}

export function computeAgec(
  lines: readonly SpendLine[],
  period: Period,
  ref: AgecReference = defaultAgecReference()
): AgecResult {
  const cy = civilYearsOf(period);
  const tallies = new Map<string, Tally>();
  const originSeen = new Set<number>();
  const unclassified: AgecUnclassifiedLine[] = [];
  let unclassifiedCents = 0;
  let outOfScopeLines = 0;
  let outOfScopeCents = 0;
  let considered = 0;
  let spendCents = 0;
  for (const line of lines) {
    const yi = yearIndexOf(cy, line.date);
    if (yi < 0) continue;
    considered++;
    spendCents += line.amountHTCents;
    const year = cy.years[yi];
    const origin = agecOriginOf(line.qualityLabel);
    if (origin !== null) originSeen.add(year);
    const c = classifyAgec(line);
    if (c.kind === "outOfScope") {
      outOfScopeLines++;
      outOfScopeCents += line.amountHTCents;
      continue;
    }
    if (c.kind === "unclassified") {
      unclassifiedCents += line.amountHTCents;
      unclassified.push({
        source: line.source,
        date: line.date,
        year,
        amountCents: line.amountHTCents,
        entity: line.entity,
        supplier: line.supplierName ?? line.supplierId ?? line.supplierKey,
        description: line.description ?? line.item ?? null,
        cpv: line.cpv,
        budgetArticle: line.budgetArticle,
        reason: c.reason,
      });
      continue;
    }
    const key = `${c.category}|${year}`;
    let t = tallies.get(key);
    if (!t)
      tallies.set(key, (t = { lines: 0, byCpv: 0, byArticle: 0, spend: 0, reuse: 0, recycled: 0 }));
    t.lines++;
    if (c.rule === "cpv") t.byCpv++;
    else t.byArticle++;
    t.spend += line.amountHTCents;
    if (origin === "reuse") t.reuse += line.amountHTCents;
    else if (origin === "recycled") t.recycled += line.amountHTCents;
  }
  const rows: AgecCategoryYear[] = [];
  for (const def of AGEC_CATEGORIES) {
    cy.years.forEach((year, yi) => {
      const t = tallies.get(`${def.id}|${year}`);
      if (!t) return;
      const measurable = originSeen.has(year);
      const minimum = agecMinimumFor(ref, def.id, year);
      const reuseShare = measurable ? share(t.reuse, t.spend) : null;
      const recycledShare = measurable ? share(t.recycled, t.spend) : null;
      const combinedShare = measurable ? share(t.reuse + t.recycled, t.spend) : null;
      const base: Omit<AgecCategoryYear, "status"> = {
        category: def.id,
        label: def.label,
        year,
        yearComplete: isFullYearIn(cy, yi, period),
        lines: t.lines,
        byCpv: t.byCpv,
        byArticle: t.byArticle,
        spendCents: t.spend,
        reuseCents: t.reuse,
        recycledCents: t.recycled,
        reuseShare,
        recycledShare,
        combinedShare,
        minimum,
        reuseGap: gap(reuseShare, minimum.reusePercent),
        recycledGap: gap(recycledShare, minimum.recycledPercent),
        combinedGap: gap(combinedShare, minimum.combinedPercent),
        reuseTargetCents: target(minimum.reusePercent, t.spend),
        recycledTargetCents: target(minimum.recycledPercent, t.spend),
        combinedTargetCents: target(minimum.combinedPercent, t.spend),
      };
      rows.push({ ...base, status: statusOf(base, measurable) });
    });
  }
  unclassified.sort(
    (a, b) =>
      Math.abs(b.amountCents) - Math.abs(a.amountCents) ||
      (a.source.table < b.source.table ? -1 : a.source.table > b.source.table ? 1 : 0) ||
      a.source.row - b.source.row
  );
  return {
    years: cy.years,
    rows,
    unclassified,
    unclassifiedCents,
    outOfScopeLines,
    outOfScopeCents,
    lines: considered,
    spendCents,
    hasOriginData: originSeen.size > 0,
  };
}
