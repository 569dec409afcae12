/** Pure helpers of src/excel: payload arithmetic, addresses, names, formulas, errors. */
import { toGatewayError } from "../../src/excel/errors";
import { isDefaultName, parseAnchor, parseRegistry, sheetOfReference, uniqueSheetName } from "../../src/excel/ownership";
import {
  isPayloadError,
  isRetryableBySplitting,
  MAX_READ_CELLS,
  PAYLOAD_LIMIT_BYTES,
  RESPONSE_TARGET_BYTES,
  READ_SAFETY,
  RowSizeEstimator,
  rowBytes,
  rowsPerChunk,
  sliceByBytes,
  utf8Length,
} from "../../src/excel/payload";
import { geometryA1, parseAddress } from "../../src/excel/reader";
import { retargetFormula } from "../../src/excel/sheet-refs";

describe("payload", () => {
  test("utf8Length counts bytes on the wire", () => {
    for (const s of ["", "abc", "é", "€", "𝄞", "Dépense « HT » — 2025", "\ud800"]) expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
  });

  test("rowsPerChunk: bytes target with margin, 5 000 000 cells, what remains", () => {
    expect(rowsPerChunk({ columns: 25, bytesPerRow: 320, remaining: 1e6 })).toBe(Math.floor(RESPONSE_TARGET_BYTES / (320 * READ_SAFETY)));
    expect(rowsPerChunk({ columns: 1_000, bytesPerRow: 1, remaining: 1e6 })).toBe(MAX_READ_CELLS / 1_000);
    expect(rowsPerChunk({ columns: 3, bytesPerRow: 30, remaining: 12 })).toBe(12);
    expect(rowsPerChunk({ columns: 3, bytesPerRow: 1e9, remaining: 12 })).toBe(1);
    expect(RESPONSE_TARGET_BYTES * 1.2).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  test("RowSizeEstimator follows a denser stretch at once", () => {
    const e = new RowSizeEstimator(100);
    expect(e.bytesPerRow).toBe(100);
    e.observe(1_000, 300_000);
    expect(e.bytesPerRow).toBe(300);
    e.observe(1_000, 500_000);
    expect(e.bytesPerRow).toBe(500);
    e.observe(1_000, 100_000);
    expect(e.bytesPerRow).toBeCloseTo(300);
  });

  test("sliceByBytes cuts rows under the byte budget, keeping every row", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ["x".repeat(i), i]);
    const { perRow, total } = rowBytes(rows);
    expect(total).toBe(Buffer.byteLength(JSON.stringify(rows)));
    const slices = sliceByBytes(perRow, 1_000);
    expect(slices[0].start).toBe(0);
    expect(slices[slices.length - 1].end).toBe(100);
    slices.forEach((s, i) => {
      if (i > 0) expect(s.start).toBe(slices[i - 1].end);
      expect(s.bytes).toBe(Buffer.byteLength(JSON.stringify(rows.slice(s.start, s.end))));
      if (s.end - s.start > 1) expect(s.bytes).toBeLessThanOrEqual(1_000);
    });
  });

  test("payload errors are recognised by code or message", () => {
    expect(isPayloadError({ code: "RequestPayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadError(new Error("PayloadTooLarge: the request is too large"))).toBe(true);
    expect(isPayloadError({ code: "GeneralException" })).toBe(false);
    expect(isRetryableBySplitting({ code: "GeneralException" })).toBe(true);
    expect(isRetryableBySplitting({ code: "ItemNotFound" })).toBe(false);
  });
});

describe("addresses and names", () => {
  test("parseAddress and geometryA1", () => {
    expect(parseAddress("Mandats!A4:Y20008")).toEqual({ sheet: "Mandats", r1: 3, c1: 0, r2: 20_007, c2: 24 });
    expect(parseAddress("'L''achat 2025'!B2")).toEqual({ sheet: "L'achat 2025", r1: 1, c1: 1, r2: 1, c2: 1 });
    expect(parseAddress("C3:A1")).toEqual({ sheet: null, r1: 0, c1: 0, r2: 2, c2: 2 });
    expect(parseAddress("Feuil1!A:A")).toBeNull();
    expect(geometryA1({ sheet: "x", r0: 3, c0: 0, rows: 20_005, cols: 25 })).toBe("A4:Y20008");
  });

  test("anchors, references and the registry", () => {
    expect(parseAnchor("_OptimaAchats_own_dashboard")).toEqual({ kind: "own", key: "dashboard" });
    expect(parseAnchor("_OptimaAchats_stg_plan")).toEqual({ kind: "stg", key: "plan" });
    expect(parseAnchor("_OptimaAchats_decp_3")).toEqual({ kind: "decp", n: 3 });
    expect(parseAnchor("_OptimaAchats_own_inconnu")).toEqual({ kind: "other" });
    expect(parseAnchor("MaPlage")).toEqual({ kind: "other" });
    expect(sheetOfReference("='Tableau de bord'!$A$1")).toBe("Tableau de bord");
    expect(sheetOfReference("=Feuil1!$A$1")).toBe("Feuil1");
    expect(sheetOfReference("='L''an'!$A$1")).toBe("L'an");
    expect(sheetOfReference("=#REF!$A$1")).toBeNull();
    expect(parseRegistry("pas du json")).toEqual({ version: 1, sheets: {} });
    expect(parseRegistry(JSON.stringify({ version: 1, sheets: { a: { key: "plan", name: "Plan", layoutVersion: 2 }, b: { key: 3 } } }))).toEqual({ version: 1, sheets: { a: { key: "plan", name: "Plan", layoutVersion: 2 } } });
  });

  test("uniqueSheetName: case-insensitive, (2), (3)…, 31 characters", () => {
    const taken = new Set(["tableau de bord", "tableau de bord (2)"]);
    expect(uniqueSheetName("Tableau de bord", (n) => taken.has(n))).toBe("Tableau de bord (3)");
    expect(uniqueSheetName("Cartographie", (n) => taken.has(n))).toBe("Cartographie");
    const long = "Une feuille au nom vraiment très long";
    const name = uniqueSheetName(long, (n) => n === long.slice(0, 31).toLowerCase());
    expect(name).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
    expect(isDefaultName("dashboard", "Tableau de bord (2)")).toBe(true);
    expect(isDefaultName("dashboard", "Dashboard")).toBe(true);
    expect(isDefaultName("dashboard", "TDB 2025")).toBe(false);
  });
});

describe("retargetFormula", () => {
  const map = new Map([
    ["diagnostic 360", "__optima_tmp_diagnostic"],
    ["paramètres", "__optima_tmp_parametres"],
    ["feuil1", "Autre"],
  ]);

  test("quoted and bare sheet names, string literals untouched", () => {
    expect(retargetFormula(`=IF('Diagnostic 360'!$C$35="","",'Diagnostic 360'!$C$35)`, map)).toBe(`=IF('__optima_tmp_diagnostic'!$C$35="","",'__optima_tmp_diagnostic'!$C$35)`);
    expect(retargetFormula(`='Paramètres'!D8+Feuil1!A1`, map)).toBe(`='__optima_tmp_parametres'!D8+'Autre'!A1`);
    expect(retargetFormula(`="voir 'Diagnostic 360'!A1"&Feuil1!B2`, map)).toBe(`="voir 'Diagnostic 360'!A1"&'Autre'!B2`);
    expect(retargetFormula(`=SUM(B2:B9)`, map)).toBe(`=SUM(B2:B9)`);
    expect(retargetFormula(`='Inconnue'!A1+XFeuil1!A1`, map)).toBe(`='Inconnue'!A1+XFeuil1!A1`);
  });
});

describe("toGatewayError", () => {
  test("Office codes become gateway codes, with retry hints", () => {
    expect(toGatewayError({ code: "InvalidOperationInCellEditMode", message: "x" })).toMatchObject({ code: "cellEditMode", retryable: true });
    expect(toGatewayError({ code: "RequestPayloadSizeLimitExceeded" })).toMatchObject({ code: "tooLarge", retryable: true });
    expect(toGatewayError({ code: "ItemNotFound" }, "tblX", "tableNotFound")).toMatchObject({ code: "tableNotFound", subject: "tblX" });
    expect(toGatewayError({ code: "AccessDenied" })).toMatchObject({ code: "protected" });
    expect(toGatewayError({ code: "ActivityLimitReached" })).toMatchObject({ code: "busy", retryable: true });
    expect(toGatewayError(new Error("boom"))).toMatchObject({ code: "unknown", retryable: false });
  });
});
