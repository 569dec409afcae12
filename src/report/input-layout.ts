/**
 * Column layouts of the user-editable sheets, shared by the builders (which write them) and by
 * readUserInputs (which reads them back). Column A (index 0) of every keyed section holds the row
 * key; field i of a section is in column i. A cell of column A starting with "#" marks a section
 * title ("#actions") or a row to ignore ("#total"); the row whose column A is "Clé"/"Key" is the
 * header of the section's table.
 *
 * Bump LAYOUT_VERSION when a column moves.
 */
import type { HeaderKey } from "./labels";
import type { SheetKey } from "./spec";

export const LAYOUT_VERSION = 1;

export interface FieldDef {
  field: string;
  header: HeaderKey;
  input?: boolean;
}

const f = (field: string, header: HeaderKey = field as HeaderKey, input = false): FieldDef => ({
  field,
  header,
  input,
});
const i = (field: string, header: HeaderKey = field as HeaderKey): FieldDef =>
  f(field, header, true);

export type PlanSection =
  | "orientations"
  | "objectives"
  | "actions"
  | "renewals"
  | "responsible"
  | "mutualisation"
  | "territorial"
  | "evaluation";

export const PLAN_SECTIONS: readonly PlanSection[] = [
  "orientations",
  "objectives",
  "actions",
  "renewals",
  "responsible",
  "mutualisation",
  "territorial",
  "evaluation",
];

/**
 * Fields of each plan section, column 0 (the key) first. The sections share the sheet's columns,
 * and only columns 1 to PLAN_PRINT_LAST_COL print (issue #12: the plan printed readable on A4
 * landscape): each section puts its label and main text in columns 1–2, its figures next, its
 * input cells within the printed columns, and its detail columns (kept for Excel, not printed)
 * after them.
 */
export const PLAN_LAYOUT: Record<PlanSection, readonly FieldDef[]> = {
  orientations: [f("key"), f("prompt"), i("text")],
  objectives: [
    f("key"),
    f("objective"),
    f("indicator"),
    f("baseline"),
    f("proposedTarget"),
    i("target"),
    i("deadline"),
    i("owner"),
    f("source"),
  ],
  actions: [
    f("key"),
    f("familyLabel"),
    f("levers"),
    f("amount"),
    f("quadrant"),
    i("lever"),
    i("owner"),
    i("deadline"),
    i("expectedSavings"),
    i("status"),
    i("priority"),
    i("comment"),
    // Detail, not printed.
    f("share"),
    f("strategy"),
    f("leverReasons"),
    f("te4"),
    f("mutualisationPotential"),
  ],
  renewals: [
    f("key"),
    f("contractRef"),
    f("description"),
    f("supplier"),
    f("amount"),
    f("endDate"),
    i("renewalAction"),
    i("launch"),
    f("familyLabel"),
    i("owner"),
    f("monthsLeft"),
    f("entity"),
  ],
  responsible: [
    f("key"),
    f("element"),
    // The reference (legal texts, long) in the wide column C.
    f("reference"),
    f("current"),
    i("status"),
    i("commitment"),
    i("deadline"),
    i("comment"),
  ],
  mutualisation: [
    f("key"),
    f("familyLabel"),
    f("consequence"),
    f("amount"),
    f("pooledAmount"),
    f("entityCount"),
    f("supplierCount"),
    f("te4"),
    i("structure"),
    i("coordinator"),
    i("deadline"),
    i("status"),
    // Detail, not printed (the count is): the list of the entities.
    f("entities"),
  ],
  territorial: [
    f("key"),
    f("familyLabel"),
    f("reasons"),
    f("amount"),
    f("cursor"),
    i("choice"),
    i("owner"),
    i("deadline"),
    i("comment"),
    f("territories"),
    f("needs"),
  ],
  evaluation: [
    f("key"),
    f("indicator"),
    f("currentValue"),
    f("followTarget"),
    f("frequency"),
    i("owner"),
    i("comment"),
  ],
};

/** Last printed column of the plan (L): the columns after it hold detail and the lists. */
export const PLAN_PRINT_LAST_COL = 11;

/** Sections whose rows added by the user (no key) are kept. */
export const PLAN_EXTRA_ROW_SECTIONS: readonly PlanSection[] = ["actions"];

/** Diagnostic 360 questions table, key = question id. */
export const DIAGNOSTIC_LAYOUT: readonly FieldDef[] = [
  f("key"),
  f("axis"),
  f("number"),
  f("question"),
  i("answer"),
  f("score"),
  i("comment"),
  f("planLever"),
];

/** Paramètres: scalar rows (key "param/<id>"). */
export const PARAMETER_LAYOUT: readonly FieldDef[] = [
  f("key"),
  f("parameter"),
  i("value"),
  f("usedValue"),
  f("defaultValue"),
  f("source"),
];

/** Paramètres: dated threshold rows (keys "dispense/<n>", "eu/<n>"). */
export const THRESHOLD_LAYOUT: readonly FieldDef[] = [
  f("key"),
  i("from"),
  i("to"),
  i("suppliesServices"),
  i("works"),
  i("source"),
];

/** Paramètres: special dispense threshold rows (keys "special/<n>"). */
export const SPECIAL_LAYOUT: readonly FieldDef[] = [
  f("key"),
  i("rule", "legalRule"),
  i("label"),
  i("from"),
  i("to"),
  i("threshold"),
  i("natures", "nature"),
  i("cpvPrefixes"),
  i("excludedCpvPrefixes"),
  i("budgetArticles"),
  i("innovative"),
  i("source"),
];

/** Paramètres: supplier exclusion rows (keys "exclusions/<n>"). */
export const EXCLUSION_LAYOUT: readonly FieldDef[] = [
  f("key"),
  i("supplier"),
  i("reason"),
  i("note", "exclusionNote"),
];

/** Paramètres: ECB rate rows (keys "ecb/<n>"). */
export const ECB_LAYOUT: readonly FieldDef[] = [
  f("key"),
  i("from"),
  i("rate", "ecbRate"),
  i("source"),
];

export const KEY_HEADERS = ["Clé", "Key"];

/** Column of a field in a layout (throws when unknown). */
export function fieldCol(layout: readonly FieldDef[], field: string): number {
  const i = layout.findIndex((d) => d.field === field);
  if (i < 0) throw new Error(`Champ inconnu : ${field}`);
  return i;
}

export function inputFields(layout: readonly FieldDef[]): string[] {
  return layout.filter((d) => d.input).map((d) => d.field);
}

/** Row key of a plan row: "<section>/<id>". */
export function planKey(section: PlanSection, id: string): string {
  return `${section}/${id}`;
}

/** Splits "<section>/<id>" at the first "/"; null when the section is unknown. */
export function splitPlanKey(key: string): { section: PlanSection; id: string } | null {
  const at = key.indexOf("/");
  if (at <= 0) return null;
  const section = key.slice(0, at) as PlanSection;
  return PLAN_SECTIONS.includes(section) ? { section, id: key.slice(at + 1) } : null;
}

/** The fixed columns of Historique, before one column per indicator (read back by header). */
export const HISTORY_FIXED_KEYS = [
  "period",
  "periodKind",
  "start",
  "end",
  "runDate",
  "version",
  "rowsRead",
  "rowsRejected",
  "alertCount",
] as const;

/**
 * Synthèse (issue #12): the title of the director's comment box, in French and English; the
 * comment is the cell two rows below it in column A (the help line between them).
 */
export const SYNTHESE_COMMENT_LABELS = [
  "Commentaire de la direction",
  "Management comment",
] as const;

/**
 * The sheets whose raw values the next run reads back (what the user typed in them): the plan's
 * entries, the diagnostic's and the territories' answers, the parameters, the history, and the
 * director's comment on the Synthèse (issue #12). One list for the command line and the add-in.
 */
export const INPUT_SHEET_KEYS = [
  "plan",
  "diagnostic",
  "attentes",
  "parametres",
  "historique",
  "synthese",
] as const satisfies readonly SheetKey[];
