/**
 * Source tables as the pane sees them: detection on a sample of the first rows (kind, header row,
 * mapping), the user's choices kept in the settings, the mapping status shown in the Sources step,
 * and the preview of the first parsed rows in the Columns step. Runs on the UI thread on small
 * samples only (SAMPLE_ROWS rows per table).
 */
import { autoMap, detectTable, missingRequired, type TableDetection } from "../core/detect";
import { runIntake, type MappedTable } from "../core/intake";
import type {
  Anomaly,
  Cell,
  RawTable,
  SpendLine,
  ContractLine,
  TableKind,
  TableReconciliation,
} from "../core/model";
import { frenchDate } from "../core/dates";
import { parseDate } from "../core/parse/date";
import { cellText } from "../core/text";
import type { SourceTable } from "../workbook/gateway";
import type { TableChoice } from "../workbook/settings";

/** Rows read for detection and preview (titles above the header row included). */
export const SAMPLE_ROWS = 60;
/** Data rows parsed for the preview. */
export const PREVIEW_ROWS = 8;

export interface TableInfo {
  source: SourceTable;
  /** First SAMPLE_ROWS rows. */
  sample: RawTable;
  detection: TableDetection;
}

export type MappingStatus = "ok" | "missing" | "unknown";

export function headersAt(sample: RawTable, headerRowIndex: number): string[] {
  const row = sample.rows[headerRowIndex] ?? [];
  return Array.from(row, (c) => cellText(c) ?? "");
}

/** First row of a range address ("A4:Y200" → 4; "Sheet!B2:C9" → 2). */
export function firstRowOf(address: string): number {
  const m = /(?:^|!)\$?[A-Z]{1,3}\$?(\d+)/i.exec(address);
  return m ? Number(m[1]) : 1;
}

/** The choice the pane makes for a table it has not seen before: detected kind and mapping. */
export function choiceFromDetection(name: string, detection: TableDetection): TableChoice {
  return {
    name,
    selected: detection.kind !== null,
    kind: detection.kind,
    headerRowIndex: detection.headerRowIndex,
    mapping: { ...detection.mapping },
    headers: [...detection.headers],
    edited: false,
  };
}

function sameHeaders(a: string[], b: string[]): boolean {
  const trim = (h: string[]) => {
    const out = [...h];
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out;
  };
  const x = trim(a);
  const y = trim(b);
  return x.length === y.length && x.every((h, i) => h === y[i]);
}

/**
 * The saved choice of a table when its headers are unchanged; otherwise a fresh detection
 * (`changed` true, so the pane can say so).
 */
export function reconcileChoice(
  saved: TableChoice | undefined,
  info: Pick<TableInfo, "sample" | "detection">,
  name: string
): { choice: TableChoice; changed: boolean } {
  if (!saved) return { choice: choiceFromDetection(name, info.detection), changed: false };
  if (sameHeaders(headersAt(info.sample, saved.headerRowIndex), saved.headers))
    return { choice: { ...saved, name }, changed: false };
  const fresh = choiceFromDetection(name, info.detection);
  return { choice: { ...fresh, selected: saved.selected && fresh.kind !== null }, changed: true };
}

export function mappingStatus(choice: Pick<TableChoice, "kind" | "mapping">): MappingStatus {
  if (choice.kind === null) return "unknown";
  return missingRequired(choice.kind, choice.mapping).length === 0 ? "ok" : "missing";
}

/** A new kind for a table: the automatic mapping of its headers for that kind. */
export function withKind(
  choice: TableChoice,
  sample: RawTable,
  kind: TableKind | null
): TableChoice {
  const headers = headersAt(sample, choice.headerRowIndex);
  return { ...choice, kind, mapping: kind ? autoMap(headers, kind) : {}, headers, edited: true };
}

/** A new header row: headers read again and mapped automatically for the current kind. */
export function withHeaderRow(
  choice: TableChoice,
  sample: RawTable,
  headerRowIndex: number
): TableChoice {
  const headers = headersAt(sample, headerRowIndex);
  return {
    ...choice,
    headerRowIndex,
    headers,
    mapping: choice.kind ? autoMap(headers, choice.kind) : {},
    edited: true,
  };
}

/** One field mapped to a column (or unmapped with column null). */
export function withField(choice: TableChoice, field: string, column: number | null): TableChoice {
  const mapping = { ...choice.mapping };
  if (column === null) delete mapping[field];
  else mapping[field] = column;
  return { ...choice, mapping, edited: true };
}

/** Columns mapped to more than one field: column → fields. */
export function duplicateColumns(mapping: Record<string, number>): Map<number, string[]> {
  const byCol = new Map<number, string[]>();
  for (const [field, col] of Object.entries(mapping))
    byCol.set(col, [...(byCol.get(col) ?? []), field]);
  for (const [col, fields] of [...byCol]) if (fields.length < 2) byCol.delete(col);
  return byCol;
}

export function mappedTableOf(choice: TableChoice, table: RawTable): MappedTable | null {
  if (choice.kind === null) return null;
  return {
    table,
    kind: choice.kind,
    headerRowIndex: choice.headerRowIndex,
    mapping: choice.mapping,
  };
}

export interface PreviewRow {
  /** 1-based sheet row. */
  row: number;
  /** Field key → displayed value. */
  values: Record<string, string>;
  status: "ok" | "warning" | "rejected";
}

export interface TablePreview {
  rows: PreviewRow[];
  anomalies: Anomaly[];
  rec: TableReconciliation | null;
}

function dateText(day: number | null): string {
  if (day === null) return "";
  const d = new Date(day * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

function euroText(cents: number | null): string {
  if (cents === null) return "";
  return (
    (cents / 100).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) +
    " €"
  );
}

/** Fields shown in the preview table, per kind. */
export const PREVIEW_FIELDS: Record<TableKind, string[]> = {
  spend: ["date", "amountHT", "supplierName", "family"],
  contracts: ["contractRef", "notificationDate", "amount", "supplierName"],
  entities: ["entity", "type", "population"],
  nomenclature: ["familyCode", "label", "nature"],
  suppliers: ["supplierId", "name", "sme"],
  territories: ["territory", "population"],
  quality: ["territory", "service", "indicator", "value"],
};

/**
 * Parses the first PREVIEW_ROWS data rows of a sample with the real intake, so the preview shows
 * exactly what the analysis will read, with its warnings and rejections.
 */
export function previewTable(choice: TableChoice, sample: RawTable): TablePreview {
  if (choice.kind === null) return { rows: [], anomalies: [], rec: null };
  const end = Math.min(sample.rows.length, choice.headerRowIndex + 1 + PREVIEW_ROWS);
  const cut: RawTable = { ...sample, rows: sample.rows.slice(0, end) };
  const mapped = mappedTableOf(choice, cut) as MappedTable;
  const intake = runIntake([mapped]);
  const firstRow = sample.firstRow ?? 1;
  const bad = new Map<number, "warning" | "rejected">();
  for (const a of intake.anomalies) if (bad.get(a.row) !== "rejected") bad.set(a.row, a.severity);
  const rows: PreviewRow[] = [];
  const push = (row: number, values: Record<string, string>) =>
    rows.push({
      row,
      values,
      status: bad.get(row) === "rejected" ? "rejected" : bad.has(row) ? "warning" : "ok",
    });
  const byRow = <T extends { source: { row: number } }>(items: T[]) =>
    new Map(items.map((x) => [x.source.row, x] as const));
  const spend = byRow<SpendLine>(intake.spend);
  const contracts = byRow<ContractLine>(intake.contracts);
  const entities = byRow(intake.entities);
  const nomenclature = byRow(intake.nomenclature);
  const suppliers = byRow(intake.suppliers);
  const territories = byRow(intake.territories ?? []);
  const quality = byRow(intake.quality ?? []);
  for (let i = choice.headerRowIndex + 1; i < end; i++) {
    const row = firstRow + i;
    const raw: Cell[] = sample.rows[i] ?? [];
    if (raw.every((c) => cellText(c) === null)) continue;
    let values: Record<string, string> = {};
    switch (choice.kind) {
      case "spend": {
        const l = spend.get(row);
        if (l)
          values = {
            date: dateText(l.date),
            amountHT: euroText(l.amountHTCents),
            supplierName: l.supplierName ?? l.supplierId ?? "",
            family: l.family.label,
          };
        break;
      }
      case "contracts": {
        const c = contracts.get(row);
        if (c)
          values = {
            contractRef: c.contractRef,
            notificationDate: dateText(c.notificationDate),
            amount: euroText(c.amountCents),
            supplierName: c.supplierName ?? "",
          };
        break;
      }
      case "entities": {
        const e = entities.get(row);
        if (e)
          values = {
            entity: e.entity,
            type: e.type ?? "",
            population: e.population === null ? "" : e.population.toLocaleString("fr-FR"),
          };
        break;
      }
      case "territories": {
        const t = territories.get(row);
        if (t)
          values = {
            territory: t.territory,
            population: t.population === null ? "" : t.population.toLocaleString("fr-FR"),
          };
        break;
      }
      case "quality": {
        const q = quality.get(row);
        if (q)
          values = {
            territory: q.territory,
            service: q.service,
            indicator: q.indicator,
            value: q.value.toLocaleString("fr-FR"),
          };
        break;
      }
      case "nomenclature": {
        const n = nomenclature.get(row);
        if (n) values = { familyCode: n.familyCode, label: n.label ?? "", nature: n.nature ?? "" };
        break;
      }
      case "suppliers": {
        const s = suppliers.get(row);
        if (s)
          values = {
            supplierId: s.supplierId ?? "",
            name: s.name ?? "",
            sme: s.sme === null ? "" : s.sme ? "Oui" : "Non",
          };
        break;
      }
    }
    push(row, values);
  }
  return { rows, anomalies: intake.anomalies, rec: intake.reconciliation.tables[0] ?? null };
}

/** Detection of a source table from its sample. */
export function detectSample(sample: RawTable): TableDetection {
  return detectTable(sample);
}

/** Fields holding dates: an Excel serial in their column is shown as a date (issue #12). */
const DATE_FIELDS = new Set([
  "date",
  "invoiceReceived",
  "paid",
  "launchDate",
  "notificationDate",
  "endDate",
]);

/**
 * The first texts of a row for the header-row list ("3 — Date, Fournisseur, Montant"): a number
 * in a column mapped to a date field reads as a date (02/01/2025), never as its serial 45659;
 * other numbers are written the language's way (1 240,5).
 */
export function rowPreview(
  row: readonly Cell[],
  mapping: Readonly<Record<string, number>>,
  date1904 = false,
  lang: "fr" | "en" = "fr",
  count = 3
): string[] {
  const dateCols = new Set(
    Object.entries(mapping)
      .filter(([field]) => DATE_FIELDS.has(field))
      .map(([, col]) => col)
  );
  const out: string[] = [];
  row.forEach((c, j) => {
    if (out.length >= count) return;
    if (typeof c === "number" && dateCols.has(j)) {
      const day = parseDate(c, date1904);
      if (typeof day === "number") {
        out.push(frenchDate(day));
        return;
      }
    }
    if (typeof c === "number" && Number.isFinite(c)) {
      out.push(c.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 10 }));
      return;
    }
    const t = cellText(c);
    if (t !== null) out.push(t);
  });
  return out;
}
