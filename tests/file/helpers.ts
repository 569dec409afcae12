/**
 * Fixtures for the file adapter tests: a private temporary folder, hand-written .xlsx packages
 * (exact XML, for the scanner's corner cases) and exceljs-written workbooks (real-world shape).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { Cell } from "../../src/core/model";
import type { XlsxBook } from "../../src/file/xlsx-reader";

export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface HandSheet {
  name: string;
  /** Whole worksheet XML. */
  xml: string | Uint8Array;
  /** Table definitions: [tableXml]. */
  tables?: string[];
  state?: "hidden" | "veryHidden";
}

/**
 * A minimal .xlsx package from hand-written XML. `sharedStrings` is the whole sst part (omitted
 * when undefined); `date1904` goes to workbookPr; `level` 0 stores the parts uncompressed.
 */
export function handXlsx(opts: { sheets: HandSheet[]; sharedStrings?: string; date1904?: boolean; level?: 0 | 6; sstFirst?: boolean }): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, content: string | Uint8Array) => {
    files[name] = typeof content === "string" ? strToU8(content) : content;
  };
  put("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  if (opts.sstFirst && opts.sharedStrings !== undefined) put("xl/sharedStrings.xml", opts.sharedStrings);
  const sheetsXml = opts.sheets
    .map((s, i) => `<sheet name="${s.name.replace(/&/g, "&amp;")}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS} ${RNS}><workbookPr${opts.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetsXml}</sheets></workbook>`,
  );
  const rels = opts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.sharedStrings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${rels.join("")}</Relationships>`);
  let tableNo = 0;
  opts.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, s.xml);
    if (s.tables && s.tables.length > 0) {
      const trels = s.tables.map((t) => {
        tableNo++;
        put(`xl/tables/table${tableNo}.xml`, t);
        return `<Relationship Id="rIdT${tableNo}" Type="${REL}/table" Target="../tables/table${tableNo}.xml"/>`;
      });
      put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${trels.join("")}</Relationships>`);
    }
  });
  if (!opts.sstFirst && opts.sharedStrings !== undefined) put("xl/sharedStrings.xml", opts.sharedStrings);
  return zipSync(files, { level: opts.level ?? 6 });
}

export function worksheet(sheetData: string, prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : NS;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${ns} ${RNS}><${p}dimension ref="A1"/><${p}sheetData>${sheetData}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells></${p}worksheet>`;
}

export function sst(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
}

/** Every row of a sheet as [sheet row number, cells]. */
export async function allRows(book: XlsxBook, sheet: string): Promise<[number, Cell[]][]> {
  const out: [number, Cell[]][] = [];
  await book.readRows(sheet, (row, n) => {
    out.push([n, row]);
  });
  return out;
}
