/**
 * Spend rows (mandats, factures, bons de commande) → SpendLine (SPEC §2.1, §2.5).
 * A row processor, so that a streaming reader can push rows one at a time in bounded memory.
 */
import { classifyFamily, natureOf } from "../classify";
import type { Cell, NomenclatureRow, SpendLine } from "../model";
import {
  beyondExactReason,
  formatEuros,
  htFromTtc,
  htFromTtcExact,
  implausibleAmountReason,
  isImplausibleCents,
} from "../money";
import { normalizeCpv } from "../parse/cpv";
import { parseDate } from "../parse/date";
import { normalizeCompanyId } from "../parse/identifiers";
import { parseAmountCents, parseAmountCentsExact, parseNumber } from "../parse/number";
import { normalizeChannel } from "../parse/vocabulary";
import { cellText, normalizeKey } from "../text";
import { BlankRuns, cellAt, columnOf, isBlankRow, isTotalRow, TableLog } from "./rows";
import { msg, type Message } from "../messages/render";

/** Why a spend line's amount is set aside (reconciliation line). */
export const SPEND_PLACEHOLDER_SET_ASIDE: Message = msg("setAside.spendPlaceholder");

/**
 * A filler amount on a spend line: a run of at least seven 9s in whole euros (9 999 999 €,
 * 999 999 999 €). Zero, negative (credit notes) and small amounts are genuine on spend lines, and
 * a huge amount that is not a run of 9s stays analysed with its "montant invraisemblable" warning.
 */
export function isPlaceholderSpendCents(cents: number): boolean {
  return cents > 0 && cents % 100 === 0 && /^9{7,}$/.test(String(cents / 100));
}

export interface SpendProcessorOptions {
  mapping: Record<string, number>;
  date1904: boolean;
  /** VAT rate (%) used when only TTC is given and the row has no rate. */
  defaultVatPercent: number;
  /** Entity used when the table has no entity column. */
  defaultEntity: string;
  nomenclature: Map<string, NomenclatureRow>;
  /**
   * The line date column is the mandat's date (« Date mandat »…) and no mandateDate column is
   * mapped: each line's mandat date is its date (PF8, décret 2013-269 art. 12).
   */
  mandateFromDate?: boolean;
}

const FIELDS = [
  "date",
  "amountHT",
  "amountTTC",
  "vatRate",
  "supplierName",
  "supplierId",
  "entity",
  "service",
  "territory",
  "familyCode",
  "familyLabel",
  "cpv",
  "budgetArticle",
  "contractRef",
  "commitmentRef",
  "description",
  "operation",
  "channel",
  "invoiceReceived",
  "paid",
  "invoiceRef",
  "mandateDate",
  "item",
  "quantity",
  "unitPrice",
  "unit",
  "supplierPostcode",
  "qualityLabel",
] as const;
type Field = (typeof FIELDS)[number];

/** Interns repeated strings (suppliers, entities, families) so 1 M lines share them. */
class Interner {
  private readonly map = new Map<string, string>();
  get(s: string): string {
    const hit = this.map.get(s);
    if (hit !== undefined) return hit;
    this.map.set(s, s);
    return s;
  }
}

export class SpendProcessor {
  readonly lines: SpendLine[] = [];
  private readonly col: Record<Field, number>;
  private readonly strings = new Interner();
  private readonly supplierKeys = new Map<string, string>();
  private readonly lastRaw: Cell[] = [];
  private readonly lastText: (string | null)[] = [];
  private readonly idCache = new Map<string | number, ReturnType<typeof normalizeCompanyId>>();
  private readonly pendingBlank: BlankRuns;

  constructor(
    private readonly log: TableLog,
    private readonly options: SpendProcessorOptions
  ) {
    const col = {} as Record<Field, number>;
    for (const f of FIELDS) col[f] = columnOf(options.mapping, f);
    this.col = col;
    this.pendingBlank = new BlankRuns(log);
  }

  /** Trimmed text of a low-cardinality field (entity, family, supplier…), interned. */
  private text(row: Cell[], field: Field): string | null {
    const c = this.col[field];
    if (c < 0) return null;
    const raw = row[c];
    // Exports are often sorted (by entity, service…): the same cell as the row above costs nothing.
    if (raw === this.lastRaw[c] && raw !== undefined) return this.lastText[c];
    const t = cellText(raw);
    const v = t === null ? null : this.strings.get(t);
    this.lastRaw[c] = raw;
    this.lastText[c] = v;
    return v;
  }

  /** Trimmed text of a free-text field (description, references), not interned. */
  private freeText(row: Cell[], field: Field): string | null {
    const c = this.col[field];
    return c < 0 ? null : cellText(row[c]);
  }

  /** normalizeCompanyId with a cache: a supplier's SIRET repeats on many lines. */
  private companyId(cell: Cell): ReturnType<typeof normalizeCompanyId> {
    if (typeof cell !== "string" && typeof cell !== "number") return normalizeCompanyId(cell);
    let hit = this.idCache.get(cell);
    if (hit === undefined && !this.idCache.has(cell)) {
      hit = normalizeCompanyId(cell);
      if (this.idCache.size < 200_000) this.idCache.set(cell, hit);
    }
    return hit;
  }

  // Amounts of the current row, set by readAmounts (fields, not an object per row: 1 M rows).
  private ht: number | null = null;
  private ttc: number | null = null;
  private htEstimated = false;
  private amountRaw: Cell = null;
  /** The row's VAT-rate cell when it was needed but unreadable (warned once the row has begun). */
  private badVatCell: Cell | undefined = undefined;

  /** Reads the row's amounts: HT as given, else TTC converted with the row's (or default) VAT rate. */
  private readAmounts(row: Cell[]): void {
    const htCell = cellAt(row, this.col.amountHT);
    const ttcCell = cellAt(row, this.col.amountTTC);
    const ht = this.col.amountHT >= 0 ? parseAmountCents(htCell) : null;
    const ttc = this.col.amountTTC >= 0 ? parseAmountCents(ttcCell) : null;
    this.ttc = typeof ttc === "number" ? ttc : null;
    this.badVatCell = undefined;
    if (typeof ht === "number") {
      this.ht = ht;
      this.htEstimated = false;
      this.amountRaw = htCell;
    } else if (this.ttc !== null) {
      this.ht = htFromTtc(this.ttc, this.vatPercent(row));
      this.htEstimated = true;
      this.amountRaw = ttcCell;
    } else {
      this.ht = null;
      this.htEstimated = false;
      this.amountRaw = this.col.amountHT >= 0 ? htCell : ttcCell;
    }
  }

  /** The row's VAT rate (%), else the default one (an unreadable rate cell is kept in badVatCell). */
  private vatPercent(row: Cell[]): number {
    let vat = this.options.defaultVatPercent;
    if (this.col.vatRate >= 0) {
      const rateCell = row[this.col.vatRate];
      const r = parseNumber(rateCell);
      if (typeof r === "number" && r >= 0 && r <= 100) vat = r > 0 && r < 1 ? r * 100 : r;
      else if (r !== null) this.badVatCell = rateCell;
    }
    return vat;
  }

  /** Processes one data row (sheet row number given for the reports). */
  push(row: Cell[], sheetRow: number): void {
    if (isBlankRow(row)) {
      // Blank rows count only when more data follows (trailing blanks are not part of the table);
      // a run of them is one anomaly.
      this.pendingBlank.add(sheetRow);
      return;
    }
    this.pendingBlank.flush();
    this.readAmounts(row);
    const dateCell = cellAt(row, this.col.date);
    const date = parseDate(dateCell, this.options.date1904);
    if (typeof date !== "number" && isTotalRow(row)) {
      this.rejectTotalRow(sheetRow);
      return;
    }
    const ht = this.ht;
    if (ht === null) {
      this.rejectMissingAmount(row, sheetRow);
      return;
    }
    const readCents = ht;
    this.log.begin(readCents);
    // A filler amount (999 999 999 €, a run of 9s) is no purchase: set aside with its reason, the
    // line analysed at 0 € (as a contract's placeholder, issue #11 §2).
    const placeholder = isPlaceholderSpendCents(ht);
    if (placeholder) {
      this.log.warn(
        sheetRow,
        this.htEstimated ? "amountTTC" : "amountHT",
        this.amountRaw,
        msg("anomaly.spendAmountPlaceholder", { amount: ht / 100 })
      );
    } else if (isImplausibleCents(ht))
      this.log.warn(
        sheetRow,
        this.htEstimated ? "amountTTC" : "amountHT",
        this.amountRaw,
        implausibleAmountReason(ht)
      );
    if (this.badVatCell !== undefined) this.warnBadVat(sheetRow);
    if (date === null || date === undefined) {
      this.rejectDate(sheetRow, dateCell, date, readCents);
      return;
    }
    const supplierName = this.text(row, "supplierName");
    const supplierId = this.readSupplierId(row, sheetRow);
    if (supplierName === null && supplierId === null) {
      this.log.reject(
        sheetRow,
        "supplierName",
        null,
        msg("anomaly.supplierMissing"),
        readCents
      );
      return;
    }
    if (placeholder) {
      this.ttc = null;
      this.log.setAside(ht, SPEND_PLACEHOLDER_SET_ASIDE);
    }
    const analysedHt = placeholder ? 0 : ht;
    this.lines.push(this.line(row, sheetRow, date, analysedHt, supplierName, supplierId));
    this.log.accept(analysedHt);
  }

  /** A total is not a source amount: counting it would double the rows it sums. */
  private rejectTotalRow(sheetRow: number): void {
    this.log.begin(0);
    this.log.reject(
      sheetRow,
      null,
      this.amountRaw,
      this.ht === null
        ? msg("anomaly.spendTotalRow")
        : msg("anomaly.spendTotalRowAmount", { amount: formatEuros(this.ht) }),
      0
    );
  }

  /**
   * A row without a usable amount is rejected. An amount beyond the exact range of a number
   * (90 071 992 547 409,91 €) is read exactly from its digits and counted, to the cent, in the
   * amounts read and rejected (HT, or TTC converted with the row's rate): nothing is lost from
   * "read = analysed + rejected + set aside". A missing or unreadable amount counts 0.
   */
  private rejectMissingAmount(row: Cell[], sheetRow: number): void {
    let field = this.col.amountHT >= 0 ? "amountHT" : "amountTTC";
    let raw = this.amountRaw;
    let exact = parseAmountCentsExact(raw);
    let htExact = typeof exact === "bigint" ? exact : null;
    if (field === "amountHT" && exact === null && this.col.amountTTC >= 0) {
      // HT blank: a TTC beyond the exact range is the row's amount.
      const ttcCell = cellAt(row, this.col.amountTTC);
      const ttc = parseAmountCentsExact(ttcCell);
      if (typeof ttc === "bigint") {
        field = "amountTTC";
        raw = ttcCell;
        exact = ttc;
      }
    }
    if (field === "amountTTC" && typeof exact === "bigint")
      htExact = htFromTtcExact(exact, this.vatPercent(row));
    const reason =
      cellText(raw) === null
        ? msg("anomaly.amountMissing")
        : typeof exact === "bigint"
          ? beyondExactReason(exact)
          : msg("anomaly.amountUnreadable");
    const cents = htExact ?? 0;
    this.log.begin(cents);
    this.log.reject(sheetRow, field, raw, reason, cents);
  }

  private warnBadVat(sheetRow: number): void {
    this.log.warn(
      sheetRow,
      "vatRate",
      this.badVatCell ?? null,
      msg("anomaly.vatUnreadable", { rate: this.options.defaultVatPercent })
    );
  }

  private rejectDate(
    sheetRow: number,
    dateCell: Cell,
    date: null | undefined,
    readCents: number
  ): void {
    this.log.reject(
      sheetRow,
      "date",
      dateCell,
      date === null ? msg("anomaly.dateMissing") : msg("anomaly.dateUnreadable"),
      readCents
    );
  }

  /** The supplier's SIRET/SIREN (interned), null when absent or unreadable (warned). */
  private readSupplierId(row: Cell[], sheetRow: number): string | null {
    if (this.col.supplierId < 0) return null;
    const idCell = row[this.col.supplierId];
    const id = this.companyId(idCell);
    if (id === undefined) {
      this.log.warn(
        sheetRow,
        "supplierId",
        idCell,
        msg("anomaly.supplierIdUnreadable")
      );
      return null;
    }
    if (id === null) return null;
    if (!id.valid)
      this.log.warn(
        sheetRow,
        "supplierId",
        idCell,
        msg("anomaly.supplierIdInvalid")
      );
    return this.strings.get(id.id);
  }

  /** The entity, or the default one (warned when the column exists but the cell is empty). */
  private readEntity(row: Cell[], sheetRow: number): string {
    const entity = this.text(row, "entity");
    if (entity !== null) return entity;
    if (this.col.entity >= 0)
      this.log.warn(
        sheetRow,
        "entity",
        null,
        msg("anomaly.entityMissing", { entity: this.options.defaultEntity })
      );
    return this.options.defaultEntity;
  }

  private readCpv(row: Cell[], sheetRow: number): string | null {
    if (this.col.cpv < 0) return null;
    const cpvCell = row[this.col.cpv];
    const c = normalizeCpv(cpvCell);
    if (c === undefined) {
      this.log.warn(
        sheetRow,
        "cpv",
        cpvCell,
        msg("anomaly.cpvInvalid")
      );
      return null;
    }
    return c === null ? null : this.strings.get(c);
  }

  private readChannel(row: Cell[], sheetRow: number): SpendLine["channel"] {
    if (this.col.channel < 0) return null;
    const chCell = row[this.col.channel];
    const ch = normalizeChannel(chCell);
    if (ch !== undefined) return ch;
    this.log.warn(
      sheetRow,
      "channel",
      chCell,
      msg("anomaly.channelUnrecognised")
    );
    return null;
  }

  private readUnitPrice(row: Cell[], sheetRow: number): number | null {
    if (this.col.unitPrice < 0) return null;
    const upCell = row[this.col.unitPrice];
    const up = parseAmountCents(upCell);
    if (up !== undefined) return up;
    this.log.warn(
      sheetRow,
      "unitPrice",
      upCell,
      msg("anomaly.unitPriceUnreadable")
    );
    return null;
  }

  /** The analysed line of an accepted row (amount, date and supplier already checked). */
  private line(
    row: Cell[],
    sheetRow: number,
    date: number,
    ht: number,
    supplierName: string | null,
    supplierId: string | null
  ): SpendLine {
    const entity = this.readEntity(row, sheetRow);
    const cpv = this.readCpv(row, sheetRow);
    const channel = this.readChannel(row, sheetRow);
    const invoiceReceived = this.optionalDate(
      row,
      sheetRow,
      "invoiceReceived",
      msg("anomaly.invoiceDateUnreadable")
    );
    const paid = this.optionalDate(row, sheetRow, "paid", msg("anomaly.paidDateUnreadable"));
    const mandateDate = this.options.mandateFromDate
      ? date
      : this.optionalDate(row, sheetRow, "mandateDate", msg("anomaly.mandateDateUnreadable"));
    const quantity = this.optionalNumber(
      row,
      sheetRow,
      "quantity",
      msg("anomaly.quantityUnreadable")
    );
    const unitPriceCents = this.readUnitPrice(row, sheetRow);
    const familyCode = this.text(row, "familyCode");
    let familyLabel = this.text(row, "familyLabel");
    const budgetArticle = this.text(row, "budgetArticle");
    const nomen = familyCode !== null ? this.options.nomenclature.get(familyCode) : undefined;
    if (familyLabel === null && nomen?.label) familyLabel = nomen.label;
    const family = classifyFamily({ familyCode, familyLabel, cpv, budgetArticle });
    return {
      source: { table: this.log.table, row: sheetRow },
      date,
      amountHTCents: ht,
      amountTTCCents: this.ttc,
      htEstimated: this.htEstimated,
      isCredit: ht < 0,
      supplierName,
      supplierId,
      supplierKey: this.supplierKey(supplierId, supplierName),
      entity,
      service: this.text(row, "service"),
      territory: this.text(row, "territory"),
      familyCode,
      familyLabel,
      cpv,
      budgetArticle,
      contractRef: this.freeText(row, "contractRef"),
      commitmentRef: this.freeText(row, "commitmentRef"),
      description: this.freeText(row, "description"),
      operation: this.freeText(row, "operation"),
      channel,
      invoiceReceived,
      paid,
      invoiceRef: this.freeText(row, "invoiceRef"),
      mandateDate,
      item: this.freeText(row, "item"),
      quantity,
      unitPriceCents,
      unit: this.text(row, "unit"),
      supplierPostcode: this.text(row, "supplierPostcode"),
      qualityLabel: this.freeText(row, "qualityLabel"),
      family,
      nature: natureOf(nomen?.nature ?? null, cpv, budgetArticle),
    };
  }

  private supplierKey(id: string | null, name: string | null): string {
    if (id) return id.slice(0, 9);
    const n = name as string;
    let k = this.supplierKeys.get(n);
    if (k === undefined) {
      k = this.strings.get(`nom:${normalizeKey(n)}`);
      this.supplierKeys.set(n, k);
    }
    return k;
  }

  private optionalDate(
    row: Cell[],
    sheetRow: number,
    field: Field,
    reason: Message
  ): number | null {
    const c = this.col[field];
    if (c < 0) return null;
    const v = parseDate(row[c], this.options.date1904);
    if (v === undefined) {
      this.log.warn(sheetRow, field, row[c], reason);
      return null;
    }
    return v;
  }

  private optionalNumber(
    row: Cell[],
    sheetRow: number,
    field: Field,
    reason: Message
  ): number | null {
    const c = this.col[field];
    if (c < 0) return null;
    const v = parseNumber(row[c]);
    if (v === undefined) {
      this.log.warn(sheetRow, field, row[c], reason);
      return null;
    }
    return v;
  }
}
