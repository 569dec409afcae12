/**
 * Conformité (SPEC §5): the CO1–CO5 summary, then every signal with its severity and the lines
 * behind it. Worded as signals to check, never as accusations (SPEC §4). Each section reads its
 * indicator's typed result (the row types of co/co1.ts … co5.ts): every table is present, empty
 * when the indicator is N/A.
 */
import { numberText } from "../../core/messages/format";
import { msg } from "../../core/messages/render";
import { message, naText, periodTitle, text } from "../labels";
import { indicatorTable, labelOf, SheetBuilder, type BuildContext, type PlacedTable } from "../layout";
import type { SheetSpec, StyleName } from "../spec";
import { CO1, CO2, CO3, CO4, CO5 } from "../../core/indicators/registry";
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
import type { SplittingSeverity } from "../../core/indicators/splitting";
import { groupIndicators, result, summaryTable } from "./common";
import { indicatorCard } from "./indicateurs";

/** Severities as core names them, and their style (the cell shows them in the reader's language). */
const SEVERITY_STYLES: [SplittingSeverity, StyleName][] = [
  ["très élevée", "kpiAlert"],
  ["élevée", "kpiWatch"],
  ["à vérifier", "kpiNeutral"],
];

export function buildConformite(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "conformite", "replace");
  // Print: A4, one page wide; alert tables with their articles: landscape.
  sb.print({ orientation: "landscape" });
  const { analysis, lang } = ctx;
  sb.tabColor = "#C00000";
  sb.header(`${text(lang, "complianceTitle")} — ${periodTitle(lang, analysis.period)}`);
  sb.note(text(lang, "signalsNote"));
  sb.cursor++;
  sb.section(text(lang, "summary"));
  summaryTable(sb, "tblConfSynthese", groupIndicators(sb, "CO"));

  co1Section(sb, ctx);
  co2Section(sb, ctx);
  co3Section(sb, ctx);
  co4Section(sb, ctx);
  co5Section(sb, ctx);
  sb.frozen = { rows: 2, cols: 0 };
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
  const row = sb.section(title);
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
    const alerts = indicatorTable(sb, co1, "alerts", "tblConfCO1Signaux", [
      { key: "id", header: "alertId", kind: "text", width: 10 },
      {
        key: "severity",
        header: "severity",
        kind: "text",
        width: 12,
        get: (r) => severityText(r.severity),
      },
      { key: "entity", header: "entity", kind: "text", width: 20 },
      {
        key: "groupedBy",
        header: "groupedBy",
        kind: "text",
        width: 12,
        get: (r) => groupedByText(r.groupedBy),
      },
      { key: "familyLabel", header: "familyLabel", kind: "text", width: 26 },
      { key: "operation", header: "operation", kind: "text", width: 14 },
      { key: "year", header: "year", kind: "year", width: 8 },
      {
        key: "nature",
        header: "nature",
        kind: "text",
        width: 14,
        get: (r) => natureText(r.nature),
      },
      { key: "total", header: "total", kind: "eur" },
      { key: "threshold", header: "threshold", kind: "eur" },
      { key: "lineCount", header: "lineCount", kind: "int" },
      { key: "creditCount", header: "creditCount", kind: "int" },
      { key: "supplierCount", header: "supplierCount", kind: "int" },
      { key: "firstDate", header: "firstDate", kind: "date" },
      { key: "lastDate", header: "lastDate", kind: "date" },
      { key: "thresholdDate", header: "thresholdDate", kind: "date" },
      { key: "thresholdSource", header: "thresholdSource", kind: "text", width: 30 },
      { key: "legalBasis", header: "legalBasis", kind: "text", width: 28, wrap: true },
      { key: "message", header: "message", kind: "text", width: 60, wrap: true },
      { key: "why", header: "why", kind: "text", width: 50, wrap: true },
      { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
    ]);
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
      [
        { key: "alertId", header: "alertId", kind: "text", width: 10 },
        { key: "table", header: "table", kind: "text", width: 16 },
        { key: "row", header: "row", kind: "int", width: 8 },
        { key: "date", header: "date", kind: "date" },
        { key: "supplier", header: "supplier", kind: "text", width: 28 },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "isCredit", header: "isCredit", kind: "bool" },
        { key: "description", header: "description", kind: "text", width: 40 },
      ],
      { title: text(lang, "co1Lines") }
    );
    if (alerts && lines) linkAlertsToLines(sb, co1.tables.alerts, co1.tables.lines, alerts, lines);
    if (co1.tables.singleAboveThreshold.length > 0) {
      indicatorTable(
        sb,
        co1,
        "singleAboveThreshold",
        "tblConfCO1AchatsUniques",
        [
          { key: "entity", header: "entity", kind: "text", width: 20 },
          { key: "familyLabel", header: "familyLabel", kind: "text", width: 26 },
          { key: "operation", header: "operation", kind: "text", width: 14 },
          { key: "year", header: "year", kind: "year", width: 8 },
          { key: "table", header: "table", kind: "text", width: 16 },
          { key: "row", header: "row", kind: "int", width: 8 },
          { key: "date", header: "date", kind: "date" },
          { key: "supplier", header: "supplier", kind: "text", width: 28 },
          { key: "amount", header: "amount", kind: "eur" },
          { key: "threshold", header: "threshold", kind: "eur" },
          { key: "legalBasis", header: "legalBasis", kind: "text", width: 24 },
          { key: "message", header: "message", kind: "text", width: 60, wrap: true },
          { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
        ],
        { title: text(lang, "co1Singles") }
      );
    }
    if (co1.tables.worksWithoutOperation.length > 0) {
      indicatorTable(
        sb,
        co1,
        "worksWithoutOperation",
        "tblConfCO1TravauxSansOperation",
        [
          { key: "entity", header: "entity", kind: "text", width: 20 },
          { key: "familyLabel", header: "familyLabel", kind: "text", width: 26 },
          { key: "year", header: "year", kind: "year", width: 8 },
          { key: "lineCount", header: "lineCount", kind: "int" },
          { key: "total", header: "total", kind: "eur" },
          { key: "threshold", header: "threshold", kind: "eur" },
          {
            key: "status",
            header: "status",
            kind: "text",
            width: 24,
            get: () => worksWithoutOperationStatusText(),
          },
          { key: "legalBasis", header: "legalBasis", kind: "text", width: 24 },
          { key: "message", header: "message", kind: "text", width: 60, wrap: true },
          { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
        ],
        { title: text(lang, "co1Works") }
      );
    }
    if (co1.tables.natureToSpecify.length > 0) {
      indicatorTable(
        sb,
        co1,
        "natureToSpecify",
        "tblConfCO1NatureAPreciser",
        [
          { key: "article", header: "article", kind: "text", width: 14 },
          { key: "label", header: "label", kind: "text", width: 30 },
          { key: "lines", header: "lines", kind: "int" },
          { key: "amount", header: "amount", kind: "eur" },
          { key: "message", header: "message", kind: "text", width: 60, wrap: true },
          { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
        ],
        { title: text(lang, "co1NatureToSpecify") }
      );
    }
    if (co1.tables.excluded.length > 0) {
      indicatorTable(
        sb,
        co1,
        "excluded",
        "tblConfCO1Exclusions",
        [
          { key: "scope", header: "exclusionScope", kind: "text", width: 12 },
          { key: "familyCode", header: "familyCode", kind: "text", width: 14 },
          { key: "familyLabel", header: "familyLabel", kind: "text", width: 26 },
          { key: "supplier", header: "supplier", kind: "text", width: 24 },
          { key: "reason", header: "reason", kind: "text", width: 50, wrap: true },
          { key: "legalBasis", header: "legalBasis", kind: "text", width: 20 },
          { key: "lines", header: "lines", kind: "int" },
          { key: "amount", header: "amount", kind: "eur" },
        ],
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
  const placed = indicatorTable(sb, co2, "byThreshold", "tblConfCO2Seuils", [
    { key: "threshold", header: "threshold", kind: "text", width: 40 },
    { key: "lowerBand", header: "lowerBand", kind: "text", width: 12 },
    { key: "lowerCount", header: "lowerCount", kind: "int" },
    { key: "upperBand", header: "upperBand", kind: "text", width: 12 },
    { key: "upperCount", header: "upperCount", kind: "int" },
    { key: "ratio", header: "ratio", kind: "dec2", width: 9 },
    { key: "signal", header: "signal", kind: "bool" },
    { key: "source", header: "source", kind: "text", width: 30 },
    { key: "message", header: "message", kind: "text", width: 60, wrap: true },
  ]);
  if (placed && placed.spec.rows.length > 0) {
    sb.highlightText(placed.columnRange("signal"), text(lang, "yes"), "kpiWatch");
  }
}

/** CO3 procedure vs amount: the signals, the lawful exceptions and the uncertain thresholds. */
function co3Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co3 = result(sb, CO3);
  cardSection(sb, "CO3", `CO3 · ${labelOf(ctx, co3)}`);
  indicatorTable(sb, co3, "contracts", "tblConfCO3Marches", [
    { key: "contractRef", header: "contractRef", kind: "text", width: 16 },
    { key: "entity", header: "entity", kind: "text", width: 20 },
    { key: "description", header: "description", kind: "text", width: 30 },
    { key: "procedure", header: "procedure", kind: "text", width: 28 },
    { key: "nature", header: "nature", kind: "text", width: 14, get: (r) => natureText(r.nature) },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "euThreshold", header: "euThreshold", kind: "eur" },
    { key: "date", header: "thresholdDate", kind: "date" },
    {
      key: "thresholdDateBasis",
      header: "thresholdDateBasis",
      kind: "text",
      width: 12,
      get: (r) => thresholdBasisText(r.thresholdDateBasis),
    },
    {
      key: "issue",
      header: "issue",
      kind: "text",
      width: 30,
      get: (r) => procedureIssueText(r.issue),
    },
    { key: "legalBasis", header: "legalBasis", kind: "text", width: 24 },
    { key: "message", header: "message", kind: "text", width: 60, wrap: true },
    { key: "why", header: "why", kind: "text", width: 50, wrap: true },
    { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
  ]);
  if (co3.tables.lawfulExceptions.length > 0) {
    indicatorTable(
      sb,
      co3,
      "lawfulExceptions",
      "tblConfCO3Exceptions",
      [
        { key: "contractRef", header: "contractRef", kind: "text", width: 16 },
        { key: "entity", header: "entity", kind: "text", width: 20 },
        { key: "procedure", header: "procedure", kind: "text", width: 24 },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "consultationAmount", header: "consultationAmount", kind: "eur" },
        { key: "euThreshold", header: "euThreshold", kind: "eur" },
        { key: "exception", header: "exception", kind: "text", width: 14 },
        { key: "message", header: "message", kind: "text", width: 60, wrap: true },
      ],
      { title: text(lang, "co3Exceptions") }
    );
  }
  if (co3.tables.uncertainThreshold.length > 0) {
    indicatorTable(
      sb,
      co3,
      "uncertainThreshold",
      "tblConfCO3SeuilIncertain",
      [
        { key: "contractRef", header: "contractRef", kind: "text", width: 16 },
        { key: "entity", header: "entity", kind: "text", width: 20 },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "euThreshold", header: "euThreshold", kind: "eur" },
        { key: "otherEuThreshold", header: "otherEuThreshold", kind: "eur" },
        { key: "date", header: "date", kind: "date" },
        { key: "message", header: "message", kind: "text", width: 60, wrap: true },
      ],
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
  indicatorTable(sb, co4, "patterns", "tblConfCO4Repetitions", [
    {
      key: "pattern",
      header: "pattern",
      kind: "text",
      width: 28,
      get: (r) => repeatPatternText(r.pattern),
    },
    { key: "entity", header: "entity", kind: "text", width: 20 },
    { key: "supplier", header: "supplier", kind: "text", width: 28 },
    { key: "familyLabel", header: "familyLabel", kind: "text", width: 26 },
    { key: "years", header: "years", kind: "text", width: 10 },
    { key: "count", header: "count", kind: "int" },
    { key: "total", header: "total", kind: "eur" },
    { key: "threshold", header: "threshold", kind: "eur" },
    { key: "firstDate", header: "firstDate", kind: "date" },
    { key: "lastDate", header: "lastDate", kind: "date" },
    { key: "contracts", header: "contracts", kind: "text", width: 24 },
    { key: "legalBasis", header: "legalBasis", kind: "text", width: 28 },
    { key: "message", header: "message", kind: "text", width: 60, wrap: true },
    { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
  ]);
}

/** CO5 Loi Climat: the gaps, and the contracts whose launch date is unknown. */
function co5Section(sb: SheetBuilder, ctx: BuildContext): void {
  const { lang } = ctx;
  const co5 = result(sb, CO5);
  cardSection(sb, "CO5", `CO5 · ${labelOf(ctx, co5)}`);
  indicatorTable(sb, co5, "gaps", "tblConfCO5LoiClimat", [
    { key: "contractRef", header: "contractRef", kind: "text", width: 16 },
    { key: "entity", header: "entity", kind: "text", width: 20 },
    { key: "description", header: "description", kind: "text", width: 30 },
    { key: "date", header: "date", kind: "date" },
    { key: "nature", header: "nature", kind: "text", width: 14, get: (r) => natureText(r.nature) },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "euThreshold", header: "euThreshold", kind: "eur" },
    { key: "consideration", header: "consideration", kind: "text", width: 18 },
    {
      key: "status",
      header: "status",
      kind: "text",
      width: 14,
      get: (r) => loiClimatStatusText(r.status),
    },
    { key: "legalBasis", header: "legalBasis", kind: "text", width: 28 },
    { key: "message", header: "message", kind: "text", width: 60, wrap: true },
    { key: "clear", header: "clear", kind: "text", width: 50, wrap: true },
  ]);
  if (co5.tables.launchUnknown.length > 0) {
    indicatorTable(
      sb,
      co5,
      "launchUnknown",
      "tblConfCO5LancementInconnu",
      [
        { key: "contractRef", header: "contractRef", kind: "text", width: 16 },
        { key: "entity", header: "entity", kind: "text", width: 20 },
        { key: "description", header: "description", kind: "text", width: 30 },
        { key: "notificationDate", header: "notificationDate", kind: "date" },
        {
          key: "status",
          header: "status",
          kind: "text",
          width: 24,
          get: (r) => loiClimatStatusText(r.status),
        },
        { key: "message", header: "message", kind: "text", width: 60, wrap: true },
      ],
      { title: text(lang, "co5LaunchUnknown") }
    );
  }
}
