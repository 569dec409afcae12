/**
 * Reading through the Excel gateway on the recording fake: listing, chunked reads sized by payload,
 * halving on payload errors, geometry changes, streaming, the 1904 date system, input sheets.
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel/payload";
import { GatewayError } from "../../src/workbook/errors";
import { FakeExcel } from "./fake-excel";

function grid(rows: number, cols: number, cell: (r: number, c: number) => unknown): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
}

function workbook() {
  const fake = new FakeExcel();
  const notes = fake.addSheet("Notes", [["Quelques notes"], ["sur deux lignes"]]);
  const spend = fake.addSheet("Dépenses", grid(1_001, 4, (r, c) => (r === 0 ? `Col${c}` : c === 3 && r % 7 === 0 ? "" : c === 0 ? 45_000 + r : `v${r}-${c}`)), { row: 3, col: 1 });
  fake.addTable(spend, "tblDepenses", { r1: 3, c1: 1, r2: 1_003, c2: 4 });
  fake.addSheet("Hidden data", [["a", "b"], [1, 2]]).visibility = "Hidden";
  const gateway = new ExcelWorkbookGateway({ host: fake.host() });
  return { fake, spend, notes, gateway };
}

describe("listTables", () => {
  test("tables and plain ranges of visible sheets, in workbook order, with sheet-relative addresses", async () => {
    const { gateway } = workbook();
    expect(await gateway.listTables()).toEqual([
      { name: "Notes", sheet: "Notes", address: "A1:A2", rowCount: 2, columnCount: 1, isExcelTable: false },
      { name: "tblDepenses", sheet: "Dépenses", address: "B4:E1004", rowCount: 1_001, columnCount: 4, isExcelTable: true },
    ]);
  });

  test("generated sheets are left out, imported DECP sheets are sources", async () => {
    const { fake, gateway } = workbook();
    await gateway.addContractsSheet({ sheetName: "DECP", tableName: "tblDECP", headers: ["Id", "Montant"], rows: [["M1", 1]] });
    fake.addSheet("Tableau de bord", [["à moi"], ["x"]]);
    const names = (await gateway.listTables()).map((t) => t.name);
    expect(names).toEqual(["Notes", "tblDepenses", "tblDECP", "Tableau de bord"]);
  });
});

describe("readTable", () => {
  test("reads every cell, empty cells as null, with the sheet row of the first row", async () => {
    const { gateway, spend } = workbook();
    await gateway.listTables();
    const t = await gateway.readTable("tblDepenses");
    expect(t.name).toBe("tblDepenses");
    expect(t.sheet).toBe("Dépenses");
    expect(t.firstRow).toBe(4);
    expect(t.date1904).toBe(false);
    expect(t.rows).toHaveLength(1_001);
    expect(t.rows[0]).toEqual(["Col0", "Col1", "Col2", "Col3"]);
    expect(t.rows[7]).toEqual([45_007, "v7-1", "v7-2", null]);
    expect(t.rows).toEqual(spend.read({ r1: 3, c1: 1, r2: 1_003, c2: 4 }).map((r) => r.map((v) => (v === "" ? null : v))));
  });

  test("chunks adapt to the bytes per row: wide rows of long text stay under 4 MB per response", async () => {
    const fake = new FakeExcel();
    const long = "é".repeat(60);
    fake.addTable(fake.addSheet("Large", grid(4_000, 40, (r, c) => `${long}${r}:${c}`)), "tblLarge", { r1: 0, c1: 0, r2: 3_999, c2: 39 });
    const gateway = new ExcelWorkbookGateway({ host: fake.host() });
    await gateway.listTables();
    const from = fake.syncCount;
    const t = await gateway.readTable("tblLarge");
    expect(t.rows).toHaveLength(4_000);
    expect(t.rows[3_999][39]).toBe(`${long}3999:39`);
    const reads = fake.syncLog.slice(from).filter((s) => s.responseBytes > 100_000);
    expect(reads.length).toBeGreaterThanOrEqual(5); // ~20 MB of JSON
    expect(reads.every((s) => s.ok && s.responseBytes <= PAYLOAD_LIMIT_BYTES)).toBe(true);
    expect(gateway.stats.splits).toBe(0);
  });

  test("a payload error halves the chunk and reads it again", async () => {
    const { fake, gateway, spend } = workbook();
    fake.payloadLimit = 8_000;
    await gateway.listTables();
    const t = await gateway.readTable("tblDepenses");
    expect(gateway.stats.splits).toBeGreaterThan(0);
    expect(fake.syncLog.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(t.rows).toEqual(spend.read({ r1: 3, c1: 1, r2: 1_003, c2: 4 }).map((r) => r.map((v) => (v === "" ? null : v))));
  });

  test("maxRows reads the first rows only, in one round trip", async () => {
    const { fake, gateway } = workbook();
    await gateway.listTables();
    await gateway.readTable("tblDepenses", { maxRows: 1 }); // date system probe
    const from = fake.syncCount;
    const t = await gateway.readTable("tblDepenses", { maxRows: 60 });
    expect(t.rows).toHaveLength(60);
    expect(fake.syncCount - from).toBe(1);
  });

  test("streaming: blocks with their offsets, progress to the end, no rows kept", async () => {
    const { fake, gateway } = workbook();
    fake.payloadLimit = 20_000;
    await gateway.listTables();
    const blocks: [number, number][] = [];
    const progress: number[] = [];
    const t = await gateway.readTable("tblDepenses", { onRows: (rows, offset) => void blocks.push([offset, rows.length]), onProgress: (p) => progress.push(p.rowsRead) });
    expect(t.rows).toEqual([]);
    expect(blocks.length).toBeGreaterThan(1);
    let next = 0;
    for (const [offset, n] of blocks) {
      expect(offset).toBe(next);
      next += n;
    }
    expect(next).toBe(1_001);
    expect(progress[progress.length - 1]).toBe(1_001);
  });

  test("a table that changed since the listing is read as it is now", async () => {
    const { fake, gateway, spend } = workbook();
    await gateway.listTables();
    for (let r = 1_004; r < 1_014; r++) spend.setCell(r, 1, 99);
    fake.tables[0].rect.r2 = 1_013;
    const t = await gateway.readTable("tblDepenses");
    expect(t.rows).toHaveLength(1_011);
    expect(t.rows[1_010][0]).toBe(99);
  });

  test("a table that is gone: tableNotFound", async () => {
    const { fake, gateway } = workbook();
    await gateway.listTables();
    fake.tables.splice(0, 1);
    await expect(gateway.readTable("tblDepenses")).rejects.toMatchObject({ code: "tableNotFound", subject: "tblDepenses" });
    await expect(gateway.readTable("nope")).rejects.toBeInstanceOf(GatewayError);
  });

  test("works without a prior listing (ribbon command)", async () => {
    const { gateway } = workbook();
    expect((await gateway.readTable("Notes")).rows).toEqual([["Quelques notes"], ["sur deux lignes"]]);
  });

  test("the 1904 date system is detected without leaving anything behind, or forced", async () => {
    const fake = new FakeExcel({ date1904: true });
    fake.addSheet("S", [["a"], [1]]);
    const gateway = new ExcelWorkbookGateway({ host: fake.host() });
    expect((await gateway.readTable("S")).date1904).toBe(true);
    expect(fake.names).toEqual([]);
    const forced = new ExcelWorkbookGateway({ host: fake.host(), date1904: false });
    expect((await forced.readTable("S")).date1904).toBe(false);
  });

  test("cancelling stops the read", async () => {
    const { fake, gateway } = workbook();
    fake.payloadLimit = 5_000;
    await gateway.listTables();
    const controller = new AbortController();
    const read = gateway.readTable("tblDepenses", {
      signal: controller.signal,
      onRows: (_, offset) => {
        if (offset > 0) controller.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ code: "aborted" });
    expect(fake.syncLog.filter((x) => x.ok && x.responseBytes > 0).length).toBeLessThan(10);
  });
});

describe("readSheetValues", () => {
  test("values from A1 (sheet positions), missing sheets left out", async () => {
    const { gateway } = workbook();
    const v = await gateway.readSheetValues(["Dépenses", "Absente"]);
    expect(Object.keys(v)).toEqual(["Dépenses"]);
    expect(v["Dépenses"]).toHaveLength(1_004);
    expect(v["Dépenses"][3]).toEqual([null, "Col0", "Col1", "Col2", "Col3"]);
    expect(v["Dépenses"][0]).toEqual([null, null, null, null, null]);
  });
});
