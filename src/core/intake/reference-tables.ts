/** Reference tables (SPEC §2.3): entités, nomenclature, fournisseurs. */
import type { Cell, EntityRow, NomenclatureRow, SupplierRow } from "../model";
import { parseBoolean } from "../parse/boolean";
import { normalizeCompanyId } from "../parse/identifiers";
import { parseNumber } from "../parse/number";
import { normalizeNature } from "../parse/vocabulary";
import { cellText } from "../text";
import { BlankRuns, cellAt, columnOf, isBlankRow, TableLog } from "./rows";
import { msg, type Message } from "../messages/render";

export interface ReferenceRange {
  rows: Cell[][];
  firstDataIndex: number;
  endIndex: number;
  firstRow: number;
  mapping: Record<string, number>;
}

/** Iterates the data rows: blank rows rejected, others handed to `read`, which returns a record or a rejection reason. */
function readRows<T>(
  range: ReferenceRange,
  log: TableLog,
  keyField: string,
  read: (row: Cell[], sheetRow: number, get: (f: string) => Cell) => T | { reject: Message },
  out: T[]
): void {
  const blanks = new BlankRuns(log);
  for (let i = range.firstDataIndex; i < range.endIndex; i++) {
    const row = range.rows[i] ?? [];
    const sheetRow = range.firstRow + i;
    if (isBlankRow(row)) {
      blanks.add(sheetRow);
      continue;
    }
    blanks.flush();
    log.begin(0);
    const get = (f: string) => cellAt(row, columnOf(range.mapping, f));
    const rec = read(row, sheetRow, get);
    if (rec && typeof rec === "object" && "reject" in rec) {
      log.reject(sheetRow, keyField, get(keyField), (rec as { reject: Message }).reject, 0);
      continue;
    }
    out.push(rec as T);
    log.accept(0);
  }
}

function bool(
  log: TableLog,
  sheetRow: number,
  field: string,
  cell: Cell,
  label: Message
): boolean | null {
  const v = parseBoolean(cell);
  if (v === undefined)
    log.warn(sheetRow, field, cell, msg("anomaly.refYesNoUnrecognised", { label }));
  return v ?? null;
}

export function readEntities(range: ReferenceRange, log: TableLog, out: EntityRow[]): void {
  readRows(
    range,
    log,
    "entity",
    (_row, sheetRow, get) => {
      const entity = cellText(get("entity"));
      if (entity === null) return { reject: msg("anomaly.entityNameMissing") };
      const popCell = get("population");
      const pop = parseNumber(popCell);
      if (pop === undefined)
        log.warn(sheetRow, "population", popCell, msg("anomaly.populationUnreadable"));
      const siretCell = get("siret");
      const siret = normalizeCompanyId(siretCell);
      if (siret === undefined || (siret && !siret.valid))
        log.warn(sheetRow, "siret", siretCell, msg("anomaly.entitySiretInvalid"));
      const dep = cellText(get("departement"));
      return {
        source: { table: log.table, row: sheetRow },
        entity,
        type: cellText(get("type")),
        territory: cellText(get("territory")),
        population: pop ?? null,
        departement: dep === null ? null : dep.padStart(2, "0"),
        siret: siret ? siret.id : null,
      };
    },
    out
  );
}

export function readNomenclature(
  range: ReferenceRange,
  log: TableLog,
  out: NomenclatureRow[]
): void {
  readRows(
    range,
    log,
    "familyCode",
    (_row, sheetRow, get) => {
      const familyCode = cellText(get("familyCode"));
      if (familyCode === null) return { reject: msg("anomaly.familyCodeMissing") };
      const natureCell = get("nature");
      const nature = normalizeNature(natureCell);
      if (nature === undefined)
        log.warn(sheetRow, "nature", natureCell, msg("anomaly.natureUnrecognised"));
      return {
        source: { table: log.table, row: sheetRow },
        familyCode,
        label: cellText(get("label")),
        nature: nature ?? null,
        proximity: bool(log, sheetRow, "proximity", get("proximity"), msg("label.proximity")),
        excludedFromSplitting: bool(
          log,
          sheetRow,
          "excludedFromSplitting",
          get("excludedFromSplitting"),
          msg("label.excludedFromSplitting")
        ),
        exclusionReason: cellText(get("exclusionReason")),
      };
    },
    out
  );
}

export function readSuppliers(range: ReferenceRange, log: TableLog, out: SupplierRow[]): void {
  readRows(
    range,
    log,
    "supplierId",
    (_row, sheetRow, get) => {
      const name = cellText(get("name"));
      const idCell = get("supplierId");
      const id = normalizeCompanyId(idCell);
      if (id === undefined || (id && !id.valid))
        log.warn(sheetRow, "supplierId", idCell, msg("anomaly.refSupplierIdInvalid"));
      if (name === null && !id) return { reject: msg("anomaly.supplierNameAndIdMissing") };
      const dep = cellText(get("departement"));
      return {
        source: { table: log.table, row: sheetRow },
        supplierId: id ? id.id : null,
        name,
        sme: bool(log, sheetRow, "sme", get("sme"), msg("label.sme")),
        departement: dep === null ? null : dep.padStart(2, "0"),
        insertion: bool(log, sheetRow, "insertion", get("insertion"), msg("label.insertion")),
      };
    },
    out
  );
}
