/**
 * Intake of the two optional territorial tables (issue #16): Territoires (territories of one body
 * with their population and postcodes) and Qualité de service (territory × service × indicator ×
 * value × target × unit × date). Every row ends analysed, analysed with a warning, or rejected
 * with its reason (SPEC §2.5); these tables hold no amounts.
 */
import { msg, type Message } from "../messages/render";
import type { Cell, QualityDirection, QualityRow, TerritoryRow } from "../model";
import { parseDate } from "../parse/date";
import { parseNumber } from "../parse/number";
import { cellText, normalizeKey } from "../text";
import type { ReferenceRange } from "./reference-tables";
import { cellAt, columnOf, isBlankRow, TableLog } from "./rows";

function eachRow(
  range: ReferenceRange,
  log: TableLog,
  read: (sheetRow: number, get: (f: string) => Cell) => Message | null
): void {
  for (let i = range.firstDataIndex; i < range.endIndex; i++) {
    const row = range.rows[i] ?? [];
    const sheetRow = range.firstRow + i;
    log.begin(0);
    if (isBlankRow(row)) {
      log.reject(sheetRow, null, null, msg("anomaly.blankRow"), 0);
      continue;
    }
    const get = (f: string) => cellAt(row, columnOf(range.mapping, f));
    const rejected = read(sheetRow, get);
    if (rejected !== null) continue;
    log.accept(0);
  }
}

/** A number from a cell; "92 %" → 92 (the unit stays the user's). */
function numberOf(c: Cell): number | null | undefined {
  if (typeof c === "string") {
    const t = c.trim();
    if (t.endsWith("%")) return parseNumber(t.slice(0, -1).trim());
  }
  return parseNumber(c);
}

/** "45000 ; 45100, 45160" → ["45000", "45100", "45160"] (5 digits, a lost leading 0 restored). */
export function postcodeList(c: Cell): string[] {
  const text = cellText(c);
  if (text === null) return [];
  const out: string[] = [];
  for (const part of text.split(/[;,/\s]+/)) {
    const d = part.replace(/\D/g, "");
    if (d.length === 4) out.push(`0${d}`);
    else if (d.length === 5) out.push(d);
  }
  return out;
}

export function readTerritories(range: ReferenceRange, log: TableLog, out: TerritoryRow[]): void {
  eachRow(range, log, (sheetRow, get) => {
    const territory = cellText(get("territory"));
    if (territory === null) {
      const reason = msg("anomaly.territoryNameMissing");
      log.reject(sheetRow, "territory", get("territory"), reason, 0);
      return reason;
    }
    const popCell = get("population");
    const pop = numberOf(popCell);
    if (pop === undefined || (typeof pop === "number" && pop < 0))
      log.warn(
        sheetRow,
        "population",
        popCell,
        msg("anomaly.territoryPopulationUnreadable")
      );
    const pcCell = get("postcodes");
    const postcodes = postcodeList(pcCell);
    if (cellText(pcCell) !== null && postcodes.length === 0)
      log.warn(
        sheetRow,
        "postcodes",
        pcCell,
        msg("anomaly.postcodesUnreadable")
      );
    const dep = cellText(get("departement"));
    out.push({
      source: { table: log.table, row: sheetRow },
      territory,
      code: cellText(get("code")),
      type: cellText(get("type")),
      population: typeof pop === "number" && pop >= 0 ? pop : null,
      departement: dep === null ? null : dep.padStart(2, "0"),
      postcodes,
    });
    return null;
  });
}

/** "plus haut", "hausse", "max" → higher; "plus bas", "baisse", "min" → lower; else undefined. */
export function parseDirection(c: Cell): QualityDirection | null | undefined {
  const t = cellText(c);
  if (t === null) return null;
  const k = normalizeKey(t);
  if (/\b(haut|hausse|max|maximum|superieur|plus|higher|up)\b/.test(k) && !/\bbas\b/.test(k))
    return "higher";
  if (/\b(bas|baisse|min|minimum|inferieur|moins|lower|down)\b/.test(k)) return "lower";
  return undefined;
}

export function readQuality(
  range: ReferenceRange,
  log: TableLog,
  out: QualityRow[],
  date1904 = false
): void {
  eachRow(range, log, (sheetRow, get) => {
    const reject = (field: string, reason: Message): Message => {
      log.reject(sheetRow, field, get(field), reason, 0);
      return reason;
    };
    const territory = cellText(get("territory"));
    if (territory === null)
      return reject("territory", msg("anomaly.qualityTerritoryMissing"));
    const service = cellText(get("service"));
    if (service === null)
      return reject("service", msg("anomaly.qualityServiceMissing"));
    const indicator = cellText(get("indicator"));
    if (indicator === null)
      return reject("indicator", msg("anomaly.qualityIndicatorMissing"));
    const value = numberOf(get("value"));
    if (value === null || value === undefined)
      return reject(
        "value",
        msg("anomaly.qualityValueUnreadable")
      );
    const targetCell = get("target");
    const target = numberOf(targetCell);
    if (target === undefined)
      log.warn(
        sheetRow,
        "target",
        targetCell,
        msg("anomaly.qualityTargetUnreadable")
      );
    const dateCell = get("date");
    const date = parseDate(dateCell, date1904);
    if (date === undefined)
      log.warn(sheetRow, "date", dateCell, msg("anomaly.qualityDateUnreadable"));
    const dirCell = get("direction");
    const direction = parseDirection(dirCell);
    if (direction === undefined)
      log.warn(
        sheetRow,
        "direction",
        dirCell,
        msg("anomaly.qualityDirectionUnrecognised")
      );
    out.push({
      source: { table: log.table, row: sheetRow },
      territory,
      service,
      indicator,
      value,
      target: target ?? null,
      unit: cellText(get("unit")),
      date: date ?? null,
      direction: direction ?? null,
    });
    return null;
  });
}
