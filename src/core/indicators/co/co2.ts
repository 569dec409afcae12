/**
 * CO2 bunching of amounts just below thresholds (SPEC §4).
 *
 * Amounts compared with each threshold in force on their date: the hors-marché spend lines of the
 * period (a purchase under a contract already went through its procedure) and the amounts of the
 * contracts notified in the period (at their launch date, else notification). Upper band
 * [low %, 100 %) of the threshold (low = ref.bunchingLowPercent, 90), lower band of the same width
 * just below ([80 %, 90 %)). Signal when upper ≥ 3 and upper > 1.5 × lower.
 */
import { msg } from "../../messages/render";
import type { ContractLine, Nature } from "../../model";
import { toEuros } from "../../money";
import { dispenseRowAt, euRowAt, type DatedThreshold } from "../../reference/values";
import { rowText, type RowText } from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { euros, thresholdScope } from "../splitting";
import { byKey, notAvailable, round2 } from "../types";

/** Minimum count in the upper band, and upper/lower ratio above which bunching is signalled. */
export const BUNCHING_MIN_COUNT = 3;
export const BUNCHING_RATIO = 1.5;

interface BunchingThreshold {
  key: string;
  kind: "dispense" | "publicité" | "européen";
  nature: string;
  cents: number;
  sources: Set<string>;
  upperLines: number;
  upperContracts: number;
  lowerLines: number;
  lowerContracts: number;
}

/** One threshold (kind × nature × amount in force) and the amounts in the two bands below it. */
export type BunchingThresholdRow = {
  threshold: string;
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
  source: string;
  legalBasis: RowText | null;
  why: RowText | null;
  clear: RowText | null;
  message: string | null;
};

export type CO2Tables = { byThreshold: BunchingThresholdRow[] };

const EMPTY: CO2Tables = { byThreshold: [] };

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
      fr: "Pour chaque seuil : nombre de montants dans [90 %, 100 %) contre [80 %, 90 %) ; signal quand la bande haute est nettement plus peuplée.",
      en: "For each threshold: number of amounts in [90 %, 100 %) against [80 %, 90 %); signal when the upper band is markedly fuller.",
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
      `Art. R2131-12 CCP`
    );

    const count = (t: BunchingThreshold, cents: number, isLine: boolean): void => {
      const scaled = cents * 100;
      if (cents >= t.cents || scaled < floor * t.cents) return;
      if (scaled >= low * t.cents) {
        if (isLine) t.upperLines++;
        else t.upperContracts++;
      } else if (isLine) t.lowerLines++;
      else t.lowerContracts++;
    };
    const countAll = (cents: number, day: number, nature: Nature | null, isLine: boolean): void => {
      const works = nature === "Travaux" ? 1 : 0;
      const d = byNature(
        dispenseCache,
        dispenseRowAt(ctx.ref, day),
        thresholds,
        "dispense",
        "Art. R2122-8 CCP"
      );
      const e = byNature(
        euCache,
        euRowAt(ctx.ref, day),
        thresholds,
        "européen",
        "Seuils européens"
      );
      count(d[works], cents, isLine);
      count(publicityT, cents, isLine);
      count(e[works], cents, isLine);
    };

    const scope = thresholdScope(ctx);
    let linesConsidered = 0;
    let linesN = 0;
    for (const line of scope.outside) {
      if (line.date < ctx.period.start || line.date > ctx.period.end) continue;
      linesConsidered++;
      if (line.amountHTCents <= 0) continue;
      linesN++;
      countAll(line.amountHTCents, line.date, line.nature, true);
    }
    let contractsN = 0;
    for (const c of ctx.contractsInPeriod) {
      const day = contractDate(c);
      if (c.amountCents === null || c.amountCents <= 0 || day === null) continue;
      contractsN++;
      countAll(c.amountCents, day, c.nature, false);
    }
    const coverage = {
      n: linesN + contractsN,
      N: linesConsidered + ctx.contractsInPeriod.length,
      of: "amounts" as const,
    };
    if (linesN + contractsN === 0) return notAvailable(base, msg("na.noAmounts"), coverage, EMPTY);
    const rows: BunchingThresholdRow[] = [];
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
      if (signal) signals++;
      rows.push({
        threshold: `${THRESHOLD_NAME[t.kind]} ${t.nature === "Toutes natures" ? "" : `(${t.nature}) `}${euros(t.cents)}`,
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
        source: [...t.sources].join(" ; "),
        legalBasis: signal ? rowText("law.bunching") : null,
        why: signal ? rowText("why.bunching") : null,
        clear: signal ? rowText("clear.bunching") : null,
        message: signal
          ? `${upper} montants entre ${low} % et 100 % du ${THRESHOLD_NAME[t.kind].toLowerCase()} de ${euros(t.cents)} contre ${lower} juste en dessous : vérifier que les besoins n'ont pas été ajustés pour rester sous le seuil.`
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
      tables: { byThreshold: rows },
    };
  },
});

/** Reference date of a contract for thresholds: launch of the consultation, else notification. */
function contractDate(c: ContractLine): number | null {
  return c.launchDate ?? c.notificationDate;
}

const KIND_RANK = { dispense: 0, publicité: 1, européen: 2 } as const;
const THRESHOLD_NAME = {
  dispense: "Seuil de dispense",
  publicité: "Seuil de publicité",
  européen: "Seuil européen",
} as const;

function byNature(
  cache: Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>,
  row: DatedThreshold,
  thresholds: Map<string, BunchingThreshold>,
  kind: "dispense" | "européen",
  legal: string
): [BunchingThreshold, BunchingThreshold] {
  let pair = cache.get(row);
  if (!pair) {
    const source = `${legal} — ${row.source}`;
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

function bunchingThreshold(
  thresholds: Map<string, BunchingThreshold>,
  kind: BunchingThreshold["kind"],
  nature: string,
  cents: number,
  source: string
): BunchingThreshold {
  const key = `${kind}|${nature}|${cents}`;
  let t = thresholds.get(key);
  if (!t) {
    t = {
      key,
      kind,
      nature,
      cents,
      sources: new Set(),
      upperLines: 0,
      upperContracts: 0,
      lowerLines: 0,
      lowerContracts: 0,
    };
    thresholds.set(key, t);
  }
  t.sources.add(source);
  return t;
}
