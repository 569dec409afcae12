/**
 * What the user typed in the generated sheets, read back before they are rewritten: the raw values
 * of the owned Plan stratégique, Diagnostic 360, Paramètres and Historique sheets (merge-inputs and
 * append modes), keyed by sheet key, ready for report/inputs.ts `readUserInputs` and
 * `buildWorkbookSpec(…, { previousInputs })`. Only owned sheets are read (a user sheet that happens
 * to be called "Paramètres" is not ours), under their current names (the user may have renamed
 * them). 2 syncs + one per chunk (these sheets are small: one chunk each).
 */
import type { Cell } from "../core/model";
import { INPUT_SHEET_KEYS } from "../report/input-layout";
import { readUserInputs, type UserInputs } from "../report/inputs";
import type { SheetKey } from "../report/spec";
import type { ExcelSession } from "./excel-run";
import { loadWorkbookState } from "./ownership";
import { readSheetGrids } from "./reader";

export { INPUT_SHEET_KEYS };

/** Raw values (from A1) of the owned input sheets, by sheet key. */
export async function readInputSheetValues(
  session: ExcelSession,
  keys: readonly SheetKey[] = INPUT_SHEET_KEYS
): Promise<Record<string, Cell[][]>> {
  const state = await loadWorkbookState(session);
  const owned = state.owned.filter((o) => o.key !== "decp" && keys.includes(o.key));
  if (owned.length === 0) return {};
  const grids = await readSheetGrids(
    session,
    owned.map((o) => o.name),
    state.sheets.map((s) => s.name)
  );
  const out: Record<string, Cell[][]> = {};
  for (const o of owned) if (grids[o.name]) out[o.key] = grids[o.name];
  return out;
}

/** The user's inputs of the owned sheets, parsed (report/inputs.ts). */
export async function readPreviousInputs(session: ExcelSession): Promise<UserInputs> {
  return readUserInputs(await readInputSheetValues(session));
}
