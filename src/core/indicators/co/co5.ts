/**
 * CO5 Loi Climat gaps (SPEC §4).
 *
 * Loi Climat et Résilience, art. 35: the obligations apply to the consultations **launched** from
 * ref.loiClimatStart (2026-08-21). Concerned: contracts whose launch date is within the period and
 * on or after that day. A contract without a launch date is never counted as a gap (it may predate
 * the day): when its notification is on or after the day, it is listed "à vérifier (date de
 * lancement inconnue)". Gaps:
 * - environment: when the data says which consideration (DECP 2024 "Critère environnemental" /
 *   "Clause environnementale"), the award criterion (L2152-7) and the execution clause (L2112-2)
 *   are two obligations, each a gap when missing; otherwise a contract without any environmental
 *   consideration is one gap (both articles cited);
 *   a marché passé sans publicité ni mise en concurrence has no award criteria, so only the
 *   execution clause (L2112-2) is required of it;
 * - social: at or above the EU threshold in force at launch, without social consideration (L2112-2-1).
 * A consideration left blank (null) is not a gap but "non renseignée", counted apart. The headline
 * counts gaps (a contract may have several).
 */
import { frenchDate, isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { ContractLine } from "../../model";
import { toEuros } from "../../money";
import { euRowAt } from "../../reference/values";
import { coded, paramsJson, type MessageCode } from "../compliance-messages";
import {
  considerationText,
  rowText,
  rowTextOf,
  rowTexts,
  type Consideration,
  type RowText,
  type RowTexts,
  type SignalCodes,
} from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { DIRECT_AWARD } from "../performance";
import { notAvailable } from "../types";
import { natureLabel } from "./row-labels";

/** A missing (or not filled) consideration of a contract launched under the Loi Climat. */
export type LoiClimatGapRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  /** Launch date. */
  date: string;
  nature: string;
  amount: number | null;
  euThreshold: number | null;
  consideration: RowText;
  status: "absente" | "non renseignée";
  message: RowText;
  messageCode: string;
  messageParams: string;
  /** The articles: both of L2152-7 and L2112-2 when the data does not say which consideration. */
  legalBasis: RowText | RowTexts;
  why: RowText;
  clear: RowText;
  clearCode: string;
};

/** A contract notified since the Loi Climat start without a launch date: to check, never a gap. */
export type LaunchUnknownRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  notificationDate: string;
  status: "à vérifier (date de lancement inconnue)";
  message: RowText;
} & SignalCodes;

export type CO5Tables = { gaps: LoiClimatGapRow[]; launchUnknown: LaunchUnknownRow[] };

const EMPTY: CO5Tables = { gaps: [], launchUnknown: [] };

const base = { id: "CO5", group: "CO", unit: "count" } as const;

export const CO5 = defineIndicator<CO5Tables>({
  ...base,
  label: {
    fr: "Loi Climat : considérations obligatoires manquantes",
    en: "Loi Climat: missing mandatory considerations",
  },
  headline: { fr: "manques loi Climat (nombre)", en: "Loi Climat gaps (count)" },
  doc: {
    definition: {
      fr: "Marchés lancés à compter du 21 août 2026 sans considération environnementale, et, au-delà des seuils européens, sans considération sociale. Signal à vérifier.",
      en: "Contracts launched from 21 August 2026 without an environmental consideration and, above EU thresholds, without a social consideration. A signal to check.",
    },
    formula: {
      fr: "Marchés lancés (sinon notifiés) depuis le 21/08/2026 : considération environnementale absente, ou considération sociale absente au-delà du seuil européen ; non renseignées signalées à compléter.",
      en: "Contracts launched (else notified) since 21/08/2026: no environmental consideration, or no social consideration above the EU threshold; missing data flagged to complete.",
    },
    source: {
      fr: "Loi n° 2021-1104 du 22 août 2021 (Climat et Résilience), art. 35 ; art. L2112-2 et L2152-7 du code de la commande publique.",
      en: "Law no. 2021-1104 of 22 August 2021 (Climate and Resilience), art. 35; art. L2112-2 and L2152-7 of the public procurement code.",
    },
    howToImprove: {
      fr: "Intégrez un critère ou une condition d'exécution environnementale dans chaque marché, et une clause sociale au-delà des seuils européens.",
      en: "Include an environmental criterion or performance condition in every contract, and a social clause above EU thresholds.",
    },
  },
  compute(ctx) {
    const start = ctx.ref.loiClimatStart.value;
    const from = Math.max(start, ctx.period.start);
    const concerned: ContractLine[] = [];
    const launchUnknown: LaunchUnknownRow[] = [];
    for (const c of ctx.contracts) {
      if (c.launchDate !== null) {
        if (c.launchDate >= from && c.launchDate <= ctx.period.end) concerned.push(c);
        continue;
      }
      const n = c.notificationDate;
      if (n !== null && n >= from && n <= ctx.period.end) {
        const text = coded("CO5.launchUnknown", {
          ref: c.contractRef,
          entity: c.entity,
          notified: frenchDate(n),
          start: frenchDate(start),
        });
        launchUnknown.push({
          contractRef: c.contractRef,
          entity: c.entity,
          description: c.description,
          notificationDate: isoDate(n),
          status: "à vérifier (date de lancement inconnue)",
          message: rowTextOf(text),
          messageCode: text.code,
          messageParams: paramsJson(text.params),
          legalBasis: rowText("law.loiClimatCriterion"),
          clear: rowText("clear.launchDate", { start: frenchDate(start) }),
          clearCode: "clear.launchDate",
        });
      }
    }
    const envKnown = concerned.filter((c) => c.environmentalConsideration !== null).length;
    const coverage = { n: envKnown, N: concerned.length, of: "contracts" as const };
    if (concerned.length === 0) {
      if (launchUnknown.length === 0)
        return notAvailable(
          base,
          msg("na.noContractSinceLoiClimat", { date: frenchDate(start) }),
          coverage,
          EMPTY
        );
      return notAvailable(
        base,
        msg("na.noContractSinceLoiClimatLaunchUnknown", {
          date: frenchDate(start),
          count: launchUnknown.length,
        }),
        coverage,
        { gaps: [], launchUnknown },
        null,
        { launchDateUnknown: launchUnknown.length }
      );
    }
    const rows: LoiClimatGapRow[] = [];
    let envGaps = 0;
    let envUnknown = 0;
    let criterionGaps = 0;
    let clauseGaps = 0;
    let socialGaps = 0;
    let socialUnknown = 0;
    let socialAmountUnknown = 0;
    let socialApplicableKnown = 0;
    let criterionNotApplicable = 0;
    for (const c of concerned) {
      const day = c.launchDate as number;
      // A marché passé sans publicité ni mise en concurrence has no award criteria: L2152-7
      // cannot apply; the execution conditions of L2112-2 still do.
      const direct = c.procedure === DIRECT_AWARD;
      const criterion = c.environmentalCriterion ?? null;
      const clause = c.environmentalClause ?? null;
      if (criterion !== null && clause !== null) {
        if (!criterion && direct) criterionNotApplicable++;
        else if (!criterion) {
          criterionGaps++;
          rows.push(
            gapRow(start, c, day, "critère environnemental", "absente", null, "law.loiClimatCriterion")
          );
        }
        if (!clause) {
          clauseGaps++;
          rows.push(
            gapRow(start, c, day, "clause environnementale", "absente", null, "law.loiClimatClause")
          );
        }
      } else {
        if (c.environmentalConsideration === false) envGaps++;
        if (c.environmentalConsideration === null) envUnknown++;
        if (c.environmentalConsideration !== true) {
          rows.push(
            gapRow(
              start,
              c,
              day,
              direct ? "clause environnementale" : "environnementale",
              c.environmentalConsideration === false ? "absente" : "non renseignée",
              null,
              direct ? "law.loiClimatClause" : "law.loiClimatCriterion"
            )
          );
        }
      }
      if (c.amountCents === null) {
        socialAmountUnknown++;
        continue;
      }
      const row = euRowAt(ctx.ref, day);
      const eu = c.nature === "Travaux" ? row.worksCents : row.suppliesServicesCents;
      if (c.amountCents < eu) continue;
      if (c.socialConsideration !== null) socialApplicableKnown++;
      if (c.socialConsideration === false) socialGaps++;
      if (c.socialConsideration === null) socialUnknown++;
      if (c.socialConsideration !== true) {
        rows.push(
          gapRow(
            start,
            c,
            day,
            "sociale",
            c.socialConsideration === false ? "absente" : "non renseignée",
            eu,
            "law.loiClimatSocial"
          )
        );
      }
    }
    if (envKnown === 0 && socialApplicableKnown === 0) {
      return notAvailable(
        base,
        msg("na.considerationsNotGiven", { count: concerned.length, date: frenchDate(start) }),
        coverage,
        EMPTY
      );
    }
    return {
      ...base,
      value: envGaps + criterionGaps + clauseGaps + socialGaps,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        contractsConcerned: concerned.length,
        environmentalGaps: envGaps,
        environmentalCriterionGaps: criterionGaps,
        environmentalClauseGaps: clauseGaps,
        environmentalNotFilled: envUnknown,
        criterionNotApplicableDirectAwards: criterionNotApplicable,
        socialGaps,
        socialNotFilled: socialUnknown,
        amountNotFilled: socialAmountUnknown,
        launchDateUnknown: launchUnknown.length,
        contractsWithGap: new Set(
          rows.filter((r) => r.status === "absente").map((r) => r.contractRef)
        ).size,
        source: ctx.ref.loiClimatStart.source,
      },
      tables: { gaps: rows, launchUnknown },
    };
  },
});

const GAP_WHAT: Record<Consideration, MessageCode> = {
  environnementale: "CO5.what.environmental",
  "critère environnemental": "CO5.what.criterion",
  "clause environnementale": "CO5.what.clause",
  sociale: "CO5.what.social",
};

function gapRow(
  start: number,
  c: ContractLine,
  day: number,
  consideration: Consideration,
  status: LoiClimatGapRow["status"],
  eu: number | null,
  law: MessageCode
): LoiClimatGapRow {
  const what = { code: GAP_WHAT[consideration] };
  const text = coded(status === "absente" ? "CO5.gap" : "CO5.notFilled", {
    ref: c.contractRef,
    entity: c.entity,
    launched: frenchDate(day),
    what,
    start: frenchDate(start),
  });
  const legal =
    consideration === "environnementale"
      ? rowTexts(["law.loiClimatCriterion", "law.loiClimatClause"])
      : rowText(law);
  return {
    contractRef: c.contractRef,
    entity: c.entity,
    description: c.description,
    date: isoDate(day),
    nature: natureLabel(c.nature),
    amount: c.amountCents === null ? null : toEuros(c.amountCents),
    euThreshold: eu === null ? null : toEuros(eu),
    consideration: considerationText(consideration),
    status,
    message: rowTextOf(text),
    messageCode: text.code,
    messageParams: paramsJson(text.params),
    legalBasis: legal,
    why: rowText("why.loiClimat"),
    clear: rowText("clear.loiClimat"),
    clearCode: "clear.loiClimat",
  };
}
