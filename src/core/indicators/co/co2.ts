/**
 * CO2 bunching of amounts just below thresholds (SPEC §4).
 *
 * Amounts compared with each threshold in force on their date: the hors-marché spend lines of the
 * period (a purchase under a contract already went through its procedure) and the amounts of the
 * contracts notified in the period (at their launch date, else notification). Upper band
 * [low %, 100 %) of the threshold (low = ref.bunchingLowPercent, 90), lower band of the same width
 * just below ([80 %, 90 %)). Signal when upper ≥ 3 and upper > 1.5 × lower. A purchase that a
 * special dispense threshold covers (R2122-9 books other than school books < 90 000 €, R2122-9-1
 * innovative purchases < 100 000 €, décret 2020-893 food in 2020) is compared with that threshold
 * instead of the general one (a book bought for 38 000 € avoids nothing); the books' 90 000 € is
 * the publicity threshold's amount, whose row counts them once. Identical records of
 * one award (a DECP republication) are one amount. The amounts of the upper band of each signal
 * are listed (table upperBandAmounts): the lines and contracts the buyer checks.
 */
import { msg, render, type Message } from "../../messages/render";
import type { ContractLine, Nature } from "../../model";
import { toEuros } from "../../money";
import {
  dispenseForContract,
  dispenseForLines,
  type DispenseThreshold,
} from "../../reference/special-thresholds";
import {
  dispenseRowAt,
  euRowAt,
  specialThresholdName,
  type DatedThreshold,
} from "../../reference/values";
import { coded } from "../compliance-messages";
import { rowText, rowTextOf, type RowText, type RowTexts } from "../compliance-row-texts";
import { isoDate } from "../../dates";
import { defineIndicator } from "../definition";
import { awardsOf } from "../same-award";
import { thresholdScope } from "../splitting";
import { byKey, notAvailable, round2 } from "../types";

/** Minimum count in the upper band, and upper/lower ratio above which bunching is signalled. */
export const BUNCHING_MIN_COUNT = 3;
export const BUNCHING_RATIO = 1.5;

interface BunchingThreshold {
  key: string;
  kind: "dispense" | "publicité" | "européen";
  nature: string;
  /** A special dispense threshold (R2122-9 books, R2122-9-1 innovative…), else undefined. */
  special?: { rule: string; label: string };
  cents: number;
  /** Its sources (legal basis — reference row), by their French text. */
  sources: Map<string, Message>;
  upperLines: number;
  upperContracts: number;
  lowerLines: number;
  lowerContracts: number;
  /** What is in the upper band: the lines and contracts behind a signal. */
  upper: UpperItem[];
}

interface UpperItem {
  cents: number;
  day: number;
  entity: string;
  description: string | null;
  contractRef: string | null;
  samePublications: string | null;
  table: string;
  row: number;
}

/** An amount in the upper band of a signalling threshold: what the buyer checks. */
export type BunchingAmountRow = {
  /** The threshold of the signal ("Seuil de dispense (Fournitures et services) 40 000 €"). */
  threshold: RowText;
  amount: number;
  date: string;
  entity: string;
  description: string | null;
  /** The contract (contracts of the period), null for a hors-marché line. */
  contractRef: string | null;
  /** Other records of the same award (a DECP republication), counted once. */
  samePublications: string | null;
  table: string;
  row: number;
};

/** One threshold (kind × nature × amount in force) and the amounts in the two bands below it. */
export type BunchingThresholdRow = {
  /** "Seuil de dispense (Fournitures et services) 40 000 €". */
  threshold: RowText;
  kind: BunchingThreshold["kind"];
  nature: string;
  thresholdAmount: number;
  lowerBand: string;
  lowerFrom: number;
  lowerCount: number;
  upperBand: string;
  upperFrom: number;
  upperCount: number;
  upperLines: number;
  upperContracts: number;
  ratio: number | null;
  signal: boolean;
  source: RowTexts;
  legalBasis: RowText | null;
  why: RowText | null;
  clear: RowText | null;
  message: RowText | null;
};

export type CO2Tables = { byThreshold: BunchingThresholdRow[]; upperBandAmounts: BunchingAmountRow[] };

const EMPTY: CO2Tables = { byThreshold: [], upperBandAmounts: [] };

const base = { id: "CO2", group: "CO", unit: "count" } as const;

export const CO2 = defineIndicator<CO2Tables>({
  ...base,
  label: {
    fr: "Montants groupés juste sous les seuils",
    en: "Amounts bunched just below thresholds",
  },
  headline: { fr: "signaux de montants groupés (nombre)", en: "bunching signals (count)" },
  doc: {
    definition: {
      fr: "Seuils sous lesquels les montants d'achats se concentrent anormalement (bande de 90 % à 100 % du seuil comparée à la bande juste en dessous). Signal à vérifier.",
      en: "Thresholds below which purchase amounts gather abnormally (the band from 90 % to 100 % of the threshold compared with the band just below). A signal to check.",
    },
    formula: {
      fr: "Pour chaque seuil : nombre de montants dans [90 %, 100 %) contre [80 %, 90 %) ; signal quand la bande haute est nettement plus peuplée. Un achat relevant d'un seuil particulier (livres non scolaires R2122-9, achats innovants R2122-9-1) est comparé à ce seuil ; les enregistrements identiques d'un même marché comptent une fois.",
      en: "For each threshold: number of amounts in [90 %, 100 %) against [80 %, 90 %); signal when the upper band is markedly fuller. A purchase under a special threshold (books other than school books R2122-9, innovative purchases R2122-9-1) is compared with that threshold; identical records of one contract count once.",
    },
    source: {
      fr: "Seuils des art. R2122-8 et R2124-1 du code de la commande publique et avis relatif aux seuils européens.",
      en: "Thresholds of art. R2122-8 and R2124-1 of the public procurement code and the notice on EU thresholds.",
    },
    howToImprove: {
      fr: "Vérifiez que les besoins ne sont pas ajustés pour rester sous un seuil ; évaluez la valeur du besoin sur sa durée totale.",
      en: "Check that needs are not adjusted to stay below a threshold; estimate the value of the need over its whole duration.",
    },
  },
  compute(ctx) {
    const low = ctx.ref.bunchingLowPercent.value;
    const floor = 2 * low - 100;
    const thresholds = new Map<string, BunchingThreshold>();
    const publicity = ctx.ref.publicityThresholdCents;
    const dispenseCache = new Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>();
    const euCache = new Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>();
    const publicityT = bunchingThreshold(
      thresholds,
      "publicité",
      "Toutes natures",
      publicity.value,
      { code: "law.publicity" }
    );

    const count = (t: BunchingThreshold, cents: number, item: UpperItem): void => {
      const isLine = item.contractRef === null;
      const scaled = cents * 100;
      if (cents >= t.cents || scaled < floor * t.cents) return;
      if (scaled >= low * t.cents) {
        if (isLine) t.upperLines++;
        else t.upperContracts++;
        t.upper.push(item);
      } else if (isLine) t.lowerLines++;
      else t.lowerContracts++;
    };
    const countAll = (
      cents: number,
      day: number,
      nature: Nature | null,
      item: UpperItem,
      special: DispenseThreshold
    ): void => {
      const works = nature === "Travaux" ? 1 : 0;
      const d = byNature(dispenseCache, dispenseRowAt(ctx.ref, day), thresholds, "dispense", {
        code: "law.dispense",
      });
      const e = byNature(euCache, euRowAt(ctx.ref, day), thresholds, "européen", {
        code: "CO2.euThresholds",
      });
      // A purchase under a special dispense threshold (R2122-9 books < 90 000 €, R2122-9-1
      // innovative < 100 000 €, décret 2020-893 food) is lawful without procedure up to it: it is
      // compared with that threshold, not with the general one. One equal to the publicity
      // threshold (books, 90 000 €) is the publicity row already (counted once).
      if (special.rule === "R2122-8") count(d[works], cents, item);
      else if (special.cents !== publicity.value)
        count(specialThreshold(thresholds, special), cents, item);
      count(publicityT, cents, item);
      count(e[works], cents, item);
    };

    const scope = thresholdScope(ctx);
    let linesConsidered = 0;
    let linesN = 0;
    for (const line of scope.outside) {
      if (line.date < ctx.period.start || line.date > ctx.period.end) continue;
      linesConsidered++;
      if (line.amountHTCents <= 0) continue;
      linesN++;
      const works = line.nature === "Travaux";
      countAll(line.amountHTCents, line.date, line.nature, {
        cents: line.amountHTCents,
        day: line.date,
        entity: line.entity,
        description: line.description,
        contractRef: null,
        samePublications: null,
        table: line.source.table,
        row: line.source.row,
      }, dispenseForLines(ctx.ref, line.date, works, [line]));
    }
    let contractsN = 0;
    // Identical records of one award (a DECP republication) are one amount, not one per copy.
    const awards = awardsOf(ctx.contractsInPeriod);
    for (const { contract: c, copies } of awards) {
      const day = contractDate(c);
      if (c.amountCents === null || c.amountCents <= 0 || day === null) continue;
      contractsN++;
      countAll(c.amountCents, day, c.nature, {
        cents: c.amountCents,
        day,
        entity: c.entity,
        description: c.description,
        contractRef: c.contractRef,
        samePublications: copies.length === 0 ? null : copies.map((x) => x.contractRef).join(", "),
        table: c.source.table,
        row: c.source.row,
      }, dispenseForContract(ctx.ref, day, c));
    }
    const coverage = {
      n: linesN + contractsN,
      N: linesConsidered + awards.length,
      of: "amounts" as const,
    };
    if (linesN + contractsN === 0) return notAvailable(base, msg("na.noAmounts"), coverage, EMPTY);
    const rows: BunchingThresholdRow[] = [];
    const amounts: BunchingAmountRow[] = [];
    let signals = 0;
    const ordered = [...thresholds.values()];
    ordered.sort(
      (a, b) =>
        KIND_RANK[a.kind] - KIND_RANK[b.kind] || byKey(a.nature, b.nature) || a.cents - b.cents
    );
    for (const t of ordered) {
      const upper = t.upperLines + t.upperContracts;
      const lower = t.lowerLines + t.lowerContracts;
      const signal = upper >= BUNCHING_MIN_COUNT && upper > BUNCHING_RATIO * lower;
      if (signal) {
        signals++;
        const name = thresholdText(t);
        const items = [...t.upper].sort(
          (a, b) => b.cents - a.cents || a.day - b.day || byKey(a.table, b.table) || a.row - b.row
        );
        for (const it of items)
          amounts.push({
            threshold: name,
            amount: toEuros(it.cents),
            date: isoDate(it.day),
            entity: it.entity,
            description: it.description,
            contractRef: it.contractRef,
            samePublications: it.samePublications,
            table: it.table,
            row: it.row,
          });
      }
      rows.push({
        threshold: thresholdText(t),
        kind: t.kind,
        nature: t.nature,
        thresholdAmount: toEuros(t.cents),
        lowerBand: `[${floor} %, ${low} %)`,
        lowerFrom: toEuros(Math.round((t.cents * floor) / 100)),
        lowerCount: lower,
        upperBand: `[${low} %, 100 %)`,
        upperFrom: toEuros(Math.round((t.cents * low) / 100)),
        upperCount: upper,
        upperLines: t.upperLines,
        upperContracts: t.upperContracts,
        ratio: lower === 0 ? null : round2(upper / lower),
        signal,
        source: [...t.sources.values()],
        legalBasis: signal ? rowText("law.bunching") : null,
        why: signal ? rowText("why.bunching") : null,
        clear: signal ? rowText("clear.bunching") : null,
        message: signal
          ? rowTextOf(
              coded("CO2.bunching", {
                upper,
                low,
                thresholdName: { code: THRESHOLD_NAME_IN_TEXT[t.kind] },
                threshold: toEuros(t.cents),
                lower,
              })
            )
          : null,
      });
    }
    return {
      ...base,
      value: signals,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        minCount: BUNCHING_MIN_COUNT,
        ratio: BUNCHING_RATIO,
        upperBandFromPercent: low,
        lowerBandFromPercent: floor,
        linesCounted: linesN,
        contractsCounted: contractsN,
        thresholds: rows.length,
      },
      tables: { byThreshold: rows, upperBandAmounts: amounts },
    };
  },
});

/** Reference date of a contract for thresholds: launch of the consultation, else notification. */
function contractDate(c: ContractLine): number | null {
  return c.launchDate ?? c.notificationDate;
}

const KIND_RANK = { dispense: 0, publicité: 1, européen: 2 } as const;
const THRESHOLD_NAME = {
  dispense: "CO2.kind.dispense",
  publicité: "CO2.kind.publicity",
  européen: "CO2.kind.eu",
} as const;
const THRESHOLD_NAME_IN_TEXT = {
  dispense: "CO2.kindInText.dispense",
  publicité: "CO2.kindInText.publicity",
  européen: "CO2.kindInText.eu",
} as const;
const NATURE_NAME: Record<string, "CO2.nature.suppliesServices" | "CO2.nature.works"> = {
  "Fournitures et services": "CO2.nature.suppliesServices",
  Travaux: "CO2.nature.works",
};

/** "Seuil de dispense (Fournitures et services) 40 000 €", "Seuil de publicité 90 000 €". */
function thresholdText(t: BunchingThreshold): RowText {
  const name: Message = { code: THRESHOLD_NAME[t.kind] };
  if (t.special)
    return rowTextOf(
      coded("CO2.threshold", {
        name,
        nature: specialThresholdName(t.special),
        amount: toEuros(t.cents),
      })
    );
  const nature = NATURE_NAME[t.nature];
  return nature === undefined
    ? rowTextOf(coded("CO2.thresholdAllNatures", { name, amount: toEuros(t.cents) }))
    : rowTextOf(
        coded("CO2.threshold", { name, nature: { code: nature }, amount: toEuros(t.cents) })
      );
}

function byNature(
  cache: Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>,
  row: DatedThreshold,
  thresholds: Map<string, BunchingThreshold>,
  kind: "dispense" | "européen",
  legal: Message
): [BunchingThreshold, BunchingThreshold] {
  let pair = cache.get(row);
  if (!pair) {
    const source = rowTextOf(coded("CO2.source", { legal, source: row.source }));
    pair = [
      bunchingThreshold(
        thresholds,
        kind,
        "Fournitures et services",
        row.suppliesServicesCents,
        source
      ),
      bunchingThreshold(thresholds, kind, "Travaux", row.worksCents, source),
    ];
    cache.set(row, pair);
  }
  return pair;
}

/** The row of a special dispense threshold (its own rule, label and source). */
function specialThreshold(
  thresholds: Map<string, BunchingThreshold>,
  special: DispenseThreshold
): BunchingThreshold {
  const source = rowTextOf(
    coded("CO2.source", { legal: { code: special.legalBasis }, source: special.source })
  );
  const t = bunchingThreshold(thresholds, "dispense", special.label, special.cents, source);
  t.special = { rule: special.rule, label: special.label };
  return t;
}

function bunchingThreshold(
  thresholds: Map<string, BunchingThreshold>,
  kind: BunchingThreshold["kind"],
  nature: string,
  cents: number,
  source: Message
): BunchingThreshold {
  const key = `${kind}|${nature}|${cents}`;
  let t = thresholds.get(key);
  if (!t) {
    t = {
      key,
      kind,
      nature,
      cents,
      sources: new Map(),
      upperLines: 0,
      upperContracts: 0,
      lowerLines: 0,
      lowerContracts: 0,
      upper: [],
    };
    thresholds.set(key, t);
  }
  const text = render("fr", source);
  if (!t.sources.has(text)) t.sources.set(text, source);
  return t;
}
