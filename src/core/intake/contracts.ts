/** Contract register rows (marchés) → ContractLine (SPEC §2.2). DECP JSON goes through decp.ts. */
import { classifyFamily, natureOf } from "../classify";
import { addMonths } from "../dates";
import { environmentalKinds } from "../legal/considerations";
import type { Cell, ContractLine } from "../model";
import { parseBoolean } from "../parse/boolean";
import { normalizeCpv } from "../parse/cpv";
import { parseDate } from "../parse/date";
import { normalizeCompanyId } from "../parse/identifiers";
import { parseAmountCents, parseNumber } from "../parse/number";
import {
  considerationPresent,
  normalizeChannel,
  normalizeNature,
  normalizeProcedure,
} from "../parse/vocabulary";
import { cellText } from "../text";
import { BlankRuns, cellAt, columnOf, isBlankRow, isTotalRow, TableLog } from "./rows";
import { msg, type Message } from "../messages/render";

export interface ContractReaderOptions {
  mapping: Record<string, number>;
  date1904: boolean;
  defaultEntity: string;
}

/** The register's last modification (date and new total), when either is given. */
function modificationsOf(
  date: number | null,
  amountCents: number | null
): { date: number | null; amountCents: number | null }[] {
  return date === null && amountCents === null ? [] : [{ date, amountCents }];
}

/** Reads the data rows of a contracts register into `out`, logging every row's outcome. */
export function readContractRows(
  rows: Cell[][],
  firstDataIndex: number,
  endIndex: number,
  firstRow: number,
  log: TableLog,
  options: ContractReaderOptions,
  out: ContractLine[]
): void {
  const m = options.mapping;
  const col = (f: string) => columnOf(m, f);
  const text = (row: Cell[], f: string) => cellText(cellAt(row, col(f)));
  const blanks = new BlankRuns(log);
  for (let i = firstDataIndex; i < endIndex; i++) {
    const row = rows[i] ?? [];
    const sheetRow = firstRow + i;
    if (isBlankRow(row)) {
      blanks.add(sheetRow);
      continue;
    }
    blanks.flush();
    const amountCell = cellAt(row, col("amount"));
    const amount = parseAmountCents(amountCell);
    const readCents = typeof amount === "number" ? amount : 0;
    log.begin(readCents);
    const contractRef = text(row, "contractRef");
    if (contractRef === null) {
      const reason = isTotalRow(row)
        ? msg("anomaly.contractTotalRow")
        : msg("anomaly.contractRefMissing");
      log.reject(sheetRow, "contractRef", null, reason, readCents);
      continue;
    }
    if (amount === undefined)
      log.warn(sheetRow, "amount", amountCell, msg("anomaly.contractAmountUnreadable"));

    const date = (f: string, label: Message): number | null => {
      const c = cellAt(row, col(f));
      const v = parseDate(c, options.date1904);
      if (v === undefined) log.warn(sheetRow, f, c, msg("anomaly.fieldDateUnreadable", { label }));
      return v ?? null;
    };
    const num = (f: string, label: Message): number | null => {
      const c = cellAt(row, col(f));
      const v = parseNumber(c);
      if (v === undefined)
        log.warn(sheetRow, f, c, msg("anomaly.fieldNumberUnreadable", { label }));
      return v ?? null;
    };
    const cents = (f: string, label: Message): number | null => {
      const c = cellAt(row, col(f));
      const v = parseAmountCents(c);
      if (v === undefined)
        log.warn(sheetRow, f, c, msg("anomaly.fieldAmountUnreadable", { label }));
      return v ?? null;
    };
    const bool = (f: string, label: Message): boolean | null => {
      const c = cellAt(row, col(f));
      const v = parseBoolean(c);
      if (v === undefined) {
        const present = considerationPresent(c);
        if (present !== null) return present;
        log.warn(sheetRow, f, c, msg("anomaly.fieldYesNoUnrecognised", { label }));
      }
      return v ?? null;
    };

    const cpvCell = cellAt(row, col("cpv"));
    const cpvParsed = normalizeCpv(cpvCell);
    if (cpvParsed === undefined)
      log.warn(sheetRow, "cpv", cpvCell, msg("anomaly.contractCpvInvalid"));
    const cpv = cpvParsed ?? null;

    const procCell = cellAt(row, col("procedure"));
    const procedure = normalizeProcedure(procCell);
    if (procedure === undefined)
      log.warn(sheetRow, "procedure", procCell, msg("anomaly.procedureUnrecognised"));

    const natureCell = cellAt(row, col("nature"));
    const explicitNature = normalizeNature(natureCell);

    const chCell = cellAt(row, col("channel"));
    const channel = normalizeChannel(chCell);
    if (channel === undefined)
      log.warn(sheetRow, "channel", chCell, msg("anomaly.contractChannelUnrecognised"));

    const idCell = cellAt(row, col("supplierId"));
    const id = normalizeCompanyId(idCell);
    if (id === undefined)
      log.warn(sheetRow, "supplierId", idCell, msg("anomaly.holderIdUnreadable"));
    else if (id && !id.valid)
      log.warn(sheetRow, "supplierId", idCell, msg("anomaly.holderIdInvalid"));
    const supplierId = id ? id.id : null;
    const supplierName = text(row, "supplierName");

    const notificationDate = date("notificationDate", msg("label.notificationDate"));
    const durationMonths = num("durationMonths", msg("label.durationMonths"));
    let endDate = date("endDate", msg("label.endDate"));
    if (endDate === null && notificationDate !== null && durationMonths !== null)
      endDate = addMonths(notificationDate, Math.round(durationMonths));
    const membersText = text(row, "members");
    const bids = num("bidsReceived", msg("label.bidsReceived"));
    const lots = num("lots", msg("label.lots"));

    out.push({
      source: { table: log.table, row: sheetRow },
      contractRef,
      entity: text(row, "entity") ?? options.defaultEntity,
      entityId: text(row, "entityId"),
      description: text(row, "description"),
      cpv,
      nature: natureOf(explicitNature ?? null, cpv, null),
      procedure: procedure ?? null,
      procedureRaw: cellText(procCell),
      techniques: text(row, "techniques"),
      launchDate: date("launchDate", msg("label.launchDate")),
      notificationDate,
      durationMonths,
      endDate,
      amountCents: amount ?? null,
      estimatedAmountCents: cents("estimatedAmount", msg("label.estimatedAmount")),
      bidsReceived: bids === null ? null : Math.round(bids),
      supplierName,
      supplierId,
      holders:
        supplierName !== null || supplierId !== null
          ? [{ name: supplierName, id: supplierId }]
          : [],
      sme: bool("sme", msg("label.sme")),
      socialConsideration: bool("socialConsideration", msg("label.socialConsideration")),
      environmentalConsideration: bool(
        "environmentalConsideration",
        msg("label.environmentalConsideration")
      ),
      environmentalCriterion: environmentalKinds(cellAt(row, col("environmentalConsideration")))
        .criterion,
      environmentalClause: environmentalKinds(cellAt(row, col("environmentalConsideration")))
        .clause,
      lots: lots === null ? null : Math.round(lots),
      channel: channel ?? null,
      members: membersText ? membersText.split(/\s*[;,\n]\s*/).filter((s) => s !== "") : [],
      amendedAmountCents: cents("amendedAmount", msg("label.amendedAmount")),
      innovative: bool("innovative", msg("label.innovative")),
      consultationRef: text(row, "consultationRef"),
      modifications: modificationsOf(
        date("amendmentDate", msg("label.amendmentDate")),
        cents("amendedAmount", msg("label.amendedAmount"))
      ),
      family: classifyFamily({ familyCode: null, familyLabel: null, cpv, budgetArticle: null }),
    });
    log.accept(readCents);
  }
}
