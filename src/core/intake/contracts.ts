/**
 * Contract register rows (marchés) → ContractLine (SPEC §2.2, issue #11 §2). DECP JSON/XML goes
 * through decp.ts.
 *
 * Registers as they are really written:
 * - one row per titulaire / mandataire / co-traitant: rows with the same buyer, contract number,
 *   notification date and amount are one contract with its holders (and their roles); the amount
 *   is counted once — the repeated amount of the extra rows is *set aside* with its reason — and
 *   the grouping is reported (reconciliation: contracts, rowsGrouped);
 * - hand-made registers: title rows and section rows (one text cell: SERVICES / FOURNITURES /
 *   TRAVAUX, "Tranche 1 : …") are listed, not analysed; a nature section gives the nature of the
 *   rows below it when the register has no nature column; a sub-total row ("Total : 73 243,56"
 *   above the lots it sums) is set aside; a register without a number column references each
 *   contract by its row ("L7");
 * - cells: HTML entities decoded (&#8211; → –), the consolidated tables' placeholders `CDL`/`MQ`
 *   read as blank, list literals (['Accord-cadre']) as their items; amounts "14 237.50" and a cell
 *   listing lot amounts ("Lot 2: 10869,56 / Lot 4: 13377,13", summed with a warning);
 * - amounts: amountCents is the initial amount (montant initial); a contract with only a maximum
 *   (accord-cadre) is analysed on its maximum, amountBasis saying so; a placeholder (0,
 *   999 999 999 €…) is set aside, the contract analysed without amount.
 */
import { classifyFamily, natureOf } from "../classify";
import { addMonths } from "../dates";
import { implausibleAmount, PLACEHOLDER_SET_ASIDE } from "../decp";
import { environmentalKinds } from "../legal/considerations";
import type { AmountBasis, Cell, ContractLine, Holder, Nature } from "../model";
import { parseBoolean } from "../parse/boolean";
import { normalizeCpv } from "../parse/cpv";
import { parseDate } from "../parse/date";
import { normalizeCompanyId } from "../parse/identifiers";
import { parseAmountCents, parseAmountCentsExact, parseNumber } from "../parse/number";
import {
  considerationPresent,
  normalizeChannel,
  normalizeNature,
  normalizeProcedure,
} from "../parse/vocabulary";
import { decodeEntities } from "../xml";
import { cellText, normalizeKey } from "../text";
import { BlankRuns, cellAt, columnOf, isBlankCell, isBlankRow, isTotalRow, TableLog } from "./rows";
import { msg, type Message } from "../messages/render";

export interface ContractReaderOptions {
  mapping: Record<string, number>;
  date1904: boolean;
  defaultEntity: string;
}

/** Why the repeated amount of a co-titulaire's row is set aside. */
export const GROUPED_SET_ASIDE: Message = msg("setAside.grouped");
/** Why a sub-total row's amount is set aside. */
export const SUBTOTAL_SET_ASIDE: Message = msg("setAside.subtotal");

/** The register's last modification (date and new total), when either is given. */
function modificationsOf(
  date: number | null,
  amountCents: number | null
): { date: number | null; amountCents: number | null }[] {
  return date === null && amountCents === null ? [] : [{ date, amountCents }];
}

/** Placeholders of the national consolidated tables: "CDL" (champ de longueur nulle), "MQ" (manquant). */
const PLACEHOLDER_CELLS = new Set(["CDL", "MQ", "NC", "N/A", "NULL", "None", "nan", "NaN"]);

/**
 * A register cell as the readers use it: placeholders blank, HTML entities decoded, a list literal
 * (['Pas de considération sociale']) as its items joined by ", ".
 */
export function registerCell(c: Cell): Cell {
  if (typeof c !== "string") return c;
  let t = c.trim();
  if (PLACEHOLDER_CELLS.has(t)) return null;
  if (t.includes("&")) t = decodeEntities(t);
  if (t.length >= 4 && t[0] === "[" && t[t.length - 1] === "]") {
    const items = t
      .slice(1, -1)
      .split(/\s*,\s*(?=['"])/)
      .map((x) => x.trim().replace(/^['"]|['"]$/g, "").trim())
      .filter((x) => x !== "");
    return items.length > 0 ? items.join(", ") : null;
  }
  return t === c ? c : t;
}

/** Nature of a section row (SERVICES, FOURNITURE(S), TRAVAUX, PRESTATIONS…); null when it is not one. */
export function sectionNature(text: string): Nature | null {
  const k = normalizeKey(text);
  if (/^(services?|prestations?( de services| intellectuelles)?|marches? de services)$/.test(k)) return "Services";
  if (/^(fournitures?|marches? de fournitures)( courantes)?$/.test(k)) return "Fournitures";
  if (/^(travaux|marches? de travaux)$/.test(k)) return "Travaux";
  return null;
}

/**
 * A cell listing several lot amounts, one a line ("Lot 2: 10869,56\nLot 4: 13377,13"): their sum
 * in cents, or undefined when the cell is not that.
 */
export function lotAmountsCents(c: Cell): { cents: number; lots: number } | undefined {
  if (typeof c !== "string" || !/\n/.test(c.trim())) return undefined;
  const lines = c.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  if (lines.length < 2) return undefined;
  let cents = 0;
  for (const l of lines) {
    const m = /[:=]\s*([-\d\s\u00a0.,]+?)\s*(€|eur|euros)?\s*(ht)?$/i.exec(l);
    const v = m ? parseAmountCents(m[1]) : undefined;
    if (typeof v !== "number") return undefined;
    cents += v;
  }
  return { cents, lots: lines.length };
}

/** The amount of a sub-total row: the number after "Total" in a cell ("Total : 73 243,56"). */
function subtotalCents(row: Cell[]): number {
  for (const c of row) {
    if (typeof c === "number") return Math.round(c * 100);
    if (typeof c === "string") {
      const m = /^\s*(sous[- ]?)?total[^:\d]*:?\s*([-\d\s\u00a0.,]+)\s*(€|eur)?\s*(ht|ttc)?\s*$/i.exec(c);
      const v = m ? parseAmountCents(m[2]) : undefined;
      if (typeof v === "number") return v;
    }
  }
  return 0;
}

function holderKey(h: Holder): string {
  return h.id ?? normalizeKey(h.name ?? "");
}

/**
 * Reads a contracts register row by row (bounded by the contracts, not the file): push every data
 * row, then `finish()` returns the contracts, rows of one contract grouped.
 */
export class ContractProcessor {
  readonly lines: ContractLine[] = [];
  private readonly byKey = new Map<string, ContractLine>();
  private readonly blanks: BlankRuns;
  private section: Nature | null = null;
  private rowRefNoted = false;
  private grouped = 0;
  private lastRow = -1;

  constructor(
    private readonly log: TableLog,
    private readonly options: ContractReaderOptions
  ) {
    this.blanks = new BlankRuns(log);
  }

  push(rawRow: Cell[], sheetRow: number): void {
    const log = this.log;
    const options = this.options;
    const m = options.mapping;
    const col = (f: string) => columnOf(m, f);
    const text = (r: Cell[], f: string) => cellText(cellAt(r, col(f)));
    // Rows a source skipped (never stored in the sheet) are blank.
    if (this.lastRow >= 0) for (let r = this.lastRow + 1; r < sheetRow; r++) this.blanks.add(r);
    this.lastRow = sheetRow;
    const row = rawRow.map(registerCell);
    if (isBlankRow(row)) {
      this.blanks.add(sheetRow);
      return;
    }
    this.blanks.flush();
    if (this.sectionRow(row, sheetRow)) return;
    if (isTotalRow(row) && text(row, "notificationDate") === null) {
      const cents = subtotalCents(row);
      log.begin(cents);
      log.reject(
        sheetRow,
        null,
        row.find((c) => !isBlankCell(c)) ?? null,
        msg("anomaly.contractSubtotalRow"),
        0
      );
      if (cents !== 0) log.setAside(cents, SUBTOTAL_SET_ASIDE);
      return;
    }
    const amountCell = cellAt(row, col("amount"));
    let amount = parseAmountCents(amountCell);
    // An amount beyond the exact range of a number (90 071 992 547 409,91 €): read exactly from its
    // digits, counted in the amounts read, and set aside as a placeholder (it is far beyond any
    // plausible contract), so that the reconciliation stays exact to the cent.
    const exact = amount === undefined ? parseAmountCentsExact(amountCell) : null;
    const beyond = typeof exact === "bigint" ? exact : null;
    const lotSum = amount === undefined && beyond === null ? lotAmountsCents(amountCell) : undefined;
    if (lotSum !== undefined) amount = lotSum.cents;
    const maxCell = cellAt(row, col("maxAmount"));
    const maxAmount = parseAmountCents(maxCell);
    let basis: AmountBasis = "initial";
    let readCents = typeof amount === "number" ? amount : 0;
    if ((amount === null || amount === undefined) && beyond === null && typeof maxAmount === "number") {
      amount = maxAmount;
      basis = "maximum";
      readCents = maxAmount;
    }
    const readExact: number | bigint = beyond ?? readCents;
    log.begin(readExact);
    const noRefColumn = col("contractRef") < 0;
    const contractRef = noRefColumn ? `L${sheetRow}` : text(row, "contractRef");
    if (contractRef === null) {
      log.reject(
        sheetRow,
        "contractRef",
        null,
        msg("anomaly.contractRefMissing"),
        readExact
      );
      return;
    }
    if (noRefColumn && !this.rowRefNoted) {
      this.rowRefNoted = true;
      log.warn(
        sheetRow,
        "contractRef",
        null,
        msg("anomaly.contractRefByRow", { row: String(sheetRow) })
      );
    }
    if (lotSum !== undefined)
      log.warn(
        sheetRow,
        "amount",
        amountCell,
        msg("anomaly.contractLotAmounts", { lots: lotSum.lots })
      );
    if (amount === undefined && beyond === null)
      log.warn(
        sheetRow,
        "amount",
        amountCell,
        msg("anomaly.contractAmountUnreadable")
      );
    if (basis === "maximum")
      log.warn(
        sheetRow,
        "maxAmount",
        maxCell,
        msg("anomaly.contractMaximumBasis")
      );
    let placeholder = false;
    if (beyond !== null) {
      log.warn(
        sheetRow,
        "amount",
        amountCell,
        msg("anomaly.contractAmountPlaceholder", {
          why: msg("decp.implausibleWhy", { why: "tooLarge" }),
        })
      );
      placeholder = true;
      amount = null;
    } else if (typeof amount === "number" && implausibleAmount(amount) !== null) {
      log.warn(
        sheetRow,
        basis === "maximum" ? "maxAmount" : "amount",
        basis === "maximum" ? maxCell : amountCell,
        msg("anomaly.contractAmountPlaceholder", {
          why: msg("decp.implausibleWhy", { why: implausibleAmount(amount) ?? "other" }),
        })
      );
      placeholder = true;
      amount = null;
    }

    const date = (f: string, label: Message): number | null => {
      const c = cellAt(row, col(f));
      const v = parseDate(c, options.date1904);
      if (v === undefined)
        log.warn(sheetRow, f, c, msg("anomaly.fieldDateUnreadable", { label }));
      return v ?? null;
    };
    const num = (f: string, label: Message): number | null => {
      const c = cellAt(row, col(f));
      const v = parseNumber(c);
      if (v === undefined) log.warn(sheetRow, f, c, msg("anomaly.fieldNumberUnreadable", { label }));
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
      log.warn(
        sheetRow,
        "cpv",
        cpvCell,
        msg("anomaly.contractCpvInvalid")
      );
    const cpv = cpvParsed ?? null;

    const procCell = cellAt(row, col("procedure"));
    const procedure = normalizeProcedure(procCell);
    if (procedure === undefined)
      log.warn(
        sheetRow,
        "procedure",
        procCell,
        msg("anomaly.procedureUnrecognised")
      );

    const natureCell = cellAt(row, col("nature"));
    const explicitNature = normalizeNature(natureCell);
    // A DECP-like "nature" column says Marché / Accord-cadre / Marché subséquent: a technique.
    const natureKey = typeof natureCell === "string" ? normalizeKey(natureCell) : "";
    const natureTechnique =
      natureKey === "accord cadre" ? "Accord-cadre" : natureKey === "marche subsequent" ? "Marché subséquent" : null;

    const chCell = cellAt(row, col("channel"));
    const channel = normalizeChannel(chCell);
    if (channel === undefined)
      log.warn(sheetRow, "channel", chCell, msg("anomaly.contractChannelUnrecognised"));

    const idCell = cellAt(row, col("supplierId"));
    const id = normalizeCompanyId(idCell);
    if (id === undefined)
      log.warn(
        sheetRow,
        "supplierId",
        idCell,
        msg("anomaly.holderIdUnreadable")
      );
    else if (id && !id.valid)
      log.warn(
        sheetRow,
        "supplierId",
        idCell,
        msg("anomaly.holderIdInvalid")
      );
    const supplierId = id ? id.id : null;
    const supplierName = text(row, "supplierName");
    const role = text(row, "holderRole");
    const postcodeText = text(row, "supplierPostcode");
    const postcode = postcodeText === null ? null : postcodeText.replace(/[\s\u00a0\u202f]+/g, "");
    const holders: Holder[] = [];
    if (supplierName !== null || supplierId !== null)
      holders.push({
        name: supplierName,
        id: supplierId,
        ...(role !== null ? { role } : {}),
        ...(postcode !== null ? { postcode } : {}),
      });

    const notificationDate = date("notificationDate", msg("label.notificationDate"));
    const durationMonths = num("durationMonths", msg("label.durationMonths"));
    let endDate = date("endDate", msg("label.endDate"));
    if (endDate === null && notificationDate !== null && durationMonths !== null)
      endDate = addMonths(notificationDate, Math.round(durationMonths));
    const membersText = text(row, "members");
    const bids = num("bidsReceived", msg("label.bidsReceived"));
    const lots = num("lots", msg("label.lots"));

    const line: ContractLine = {
      source: { table: log.table, row: sheetRow },
      contractRef,
      entity: text(row, "entity") ?? options.defaultEntity,
      entityId: text(row, "entityId"),
      description: text(row, "description"),
      cpv,
      nature: natureOf(explicitNature ?? (col("nature") < 0 ? this.section : null), cpv, null),
      procedure: procedure ?? null,
      procedureRaw: cellText(procCell),
      techniques: joinTechniques(natureTechnique, text(row, "techniques")),
      launchDate: date("launchDate", msg("label.launchDate")),
      notificationDate,
      durationMonths,
      endDate,
      amountCents: amount ?? null,
      amountBasis: basis,
      maxAmountCents: typeof maxAmount === "number" ? maxAmount : null,
      publicationDate: date("publicationDate", msg("label.publicationDate")),
      estimatedAmountCents: cents("estimatedAmount", msg("label.estimatedAmount")),
      bidsReceived: bids === null ? null : Math.round(bids),
      supplierName,
      supplierId,
      holders,
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
    };
    if (placeholder) log.setAside(readExact, PLACEHOLDER_SET_ASIDE);
    if (!noRefColumn && this.merge(line, sheetRow, placeholder ? 0 : readCents)) return;
    this.lines.push(line);
    log.accept(placeholder ? 0 : readCents);
  }

  /**
   * A section or title row: one text cell and nothing else (SERVICES, "Tranche 1 : …", the
   * register's title). Listed with its reason; a nature section sets the nature of what follows.
   */
  private sectionRow(row: Cell[], sheetRow: number): boolean {
    let only: string | null = null;
    for (const c of row) {
      if (isBlankCell(c)) continue;
      if (only !== null || typeof c !== "string") return false;
      only = c.trim();
    }
    if (only === null) return false;
    const nature = sectionNature(only);
    this.log.begin(0);
    let reason: Message;
    if (nature !== null) {
      this.section = nature;
      reason =
        this.options.mapping.nature === undefined
          ? msg("anomaly.contractSectionNature", { text: only, nature })
          : msg("anomaly.contractSectionNatureColumn", { text: only });
    } else if (/^tranche\b/i.test(only)) {
      reason = msg("anomaly.contractSectionTranche", { text: only });
    } else {
      reason = msg("anomaly.contractTitleRow");
    }
    this.log.reject(sheetRow, null, only, reason, 0);
    return true;
  }

  /**
   * Another row of a contract already read (same buyer, number, notification date and amount):
   * its holder joins the contract, its repeated amount is set aside. True when merged.
   */
  private merge(line: ContractLine, sheetRow: number, readCents: number): boolean {
    const key = [
      line.entityId ?? normalizeKey(line.entity),
      line.contractRef,
      line.notificationDate ?? "",
      line.amountCents ?? "",
    ].join("|");
    const first = this.byKey.get(key);
    if (first === undefined) {
      this.byKey.set(key, line);
      return false;
    }
    const known = new Set(first.holders.map(holderKey));
    for (const h of line.holders) {
      if (known.has(holderKey(h))) {
        this.log.warn(
          sheetRow,
          "supplierName",
          h.name ?? h.id,
          msg("anomaly.contractHolderRepeated", { ref: line.contractRef, row: String(first.source.row) })
        );
        continue;
      }
      known.add(holderKey(h));
      first.holders.push(h);
    }
    this.grouped++;
    if (readCents !== 0) this.log.setAside(readCents, GROUPED_SET_ASIDE);
    this.log.accept(0);
    return true;
  }

  /** Ends the table: trailing blank rows dropped; the contracts, and the grouping in the reconciliation. */
  finish(): ContractLine[] {
    this.blanks.drop();
    this.log.rec.contracts = this.lines.length;
    this.log.rec.rowsGrouped = this.grouped;
    return this.lines;
  }
}

function joinTechniques(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null || normalizeKey(b).includes(normalizeKey(a))) return b ?? a;
  return `${a}, ${b}`;
}
