/**
 * The print setup of a worksheet part (issue #12): printOptions, pageMargins, pageSetup and
 * headerFooter from the sheet's `PrintSetup`, and the workbook's defined names _xlnm.Print_Area
 * and _xlnm.Print_Titles (local to the sheet). Elements in the order CT_Worksheet requires
 * (printOptions, pageMargins, pageSetup, headerFooter: after dataValidations, before drawing).
 */
import { rangeA1 } from "../../report/a1";
import { headerFooterCode, PRINT_MARGINS } from "../../report/print";
import type { PrintSetup } from "../../report/spec";
import { escapeXml, numberText } from "./xml";

/** printOptions … headerFooter of a sheet with a print setup. */
export function printXml(print: PrintSetup): string {
  const m = PRINT_MARGINS;
  return (
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${numberText(m.left)}" right="${numberText(m.right)}" top="${numberText(m.top)}" bottom="${numberText(m.bottom)}" header="${numberText(m.header)}" footer="${numberText(m.footer)}"/>` +
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight ?? 0}"/>` +
    `<headerFooter><oddHeader>${escapeXml(headerFooterCode(print.header))}</oddHeader><oddFooter>${escapeXml(headerFooterCode(print.footer))}</oddFooter></headerFooter>` +
    rowBreaksXml(print.rowBreaks ?? [])
  );
}

/** Manual page breaks (CT_PageBreak, after headerFooter): `id` is the first row of the new page, 0-based. */
function rowBreaksXml(rows: readonly number[]): string {
  if (rows.length === 0) return "";
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
}

/** A sheet name as a formula reference: 'Tableau de bord' (quotes doubled). */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface PrintNames {
  /** _xlnm.Print_Area: 'Sheet'!$A$1:$H$40 */
  area: string;
  /** _xlnm.Print_Titles: 'Sheet'!$7:$7 */
  titles?: string;
}

/** The defined names of a sheet's print area and repeated rows. */
export function printNames(sheetName: string, print: PrintSetup): PrintNames {
  const a = print.area;
  const out: PrintNames = { area: `${quoted(sheetName)}!${rangeA1(a.r1, a.c1, a.r2, a.c2, true)}` };
  if (print.titleRows)
    out.titles = `${quoted(sheetName)}!$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`;
  return out;
}
