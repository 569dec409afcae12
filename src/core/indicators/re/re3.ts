/** RE3 SME share of contracts vs OECP (SPEC §4). */
import { msg } from "../../messages/render";
import { AWARDED, defineIndicator } from "../definition";
import {
  addTo,
  byEntityRows,
  share,
  smeOf,
  tally,
  type RateTables,
  type RateTally,
} from "../responsible";
import { notAvailable, round2, type Reference } from "../types";

const EMPTY: RateTables = { byEntity: [] };

const base = { id: "RE3", group: "RE", unit: "%" } as const;

export const RE3 = defineIndicator<RateTables>({
  ...base,
  label: { fr: "Marchés attribués à des PME", en: "Contracts awarded to SMEs" },
  headline: { fr: "marchés attribués à des PME (%)", en: "SME contracts (% of contracts)" },
  doc: {
    definition: {
      fr: "Part des marchés notifiés sur la période attribués à une PME, parmi ceux dont la catégorie du titulaire est connue (registre, sinon table Fournisseurs).",
      en: "Share of the contracts notified in the period awarded to an SME, among those whose holder's category is known (register, else the Suppliers table).",
    },
    formula: {
      fr: "Marchés attribués à une PME / marchés à catégorie connue × 100 ; la part en valeur est donnée à côté.",
      en: "Contracts awarded to an SME / contracts with a known category × 100; the value share is given alongside.",
    },
    source: {
      fr: "OECP, recensement économique de la commande publique 2023 (collectivités) ; définition PME : recommandation 2003/361/CE.",
      en: "OECP, economic census of public procurement 2023 (local authorities); SME definition: recommendation 2003/361/EC.",
    },
    howToImprove: {
      fr: "Allotissez, proportionnez les exigences de capacité, versez des avances et payez vite.",
      en: "Split into lots, keep capacity requirements proportionate, pay advances and pay quickly.",
    },
  },
  basis: AWARDED,
  compute(ctx) {
    const oecp = ctx.ref.oecp;
    const reference: Reference = {
      value: oecp.smeContractsLocalPercent,
      unit: "%",
      label: msg("ref.oecpSme"),
      source: oecp.source,
    };
    const total = tally();
    const byEntity = new Map<string, RateTally>();
    let fromTable = 0;
    for (const c of ctx.contractsInPeriod) {
      const sme = smeOf(ctx, c);
      if (sme === null) continue;
      if (c.sme === null) fromTable++;
      addTo(total, sme, c.amountCents);
      let t = byEntity.get(c.entity);
      if (!t) byEntity.set(c.entity, (t = tally()));
      addTo(t, sme, c.amountCents);
    }
    const coverage = { n: total.known, N: ctx.contractsInPeriod.length, of: "contracts" as const };
    if (ctx.contractsInPeriod.length === 0)
      return notAvailable(base, msg("na.noContractsNotified"), coverage, EMPTY, reference);
    if (total.known === 0)
      return notAvailable(base, msg("na.smeNotGiven"), coverage, EMPTY, reference);
    return {
      ...base,
      value: round2((total.yes / total.known) * 100),
      na: null,
      coverage,
      reference,
      status: null,
      details: {
        contractsKnown: total.known,
        smeContracts: total.yes,
        knownFromSupplierTable: fromTable,
        valueShare: share(total.yesCents, total.knownCents),
        valueReference: oecp.smeValuePercent,
        nationalReference: oecp.smeContractsPercent,
      },
      tables: { byEntity: byEntityRows(byEntity) },
    };
  },
});
