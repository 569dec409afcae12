/**
 * Territorialisation sections (issue #16 §2 and §4) of the Territoires sheet — quality of service
 * per territory (gap to target, spread, equity weighted by population, under-served territories
 * next to their spend per inhabitant) and the scenarios A/B/C per family side by side with the
 * recommended cursor and the user's choice — and the rows of the plan's Organisation territoriale
 * section. The user's choice is typed in the plan (section "territorial", field "choice") and read
 * back like the plan's other inputs.
 */
import { msg, type Message } from "../../core/messages/render";
import {
  territorialScenarios,
  type FamilyScenarios,
  type ScenarioId,
} from "../../core/territories";
import { serviceName } from "../../core/territories/expectations";
import { parseScenarioChoice, SCENARIO_NAMES } from "../../core/territories/scenarios";
import { textCell } from "../cells";
import { listSeparator, message, pick, type Lang, type Pair } from "../labels";
import { planKey } from "../input-layout";
import type { BuildContext, SheetBuilder } from "../layout";
import type { CellValue, TableColumn } from "../spec";

const T = {
  quality: ["Qualité de service par territoire", "Quality of service by territory"],
  noQuality: [
    "Aucune table Qualité de service : ajoutez une table territoire × service × indicateur × valeur × cible (× unité, date) pour mesurer les écarts entre territoires.",
    "No Quality of service table: add a territory × service × indicator × value × target (× unit, date) table to measure the gaps between territories.",
  ],
  qualityNote: [
    "Atteinte de la cible : valeur ÷ cible (plus haut est mieux) ou cible ÷ valeur (délais, réclamations : plus bas est mieux) ; sous-desservi : plus de {tol} points sous la cible.",
    "Attainment: value ÷ target (higher is better) or target ÷ value (delays, complaints: lower is better); under-served: more than {tol} points below the target.",
  ],
  spread: ["Écarts entre territoires par indicateur", "Spread between territories by indicator"],
  equity: [
    "Équité par service (pondérée par la population)",
    "Equity by service (weighted by population)",
  ],
  underServed: [
    "Territoires sous-desservis et dépense par habitant",
    "Under-served territories and spend per inhabitant",
  ],
  scenarios: [
    "Scénarios : mutualiser, territorialiser, mixte",
    "Scenarios: pool, territorialise, mixed",
  ],
  scenariosNote: [
    "A mutualiser : un marché ou un groupement pour tout le périmètre ; B territorialiser : lots géographiques ou achats par territoire ; C mixte : accord-cadre mutualisé à lots territoriaux. Économies : taux des scénarios de mutualisation ({low} / {central} / {high} %) ; C = {share} % de A ; B = surcoût {extra} %. Paramètres modifiables dans la feuille Paramètres ; le choix se saisit dans le Plan stratégique (Organisation territoriale).",
    "A pool: one contract or group for the whole perimeter; B territorialise: geographic lots or purchasing per territory; C mixed: pooled framework agreement with territorial lots. Savings: pooling scenario rates ({low} / {central} / {high} %); C = {share} % of A; B = extra cost {extra} %. Parameters in the Settings sheet; the choice is typed in the Strategic plan (Territorial organisation).",
  ],
  scenarioDetail: [
    "Impacts des scénarios (coût, service, équité, juridique)",
    "Scenario impacts (cost, service, equity, legal)",
  ],
  noScenario: ["Aucune famille à évaluer sur la période.", "No family to assess in the period."],
} satisfies Record<string, Pair>;

const H = {
  territory: ["Territoire", "Territory"],
  service: ["Service", "Service"],
  indicator: ["Indicateur", "Indicator"],
  unit: ["Unité", "Unit"],
  value: ["Valeur", "Value"],
  target: ["Cible", "Target"],
  gap: ["Écart à la cible", "Gap to target"],
  attainment: ["Atteinte de la cible", "Target attainment"],
  underServed: ["Sous-desservi", "Under-served"],
  population: ["Population", "Population"],
  territories: ["Territoires", "Territories"],
  min: ["Minimum", "Minimum"],
  max: ["Maximum", "Maximum"],
  mean: ["Moyenne", "Mean"],
  weightedMean: ["Moyenne pondérée (population)", "Population-weighted mean"],
  cv: ["Coefficient de variation", "Coefficient of variation"],
  best: ["Meilleur territoire", "Best territory"],
  worst: ["Moins bon territoire", "Worst territory"],
  underServedTerritories: ["Territoires sous-desservis", "Under-served territories"],
  populationMeasured: ["Population mesurée", "Population measured"],
  populationUnderServed: ["Population sous-desservie", "Population under-served"],
  populationUnderServedShare: [
    "Part de la population sous-desservie",
    "Share of population under-served",
  ],
  weightedAttainment: ["Atteinte pondérée (population)", "Population-weighted attainment"],
  measures: ["Mesures", "Measures"],
  underServedMeasures: ["Mesures sous la cible", "Measures below target"],
  underServedServices: ["Services sous la cible", "Services below target"],
  perInhabitant: ["Dépense par habitant", "Spend per inhabitant"],
  family: ["Famille", "Family"],
  amount: ["Montant HT", "Amount excl. VAT"],
  savingsA: ["A · économies (central)", "A · savings (central)"],
  localExposed: ["A · dépense locale remise en concurrence", "A · local spend re-tendered"],
  savingsC: ["C · économies (central)", "C · savings (central)"],
  costB: ["B · surcoût", "B · extra cost"],
  gaps: ["Écarts de qualité", "Quality gaps"],
  priorities: ["Attentes prioritaires", "Priority expectations"],
  populationTargeted: ["Population ciblée (B, C)", "Population targeted (B, C)"],
  cursor: ["Curseur recommandé", "Recommended cursor"],
  choice: ["Choix retenu (plan)", "Chosen (plan)"],
  reasons: ["Raisons", "Reasons"],
  scenario: ["Scénario", "Scenario"],
  description: ["Description", "Description"],
  cost: ["Impact coût", "Cost impact"],
  serviceImpact: ["Impact service", "Service impact"],
  equity: ["Impact équité", "Equity impact"],
  legal: ["Conséquence juridique", "Legal consequence"],
} satisfies Record<string, Pair>;

function col(
  sb: SheetBuilder,
  key: keyof typeof H,
  width = 14,
  numberFormat?: string,
  wrap = false
): TableColumn {
  const c: TableColumn = { key, header: pick(sb.ctx.lang, H[key]), width };
  if (numberFormat) c.numberFormat = numberFormat;
  if (wrap) c.wrap = true;
  return c;
}

const frac = (p: number | null) => (p === null ? null : Math.round(p * 100) / 10_000);
const eur = (cents: number) => Math.round(cents) / 100;
const names = (l: readonly string[]) => (l.length === 0 ? null : textCell(l.join(", ")));

/** The scenarios of the analysis with the answers of the Attentes sheet (empty without territorial analysis). */
export function scenariosOf(ctx: BuildContext): FamilyScenarios[] {
  const t = ctx.analysis.territorial;
  if (!t) return [];
  return territorialScenarios(t, ctx.inputs.expectations ?? {}, ctx.analysis.reference);
}

/** The user's choice typed in the plan for a family, if any. */
export function userChoice(ctx: BuildContext, familyKey: string): ScenarioId | null {
  return parseScenarioChoice(ctx.inputs.plan[planKey("territorial", familyKey)]?.choice ?? null);
}

/** "A · Mutualiser" / "A · Pool": the letter is what the plan's choice is read back by. */
export function scenarioLabel(id: ScenarioId, lang: Lang = "fr"): string {
  return `${id} · ${message(lang, SCENARIO_NAMES[id])}`;
}

/** The choice list of the plan's Organisation territoriale section, in the language. */
export function scenarioChoices(lang: Lang): readonly string[] {
  return (["A", "B", "C"] as const).map((id) => scenarioLabel(id, lang));
}

export const SCENARIO_CHOICES: readonly string[] = scenarioChoices("fr");

/** Messages in the language, joined as one cell (" ; " in French, "; " in English). */
function joined(lang: Lang, parts: readonly Message[]): string {
  return parts.map((m) => message(lang, m)).join(listSeparator(lang));
}

function place(
  sb: SheetBuilder,
  name: string,
  columns: TableColumn[],
  rows: CellValue[][],
  style: "TableStyleMedium2" | "TableStyleMedium7" | "TableStyleLight9" = "TableStyleMedium2"
) {
  const placed = sb.rawTable(name, sb.cursor, 0, columns, rows, style);
  sb.cursor = placed.lastDataRow + 2;
  return placed;
}

/** A note wrapped over the sheet's first 8 columns (a long note on one line is cut at the page edge). */
function wrappedNote(sb: SheetBuilder, note: string): void {
  sb.span(sb.cursor++, 0, textCell(note), "tileNote", 8);
}

export function qualitySections(sb: SheetBuilder): void {
  const ctx = sb.ctx;
  const q = ctx.analysis.territorial?.quality ?? null;
  sb.section(pick(ctx.lang, T.quality));
  if (!q) {
    sb.note(pick(ctx.lang, T.noQuality));
    sb.cursor++;
    return;
  }
  wrappedNote(sb, pick(ctx.lang, T.qualityNote).replace("{tol}", String(q.tolerancePercent)));
  const yes = ctx.lang === "fr" ? "Oui" : "Yes";
  const no = ctx.lang === "fr" ? "Non" : "No";
  place(
    sb,
    "tblTerrQualite",
    [
      col(sb, "territory", 22, undefined, true),
      col(sb, "service", 24, undefined, true),
      col(sb, "indicator", 16, undefined, true),
      col(sb, "unit", 12, undefined, true),
      col(sb, "value", 11, sb.f.dec2),
      col(sb, "target", 11, sb.f.dec2),
      col(sb, "gap", 12, sb.f.dec2),
      col(sb, "attainment", 12, sb.f.pct),
      col(sb, "underServed", 12),
      col(sb, "population", 12, sb.f.int),
    ],
    q.measures.map((m) => [
      textCell(m.territory),
      textCell(m.service),
      textCell(m.indicator),
      m.unit === null ? null : textCell(m.unit),
      m.value,
      m.target,
      m.gap,
      frac(m.attainmentPercent),
      m.attainmentPercent === null ? null : m.underServed ? yes : no,
      m.population,
    ])
  );
  sb.cell(sb.cursor++, 0, textCell(pick(ctx.lang, T.spread)), "subtitle");
  place(
    sb,
    "tblTerrQualiteEcarts",
    [
      col(sb, "service", 24, undefined, true),
      col(sb, "indicator", 24, undefined, true),
      col(sb, "min", 11, sb.f.dec2),
      col(sb, "max", 11, sb.f.dec2),
      col(sb, "mean", 11, sb.f.dec2),
      col(sb, "weightedMean", 14, sb.f.dec2),
      col(sb, "cv", 12, sb.f.pct),
      col(sb, "underServedTerritories", 30, undefined, true),
      col(sb, "best", 14, undefined, true),
      col(sb, "worst", 12, undefined, true),
    ],
    q.spreads.map((s) => [
      textCell(s.service),
      textCell(s.unit === null ? s.indicator : `${s.indicator} (${s.unit})`),
      s.min,
      s.max,
      s.mean,
      s.weightedMean,
      frac(s.cvPercent),
      names(s.underServed),
      textCell(s.best),
      textCell(s.worst),
    ]),
    "TableStyleLight9"
  );
  sb.cell(sb.cursor++, 0, textCell(pick(ctx.lang, T.equity)), "subtitle");
  place(
    sb,
    "tblTerrEquite",
    [
      col(sb, "service", 24, undefined, true),
      col(sb, "underServedTerritories", 24, undefined, true),
      col(sb, "territories", 11, sb.f.int),
      col(sb, "populationMeasured", 14, sb.f.int),
      col(sb, "populationUnderServed", 14, sb.f.int),
      col(sb, "populationUnderServedShare", 14, sb.f.pct),
      col(sb, "weightedAttainment", 14, sb.f.pct),
    ],
    q.services.map((s) => [
      textCell(s.service),
      names(s.underServedTerritories),
      s.territoriesMeasured,
      s.populationMeasured,
      s.populationUnderServed,
      frac(s.populationUnderServedPercent),
      frac(s.weightedAttainmentPercent),
    ]),
    "TableStyleMedium7"
  );
  sb.cell(sb.cursor++, 0, textCell(pick(ctx.lang, T.underServed)), "subtitle");
  place(
    sb,
    "tblTerrSousDesservis",
    [
      col(sb, "territory", 22, undefined, true),
      col(sb, "underServedServices", 24, undefined, true),
      col(sb, "population", 12, sb.f.int),
      col(sb, "perInhabitant", 14, sb.f.eurHab),
      col(sb, "measures", 10, sb.f.int),
      col(sb, "underServedMeasures", 12, sb.f.int),
    ],
    q.territories.map((t) => [
      textCell(t.territory),
      names(t.underServedServices),
      t.population,
      t.perInhabitant,
      t.measures,
      t.underServedMeasures,
    ])
  );
}

/**
 * Families whose three scenarios (three rows of long texts each) still print: beyond, the table
 * of the scenarios' impacts is written last on the sheet, below the printed rows (a perimeter of
 * 20 families printed it on 14 pages), and the printed section says where it is.
 */
export const PRINTED_SCENARIO_FAMILIES = 8;

/**
 * The scenario sections; the impacts table is kept below the printed rows beyond
 * PRINTED_SCENARIO_FAMILIES families.
 */
export function scenarioSections(sb: SheetBuilder): void {
  const ctx = sb.ctx;
  const ref = ctx.analysis.reference;
  sb.section(pick(ctx.lang, T.scenarios));
  wrappedNote(
    sb,
    pick(ctx.lang, T.scenariosNote)
      .replace("{low}", String(ref.poolingScenarios.lowPercent))
      .replace("{central}", String(ref.poolingScenarios.centralPercent))
      .replace("{high}", String(ref.poolingScenarios.highPercent))
      .replace("{share}", String(ref.territorialScenarios.lotsSavingsSharePercent))
      .replace("{extra}", String(ref.territorialScenarios.territorialExtraCostPercent))
  );
  const scen = scenariosOf(ctx);
  if (scen.length === 0) {
    sb.note(pick(ctx.lang, T.noScenario));
    sb.cursor++;
    return;
  }
  // On the sheet's grid (territoires.ts): the figures side by side in the narrow columns, the
  // reasons in the wide column 7, the recommended cursor beside the user's choice at the end.
  place(
    sb,
    "tblTerrScenarios",
    [
      col(sb, "family", 24, undefined, true),
      col(sb, "service", 24, undefined, true),
      col(sb, "amount", 14, sb.f.eur2),
      col(sb, "savingsA", 14, sb.f.eur2),
      col(sb, "localExposed", 16, sb.f.eur2),
      col(sb, "savingsC", 14, sb.f.eur2),
      col(sb, "costB", 12, sb.f.eur2),
      col(sb, "reasons", 40, undefined, true),
      col(sb, "cursor", 14, undefined, true),
      col(sb, "choice", 12, undefined, true),
    ],
    scen.map((f) => {
      const choice = userChoice(ctx, f.familyKey);
      return [
        textCell(f.familyLabel),
        f.serviceLabel === null
          ? null
          : textCell(
              message(ctx.lang, serviceName({ id: f.serviceId ?? "", label: f.serviceLabel }))
            ),
        eur(f.cents),
        eur(f.scenarios.A.savingsCentralCents),
        eur(f.scenarios.A.localSpendExposedCents),
        eur(f.scenarios.C.savingsCentralCents),
        eur(-f.scenarios.B.savingsCentralCents),
        textCell(joined(ctx.lang, f.reasons)),
        f.cursor === null ? null : scenarioLabel(f.cursor, ctx.lang),
        choice === null ? null : scenarioLabel(choice, ctx.lang),
      ];
    })
  );
  const detail: CellValue[][] = [];
  for (const f of scen)
    for (const id of ["A", "B", "C"] as const) {
      const s = f.scenarios[id];
      detail.push([
        textCell(f.familyLabel),
        textCell(`${scenarioLabel(id, ctx.lang)} — ${message(ctx.lang, s.description)}`),
        s.lots,
        s.populationTargeted,
        textCell(joined(ctx.lang, s.costImpact)),
        textCell(message(ctx.lang, s.serviceImpact)),
        textCell(message(ctx.lang, s.equityImpact)),
        textCell(joined(ctx.lang, s.legal)),
      ]);
    }
  const impacts = () =>
    place(
      sb,
      "tblTerrScenariosImpacts",
      [
        col(sb, "family", 24, undefined, true),
        col(sb, "scenario", 24, undefined, true),
        {
          key: "lots",
          header: message(ctx.lang, msg("terr.hLots")),
          width: 8,
          numberFormat: sb.f.int,
        },
        {
          key: "populationTargeted",
          header: message(ctx.lang, msg("terr.hPopulation")),
          width: 12,
          numberFormat: sb.f.int,
        },
        col(sb, "cost", 20, undefined, true),
        col(sb, "serviceImpact", 16, undefined, true),
        col(sb, "equity", 20, undefined, true),
        col(sb, "legal", 40, undefined, true),
      ],
      detail,
      "TableStyleLight9"
    );
  const title = pick(ctx.lang, T.scenarioDetail);
  if (scen.length <= PRINTED_SCENARIO_FAMILIES) {
    sb.cell(sb.cursor++, 0, textCell(title), "subtitle");
    impacts();
    return;
  }
  const below = message(ctx.lang, msg("print.detailTitle", { title }));
  wrappedNote(sb, message(ctx.lang, msg("print.detailBelow", { n: detail.length, title: below })));
  sb.keepBelowPrint(() => {
    sb.section(below);
    impacts();
  });
}

/**
 * What the user's choice costs when it differs from the recommended cursor (the reasons end with
 * the cursor's cost): "Choix retenu : B · Territorialiser — Surcoût estimé 660 € (…)".
 */
function choiceEffect(ctx: BuildContext, f: FamilyScenarios): Message[] {
  const choice = userChoice(ctx, f.familyKey);
  if (choice === null || choice === f.cursor) return [];
  return [
    msg("terr.planChoiceEffect", {
      scenario: scenarioLabel(choice, ctx.lang),
      cost: f.scenarios[choice].costImpact[0],
    }),
  ];
}

/**
 * The territories a row of the plan's Organisation territoriale concerns, short: « tous (n) » when
 * the scenario (the user's choice, else the cursor) covers the family's whole perimeter — A, one
 * contract for all; B or C without a gap or priority, or with one on every territory — else the
 * territories whose quality gaps or priority expectations its lots address.
 */
function concerned(ctx: BuildContext, f: FamilyScenarios): CellValue {
  const scenario = userChoice(ctx, f.familyKey) ?? f.cursor;
  const need = [...new Set([...f.gapTerritories, ...f.priorityTerritories])].filter((t) =>
    f.territories.includes(t)
  );
  if (scenario === "A" || need.length === 0 || need.length === f.territories.length)
    return f.territories.length === 0
      ? null
      : textCell(message(ctx.lang, msg("terr2.allTerritories", { n: f.territories.length })));
  return names(f.territories.filter((t) => need.includes(t)));
}

/** Rows of the plan's Organisation territoriale section: families with a recommended cursor. */
export function organisationRows(
  ctx: BuildContext
): { id: string; values: Record<string, CellValue> }[] {
  return scenariosOf(ctx)
    .filter((f) => f.cursor !== null)
    .map((f) => ({
      id: f.familyKey,
      values: {
        familyLabel: textCell(f.familyLabel),
        amount: eur(f.cents),
        territories: concerned(ctx, f),
        needs: names([...new Set([...f.gapTerritories, ...f.priorityTerritories])]),
        cursor: scenarioLabel(f.cursor as ScenarioId, ctx.lang),
        reasons: textCell(joined(ctx.lang, [...f.reasons, ...choiceEffect(ctx, f)])),
      },
    }));
}

/**
 * Section 7 (mutualisation and cooperation): the families the user chose — else the cursor
 * recommends — to pool (A) or to pool with territorial lots (C), as "te4" texts by family key.
 */
export function pooledChoices(
  ctx: BuildContext
): Map<string, { label: string; amount: number; text: string; scenario: "A" | "C" }> {
  const out = new Map<
    string,
    { label: string; amount: number; text: string; scenario: "A" | "C" }
  >();
  for (const f of scenariosOf(ctx)) {
    const choice = userChoice(ctx, f.familyKey);
    const id = choice ?? f.cursor;
    if (id !== "A" && id !== "C") continue;
    const how =
      choice !== null
        ? ctx.lang === "fr"
          ? "choix"
          : "chosen"
        : ctx.lang === "fr"
          ? "recommandé"
          : "recommended";
    out.set(f.familyKey, {
      label: f.familyLabel,
      amount: eur(f.cents),
      text: `${scenarioLabel(id, ctx.lang)} (${how})`,
      scenario: id,
    });
  }
  return out;
}
