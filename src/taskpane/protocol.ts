/**
 * Messages between the pane (UI thread) and the analysis worker. Rows travel in blocks of at most
 * `ROW_BLOCK` rows, one message each, so that no single structured clone (on either side) blocks
 * the UI thread for long.
 */
import type { Cell } from "../core/model";
import type { CellValue, SheetKey, WorkbookSpec } from "../report/spec";
import type { DecpMarche } from "../core/decp-export";
import type { Fiche } from "../core/peers/fiche";
import type {
  DecpExportResult,
  DecpTableResult,
  EngineResult,
  FicheResult,
  JobHeader,
  PeersResult,
  StageProgress,
} from "./jobs";

/** Rows per message from the UI to the worker. */
export const ROW_BLOCK = 2_000;

export type ToWorker =
  | { type: "begin"; tableCount: number }
  | { type: "rows"; table: number; rows: Cell[][] }
  | { type: "run"; header: JobHeader }
  | { type: "rebuild"; id: number; previousSheets: Record<string, Cell[][]>; keys: SheetKey[] }
  | { type: "decp"; id: number; text: string; fileName: string }
  | { type: "fiche"; id: number; anonymised: boolean; createdOn: string }
  | { type: "peers"; id: number; previousSheets: Record<string, Cell[][]>; peers: Fiche[] }
  | {
      type: "decpExport";
      id: number;
      publicationDay: number;
      complements?: Record<string, DecpMarche>;
    };

/** Table rows per message from the worker to the UI (a long table of the spec comes in pieces). */
export const RESULT_ROW_BLOCK = 5_000;

export type FromWorker =
  | { type: "progress"; progress: StageProgress }
  /** The result; tables longer than RESULT_ROW_BLOCK come with rows [] and follow in "resultRows". */
  | { type: "result"; result: EngineResult }
  | { type: "resultRows"; sheet: number; table: number; rows: CellValue[][] }
  | { type: "resultDone" }
  | { type: "rebuilt"; id: number; spec: WorkbookSpec }
  | { type: "decp"; id: number; result: DecpTableResult }
  | { type: "fiche"; id: number; result: FicheResult }
  | { type: "peers"; id: number; result: PeersResult }
  | { type: "decpExport"; id: number; result: DecpExportResult }
  /** code: a PaneErrorCode ("noData", "decpInvalid"…) or "worker"; detail: technical text. */
  | { type: "error"; id?: number; code: string; detail: string };
