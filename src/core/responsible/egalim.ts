/**
 * EGalim (code rural et de la pêche maritime, L230-5-1 and R230-30-1): per civil year and entity,
 * the share in value HT of the food purchases that are sustainable and quality products (target
 * 50 %), organic (20 %), and, for meat and fishery products, sustainable and quality (60 % since
 * 2024). Pure: spend lines and reference in, typed result out.
 *
 * Rules (shown in the sheet):
 * - Food purchases: CPV division 15 and agricultural CPV 0311, 0314, 032, 033; without a CPV, the
 *   budget article 60623 "Alimentation". Meat and fish: CPV 151, 152, 0331.
 * - Catering services bought from a provider (CPV 555…) are listed apart: the law counts the food
 *   in the meals, which the provider buys; its figures are to be asked for (the sheet says so).
 * - The quality comes from the "Label qualité" column (quality.ts). A food line with an empty
 *   label counts in the total and not in the EGalim share ("non renseigné" is shown apart).
 * - Years are civil years (R230-30-1: "ces proportions s'apprécient sur une année civile"); the
 *   law measures per restaurant, the closest the data offers is the entity.
 */
import { civilYearsOf, isFullYearIn, yearIndexOf } from "../indicators/civil-years";
import type { SpendLine } from "../model";
import type { Period } from "../period";
import { dayFromYMD } from "../dates";
import {
  defaultEgalimReference,
  EGALIM_SCOPE,
  type EgalimReference,
} from "../reference/agec-egalim";
import { egalimQualityOf } from "./quality";

export type CateringKind = "food" | "meatFish" | "service";

/** The catering kind of a line (meat/fish is also food), or null when it is not catering. */
export function cateringKindOf(
  line: Pick<SpendLine, "cpv" | "budgetArticle">
): CateringKind | null {
  const cpv = line.cpv?.replace(/\D/g, "") ?? "";
  if (cpv !== "") {
    if (EGALIM_SCOPE.serviceCpvPrefixes.some((p) => cpv.startsWith(p))) return "service";
    if (EGALIM_SCOPE.meatFishCpvPrefixes.some((p) => cpv.startsWith(p))) return "meatFish";
    if (EGALIM_SCOPE.foodCpvPrefixes.some((p) => cpv.startsWith(p))) return "food";
    return null;
  }
  const article = line.budgetArticle?.replace(/\s/g, "") ?? "";
  if (EGALIM_SCOPE.foodBudgetArticles.some((p) => article.startsWith(p))) return "food";
  return null;
}

export interface EgalimTotals {
  lines: number;
  /** Food purchases HT (meat and fish included), cents. */
  foodCents: number;
  bioCents: number;
  siqoCents: number;
  otherEgalimCents: number;
  /** bio + siqo + other EGalim. */
  egalimCents: number;
  /** Food lines whose label says something else. */
  nonEgalimCents: number;
  /** Food lines with an empty label. */
  unlabelledCents: number;
  meatFishCents: number;
  meatFishEgalimCents: number;
  meatFishBioCents: number;
  /** Catering services (CPV 555…), not in the shares. */
  serviceCents: number;
  serviceLines: number;
}

export interface EgalimTarget {
  /** Target in %, null when not yet in force that year. */
  percent: number | null;
  /** Share − target, percentage points. */
  gap: number | null;
  /** Spend the target represents minus what was bought, cents (≥ 0 = still to buy). */
  missingCents: number | null;
}

export interface EgalimYear extends EgalimTotals {
  year: number;
  /** null: all entities. */
  entity: string | null;
  yearComplete: boolean;
  egalimShare: number | null;
  bioShare: number | null;
  meatFishShare: number | null;
  quality: EgalimTarget;
  organic: EgalimTarget;
  meatFish: EgalimTarget;
}

export interface EgalimResult {
  /** Some catering purchase (food or catering service) in the civil years of the period. */
  present: boolean;
  /** Some food line has the Label qualité column filled. */
  hasQualityData: boolean;
  years: number[];
  /** Totals per year (entity null), then per year and entity (entity order). */
  byYear: EgalimYear[];
  byEntity: EgalimYear[];
}

function zero(): EgalimTotals {
  return {
    lines: 0,
    foodCents: 0,
    bioCents: 0,
    siqoCents: 0,
    otherEgalimCents: 0,
    egalimCents: 0,
    nonEgalimCents: 0,
    unlabelledCents: 0,
    meatFishCents: 0,
    meatFishEgalimCents: 0,
    meatFishBioCents: 0,
    serviceCents: 0,
    serviceLines: 0,
  };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 100 : null;
}

function targetOf(
  percent: number | null,
  value: number | null,
  partCents: number,
  wholeCents: number
): EgalimTarget {
  if (percent === null) return { percent: null, gap: null, missingCents: null };
  return {
    percent,
    gap: value === null ? null : Math.round((value - percent) * 100) / 100,
    missingCents: wholeCents > 0 ? Math.round((percent * wholeCents) / 100) - partCents : null,
  };
}

function add(t: EgalimTotals, line: SpendLine, kind: CateringKind): void {
  const cents = line.amountHTCents;
  t.lines++;
  if (kind === "service") {
    t.serviceCents += cents;
    t.serviceLines++;
    return;
  }
  t.foodCents += cents;
  const q = egalimQualityOf(line.qualityLabel);
  const egalim = q === "bio" || q === "siqo" || q === "autreEgalim";
  if (q === "bio") t.bioCents += cents;
  else if (q === "siqo") t.siqoCents += cents;
  else if (q === "autreEgalim") t.otherEgalimCents += cents;
  else if (q === "non") t.nonEgalimCents += cents;
  else t.unlabelledCents += cents;
  if (egalim) t.egalimCents += cents;
  if (kind === "meatFish") {
    t.meatFishCents += cents;
    if (egalim) t.meatFishEgalimCents += cents;
    if (q === "bio") t.meatFishBioCents += cents;
  }
}

function finish(
  t: EgalimTotals,
  year: number,
  entity: string | null,
  yearComplete: boolean,
  ref: EgalimReference,
  measurable: boolean
): EgalimYear {
  const yearEnd = dayFromYMD(year, 12, 31);
  const egalimShare = measurable ? share(t.egalimCents, t.foodCents) : null;
  const bioShare = measurable ? share(t.bioCents, t.foodCents) : null;
  const meatFishShare = measurable ? share(t.meatFishEgalimCents, t.meatFishCents) : null;
  const inForce = (since: number) => since <= yearEnd;
  return {
    ...t,
    year,
    entity,
    yearComplete,
    egalimShare,
    bioShare,
    meatFishShare,
    quality: targetOf(
      inForce(ref.qualitySince) ? ref.qualityPercent : null,
      egalimShare,
      t.egalimCents,
      t.foodCents
    ),
    organic: targetOf(
      inForce(ref.qualitySince) ? ref.organicPercent : null,
      bioShare,
      t.bioCents,
      t.foodCents
    ),
    meatFish: targetOf(
      inForce(ref.meatFishSince) && t.meatFishCents > 0 ? ref.meatFishPercent : null,
      meatFishShare,
      t.meatFishEgalimCents,
      t.meatFishCents
    ),
  };
}

export function computeEgalim(
  lines: readonly SpendLine[],
  period: Period,
  ref: EgalimReference = defaultEgalimReference()
): EgalimResult {
  const cy = civilYearsOf(period);
  const perYear = cy.years.map(() => zero());
  const perEntity = cy.years.map(() => new Map<string, EgalimTotals>());
  const labelled = new Set<number>();
  let present = false;
  for (const line of lines) {
    const yi = yearIndexOf(cy, line.date);
    if (yi < 0) continue;
    const kind = cateringKindOf(line);
    if (kind === null) continue;
    present = true;
    if (kind !== "service" && egalimQualityOf(line.qualityLabel) !== null) labelled.add(yi);
    add(perYear[yi], line, kind);
    let e = perEntity[yi].get(line.entity);
    if (!e) perEntity[yi].set(line.entity, (e = zero()));
    add(e, line, kind);
  }
  const byYear: EgalimYear[] = [];
  const byEntity: EgalimYear[] = [];
  cy.years.forEach((year, yi) => {
    if (perYear[yi].lines === 0) return;
    const complete = isFullYearIn(cy, yi, period);
    const measurable = labelled.has(yi);
    byYear.push(finish(perYear[yi], year, null, complete, ref, measurable));
    for (const entity of [...perEntity[yi].keys()].sort((a, b) => a.localeCompare(b, "fr")))
      byEntity.push(
        finish(perEntity[yi].get(entity) as EgalimTotals, year, entity, complete, ref, measurable)
      );
  });
  return { present, hasQualityData: labelled.size > 0, years: cy.years, byYear, byEntity };
}
