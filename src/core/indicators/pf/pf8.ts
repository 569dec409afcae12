/** PF8 payment: average DGP, share late, interest and indemnities (SPEC §4); compute in ../performance.ts. */
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";
import { computePF8 } from "../performance";

export const PF8 = defineIndicator({
  id: "PF8",
  group: "PF",
  unit: "%",
  label: { fr: "Paiements en retard", en: "Late payments" },
  headline: {
    fr: "paiements en retard (% des factures payées)",
    en: "late payments (% of paid invoices)",
  },
  doc: {
    definition: {
      fr: "Part des factures payées au-delà du délai global de paiement, délai moyen, intérêts moratoires et indemnités forfaitaires dus.",
      en: "Share of invoices paid after the maximum payment time, average payment time, late-payment interest and flat indemnities due.",
    },
    formula: {
      fr: "DGP = date de paiement − date de réception ; en retard si DGP > 30 jours (50 pour les établissements publics de santé) ; intérêts = TTC × (taux BCE + 8 points) × jours de retard / 365 ; indemnité de 40 € par facture.",
      en: "Payment time = payment date − receipt date; late when > 30 days (50 for public hospitals); interest = amount incl. VAT × (ECB rate + 8 points) × days late / 365; €40 flat indemnity per invoice.",
    },
    source: {
      fr: "Art. R2192-10, R2192-31 et D2192-35 du code de la commande publique.",
      en: "Art. R2192-10, R2192-31 and D2192-35 of the public procurement code.",
    },
    howToImprove: {
      fr: "Dématérialisez la chaîne de la dépense (Chorus Pro), suivez le délai de service fait et de mandatement, payez les intérêts dus sans demande.",
      en: "Digitise the expenditure chain (Chorus Pro), track certification and payment-order times, pay the interest due without being asked.",
    },
  },
  compute: (ctx) =>
    fromLegacy(computePF8(ctx), [
      {
        pattern: /^Aucune ligne avec les dates de réception de la facture et de paiement\.$/,
        message: () => msg("na.noPaymentDates"),
      },
      {
        pattern:
          /^Délai global de paiement : (\d+) jours \((\d+) jours pour les établissements publics de santé\)$/,
        message: (m) => msg("ref.paymentDelay", { days: Number(m[1]), hospitalDays: Number(m[2]) }),
      },
    ]),
});
