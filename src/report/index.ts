/** Public API of the report layer: Analysis → WorkbookSpec, and the user's inputs read back. */
export { buildWorkbookSpec, SHEET_ORDER, type WorkbookOptions } from "./workbook";
export * from "./spec";
export {
  a1,
  columnLetter,
  columnIndex,
  rangeA1,
  quoteSheet,
  sheetRangeA1,
  parseA1,
  formulaReferences,
} from "./a1";
export { needsTextMarker, textCell } from "./cells";
export { readUserInputs, parametersToOverrides, emptyInputs, type UserInputs } from "./inputs";
export {
  DIAGNOSTIC_QUESTIONS,
  diagnosticScores,
  parseAnswer,
  type DiagnosticAnswer,
  type DiagnosticQuestion,
} from "./diagnostic-questions";
export { writtenCells, sheetValues } from "./grid";
export { validateWorkbookSpec } from "./validate";
