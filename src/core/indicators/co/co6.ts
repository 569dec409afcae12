/**
 * CO6 publication of the essential data (issue #11 §4): contracts of 40 000 € HT or more notified
 * in the period and not found in the published DECP given as input, or published more than two
 * months after their notification (art. R2196-1 CCP). The check itself is the pure function of
 * ../../decp-publication.ts.
 *
 * What is checked against what:
 * - the published DECP = the contracts read from DECP files (JSON or XML, `fromPublishedDecp`);
 * - the register = the other contracts notified in the period (registers, tables); when the input
 *   holds only the DECP, its own records notified in the period are checked for their delay.
 * - N/A when no published DECP is given (nothing to look the contracts up in), or when no
 *   contract of 40 000 € HT or more was notified in the period.
 */
import { addMonths, frenchDate, isoDate } from "../../dates";
import {
  checkPublication,
  PUBLICATION_DELAY_MONTHS,
  PUBLICATION_LEGAL_BASIS,
  publicationDutyAt,
  type PublicationCheck,
  type PublicationFinding,
} from "../../decp-publication";
import type { ContractLine } from "../../model";
import { DECP_THRESHOLD_CENTS } from "../../decp-export";
import { msg, type Message } from "../../messages/render";
import { toEuros } from "../../money";
import { AWARDED, defineIndicator } from "../definition";
import { notAvailable, resultWithoutReference } from "../types";

export type PublicationRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  amount: number | null;
  /** ISO dates (AAAA-MM-JJ). */
  notificationDate: string | null;
  limitDate: string | null;
  publicationDate: string | null;
  daysLate: number | null;
  /** What was found (not found, late, undated) and what to do. */
  finding: Message;
  /** The article of law behind the finding. */
  legalBasis: string;
  /** What would clear the signal. */
  clear: Message;
};

export type CO6Tables = { findings: PublicationRow[] };

const EMPTY: CO6Tables = { findings: [] };

const base = { id: "CO6", group: "CO", unit: "count" } as const;

function row(f: PublicationFinding, finding: Message, clear: Message): PublicationRow {
  const c = f.contract;
  const limit =
    c.notificationDate === null ? null : addMonths(c.notificationDate, PUBLICATION_DELAY_MONTHS);
  const published = f.published?.publicationDate ?? null;
  return {
    contractRef: c.contractRef,
    entity: c.entity,
    description: c.description,
    amount: c.amountCents === null ? null : toEuros(c.amountCents),
    notificationDate: c.notificationDate === null ? null : isoDate(c.notificationDate),
    limitDate: limit === null ? null : isoDate(limit),
    publicationDate: published === null ? null : isoDate(published),
    daysLate: f.daysLate ?? null,
    finding,
    legalBasis: publicationDutyAt(c.notificationDate)?.legalBasis ?? PUBLICATION_LEGAL_BASIS,
    clear,
  };
}

/** The publication delay of each published record, judged on its own publication date. */
function selfCheck(records: readonly ContractLine[]): PublicationCheck {
  const out = checkPublication([], []);
  for (const c of records) {
    const one = checkPublication([c], [c]);
    out.due += one.due;
    out.onTime += one.onTime;
    out.late.push(...one.late);
    out.undated.push(...one.undated);
  }
  return out;
}

export const CO6 = defineIndicator<CO6Tables>({
  ...base,
  label: {
    fr: "Publication des données essentielles (DECP)",
    en: "Publication of the essential data (DECP)",
  },
  headline: {
    fr: "marchés non publiés ou publiés en retard (nombre)",
    en: "contracts not published or published late (count)",
  },
  doc: {
    definition: {
      fr: "Marchés de 40 000 € HT ou plus (25 000 € HT pour ceux notifiés du 1er octobre 2018 au 31 décembre 2019) notifiés sur la période qui ne figurent pas dans les données essentielles (DECP) publiées données en entrée, ou dont les données ont été publiées plus de deux mois après la notification. Signal à vérifier.",
      en: "Contracts of €40,000 excl. VAT or more (€25,000 for those notified from 1 October 2018 to 31 December 2019) notified in the period that are missing from the published essential data (DECP) given as input, or whose data were published more than two months after notification. A signal to check.",
    },
    formula: {
      fr: "Pour chaque marché du registre ≥ 40 000 € HT notifié sur la période : cherché dans les DECP publiées par son numéro (casse et espaces ignorés) et le SIRET de l'acheteur quand les deux le donnent ; en retard si la date de publication des données essentielles dépasse la notification + 2 mois. Valeur = introuvables + en retard ; sans date, le délai n'est pas jugé (listé à part). Sans registre, les DECP seules sont vérifiées pour leur délai.",
      en: "For each register contract ≥ €40,000 excl. VAT notified in the period: looked up in the published DECP by number (case and spaces ignored) and buyer SIRET when both give it; late when the publication date of the essential data is after notification + 2 months. Value = not found + late; without dates the delay is not judged (listed apart). Without a register, the DECP alone are checked for their delay.",
    },
    source: {
      fr: "Art. L2196-2 et R2196-1 du code de la commande publique ; arrêté du 22 décembre 2022 relatif aux données essentielles des marchés publics (seuil de 40 000 € HT, publication dans les deux mois suivant la notification).",
      en: "Art. L2196-2 and R2196-1 of the public procurement code; order of 22 December 2022 on the essential data of public contracts (€40,000 excl. VAT threshold, publication within two months of notification).",
    },
    howToImprove: {
      fr: "Publiez les données essentielles de chaque marché de 40 000 € HT ou plus sur le profil d'acheteur dans les deux mois de sa notification (export DECP d'Optima Achats : commande decp).",
      en: "Publish the essential data of every contract of €40,000 excl. VAT or more on the buyer profile within two months of its notification (Optima Achats DECP export: decp command).",
    },
  },
  basis: AWARDED,
  compute(ctx) {
    // Every published record, from the intake (the context counts a register contract and its
    // publication once, keeping the register's).
    const published = ctx.intake.contracts.filter((c) => c.fromPublishedDecp === true);
    const registerInPeriod = ctx.contractsInPeriod.filter((c) => c.fromPublishedDecp !== true);
    const checked =
      registerInPeriod.length > 0
        ? registerInPeriod
        : ctx.contractsInPeriod.filter((c) => c.fromPublishedDecp === true);
    const dueCount = checked.filter((c) => {
      const duty = publicationDutyAt(c.notificationDate);
      return duty !== null && c.amountCents !== null && c.amountCents >= duty.thresholdCents;
    }).length;
    if (published.length === 0)
      return notAvailable(
        base,
        msg("na.co6.noPublishedDecp"),
        { n: 0, N: dueCount, of: "contracts" },
        EMPTY
      );
    // The DECP alone: each record is its own publication (its datePublicationDonnees).
    const check =
      registerInPeriod.length > 0 ? checkPublication(checked, published) : selfCheck(checked);
    const coverage = {
      n: check.due - check.undated.length,
      N: check.due,
      of: "contracts" as const,
    };
    if (check.due === 0)
      return notAvailable(
        base,
        msg("na.co6.noContractDue", {
          threshold: toEuros(DECP_THRESHOLD_CENTS),
          period: ctx.period.label,
        }),
        coverage,
        EMPTY
      );
    const findings: PublicationRow[] = [
      ...check.notFound.map((f) =>
        row(
          f,
          msg("co6.notFound", {
            amount: toEuros(f.contract.amountCents ?? 0),
            date:
              f.contract.notificationDate === null ? "—" : frenchDate(f.contract.notificationDate),
          }),
          msg("co6.clear.notFound")
        )
      ),
      // A late finding has both dates (checkPublication judges the delay only then).
      ...check.late.map((f) =>
        row(
          f,
          msg("co6.late", {
            published: frenchDate(f.published?.publicationDate as number),
            days: f.daysLate ?? 0,
            limit: frenchDate(
              addMonths(f.contract.notificationDate as number, PUBLICATION_DELAY_MONTHS)
            ),
          }),
          msg("co6.clear.late")
        )
      ),
      ...check.undated.map((f) => row(f, msg("co6.undated"), msg("co6.clear.undated"))),
    ];
    const value = check.notFound.length + check.late.length;
    return resultWithoutReference(
      base,
      value,
      coverage,
      {
        due: check.due,
        onTime: check.onTime,
        notFound: check.notFound.length,
        late: check.late.length,
        undated: check.undated.length,
        publishedRecords: published.length,
        checkedAgainst: registerInPeriod.length > 0 ? "register" : "decp",
        legalBasis: check.legalBasis,
      },
      { findings },
      value > 0 ? "watch" : "good"
    );
  },
});
