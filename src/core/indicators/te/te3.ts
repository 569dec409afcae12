/** TE3 local supplier share per territory (SPEC §4). */
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import { noTerritoryLinesReason, territoryName, territoryScan } from "../territories";
import { euros, notAvailable, pct, percent, round2 } from "../types";

export type TerritoryLocalRow = {
  territory: string | null;
  amount: number;
  amountWithKnownDepartements: number;
  localAmount: number;
  localSharePercent: number | null;
  linesWithKnownDepartements: number;
  lines: number;
};

export type TE3Tables = { byTerritory: TerritoryLocalRow[] };

const base = { id: "TE3", group: "TE", unit: "%" } as const;

export const TE3 = defineIndicator<TE3Tables>({
  ...base,
  label: { fr: "Part des fournisseurs locaux", en: "Local supplier share" },
  headline: {
    fr: "part des fournisseurs locaux (% de la dépense)",
    en: "local supplier share (% of spend)",
  },
  doc: {
    definition: {
      fr: "Part de la dépense faite auprès de fournisseurs du département de l'entité (à défaut, du département du territoire de la ligne), par territoire.",
      en: "Share of spend made with suppliers of the entity's département (failing that, the département of the line's territory), per territory.",
    },
    formula: {
      fr: "Comme RE4 : Σ dépense locale / Σ dépense des lignes dont les deux départements sont connus × 100, en tout et par territoire.",
      en: "As RE4: Σ local spend / Σ spend of the lines whose two départements are known × 100, overall and per territory.",
    },
    source: {
      fr: "Code officiel géographique (INSEE) ; tables Entités, Territoires et Fournisseurs, code postal du fournisseur.",
      en: "Official geographic code (INSEE); Entities, Territories and Suppliers tables, supplier postcode.",
    },
    howToImprove: {
      fr: "Pour les familles de proximité, prévoyez des lots géographiques accessibles aux entreprises locales.",
      en: "For proximity families, provide geographic lots open to local businesses.",
    },
  },
  compute(ctx) {
    const { scan: s, figures } = territoryScan(ctx);
    const coverage = { n: s.localKnownLines, N: s.lines, of: "lines" as const };
    const empty = { byTerritory: [] };
    if (s.lines === 0) return notAvailable(base, noTerritoryLinesReason(ctx), coverage, empty);
    if (s.localKnownLines === 0)
      return notAvailable(base, msg("na.departementsUnknown"), coverage, empty);
    const byTerritory = figures.flatMap((f) => {
      const t = s.territories.get(f.name);
      if (t === undefined) return [];
      return [
        {
          territory: territoryName(t.name),
          amount: euros(t.cents),
          amountWithKnownDepartements: euros(t.localKnownCents),
          localAmount: euros(t.localCents),
          localSharePercent: pct(t.localCents, t.localKnownCents),
          linesWithKnownDepartements: t.localKnownLines,
          lines: t.lines,
        },
      ];
    });
    const share = percent(s.localCents, s.localKnownCents);
    const details = {
      localAmount: euros(s.localCents),
      amountWithKnownDepartements: euros(s.localKnownCents),
      knownSharePercent: pct(s.localKnownCents, s.totalCents),
    };
    const tables = { byTerritory };
    if (share === null)
      return notAvailable(base, msg("na.zeroKnownLocalSpend"), coverage, tables, null, details);
    return {
      ...base,
      value: round2(share),
      na: null,
      coverage,
      reference: null,
      status: null,
      details,
      tables,
    };
  },
});
