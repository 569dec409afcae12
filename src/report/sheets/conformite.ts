/**
 * Conformité (SPEC §5): the CO1–CO5 summary, then every signal with its severity and the lines
 * behind it. Worded as signals to check, never as accusations (SPEC §4). Each section reads its
 * indicator's typed result (the row types of co/co1.ts … co5.ts): every table is present, empty
 * when the indicator is N/A.
 */
import { numberText } from "../../core/messages/format";
import { msg } from "../../core/messages/render";
import { message, naText, periodTitle, text } from "../labels";
import {
  indicatorTable,
  labelOf,
  SheetBuilder,
  type BuildContext,
  type ColumnDef,
  type PlacedTable,
} from "../layout";
import type { SheetSpec, StyleName } from "../spec";
import { CO1, CO2, CO3, CO4, CO5, PF4, PF6, PF8 } from "../../core/indicators/registry";
import {
  groupedByText,
  loiClimatStatusText,
  natureText,
  procedureIssueText,
  repeatPatternText,
  severityText,
  thresholdBasisText,
  worksWithoutOperationStatusText,
} from "../../core/indicators/compliance-row-texts";
import { natureLabel } from "../../core/indicators/co/row-labels";
import { SERVICE_NOT_GIVEN, type PF8Tables } from "../../core/indicators/pf/pf8";
import { LONG_TABLE_ROWS } from "../print";
import type { ProcedureToCorrectRow } from "../../core/indicators/recorded-procedure";
import type { IndicatorResult } from "../../core/indicators/types";
import type { SplittingSeverity } from "../../core/indicators/splitting";
import { groupIndicators, result, summaryTable } from "./common";
import { indicatorCard } from "./indicateurs";

/** Severities as core names them, and their style (the cell shows them in the reader's language). */
const SEVERITY_STYLES: [SplittingSeverity, StyleName][] = [
  ["très élevée", "kpiAlert"],
  ["élevée", "kpiWatch"],
  ["à vérifier", "kpiNeutral"],
];

/**
 * Widths of the printed columns A–I, in characters: 200 in all, so that one A4 landscape page
 * width (about 145 characters at 100 %) prints at ≥ 72 %. Every table shares them, the
 * synthesis's columns included (id, indicator, value, status, reference, reference value,
 * coverage, reason for N/A). The roles of the CO tables' columns:
 * A id or reference · B the message (wide, wrapped) · C amount or total · D severity or status ·
 * E family or subject (wrapped) · F threshold · G legal basis (wrapped) · H entity (wrapped) ·
 * I year or date.
 */
export const CONF_PRINT_WIDTHS = [16, 46, 16, 14, 30, 16, 28, 23, 11] as const;
/** Last printed column (I): the detail columns after it are on screen only. */
export const CONF_PRINT_LAST_COL = CONF_PRINT_WIDTHS.length - 1;

/**
 * A table's columns laid out for print: the first nine take the printed widths and their texts
 * wrap (unless told otherwise); the detail columns after I keep their widths and do not wrap, so that a row is only as
 * tall as its printed cells.
 */
function printBand<R extends object>(defs: ColumnDef<R>[]): ColumnDef<R>[] {
  return defs.map((d, i) =>
    i <= CONF_PRINT_LAST_COL
      ? { ...d, width: CONF_PRINT_WIDTHS[i], wrap: d.wrap ?? d.kind === "text" }
      : { ...d, wrap: false }
  );
}

export function buildConformite(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "conformite", "replace");
  // Print: A4 landscape, one page wide, columns A to I only (CONF_PRINT_WIDTHS, 200 characters):
  // each table puts what is needed to read a signal in A–I, its detail columns after I.
  sb.print({ orientation: "landscape", lastColumn: CONF_PRINT_LAST_COL });
  const { analysis, lang } = ctx;
  sb.tabColor = "#C00000";
  // Title, stamp and section bars span the printed columns A–I.
  sb.header(
    `${text(lang, "complianceTitle")} — ${periodTitle(lang, analysis.period)}`,
    0,
    CONF_PRINT_LAST_COL + 1
  );
  sb.note(text(lang, "signalsNote"));
  sb.cursor++;
  sb.section(text(lang, "summary"), 0, CONF_PRINT_LAST_COL + 1);
  summaryTable(sb, "tblConfSynthese", groupIndicators(sb, "CO"));

  co1Section(sb, ctx);
  co2Section(sb, ctx);
  co3Section(sb, ctx);
  co4Section(sb, ctx);
  co5Section(sb, ctx);
  // The performance signals that rest on the code too (issue #10: every alert with its lines,
  // article, threshold, why and what would clear it): direct awards above the dispense
  // threshold (R2122-8), modifications beyond the low-value threshold (R2194-8), late payments
  // (R2192-10, décret 2013-269).
  pf4Section(sb, ctx);
  pf6Section(sb, ctx);
  pf8Section(sb, ctx);
  sb.frozen = { rows: 2, cols: 0 };
  // The printed columns get their fixed widths (the tables' own requests are maxima).
  CONF_PRINT_WIDTHS.forEach((width, i) => sb.widths.set(i, width));
  return sb.build();
}

/** Each CO1 alert's id opens its first purchase line in the lines table below (issue #12). */
function linkAlertsToLines(
  sb: SheetBuilder,
  alerts: readonly { id: string }[],
  lines: readonly { alertId: string }[],
  alertTable: PlacedTable,
  lineTable: PlacedTable
): void {
  const idCol = alertTable.colOf("id");
  const lineCol = lineTable.colOf("alertId");
  alerts.forEach((a, i) => {
    const first = lines.findIndex((l) => l.alertId === a.id);
    if (first < 0) return;
    const row = lineTable.firstDataRow + first;
    sb.link(alertTable.firstDataRow + i, idCol, {
      sheet: "conformite",
      range: { r1: row, c1: lineCol, r2: row, c2: lineCol },
    });
  });
}

/** A CO section's title, which opens the indicator's card on the Indicateurs sheet. */
function cardSection(sb: SheetBuilder, id: string, title: string): void {
  const row = sb.section(title, 0, CONF_PRINT_LAST_COL + 1);
  const card = indicatorCard(id);
  if (card) sb.link(row, 0, card);
}

/** CO1 splitting: the scope, the alerts (severity coloured), their lines, and what is listed apart. */
function co1Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co1 = result(sb, CO1);
  cardSection(sb, "CO1", `CO1 · ${labelOf(ctx, co1)}`);
  if (co1.value === null) {
    sb.note(naText(lang, co1));
    sb.cursor++;
  } else {
    if (typeof co1.details.years === "string")
      sb.note(message(lang, msg("conformite.co1Scope", { years: co1.details.years })));
    const alerts = indicatorTable(
      sb,
      co1,
      "alerts",
      "tblConfCO1Signaux",
      printBand([
        { key: "id", header: "alertId", kind: "text" },
        { key: "message", header: "message", kind: "text" },
        { key: "total", header: "total", kind: "eur" },
        {
          key: "severity",
          header: "severity",
          kind: "text",
          get: (r) => severityText(r.severity),
        },
        { key: "familyLabel", header: "familyLabel", kind: "text" },
        { key: "threshold", header: "threshold", kind: "eur" },
        { key: "legalBasis", header: "legalBasis", kind: "text" },
        { key: "entity", header: "entity", kind: "text" },
        { key: "year", header: "year", kind: "year" },
        // Detail columns, after the print area.
        {
          key: "groupedBy",
          header: "groupedBy",
          kind: "text",
          width: 12,
          get: (r) => groupedByText(r.groupedBy),
        },
        { key: "operation", header: "operation", kind: "text", width: 14 },
        {
          key: "nature",
          header: "nature",
          kind: "text",
          width: 14,
          get: (r) => natureText(r.nature),
        },
        { key: "lineCount", header: "lineCount", kind: "int" },
        { key: "creditCount", header: "creditCount", kind: "int" },
        { key: "supplierCount", header: "supplierCount", kind: "int" },
        { key: "firstDate", header: "firstDate", kind: "date" },
        { key: "lastDate", header: "lastDate", kind: "date" },
        { key: "thresholdDate", header: "thresholdDate", kind: "date" },
        { key: "thresholdSource", header: "thresholdSource", kind: "text", width: 30 },
        { key: "why", header: "why", kind: "text", width: 50 },
        { key: "clear", header: "clear", kind: "text", width: 50 },
      ])
    );
    if (alerts && alerts.spec.rows.length > 0) {
      for (const [word, style] of SEVERITY_STYLES) {
        sb.highlightText(alerts.columnRange("severity"), message(lang, severityText(word)), style);
      }
    }
    const lines = indicatorTable(
      sb,
      co1,
      "lines",
      "tblConfCO1Lignes",
      printBand([
        { key: "alertId", header: "alertId", kind: "text" },
        { key: "description", header: "description", kind: "text" },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "date", header: "date", kind: "date" },
        { key: "supplier", header: "supplier", kind: "text" },
        { key: "isCredit", header: "isCredit", kind: "bool" },
        { key: "table", header: "table", kind: "text" },
        { key: "row", header: "row", kind: "int" },
        // The marché a line was bought under (a marché sans publicité counts toward the need, R2121-6).
        { key: "contractRef", header: "contractRef", kind: "text" },
      ]),
      { title: text(lang, "co1Lines") }
    );
    if (alerts && lines) linkAlertsToLines(sb, co1.tables.alerts, co1.tables.lines, alerts, lines);
    if (co1.tables.singleAboveThreshold.length > 0) {
      indicatorTable(
        sb,
        co1,
        "singleAboveThreshold",
        "tblConfCO1AchatsUniques",
        printBand([
          { key: "entity", header: "entity", kind: "text" },
          { key: "message", header: "message", kind: "text" },
          { key: "amount", header: "amount", kind: "eur" },
          { key: "date", header: "date", kind: "date" },
          { key: "supplier", header: "supplier", kind: "text" },
          { key: "threshold", header: "threshold", kind: "eur" },
          { key: "legalBasis", header: "legalBasis", kind: "text" },
          { key: "familyLabel", header: "familyLabel", kind: "text" },
          { key: "year", header: "year", kind: "year" },
          { key: "operation", header: "operation", kind: "text", width: 14 },
          { key: "table", header: "table", kind: "text", width: 16 },
          { key: "row", header: "row", kind: "int", width: 8 },
          { key: "thresholdSource", header: "thresholdSource", kind: "text", width: 30 },
          { key: "why", header: "why", kind: "text", width: 50 },
          { key: "clear", header: "clear", kind: "text", width: 50 },
        ]),
        { title: text(lang, "co1Singles") }
      );
    }
    if (co1.tables.worksWithoutOperation.length > 0) {
      indicatorTable(
        sb,
        co1,
        "worksWithoutOperation",
        "tblConfCO1TravauxSansOperation",
        printBand([
          { key: "entity", header: "entity", kind: "text" },
          { key: "message", header: "message", kind: "text" },
          { key: "total", header: "total", kind: "eur" },
          {
            key: "status",
            header: "status",
            kind: "text",
            get: () => worksWithoutOperationStatusText(),
          },
          { key: "familyLabel", header: "familyLabel", kind: "text" },
          { key: "threshold", header: "threshold", kind: "eur" },
          { key: "legalBasis", header: "legalBasis", kind: "text" },
          { key: "lineCount", header: "lineCount", kind: "int" },
          { key: "year", header: "year", kind: "year" },
          { key: "clear", header: "clear", kind: "text", width: 50 },
        ]),
        { title: text(lang, "co1Works") }
      );
    }
    if (co1.tables.natureToSpecify.length > 0) {
      indicatorTable(
        sb,
        co1,
        "natureToSpecify",
        "tblConfCO1NatureAPreciser",
        printBand([
          { key: "article", header: "article", kind: "text" },
          { key: "message", header: "message", kind: "text" },
          { key: "amount", header: "amount", kind: "eur" },
          { key: "lines", header: "lines", kind: "int" },
          { key: "label", header: "label", kind: "text" },
          // Inside the print area (a six-column table) but narrow: it runs over the empty G–I.
          { key: "clear", header: "clear", kind: "text", wrap: false },
        ]),
        { title: text(lang, "co1NatureToSpecify") }
      );
    }
    if (co1.tables.excluded.length > 0) {
      indicatorTable(
        sb,
        co1,
        "excluded",
        "tblConfCO1Exclusions",
        printBand([
          { key: "scope", header: "exclusionScope", kind: "text" },
          { key: "reason", header: "reason", kind: "text" },
          { key: "amount", header: "amount", kind: "eur" },
          { key: "lines", header: "lines", kind: "int" },
          { key: "familyLabel", header: "familyLabel", kind: "text" },
          { key: "familyCode", header: "familyCode", kind: "text" },
          { key: "legalBasis", header: "legalBasis", kind: "text" },
          { key: "supplier", header: "supplier", kind: "text" },
        ]),
        { title: text(lang, "co1Excluded") }
      );
    }
  }
}

/** CO2 bunching: the rule, then one row per threshold in force. */
function co2Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co2 = result(sb, CO2);
  cardSection(sb, "CO2", `CO2 · ${labelOf(ctx, co2)}`);
  const d = co2.details;
  if (typeof d.minCount === "number" && typeof d.ratio === "number")
    sb.note(
      message(
        lang,
        msg("conformite.co2Rule", {
          minCount: d.minCount,
          ratio: numberText(lang, d.ratio, 1),
          upperFrom: Number(d.upperBandFromPercent),
          lowerFrom: Number(d.lowerBandFromPercent),
        })
      )
    );
  const placed = indicatorTable(
    sb,
    co2,
    "byThreshold",
    "tblConfCO2Seuils",
    printBand([
      { key: "signal", header: "signal", kind: "bool" },
      { key: "message", header: "message", kind: "text" },
      { key: "ratio", header: "ratio", kind: "dec2" },
      { key: "upperBand", header: "upperBand", kind: "text" },
      { key: "threshold", header: "threshold", kind: "text" },
      { key: "upperCount", header: "upperCount", kind: "int" },
      { key: "source", header: "source", kind: "text" },
      { key: "lowerBand", header: "lowerBand", kind: "text" },
      { key: "lowerCount", header: "lowerCount", kind: "int" },
      // Detail columns, after the print area (filled on the rows that signal; the article is in
      // the printed Source column).
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ])
  );
  if (placed && placed.spec.rows.length > 0) {
    sb.highlightText(placed.columnRange("signal"), text(lang, "yes"), "kpiWatch");
  }
  if (co2.tables.upperBandAmounts.length > 0) {
    indicatorTable(
      sb,
      co2,
      "upperBandAmounts",
      "tblConfCO2Montants",
      printBand([
        { key: "contractRef", header: "contractRef", kind: "text" },
        { key: "description", header: "description", kind: "text" },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "date", header: "date", kind: "date" },
        { key: "threshold", header: "threshold", kind: "text" },
        { key: "samePublications", header: "samePublications", kind: "text" },
        { key: "table", header: "table", kind: "text" },
        { key: "entity", header: "entity", kind: "text" },
        { key: "row", header: "row", kind: "int" },
      ]),
      { title: text(lang, "co2Amounts") }
    );
  }
}

/** CO3 procedure vs amount: the signals, the lawful exceptions and the uncertain thresholds. */
function co3Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co3 = result(sb, CO3);
  cardSection(sb, "CO3", `CO3 · ${labelOf(ctx, co3)}`);
  indicatorTable(
    sb,
    co3,
    "contracts",
    "tblConfCO3Marches",
    printBand([
      { key: "contractRef", header: "contractRef", kind: "text" },
      { key: "message", header: "message", kind: "text" },
      { key: "amount", header: "amount", kind: "eur" },
      {
        key: "issue",
        header: "issue",
        kind: "text",
        get: (r) => procedureIssueText(r.issue),
      },
      { key: "description", header: "description", kind: "text" },
      { key: "euThreshold", header: "euThreshold", kind: "eur" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "date", header: "thresholdDate", kind: "date" },
      // Detail columns, after the print area.
      { key: "procedure", header: "procedure", kind: "text", width: 28 },
      {
        key: "nature",
        header: "nature",
        kind: "text",
        width: 14,
        get: (r) => natureText(r.nature),
      },
      {
        key: "thresholdDateBasis",
        header: "thresholdDateBasis",
        kind: "text",
        width: 12,
        get: (r) => thresholdBasisText(r.thresholdDateBasis),
      },
      // Identical records of the same award (a DECP republication), counted once.
      { key: "samePublications", header: "samePublications", kind: "text", width: 24 },
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ])
  );
  procedureToCorrectTable(sb, co3, "tblConfCO3ProcedureACorriger");
  if (co3.tables.lawfulExceptions.length > 0) {
    indicatorTable(
      sb,
      co3,
      "lawfulExceptions",
      "tblConfCO3Exceptions",
      printBand([
        { key: "contractRef", header: "contractRef", kind: "text" },
        { key: "message", header: "message", kind: "text" },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "exception", header: "exception", kind: "text" },
        { key: "procedure", header: "procedure", kind: "text" },
        { key: "euThreshold", header: "euThreshold", kind: "eur" },
        { key: "consultationAmount", header: "consultationAmount", kind: "eur" },
        { key: "entity", header: "entity", kind: "text" },
      ]),
      { title: text(lang, "co3Exceptions") }
    );
  }
  if (co3.tables.uncertainThreshold.length > 0) {
    indicatorTable(
      sb,
      co3,
      "uncertainThreshold",
      "tblConfCO3SeuilIncertain",
      printBand([
        { key: "contractRef", header: "contractRef", kind: "text" },
        { key: "message", header: "message", kind: "text" },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "date", header: "date", kind: "date" },
        { key: "entity", header: "entity", kind: "text" },
        { key: "euThreshold", header: "euThreshold", kind: "eur" },
        { key: "otherEuThreshold", header: "otherEuThreshold", kind: "eur" },
      ]),
      { title: text(lang, "co3Uncertain") }
    );
  }
}

/** CO4 repeat direct awards: the rule, then the patterns. */
function co4Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co4 = result(sb, CO4);
  cardSection(sb, "CO4", `CO4 · ${labelOf(ctx, co4)}`);
  const d = co4.details;
  if (typeof d.minPurchases === "number")
    sb.note(
      message(
        lang,
        msg("conformite.co4Rule", {
          minContracts: Number(d.minContracts),
          minPurchases: d.minPurchases,
          minSharePercent: Number(d.minSharePercent),
        })
      )
    );
  indicatorTable(
    sb,
    co4,
    "patterns",
    "tblConfCO4Repetitions",
    printBand([
      {
        key: "pattern",
        header: "pattern",
        kind: "text",
        get: (r) => repeatPatternText(r.pattern),
      },
      { key: "message", header: "message", kind: "text" },
      { key: "total", header: "total", kind: "eur" },
      { key: "count", header: "count", kind: "int" },
      { key: "supplier", header: "supplier", kind: "text" },
      { key: "threshold", header: "threshold", kind: "eur" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "years", header: "years", kind: "text" },
      // Detail columns, after the print area.
      { key: "familyLabel", header: "familyLabel", kind: "text", width: 26 },
      { key: "firstDate", header: "firstDate", kind: "date" },
      { key: "lastDate", header: "lastDate", kind: "date" },
      { key: "contracts", header: "contracts", kind: "text", width: 24 },
      { key: "alsoInSplitting", header: "alsoInSplitting", kind: "text", width: 14 },
      { key: "lines", header: "sourceLines", kind: "text", width: 40 },
      { key: "thresholdSource", header: "thresholdSource", kind: "text", width: 30 },
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ])
  );
}

/** CO5 Loi Climat: the gaps, and the contracts whose launch date is unknown. */
function co5Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co5 = result(sb, CO5);
  cardSection(sb, "CO5", `CO5 · ${labelOf(ctx, co5)}`);
  indicatorTable(
    sb,
    co5,
    "gaps",
    "tblConfCO5LoiClimat",
    printBand([
      { key: "contractRef", header: "contractRef", kind: "text" },
      { key: "message", header: "message", kind: "text" },
      { key: "amount", header: "amount", kind: "eur" },
      {
        key: "status",
        header: "status",
        kind: "text",
        get: (r) => loiClimatStatusText(r.status),
      },
      { key: "description", header: "description", kind: "text" },
      { key: "euThreshold", header: "euThreshold", kind: "eur" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "date", header: "date", kind: "date" },
      // Detail columns, after the print area.
      {
        key: "nature",
        header: "nature",
        kind: "text",
        width: 14,
        get: (r) => natureText(r.nature),
      },
      { key: "consideration", header: "consideration", kind: "text", width: 18 },
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ])
  );
  if (co5.tables.launchUnknown.length > 0) {
    indicatorTable(
      sb,
      co5,
      "launchUnknown",
      "tblConfCO5LancementInconnu",
      printBand([
        { key: "contractRef", header: "contractRef", kind: "text" },
        { key: "message", header: "message", kind: "text" },
        { key: "notificationDate", header: "notificationDate", kind: "date" },
        {
          key: "status",
          header: "status",
          kind: "text",
          get: (r) => loiClimatStatusText(r.status),
        },
        { key: "description", header: "description", kind: "text" },
        { key: "entity", header: "entity", kind: "text" },
      ]),
      { title: text(lang, "co5LaunchUnknown") }
    );
  }
}

/** PF4: direct awards at or above the dispense threshold in force at their launch (R2122-8). */
function pf4Section(sb: SheetBuilder, ctx: BuildContext): void {
  const pf4 = result(sb, PF4);
  cardSection(sb, "PF4", `PF4 · ${labelOf(ctx, pf4)}`);
  indicatorTable(
    sb,
    pf4,
    "directAwardsAboveThreshold",
    "tblConfPF4AttributionsDirectes",
    printBand([
      { key: "contractRef", header: "contractRef", kind: "text" },
      { key: "description", header: "description", kind: "text" },
      { key: "amount", header: "amount", kind: "eur" },
      { key: "thresholdRule", header: "thresholdRule", kind: "text" },
      { key: "supplier", header: "supplier", kind: "text" },
      { key: "threshold", header: "threshold", kind: "eur" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "thresholdDate", header: "thresholdDate", kind: "date" },
      // Detail columns, after the print area.
      {
        key: "nature",
        header: "nature",
        kind: "text",
        width: 14,
        get: (r) => natureText(natureLabel(r.nature)),
      },
      {
        key: "thresholdDateBasis",
        header: "thresholdDateBasis",
        kind: "text",
        width: 12,
        get: (r) => thresholdBasisText(r.thresholdDateBasis),
      },
      { key: "thresholdSource", header: "thresholdSource", kind: "text", width: 30 },
      { key: "samePublications", header: "samePublications", kind: "text", width: 24 },
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ])
  );
  if (pf4.tables.natureToSpecify.length > 0)
    indicatorTable(
      sb,
      pf4,
      "natureToSpecify",
      "tblConfPF4NatureAPreciser",
      printBand([
        { key: "contractRef", header: "contractRef", kind: "text" },
        { key: "message", header: "message", kind: "text" },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "thresholdDate", header: "thresholdDate", kind: "date" },
        { key: "description", header: "description", kind: "text" },
        { key: "worksThreshold", header: "threshold", kind: "eur" },
        { key: "legalBasis", header: "legalBasis", kind: "text" },
        { key: "entity", header: "entity", kind: "text" },
        { key: "clear", header: "clear", kind: "text", wrap: false },
      ]),
      { title: text(sb.lang, "pf4NatureToSpecify") }
    );
  procedureToCorrectTable(sb, pf4, "tblConfPF4ProcedureACorriger");
}

/** PF6: contracts whose cumulated modifications go beyond the low-value threshold (R2194-8, R2194-9). */
function pf6Section(sb: SheetBuilder, ctx: BuildContext): void {
  const pf6 = result(sb, PF6);
  cardSection(sb, "PF6", `PF6 · ${labelOf(ctx, pf6)}`);
  indicatorTable(
    sb,
    pf6,
    "overLimit",
    "tblConfPF6Modifications",
    printBand([
      { key: "contractRef", header: "contractRef", kind: "text" },
      { key: "message", header: "message", kind: "text" },
      { key: "changeAmount", header: "changeAmount", kind: "eur" },
      { key: "status", header: "status", kind: "text", get: () => ({ code: "PF6.status.beyond" }) },
      { key: "description", header: "description", kind: "text" },
      { key: "euThreshold", header: "euThreshold", kind: "eur" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "lastModificationDate", header: "lastModificationDate", kind: "date" },
      // Detail columns, after the print area.
      { key: "initial", header: "initial", kind: "eur" },
      { key: "amended", header: "amended", kind: "eur" },
      { key: "modifications", header: "modifications", kind: "int" },
      { key: "inflationPercent", header: "inflationPercent", kind: "pct" },
      { key: "limitPercent", header: "limitPercent", kind: "pct" },
      { key: "supplier", header: "supplier", kind: "text", width: 24 },
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ])
  );
}

/**
 * PF8: the late invoices (one row per invoice), then the payment times by entity and by service.
 * A long list of late invoices (more than LONG_TABLE_ROWS) is written last on the sheet, below
 * the printed rows: the printed section keeps the payment times by entity and service and says
 * where the list is.
 */
function pf8Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const pf8 = result(sb, PF8);
  const title = `PF8 · ${labelOf(ctx, pf8)}`;
  cardSection(sb, "PF8", title);
  const fromDate = pf8.details.mandateDateFromLineDate;
  if (typeof fromDate === "string" && pf8.value !== null)
    sb.note(message(lang, msg("conformite.pf8MandateFromDate", { columns: fromDate })));
  const late = pf8.tables.lateInvoices.length;
  if (pf8.value !== null && late > LONG_TABLE_ROWS) {
    const detailTitle = message(lang, msg("print.detailTitle", { title: text(lang, "pf8Late") }));
    sb.note(message(lang, msg("print.detailBelow", { n: late, title: detailTitle })));
    sb.cursor++;
    sb.keepBelowPrint(() => {
      sb.section(detailTitle, 0, CONF_PRINT_LAST_COL + 1);
      lateInvoicesTable(sb, pf8, null);
    });
  } else lateInvoicesTable(sb, pf8, text(lang, "pf8Late"));
  pf8DelayTables(sb, ctx, pf8);
}

function lateInvoicesTable(
  sb: SheetBuilder,
  pf8: IndicatorResult<PF8Tables>,
  title: string | null
): void {
  indicatorTable(
    sb,
    pf8,
    "lateInvoices",
    "tblConfPF8Retards",
    printBand([
      { key: "sourceRow", header: "row", kind: "int" },
      { key: "supplierName", header: "supplier", kind: "text" },
      { key: "amountTTC", header: "amountTTC", kind: "eur" },
      { key: "daysLate", header: "daysLate", kind: "int" },
      { key: "service", header: "service", kind: "text" },
      { key: "limitDays", header: "limitDays", kind: "int" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "paid", header: "paid", kind: "date" },
      // Detail columns, after the print area.
      { key: "invoiceRef", header: "invoiceRef", kind: "text", width: 16 },
      { key: "lines", header: "lines", kind: "int" },
      { key: "invoiceReceived", header: "invoiceReceived", kind: "date" },
      { key: "dueDate", header: "dueDate", kind: "date" },
      { key: "dgpDays", header: "dgpDays", kind: "int" },
      { key: "ordonnateurDays", header: "ordonnateurDays", kind: "int" },
      { key: "ordonnateurLimitDays", header: "ordonnateurLimitDays", kind: "int" },
      { key: "comptableDays", header: "comptableDays", kind: "int" },
      { key: "comptableLimitDays", header: "comptableLimitDays", kind: "int" },
      { key: "interest", header: "interest", kind: "eur" },
      { key: "indemnity", header: "indemnity", kind: "eur" },
      { key: "sourceTable", header: "table", kind: "text", width: 16 },
      { key: "why", header: "why", kind: "text", width: 50 },
      { key: "clear", header: "clear", kind: "text", width: 50 },
    ]),
    title === null ? {} : { title }
  );
}

/** PF8's payment times by entity and by service. */
function pf8DelayTables(
  sb: SheetBuilder,
  ctx: BuildContext,
  pf8: IndicatorResult<PF8Tables>
): void {
  const { lang } = ctx;
  const delayColumns = [
    { key: "invoices", header: "invoices", kind: "int" },
    { key: "lateInvoices", header: "lateInvoices", kind: "int" },
    { key: "lateShare", header: "lateShare", kind: "pct" },
    { key: "averageDgpDays", header: "averageDgpDays", kind: "dec2" },
    { key: "invoicesWithMandate", header: "invoicesWithMandate", kind: "int" },
    { key: "averageOrdonnateurDays", header: "averageOrdonnateurDays", kind: "dec2" },
    { key: "ordonnateurLate", header: "ordonnateurLate", kind: "int" },
    { key: "averageComptableDays", header: "averageComptableDays", kind: "dec2" },
  ] as const;
  if (pf8.tables.byEntity.length > 0)
    indicatorTable(
      sb,
      pf8,
      "byEntity",
      "tblConfPF8Entites",
      printBand([
        { key: "entity", header: "entity", kind: "text" },
        ...delayColumns,
        { key: "comptableLate", header: "comptableLate", kind: "int" },
      ]),
      { title: text(lang, "pf8ByEntity") }
    );
  if (pf8.tables.byService.length > 0)
    indicatorTable(
      sb,
      pf8,
      "byService",
      "tblConfPF8Services",
      printBand([
        {
          key: "service",
          header: "service",
          kind: "text",
          // core names the lines without a service « Service non renseigné » (its grouping key)
          get: (r) =>
            r.service === SERVICE_NOT_GIVEN ? { code: "PF8.serviceUnknown" } : r.service,
        },
        ...delayColumns,
        { key: "comptableLate", header: "comptableLate", kind: "int" },
      ]),
      { title: text(lang, "pf8ByService") }
    );
}

/** The contracts whose recorded procedure is doubtful (recorded-procedure.ts), listed apart. */
function procedureToCorrectTable(
  sb: SheetBuilder,
  ind: IndicatorResult<{ procedureToCorrect: ProcedureToCorrectRow[] }>,
  name: string
): void {
  if (ind.tables.procedureToCorrect.length === 0) return;
  indicatorTable(
    sb,
    ind,
    "procedureToCorrect",
    name,
    printBand([
      { key: "contractRef", header: "contractRef", kind: "text" },
      { key: "message", header: "message", kind: "text" },
      { key: "amount", header: "amount", kind: "eur" },
      {
        key: "reason",
        header: "reason",
        kind: "text",
        get: (r) =>
          r.reason === "objet"
            ? { code: "procedure.reasonObject" }
            : { code: "procedure.reasonSubsequent" },
      },
      { key: "description", header: "description", kind: "text" },
      { key: "procedure", header: "procedure", kind: "text" },
      { key: "legalBasis", header: "legalBasis", kind: "text" },
      { key: "entity", header: "entity", kind: "text" },
      { key: "clear", header: "clear", kind: "text", wrap: false },
    ]),
    { title: text(sb.lang, "procedureToCorrect") }
  );
}
