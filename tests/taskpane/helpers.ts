/** Shared fixtures of the task pane tests: a small demo workbook in memory. */
import { generateDemo, type DemoData } from "../../scripts/demo/generate";
import { InMemoryWorkbook, type InMemoryWorkbookOptions, type MemoryTable } from "../../src/taskpane/memory-workbook";

let cached: DemoData | null = null;

/** The demo data with 1 500 spend lines (generated once per test file). */
export function smallDemo(): DemoData {
  cached ??= generateDemo({ spendLines: 1_500, contracts: 60 });
  return cached;
}

export function demoTables(): MemoryTable[] {
  const d = smallDemo();
  return [d.spend, d.contracts, d.entities, d.nomenclature, d.suppliers].map((t) => ({
    name: t.name,
    sheet: t.sheet,
    rows: t.rows,
    firstRow: t.firstRow,
    isExcelTable: t.name !== t.sheet,
  }));
}

export function demoWorkbook(options: Partial<InMemoryWorkbookOptions> = {}): InMemoryWorkbook {
  return new InMemoryWorkbook({ tables: demoTables(), ...options });
}
