/**
 * RE8 EGalim: share of the food purchases of collective catering that are sustainable and quality
 * products, with the organic sub-share and the meat and fish share, against the targets of the
 * code rural (issue #14). Reads the EGalim result of analysis.responsible
 * (core/responsible/egalim.ts), computed once per analysis (`shared`).
 */
import { msg, type Message } from "../../messages/render";
import { toEuros } from "../../money";
import { computeResponsiblePurchasing } from "../../responsible";
import type { EgalimTarget, EgalimYear } from "../../responsible/egalim";
import { defineIndicator, shared } from "../definition";
import { notAvailable, type Reference, type Status } from "../types";

/** One civil year, all entities (entity = "all entities") or one entity. */
export type EgalimYearRow = {
  year: number;
  yearComplete: boolean;
  entity: string | Message;
  food: number;
  egalim: number;
  bio: number;
  egalimShare: number | null;
  qualityTarget: number | null;
  qualityGap: number | null;
  bioShare: number | null;
  organicTarget: number | null;
  organicGap: number | null;
  meatFish: number;
  meatFishShare: number | null;
  meatFishTarget: number | null;
  meatFishGap: number | null;
  unlabelled: number;
  services: number;
  status: Message;
};

export type RE8Tables = { byYear: EgalimYearRow[] };

const EMPTY: RE8Tables = { byYear: [] };

const base = { id: "RE8", group: "RE", unit: "%" } as const;

type EgalimStatus = "reached" | "notReached" | "notMeasurable" | "noTarget";

/** Every target in force reached, one missed, shares unknown, or no target in force. */
function statusOf(y: EgalimYear): EgalimStatus {
  if (y.egalimShare === null) return "notMeasurable";
  const targets: EgalimTarget[] = [y.quality, y.organic, y.meatFish].filter(
    (t) => t.percent !== null
  );
  if (targets.length === 0) return "noTarget";
  return targets.every((t) => t.gap !== null && t.gap >= 0) ? "reached" : "notReached";
}

function rowOf(y: EgalimYear): EgalimYearRow {
  return {
    year: y.year,
    yearComplete: y.yearComplete,
    entity: y.entity ?? msg("egalim.allEntities"),
    food: toEuros(y.foodCents),
    egalim: toEuros(y.egalimCents),
    bio: toEuros(y.bioCents),
    egalimShare: y.egalimShare,
    qualityTarget: y.quality.percent,
    qualityGap: y.quality.gap,
    bioShare: y.bioShare,
    organicTarget: y.organic.percent,
    organicGap: y.organic.gap,
    meatFish: toEuros(y.meatFishCents),
    meatFishShare: y.meatFishShare,
    meatFishTarget: y.meatFish.percent,
    meatFishGap: y.meatFish.gap,
    unlabelled: toEuros(y.unlabelledCents),
    services: toEuros(y.serviceCents),
    status: msg(`egalim.status.${statusOf(y)}`),
  };
}

export const RE8 = defineIndicator<RE8Tables>({
  ...base,
  label: {
    fr: "EGalim : produits durables et de qualité en restauration collective",
    en: "EGalim: sustainable and quality products in collective catering",
  },
  headline: {
    fr: "part des achats alimentaires en produits durables et de qualité, dont bio (%)",
    en: "share of food purchases that are sustainable and quality products, of which organic (%)",
  },
  doc: {
    definition: {
      fr: "Part, en valeur HT sur l'année civile, des achats alimentaires de la restauration collective qui sont des produits durables et de qualité (bio, label rouge, AOP, IGP, STG, HVE, pêche durable, fermier…), avec la part bio et la part des viandes et produits de la pêche, comparées aux objectifs de la loi EGalim.",
      en: "Share, in value excl. VAT over the civil year, of the food purchases of collective catering that are sustainable and quality products (organic, label rouge, PDO, PGI, TSG, HVE, sustainable fishing, farm products…), with the organic share and the meat and fish share, compared with the EGalim law's targets.",
    },
    formula: {
      fr: "Achats alimentaires : CPV 15 et CPV agricoles 0311, 0314, 032, 033, sinon article 60623 « Alimentation » ; qualité lue dans la colonne « Label qualité ». Valeur = Σ produits durables et de qualité / Σ achats alimentaires × 100, sur la dernière année civile complète de la période (sinon l'année en cours) ; dont bio = Σ bio / Σ achats alimentaires × 100. Les services de restauration (CPV 555) sont à part. Statut : bon si chaque objectif en vigueur est atteint (50 %, dont 20 % bio, et 60 % des viandes et poissons depuis 2024), alerte si l'un ne l'est pas.",
      en: "Food purchases: CPV 15 and agricultural CPV 0311, 0314, 032, 033, else budget article 60623 (food); quality read from the quality label column. Value = Σ sustainable and quality products / Σ food purchases × 100, over the latest full civil year of the period (else the current year); of which organic = Σ organic / Σ food purchases × 100. Catering services (CPV 555) are apart. Status: good when every target in force is reached (50 %, of which 20 % organic, and 60 % of meat and fish since 2024), alert when one is not.",
    },
    source: {
      fr: "Code rural et de la pêche maritime, art. L230-5-1 (loi n° 2018-938 du 30 octobre 2018, art. 24 ; loi n° 2021-1104 du 22 août 2021) et R230-30-1 à R230-30-3 (décret n° 2019-351 du 23 avril 2019).",
      en: "Rural and Maritime Fishing Code, art. L230-5-1 (law no. 2018-938 of 30 October 2018, art. 24; law no. 2021-1104 of 22 August 2021) and R230-30-1 to R230-30-3 (Decree no. 2019-351 of 23 April 2019).",
    },
    howToImprove: {
      fr: "Faites renseigner le label de chaque produit par les fournisseurs (colonne « Label qualité ») ; allotissez les marchés alimentaires par famille de produits et exigez des produits sous signe de qualité ou bio ; demandez au prestataire de restauration ses chiffres EGalim ; télédéclarez chaque année sur « ma cantine ».",
      en: 'Have suppliers give each product\'s label (quality label column); divide food contracts into lots by product family and require quality-sign or organic products; ask the catering provider for its EGalim figures; file the yearly "ma cantine" declaration.',
    },
  },
  compute(ctx) {
    const egalim = shared(ctx, computeResponsiblePurchasing).egalim;
    const tables: RE8Tables = {
      byYear: [
        ...egalim.byYear,
        ...(egalim.byEntity.length > egalim.byYear.length ? egalim.byEntity : []),
      ].map(rowOf),
    };
    if (!egalim.present || egalim.byYear.length === 0)
      return notAvailable(base, msg("na.re8.noCatering"), { n: 0, N: 0, of: "lines" }, EMPTY);
    const complete = egalim.byYear.filter((y) => y.yearComplete);
    const head =
      complete.length > 0 ? complete[complete.length - 1] : egalim.byYear[egalim.byYear.length - 1];
    const year = String(head.year);
    const foodLines = head.lines - head.serviceLines;
    const coverage = { n: foodLines, N: head.lines, of: "lines" as const };
    const ref = ctx.ref.egalim;
    const reference: Reference | null =
      head.quality.percent === null
        ? null
        : {
            value: head.quality.percent,
            unit: "%",
            label: msg("ref.re8.quality", { organic: ref.organicPercent }),
            source: ref.source,
          };
    const details = {
      year: head.year,
      /** 1: the latest full civil year of the period; 0: the current year, incomplete. */
      yearComplete: head.yearComplete ? 1 : 0,
      foodSpend: toEuros(head.foodCents),
      egalimSpend: toEuros(head.egalimCents),
      bioSpend: toEuros(head.bioCents),
      bioShare: head.bioShare,
      organicTarget: head.organic.percent,
      organicGap: head.organic.gap,
      meatFishShare: head.meatFishShare,
      meatFishTarget: head.meatFish.percent,
      meatFishGap: head.meatFish.gap,
      unlabelledSpend: toEuros(head.unlabelledCents),
      servicesSpend: toEuros(head.serviceCents),
    };
    if (foodLines === 0)
      return notAvailable(
        base,
        msg("na.re8.onlyServices", { year }),
        coverage,
        tables,
        reference,
        details
      );
    if (head.foodCents <= 0)
      return notAvailable(base, msg("na.nonPositiveSpend"), coverage, tables, reference, details);
    if (head.egalimShare === null)
      return notAvailable(
        base,
        msg("na.re8.notMeasurable", { year }),
        coverage,
        tables,
        reference,
        details
      );
    const s = statusOf(head);
    const status: Status | null = s === "reached" ? "good" : s === "notReached" ? "alert" : null;
    return {
      ...base,
      value: head.egalimShare,
      na: null,
      coverage,
      reference,
      status,
      details,
      tables,
    };
  },
});
