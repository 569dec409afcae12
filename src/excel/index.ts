/**
 * The Excel adapter (Office.js). The only part of the add-in that calls Excel.run.
 *
 * - `ExcelWorkbookGateway`: the task pane's WorkbookGateway for Excel.
 * - `runExcel`, `syncWithWatchdog`, `ExcelTimeoutError`: one Excel.run per user action,
 *   delayForCellEdit, watchdog on every sync.
 * - `renderWorkbook`, `listSources`, `readRows`, `readInputSheetValues`: the building blocks, for
 *   commands that need them without the pane.
 */
export { ExcelWorkbookGateway, type ExcelGatewayOptions } from "./excel-gateway";
export {
  runExcel,
  syncWithWatchdog,
  officeHost,
  emptyStats,
  ExcelSession,
  DEFAULT_SYNC_TIMEOUT_MS,
  type ExcelHost,
  type SyncStats,
} from "./excel-run";
export {
  ExcelTimeoutError,
  ExcelGatewayError,
  toGatewayError,
  isRetryable,
  timeoutMessage,
} from "./errors";
export { renderWorkbook, cleanupStaging, STAGING_PREFIX, type RenderOptions } from "./renderer";
export {
  listSources,
  readRows,
  readSheetGrids,
  detectDate1904,
  parseAddress,
  type SourceDescriptor,
  type Geometry,
} from "./reader";
export {
  loadWorkbookState,
  REGISTRY_SETTING,
  ANCHOR_PREFIX,
  type WorkbookState,
  type OwnedRecord,
} from "./ownership";
export { loadPaneSettings, savePaneSettings, SETTINGS_MAX_BYTES } from "./settings";
export { readInputSheetValues, readPreviousInputs, INPUT_SHEET_KEYS } from "./user-inputs";
export * from "./payload";
