/**
 * The parameters the pane shows and edits. The settings schema itself (what the workbook keeps)
 * is in src/workbook/settings.ts, shared by the pane, the ribbon commands and the Excel adapter.
 */
import { defaultReferenceValues } from "../core/reference/values";
import { PARAMETERS, parameterRaw, toSheetValue, type ParameterDef } from "../report/parameters";

// ---------------------------------------------------------------------------------------------
// Parameters shown in the pane

/** Parameters the pane lets the user edit (kinds the pane can show: euros, percents, days). */
export const PANE_PARAMETERS: readonly ParameterDef[] = PARAMETERS.filter(
  (p) => p.kind === "eur" || p.kind === "percent" || p.kind === "days"
);

/** Shown first (thresholds and scenarios); the others are under "Tous les paramètres". */
export const MAIN_PARAMETER_IDS: readonly string[] = [
  "poolingScenarios.lowPercent",
  "poolingScenarios.centralPercent",
  "poolingScenarios.highPercent",
  "tailSpendThresholdCents.value",
  "bunchingLowPercent.value",
  "publicityThresholdCents.value",
  "defaultVatPercent.value",
];

export const LOCAL_DELAY_ID = "paymentDelayDays.localAuthority";
export const HOSPITAL_DELAY_ID = "paymentDelayDays.publicHospital";

/** Default sheet values (euros, fractions, days) of every parameter. */
export function defaultParameterValues(): Record<string, number | string> {
  const ref = defaultReferenceValues();
  const out: Record<string, number | string> = {};
  for (const def of PARAMETERS) {
    const v = toSheetValue(def.kind, parameterRaw(ref, def));
    if (v !== null) out[def.id] = v;
  }
  return out;
}

/** Entity type as implied by the DGP limit of entities without a type: 30 days → local authority. */
export type EntityType = "collectivite" | "sante" | "custom";

export function entityTypeOf(values: Record<string, number | string>): EntityType {
  const local = values[LOCAL_DELAY_ID];
  if (local === 30) return "collectivite";
  if (local === values[HOSPITAL_DELAY_ID]) return "sante";
  return "custom";
}
