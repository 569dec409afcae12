/**
 * AGEC art. 58 and EGalim sections of the Achats responsables sheet (issue #14): the tables a buyer
 * needs to file the two yearly declarations (data.gouv.fr for AGEC, « ma cantine » for EGalim),
 * with the rule used and the dated, sourced targets. Data: analysis.responsible (core/responsible).
 */
import { agecCategoryMessage, agecStatusMessage } from "../../core/indicators/re/re7";
import { msg } from "../../core/messages/render";
import { AGEC_CATEGORIES, agecStepOf, EGALIM_SOURCE } from "../../core/reference/agec-egalim";
import type { AgecCategoryYear } from "../../core/responsible/agec";
import type { EgalimYear } from "../../core/responsible/egalim";
import { fraction, textCell } from "../cells";
import { message, pick, type Pair } from "../labels";
import type { SheetBuilder } from "../layout";
import type { CellValue, TableColumn } from "../spec";
import { columnsFirst } from "./print-band";

const L = (sb: SheetBuilder, p: Pair) => pick(sb.lang, p);
/** Unclassified AGEC lines listed at most (the largest amounts). */
const MAX = 500;
const eur = (cents: number | null) => (cents === null ? null : cents / 100);

/** The source of a category's minimum for its year, in the reader's language. */
function minimumSource(sb: SheetBuilder, r: AgecCategoryYear): string {
  const m = r.minimum;
  if (m.decree === null) return message(sb.lang, msg("agec.source.before2021"));
  if (m.decree === "2021-254") return message(sb.lang, msg("agec.source.2021"));
  const readIn =
    m.valuesReadIn && r.category === "textiles"
      ? message(sb.lang, msg("agec.source.readIn.textiles"))
      : "";
  const step = message(sb.lang, msg("agec.source.step", { step: String(agecStepOf(r.year)) }));
  return message(sb.lang, msg("agec.source.2024")) + step + readIn;
}

function columns(
  sb: SheetBuilder,
  defs: [string, Pair, "eur" | "pct" | "int" | "year" | "text", number?][]
): TableColumn[] {
  return defs.map(([key, header, kind, width]) => {
    const c: TableColumn = {
      key,
      header: L(sb, header),
      width: width ?? (kind === "text" ? 28 : 14),
    };
    if (kind === "eur") c.numberFormat = sb.f.eur2;
    if (kind === "pct") c.numberFormat = sb.f.pct;
    if (kind === "int") c.numberFormat = sb.f.int;
    if (kind === "year") c.numberFormat = sb.f.year;
    if (kind === "text") c.wrap = true;
    return c;
  });
}

export function agecSection(sb: SheetBuilder): void {
  const agec = sb.ctx.analysis.responsible?.agec;
  if (!agec) return;
  const t = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    message(sb.lang, msg(code, params));
  const sep = sb.lang === "fr" ? " ; " : "; ";
  sb.section(t("agec.section.title"));
  sb.note(t("agec.note.declaration"));
  const cols = columns(sb, [
    ["year", ["Année", "Year"], "year", 8],
    ["category", ["Catégorie", "Category"], "text", 34],
    ["lines", ["Lignes", "Lines"], "int"],
    ["rule", ["Classement (CPV / article)", "Matched by (CPV / article)"], "text", 18],
    ["spend", ["Dépense HT", "Spend excl. VAT"], "eur"],
    ["reuse", ["Réemploi ou réutilisation HT", "Re-employment or reuse"], "eur"],
    ["recycled", ["Matières recyclées HT", "Recycled materials"], "eur"],
    ["reuseShare", ["Part réemploi", "Re-employment share"], "pct"],
    ["recycledShare", ["Part recyclée", "Recycled share"], "pct"],
    ["combinedShare", ["Part cumulée", "Combined share"], "pct"],
    ["minReuse", ["Minimum réemploi", "Minimum re-employment"], "pct"],
    ["minRecycled", ["Minimum recyclé", "Minimum recycled"], "pct"],
    ["minCombined", ["Minimum cumulé (2021-254)", "Combined minimum (2021-254)"], "pct"],
    ["targetReuse", ["Montant minimum réemploi HT", "Minimum re-employment amount"], "eur"],
    ["targetRecycled", ["Montant minimum recyclé HT", "Minimum recycled amount"], "eur"],
    ["status", ["Statut", "Status"], "text", 24],
    ["source", ["Source du minimum", "Source of the minimum"], "text", 40],
  ]);
  const rows: CellValue[][] = agec.rows.map((r) => [
    r.year,
    textCell(
      message(sb.lang, agecCategoryMessage(r.category)) +
        (r.yearComplete ? "" : t("agec.partialYear"))
    ),
    r.lines,
    textCell(`${r.byCpv} CPV / ${r.byArticle} article`),
    eur(r.spendCents),
    eur(r.reuseCents),
    eur(r.recycledCents),
    fraction(r.reuseShare),
    fraction(r.recycledShare),
    fraction(r.combinedShare),
    fraction(r.minimum.reusePercent),
    fraction(r.minimum.recycledPercent),
    fraction(r.minimum.combinedPercent),
    eur(r.minimum.decree === "2021-254" ? r.combinedTargetCents : r.reuseTargetCents),
    eur(r.recycledTargetCents),
    textCell(
      message(sb.lang, agecStatusMessage(r.status)) +
        (r.minimum.unverified ? t("agec.unverifiedMinimum") : "")
    ),
    textCell(minimumSource(sb, r)),
  ]);
  // Printed first (the band of the sheet): year, category, spend, the two amounts, the shares
  // and the status, with the minimum's source; the other columns are on screen only.
  const laid = columnsFirst(cols, rows, AGEC_PRINTED);
  const placed = sb.rawTable(
    "tblRespAGEC",
    sb.cursor,
    0,
    laid.columns,
    laid.rows,
    "TableStyleMedium7"
  );
  if (rows.length === 0) sb.note(t("agec.note.none"), 0, placed.lastDataRow + 1);
  sb.cursor = placed.lastDataRow + 2;
  sb.note(
    t("agec.note.rule", {
      categories: AGEC_CATEGORIES.map((c) => message(sb.lang, agecCategoryMessage(c.id))).join(sep),
      sources: [t("agec.source.2024"), t("agec.source.2021")].join(sep),
    })
  );
  sb.note(
    t("agec.note.unclassified", {
      n: agec.unclassified.length,
      amount: agec.unclassifiedCents / 100,
      outOfScope: agec.outOfScopeLines,
    })
  );
  if (agec.unclassified.length > 0)
    sb.note(
      t("print.detailBelow", {
        n: Math.min(agec.unclassified.length, MAX),
        title: t("print.agecUnclassifiedTitle"),
      })
    );
}

/**
 * The AGEC lines that no rule classified (up to 500): written last on the sheet, below its
 * printed rows (a long list of lines would take pages; it stays in the workbook to check).
 * Returns the row its section starts on (null when there is none).
 */
export function agecUnclassifiedSection(sb: SheetBuilder): number | null {
  const agec = sb.ctx.analysis.responsible?.agec;
  if (!agec || agec.unclassified.length === 0) return null;
  const t = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    message(sb.lang, msg(code, params));
  const start = sb.section(t("print.agecUnclassifiedTitle"));
  {
    const ucols = columns(sb, [
      ["table", ["Table", "Table"], "text", 16],
      ["row", ["Ligne", "Row"], "int", 8],
      ["year", ["Année", "Year"], "year", 8],
      ["entity", ["Entité", "Entity"], "text", 20],
      ["supplier", ["Fournisseur", "Supplier"], "text", 26],
      ["description", ["Objet", "Description"], "text", 30],
      ["article", ["Article budgétaire", "Budget article"], "text", 12],
      ["amount", ["Montant HT", "Amount"], "eur"],
      ["reason", ["Raison", "Reason"], "text", 30],
    ]);
    const urows: CellValue[][] = agec.unclassified
      .slice(0, MAX)
      .map((u) => [
        textCell(u.source.table),
        u.source.row,
        u.year,
        textCell(u.entity),
        textCell(u.supplier),
        textCell(u.description),
        textCell(u.budgetArticle),
        eur(u.amountCents),
        textCell(t(`agec.unclassified.${u.reason}`)),
      ]);
    const up = sb.rawTable(
      "tblRespAGECNonClassees",
      sb.cursor,
      0,
      ucols,
      urows,
      "TableStyleLight9"
    );
    sb.cursor = up.lastDataRow + 1;
    if (agec.unclassified.length > MAX)
      sb.note(t("agec.note.largest", { max: MAX, n: agec.unclassified.length }));
    sb.cursor++;
  }
  return start;
}

/** AGEC columns in the sheet's printed band, in this order. */
const AGEC_PRINTED = [
  "year",
  "category",
  "spend",
  "reuse",
  "recycled",
  "reuseShare",
  "status",
  "recycledShare",
  "source",
];
/** EGalim columns in the sheet's printed band: the food spend, then each target's share and gap. */
const EGALIM_PRINTED = [
  "year",
  "entity",
  "food",
  "egalim",
  "egalimShare",
  "qualityGap",
  "bioShare",
  "bioGap",
  "meatFishShare",
];

function egalimRow(sb: SheetBuilder, y: EgalimYear): CellValue[] {
  return [
    y.year,
    textCell(y.entity ?? L(sb, ["Toutes entités", "All entities"])),
    eur(y.foodCents),
    eur(y.bioCents),
    eur(y.siqoCents),
    eur(y.otherEgalimCents),
    eur(y.egalimCents),
    fraction(y.egalimShare),
    fraction(y.quality.percent),
    y.quality.gap === null ? null : fraction(y.quality.gap),
    fraction(y.bioShare),
    fraction(y.organic.percent),
    y.organic.gap === null ? null : fraction(y.organic.gap),
    eur(y.meatFishCents),
    eur(y.meatFishEgalimCents),
    fraction(y.meatFishShare),
    fraction(y.meatFish.percent),
    y.meatFish.gap === null ? null : fraction(y.meatFish.gap),
    eur(y.unlabelledCents),
    eur(y.serviceCents),
  ];
}

export function egalimSection(sb: SheetBuilder): void {
  const egalim = sb.ctx.analysis.responsible?.egalim;
  if (!egalim || !egalim.present) return;
  sb.section(L(sb, ["EGalim · Restauration collective", "EGalim · Collective catering"]));
  sb.note(
    L(sb, [
      "Objectifs (art. L230-5-1 du code rural et de la pêche maritime) : au moins 50 % en valeur HT de produits durables et de qualité, dont 20 % bio, depuis le 1er janvier 2022 ; 60 % des viandes et produits de la pêche depuis le 1er janvier 2024. Proportions appréciées par année civile et par restaurant (R230-30-1) : les colonnes suivent la télédéclaration annuelle « ma cantine ».",
      "Targets (code rural L230-5-1): 50 % sustainable and quality products incl. 20 % organic since 2022; 60 % of meat and fish since 2024; per civil year and restaurant (R230-30-1).",
    ])
  );
  if (!egalim.hasQualityData)
    sb.note(
      L(sb, [
        "Aucune ligne alimentaire n'a la colonne « Label qualité » (bio, label rouge, AOP, IGP, HVE…) : les parts ne sont pas mesurables. Ajoutez cette colonne à l'export ou demandez-la à vos fournisseurs.",
        "No food line has a quality label: shares are not measurable.",
      ])
    );
  const cols = columns(sb, [
    ["year", ["Année", "Year"], "year", 8],
    ["entity", ["Entité (restaurant)", "Entity (restaurant)"], "text", 24],
    ["food", ["Achats alimentaires HT", "Food purchases"], "eur"],
    ["bio", ["dont bio", "of which organic"], "eur"],
    ["siqo", ["dont SIQO (label rouge, AOP, IGP, STG)", "of which official quality signs"], "eur"],
    [
      "other",
      ["dont autres EGalim (HVE, pêche durable, fermier, équitable…)", "of which other EGalim"],
      "eur",
    ],
    ["egalim", ["Total durables et de qualité", "Total sustainable and quality"], "eur"],
    ["egalimShare", ["Part EGalim", "EGalim share"], "pct"],
    ["qualityTarget", ["Objectif EGalim", "EGalim target"], "pct"],
    ["qualityGap", ["Écart EGalim (points)", "EGalim gap (points)"], "pct"],
    ["bioShare", ["Part bio", "Organic share"], "pct"],
    ["bioTarget", ["Objectif bio", "Organic target"], "pct"],
    ["bioGap", ["Écart bio (points)", "Organic gap (points)"], "pct"],
    ["meatFish", ["Viandes et poissons HT", "Meat and fish"], "eur"],
    ["meatFishEgalim", ["dont durables et de qualité", "of which sustainable and quality"], "eur"],
    ["meatFishShare", ["Part viandes et poissons EGalim", "Meat and fish EGalim share"], "pct"],
    ["meatFishTarget", ["Objectif viandes et poissons", "Meat and fish target"], "pct"],
    ["meatFishGap", ["Écart viandes et poissons (points)", "Meat and fish gap (points)"], "pct"],
    ["unlabelled", ["Sans label renseigné HT", "No label given"], "eur"],
    ["services", ["Services de restauration HT (CPV 555)", "Catering services (CPV 555)"], "eur"],
  ]);
  const rows = [
    ...egalim.byYear,
    ...(egalim.byEntity.length > egalim.byYear.length ? egalim.byEntity : []),
  ].map((y) => egalimRow(sb, y));
  const laid = columnsFirst(cols, rows, EGALIM_PRINTED);
  const placed = sb.rawTable(
    "tblRespEGalim",
    sb.cursor,
    0,
    laid.columns,
    laid.rows,
    "TableStyleMedium7"
  );
  sb.cursor = placed.lastDataRow + 2;
  sb.note(
    L(sb, [
      `Périmètre : CPV 15 et CPV agricoles 0311, 0314, 032, 033 (viandes et poissons : 151, 152, 0331), sinon article 60623 « Alimentation ». Les services de restauration (CPV 555) sont à part : la part EGalim des repas achetés se déclare avec les chiffres du prestataire. Source : ${EGALIM_SOURCE}.`,
      `Scope: CPV 15 and agricultural CPV, else article 60623. Catering services (CPV 555) apart. Source: ${EGALIM_SOURCE}.`,
    ])
  );
  sb.cursor++;
}

/** A row of plan section 6 (same shape as the plan's own items). */
export interface PlanDutyItem {
  id: string;
  element: Pair;
  current: CellValue;
  reference: CellValue;
}

function pctPoints(v: number): string {
  return `${String(Math.round(v * 10) / 10).replace(".", ",")}`;
}

/**
 * Plan section 6 rows pre-filled from the gaps (issue #14): the policy documents, AGEC art. 58
 * (categories below their minimum, or whose minimum is still to enter) and EGalim (each target
 * with the amount still to buy). Targets are dated and sourced in the reference column.
 */
export function planDutyItems(sb: SheetBuilder): PlanDutyItem[] {
  const out: PlanDutyItem[] = [];
  const resp = sb.ctx.analysis.responsible;
  const docNote = textCell(
    L(sb, [
      "Projet pré-rempli disponible : bouton « Rédiger les documents » du volet, ou --documents en ligne de commande",
      "Pre-filled draft available: pane button or --documents",
    ])
  );
  out.push({
    id: "charteDeontologie",
    element: [
      "Charte de déontologie de l'achat public adoptée",
      "Procurement ethics charter adopted",
    ],
    current: docNote,
    reference: textCell(message(sb.lang, msg("plan.ref.ethicsCharter"))),
  });
  if (!resp) return out;
  const agec = resp.agec;
  const lastYear = agec.years[agec.years.length - 1];
  const rows = agec.rows.filter((r) => r.year === lastYear);
  if (rows.length > 0) {
    const below = rows
      .filter((r) => r.status === "notReached")
      .map((r) => message(sb.lang, agecCategoryMessage(r.category)));
    const unknown = rows
      .filter((r) => r.status === "minimumUnknown")
      .map((r) => message(sb.lang, agecCategoryMessage(r.category)));
    const unmeasured = rows.some((r) => r.status === "notMeasurable");
    const parts: string[] = [];
    if (below.length > 0)
      parts.push(
        L(sb, [`sous le minimum : ${below.join(", ")}`, `below minimum: ${below.join(", ")}`])
      );
    if (unknown.length > 0)
      parts.push(
        L(sb, [
          `minimum à saisir : ${unknown.join(", ")}`,
          `minimum to enter: ${unknown.join(", ")}`,
        ])
      );
    if (unmeasured)
      parts.push(
        L(sb, [
          "part non mesurable : ajouter la colonne Label qualité",
          "not measurable: add a quality label column",
        ])
      );
    if (parts.length === 0) parts.push(L(sb, ["minimums atteints", "minimums reached"]));
    out.push({
      id: "AGEC",
      element: [
        `AGEC art. 58 : achats issus du réemploi ou recyclés (${lastYear}) — déclaration annuelle`,
        `AGEC art. 58: re-employed or recycled purchases (${lastYear})`,
      ],
      current: textCell(parts.join(" ; ")),
      reference: textCell(minimumSource(sb, rows[0])),
    });
  }
  const egalim = resp.egalim;
  const y = egalim.present ? egalim.byYear[egalim.byYear.length - 1] : undefined;
  if (y) {
    const line = (share: number | null, t: EgalimYear["quality"]): CellValue => {
      if (share === null)
        return textCell(L(sb, ["non mesurable : colonne Label qualité absente", "not measurable"]));
      const gap =
        t.gap === null
          ? ""
          : L(sb, [` (écart ${pctPoints(t.gap)} points`, ` (gap ${pctPoints(t.gap)} points`]);
      const missing =
        t.missingCents !== null && t.missingCents > 0
          ? L(sb, [
              `, ${(t.missingCents / 100).toLocaleString("fr-FR", { maximumFractionDigits: 0 })} € HT d'achats à réorienter)`,
              `, €${Math.round(t.missingCents / 100)} to shift)`,
            ])
          : gap === ""
            ? ""
            : ")";
      return textCell(`${pctPoints(share)} %${gap}${missing}`);
    };
    const ref = sb.ctx.analysis.reference.egalim;
    out.push({
      id: "EGALIM",
      element: [
        `EGalim : produits durables et de qualité (${y.year})`,
        `EGalim: sustainable and quality products (${y.year})`,
      ],
      current: line(y.egalimShare, y.quality),
      reference: textCell(
        message(sb.lang, msg("plan.ref.egalim2022", { percent: String(ref.qualityPercent) }))
      ),
    });
    out.push({
      id: "EGALIM-BIO",
      element: [
        `EGalim : dont produits biologiques (${y.year})`,
        `EGalim: of which organic (${y.year})`,
      ],
      current: line(y.bioShare, y.organic),
      reference: textCell(
        message(sb.lang, msg("plan.ref.egalim2022", { percent: String(ref.organicPercent) }))
      ),
    });
    if (y.meatFishCents > 0)
      out.push({
        id: "EGALIM-VP",
        element: [
          `EGalim : viandes et produits de la pêche (${y.year})`,
          `EGalim: meat and fish (${y.year})`,
        ],
        current: line(y.meatFishShare, y.meatFish),
        reference: textCell(
          message(sb.lang, msg("plan.ref.egalimMeatFish", { percent: String(ref.meatFishPercent) }))
        ),
      });
  }
  return out;
}
