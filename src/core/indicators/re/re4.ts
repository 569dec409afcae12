/** RE4 local suppliers: spend with suppliers of the entity's département (SPEC §4). */
import { basisContext, basisOf, noRecordsReason, recordUnit } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { toEuros } from "../../money";
import { defineIndicator } from "../definition";
import { departementOf } from "../geography";
import { share, supplierDeptOf } from "../responsible";
import { notAvailable, resultWithoutReference } from "../types";

export type LocalEntityRow = {
  entity: string;
  departement: string;
  lines: number;
  spend: number;
  localSpend: number;
  localShare: number | null;
};

export type RE4Tables = { byEntity: LocalEntityRow[] };

const EMPTY: RE4Tables = { byEntity: [] };

const base = { id: "RE4", group: "RE", unit: "%" } as const;

export const RE4 = defineIndicator<RE4Tables>({
  ...base,
  label: { fr: "Fournisseurs locaux (même département)", en: "Local suppliers (same département)" },
  headline: { fr: "fournisseurs locaux (% de la dépense)", en: "local suppliers (% of spend)" },
  doc: {
    definition: {
      fr: "Part de la dépense HT nette de la période faite auprès de fournisseurs situés dans le département de l'entité acheteuse. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Share of the period's net spend excl. VAT made with suppliers located in the buying entity's département. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "Σ dépense des lignes dont le département du fournisseur (code postal de la ligne, sinon table Fournisseurs) = département de l'entité (table Entités) / Σ dépense des lignes où les deux sont connus × 100.",
      en: "Σ spend of the lines whose supplier département (line postcode, else the Suppliers table) = the entity's département (Entities table) / Σ spend of the lines where both are known × 100.",
    },
    source: {
      fr: "Code officiel géographique (INSEE) ; la préférence locale n'est pas un critère de choix autorisé (art. L3 du code de la commande publique) : indicateur de suivi.",
      en: "Official geographic code (INSEE); local preference is not an allowed award criterion (art. L3 of the public procurement code): a monitoring indicator.",
    },
    howToImprove: {
      fr: "Facilitez l'accès des entreprises du territoire : sourcing, allotissement géographique, publicité adaptée.",
      en: "Make access easier for local businesses: sourcing, geographic lots, suitable publicity.",
    },
  },
  basis: basisOf,
  compute(given) {
    // On a contracts-only input, the contracts' awarded amounts (issue #11 §1).
    const ctx = basisContext(given);
    const supplierDept = new Map<string, string | null>();
    const entityDept = new Map<string, string | null>();
    const postcodeDept = new Map<string, string | null>();
    let covered = 0;
    let coveredCents = 0;
    let localCents = 0;
    let entityKnown = 0;
    const byEntity = new Map<
      string,
      { dept: string; lines: number; cents: number; localCents: number }
    >();
    for (const line of ctx.lines) {
      let ed = entityDept.get(line.entity);
      if (ed === undefined) {
        ed = departementOf(ctx.entities.get(line.entity)?.departement ?? null);
        entityDept.set(line.entity, ed);
      }
      if (ed === null) continue;
      entityKnown++;
      let sd: string | null = null;
      if (line.supplierPostcode !== null) {
        sd = postcodeDept.get(line.supplierPostcode) ?? null;
        if (!postcodeDept.has(line.supplierPostcode))
          postcodeDept.set(line.supplierPostcode, (sd = departementOf(line.supplierPostcode)));
      }
      if (sd === null) sd = supplierDeptOf(ctx, supplierDept, line);
      if (sd === null) continue;
      covered++;
      coveredCents += line.amountHTCents;
      let e = byEntity.get(line.entity);
      if (!e) byEntity.set(line.entity, (e = { dept: ed, lines: 0, cents: 0, localCents: 0 }));
      e.lines++;
      e.cents += line.amountHTCents;
      if (sd === ed) {
        localCents += line.amountHTCents;
        e.localCents += line.amountHTCents;
      }
    }
    const coverage = { n: covered, N: ctx.lines.length, of: recordUnit(ctx) };
    const na =
      ctx.lines.length === 0
        ? noRecordsReason(ctx)
        : entityKnown === 0
          ? msg("na.entityDepartementNotGiven")
          : covered === 0
            ? msg("na.supplierDepartementNotGiven")
            : null;
    if (na !== null) return notAvailable(base, na, coverage, EMPTY);
    const value = share(localCents, coveredCents);
    if (value === null || coveredCents < 0)
      return notAvailable(base, msg("na.nonPositiveCoveredSpend"), coverage, EMPTY);
    return resultWithoutReference(
      base,
      value,
      coverage,
      {
        spendCovered: toEuros(coveredCents),
        spendLocal: toEuros(localCents),
        linesWithEntityDepartement: entityKnown,
      },
      {
        byEntity: [...byEntity.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([entity, e]) => ({
            entity,
            departement: e.dept,
            lines: e.lines,
            spend: toEuros(e.cents),
            localSpend: toEuros(e.localCents),
            localShare: share(e.localCents, e.cents),
          })),
      }
    );
  },
});
