/**
 * Sommaire (issue #12, item 4): the workbook's table of contents, first sheet — one line per
 * sheet (its name linking to it, what it holds) and, under it, one line per main section of the
 * sheet (its section titles), each linking to its row. Built from the other sheets' specs, so a
 * new sheet or section appears without touching this builder.
 */
import { plainValue, type SheetKey, type SheetSpec } from "../spec";
import { textCell } from "../cells";
import { pick, type Pair } from "../labels";
import { SheetBuilder, type BuildContext } from "../layout";

const TEXTS = {
  title: ["Sommaire du rapport d'analyse des achats", "Purchasing analysis report: contents"],
  intro: [
    "Cliquez sur le nom d'une feuille ou d'une section pour y aller. Les indicateurs sont expliqués sur la feuille Indicateurs ; chaque tuile du tableau de bord renvoie à sa fiche.",
    "Click a sheet or section name to go there. The indicators are explained on the Indicators sheet; every dashboard tile links to its card.",
  ],
  sheet: ["Feuille", "Sheet"],
  content: ["Contenu", "Content"],
} as const satisfies Record<string, Pair>;

/** One line on what each sheet holds. */
const ABOUT: Partial<Record<SheetKey, Pair>> = {
  synthese: [
    "Une page pour les élus : chiffres clés, graphiques, commentaire de la direction",
    "One page for elected members: key figures, charts, comment",
  ],
  dashboard: [
    "Indicateurs clés, graphiques, rapprochement des données",
    "Key indicators, charts, data reconciliation",
  ],
  cartographie: [
    "Dépense par famille d'achat, nature et entité",
    "Spend by family, nature and entity",
  ],
  fournisseurs: [
    "Fournisseurs : concentration, longue traîne, détail",
    "Suppliers: concentration, long tail, detail",
  ],
  conformite: [
    "Signaux de conformité au code de la commande publique",
    "Public procurement compliance signals",
  ],
  mutualisation: [
    "Achats mutualisés et candidats à la mutualisation",
    "Pooled purchasing and candidates",
  ],
  responsable: [
    "Achats responsables : PNAD, PME, local, insertion, AGEC, EGalim",
    "Responsible purchasing",
  ],
  territoires: [
    "Dépense et qualité de service par territoire",
    "Spend and service quality by territory",
  ],
  comparaison: ["Comparaison avec d'autres collectivités", "Comparison with other organisations"],
  anomalies: [
    "Lignes rejetées ou avec avertissement, avec leur raison",
    "Rejected or flagged rows, with their reason",
  ],
  historique: ["Une ligne par période analysée", "One row per analysed period"],
  indicateurs: [
    "Méthode : définition, calcul, source et levier de chaque indicateur",
    "Method: definition, computation, source and lever of each indicator",
  ],
  plan: [
    "Plan stratégique d'achat pré-rempli (à compléter)",
    "Pre-filled strategic purchasing plan (to complete)",
  ],
  diagnostic: [
    "Diagnostic 360° de la fonction achat (à compléter)",
    "360 assessment of the purchasing function (to complete)",
  ],
  attentes: [
    "Questionnaire des attentes des territoires (à compléter)",
    "Territories' expectations questionnaire (to complete)",
  ],
  parametres: [
    "Valeurs de référence et seuils utilisés (modifiables)",
    "Reference values and thresholds used (editable)",
  ],
};

function t(lang: BuildContext["lang"], key: keyof typeof TEXTS): string {
  return pick(lang, TEXTS[key]);
}

/** First visible column of a sheet (the Plan's column A holds hidden keys). */
function firstVisibleColumn(s: SheetSpec): number {
  const hidden = new Set(s.columnWidths.filter((w) => w.hidden).map((w) => w.col));
  let c = 0;
  while (hidden.has(c)) c++;
  return c;
}

/** The first written cell of a sheet (its title), in its visible columns. */
function topLeft(s: SheetSpec): { row: number; col: number } {
  const first = firstVisibleColumn(s);
  let best: { row: number; col: number } | null = null;
  for (const b of s.blocks) {
    if (b.col < first) continue;
    if (!best || b.row < best.row || (b.row === best.row && b.col < best.col))
      best = { row: b.row, col: b.col };
  }
  return best ?? { row: 0, col: first };
}

/** The main sections of a sheet: its "section" lines in the first visible column, in order. */
export function sectionsOf(s: SheetSpec): { row: number; col: number; title: string }[] {
  const col = firstVisibleColumn(s);
  return s.blocks
    .filter(
      (b) =>
        b.style === "section" && b.col === col && typeof plainValue(b.values[0][0]) === "string"
    )
    .sort((a, b) => a.row - b.row)
    .map((b) => ({ row: b.row, col: b.col, title: String(plainValue(b.values[0][0])) }));
}

export function buildSommaire(ctx: BuildContext, sheets: readonly SheetSpec[]): SheetSpec {
  const sb = new SheetBuilder(ctx, "sommaire", "replace");
  const { lang } = ctx;
  sb.tabColor = "#1F3864";
  sb.widths.set(0, 34);
  sb.widths.set(1, 62);
  sb.header(t(lang, "title"), 0, 2);
  sb.span(sb.cursor, 0, t(lang, "intro"), "tileNote", 2);
  sb.cursor += 2;
  sb.block(sb.cursor++, 0, [[t(lang, "sheet"), t(lang, "content")]], { style: "header" });
  for (const s of sheets) {
    if (s.key === "sommaire" || s.hidden) continue;
    const row = sb.cursor++;
    const about = ABOUT[s.key];
    sb.cell(row, 0, textCell(s.name), "subtitle");
    const top = topLeft(s);
    sb.link(row, 0, {
      sheet: s.key,
      range: { r1: top.row, c1: top.col, r2: top.row, c2: top.col },
    });
    if (about) sb.cell(row, 1, textCell(pick(lang, about)), "tileNote");
    for (const sec of sectionsOf(s)) {
      const r = sb.cursor++;
      sb.cell(r, 1, textCell(`› ${sec.title}`), "link");
      sb.link(r, 1, {
        sheet: s.key,
        range: { r1: sec.row, c1: sec.col, r2: sec.row, c2: sec.col },
      });
    }
  }
  sb.print({ orientation: "portrait", titleRow: null });
  return sb.build();
}
