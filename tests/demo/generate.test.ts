import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/model";
import { addMonths, dayFromExcelSerial, ymdFromDay } from "../../src/core/dates";
import {
  C,
  DEFAULT_SPEND_LINES,
  S,
  SPEND_HEADER,
  dispenseThreshold,
  generateDemo,
  generateSpendRows,
  type DemoData,
  type PlantedCase,
} from "../../scripts/demo/generate";
import { ENTITIES, FAMILIES, UGAP_SIREN, isLuhnValid, luhnCheckDigit, siretFrom, sirenFrom } from "../../scripts/demo/catalog";
import { Rng } from "../../scripts/demo/random";

const demo: DemoData = generateDemo();
const HEADER_INDEX = 3; // rows[3] is the header (sheet row 4)
const rowAt = (sheetRow: number): Cell[] => demo.spend.rows[sheetRow - demo.spend.firstRow];
const dataRows = (): { row: number; cells: Cell[] }[] =>
  demo.spend.rows
    .map((cells, i) => ({ row: i + demo.spend.firstRow, cells }))
    .filter(({ cells }, i) => i > HEADER_INDEX && cells.some((v) => v !== null && v !== undefined) && cells[0] !== "Total");

/** Test-side amount reader: numbers, and the French text forms planted in the sheet. */
function amount(v: Cell): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const neg = /^\(.*\)$/.test(v.trim());
  const n = Number(v.replace(/[()€\s\u00a0\u202f]/g, "").replace(",", "."));
  return Number.isFinite(n) ? (neg ? -n : n) : null;
}
const cents = (x: number) => Math.round(x * 100);
const isHorsMarche = (cells: Cell[]) => !cells[S.contractRef] && (cells[S.channel] === null || cells[S.channel] === "Hors marché");
const yearOf = (cells: Cell[]) => (typeof cells[S.date] === "number" ? ymdFromDay(dayFromExcelSerial(cells[S.date] as number)).year : null);
const planted = (kind: PlantedCase["kind"]) => demo.planted.filter((p) => p.kind === kind);

describe("seeded PRNG", () => {
  test("same seed, same sequence; different seed, different sequence", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 50 }, () => a.nextUint32());
    const sb = Array.from({ length: 50 }, () => b.nextUint32());
    const sc = Array.from({ length: 50 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  test("helpers stay in range and have the expected moments", () => {
    const r = new Rng(7);
    let sum = 0;
    let sum2 = 0;
    const n = 20000;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      seen.add(r.int(3, 9));
      const z = r.normal();
      sum += z;
      sum2 += z * z;
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(sum2 / n - 1)).toBeLessThan(0.05);
    const counts = [0, 0, 0];
    for (let i = 0; i < 9000; i++) counts[r.weightedIndex([1, 2, 6])]++;
    expect(counts[2]).toBeGreaterThan(counts[1]);
    expect(counts[1]).toBeGreaterThan(counts[0]);
  });
});

describe("Luhn helpers", () => {
  test("check digits", () => {
    expect(isLuhnValid("776056467")).toBe(true); // UGAP SIREN
    expect(isLuhnValid("776056468")).toBe(false);
    expect(luhnCheckDigit("73282932")).toBe(0); // 732829320 is a textbook valid SIREN
    const siret = siretFrom(sirenFrom("12345678"), "0001");
    expect(siret).toHaveLength(14);
    expect(isLuhnValid(siret)).toBe(true);
  });
});

describe("generateDemo: determinism", () => {
  test("same seed gives identical output", () => {
    const again = generateDemo();
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  test("different seed gives different data", () => {
    const other = generateDemo({ seed: 7, spendLines: 6000, contracts: 200 });
    const other2 = generateDemo({ seed: 8, spendLines: 6000, contracts: 200 });
    expect(JSON.stringify(other.spend.rows)).not.toBe(JSON.stringify(other2.spend.rows));
    expect(JSON.stringify(other.suppliers.rows)).not.toBe(JSON.stringify(other2.suppliers.rows));
    expect(JSON.stringify(other.spend.rows.slice(4, 50))).not.toBe(JSON.stringify(demo.spend.rows.slice(4, 50)));
  });

  test("the generator does not use Math.random or the clock", () => {
    const src = ["scripts/demo/generate.ts", "scripts/demo/random.ts", "scripts/demo/catalog.ts"]
      .map((f) => fs.readFileSync(path.join(__dirname, "..", "..", f), "utf8"))
      .join("\n")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    expect(src).not.toMatch(/Math\.random|Date\.now|new Date\(/);
  });
});

describe("generateDemo: shape and sizes", () => {
  test("spend sheet layout: two title rows, a blank row, header on row 4, total row last", () => {
    const rows = demo.spend.rows;
    expect(demo.spend.sheet).toBe("Mandats");
    expect(demo.spend.firstRow).toBe(1);
    expect(String(rows[0][0])).toMatch(/^Export des mandats — Communauté d'agglomération du Val de Loiret/);
    expect(rows[1][0]).toBe("Exercices 2025-2026");
    expect(rows[2].every((v) => v === null)).toBe(true);
    expect(rows[HEADER_INDEX]).toEqual([...SPEND_HEADER]);
    expect(rows[rows.length - 1][0]).toBe("Total");
    expect(rows.filter((r) => r.length !== SPEND_HEADER.length)).toEqual([]);
  });

  test("sizes are within the expected ranges", () => {
    expect(dataRows()).toHaveLength(DEFAULT_SPEND_LINES);
    const contracts = demo.contracts.rows.length - 1;
    expect(contracts).toBeGreaterThanOrEqual(300);
    expect(contracts).toBeLessThanOrEqual(360);
    expect(demo.suppliers.rows.length - 1).toBeGreaterThanOrEqual(350);
    expect(demo.suppliers.rows.length - 1).toBeLessThanOrEqual(450);
    expect(demo.entities.rows.length - 1).toBe(14);
    expect(demo.entities.rows.filter((r) => r[1] === "Commune")).toHaveLength(12);
    expect(demo.nomenclature.rows.length - 1).toBeGreaterThanOrEqual(25);
    const small = generateDemo({ spendLines: 5000, contracts: 250 });
    expect(small.spend.rows.length).toBeLessThan(demo.spend.rows.length);
    expect(small.contracts.rows.length - 1).toBeGreaterThanOrEqual(250);
  });

  test("dates are Excel serials within the period in most rows, amounts numbers", () => {
    const rows = dataRows();
    const serialRows = rows.filter((r) => typeof r.cells[S.date] === "number");
    expect(serialRows.length).toBeGreaterThan(rows.length - 5);
    const lo = 45658; // 2025-01-01
    const hi = 46326; // 2026-10-31
    expect(serialRows.filter((r) => (r.cells[S.date] as number) < lo || (r.cells[S.date] as number) > hi)).toEqual([]);
    expect(rows.filter((r) => typeof r.cells[S.ht] === "number").length).toBeGreaterThan(rows.length - 10);
  });

  test("channel mix: most spend under contracts, some UGAP, groupement and hors marché", () => {
    const byChannel = new Map<string, number>();
    let total = 0;
    for (const { cells } of dataRows()) {
      const a = amount(cells[S.ht]);
      if (a === null) continue;
      const ch = cells[S.channel] ?? (cells[S.contractRef] ? "Marché (réf.)" : "Hors marché");
      byChannel.set(String(ch), (byChannel.get(String(ch)) ?? 0) + a);
      total += a;
    }
    const share = (k: string) => (byChannel.get(k) ?? 0) / total;
    expect(share("Marché propre") + share("Groupement de commandes") + share("Marché (réf.)")).toBeGreaterThan(0.5);
    expect(share("Centrale d'achat")).toBeGreaterThan(0.02);
    expect(share("Groupement de commandes")).toBeGreaterThan(0.03);
    expect(share("Hors marché")).toBeGreaterThan(0.05);
    expect(total).toBeGreaterThan(30e6); // two budget years of a 75 000-inhabitant agglomeration
    expect(total).toBeLessThan(100e6);
  });
});

describe("identifiers", () => {
  test("every SIRET of the supplier and entity tables is Luhn-valid except the planted invalid one", () => {
    const invalidCase = demo.planted.find((p) => p.expected?.tag === "dirty-invalid-siret");
    expect(invalidCase).toBeDefined();
    const plantedInvalid = String(invalidCase!.expected!.supplierTableSiret);
    const ids = [
      ...demo.suppliers.rows.slice(1).map((r) => r[0]),
      ...demo.entities.rows.slice(1).map((r) => r[5]),
    ].filter((v): v is string => typeof v === "string");
    expect(ids.length).toBeGreaterThan(350);
    for (const id of ids) expect(id).toMatch(/^\d{14}$/);
    const invalid = ids.filter((id) => !isLuhnValid(id) || !isLuhnValid(id.slice(0, 9)));
    expect(invalid).toEqual([plantedInvalid]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("UGAP is present with its SIREN", () => {
    const ugap = demo.suppliers.rows.find((r) => r[1] === "UGAP");
    expect(String(ugap?.[0]).slice(0, 9)).toBe(UGAP_SIREN);
    expect(dataRows().some((r) => r.cells[S.supplier] === "UGAP" && r.cells[S.channel] === "Centrale d'achat")).toBe(true);
  });

  test("every contract reference on spend lines is in the register or planted as dangling", () => {
    const register = new Set(demo.contracts.rows.slice(1).map((r) => r[C.ref]));
    const dangling = new Set(
      demo.planted.filter((p) => p.expected?.tag === "dirty-dangling-ref").flatMap((p) => String(p.expected!.values).split(" | ")),
    );
    expect(dangling.size).toBeGreaterThan(0);
    const unknown = new Set<string>();
    for (const { cells } of dataRows()) {
      const ref = cells[S.contractRef];
      if (typeof ref === "string" && !register.has(ref)) unknown.add(ref);
    }
    expect([...unknown].sort()).toEqual([...dangling].sort());
  });

  test("spend lines of a contract name its holder", () => {
    const holder = new Map(demo.contracts.rows.slice(1).map((r) => [r[C.ref], r[C.holderSiret]]));
    let checked = 0;
    const mismatches: number[] = [];
    for (const { row, cells } of dataRows()) {
      const ref = cells[S.contractRef];
      if (typeof ref !== "string" || !holder.has(ref) || typeof cells[S.siret] !== "string") continue;
      if (String(cells[S.siret]).replace(/\s/g, "") !== holder.get(ref)) mismatches.push(row);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  test("entities and families of spend lines exist in the reference tables", () => {
    const entities = new Set(demo.entities.rows.slice(1).map((r) => r[0]));
    const families = new Set(demo.nomenclature.rows.slice(1).map((r) => r[0]));
    const bad = dataRows().filter(({ cells }) => !entities.has(cells[S.entity]) || (cells[S.familyCode] !== null && !families.has(cells[S.familyCode])));
    expect(bad).toEqual([]);
    expect(ENTITIES).toHaveLength(14);
    expect(FAMILIES.filter((f) => f.excludedReason).length).toBeGreaterThanOrEqual(1);
  });
});

describe("planted cases", () => {
  test("all kinds are planted", () => {
    const kinds = new Set(demo.planted.map((p) => p.kind));
    for (const k of [
      "splitting", "bunching", "late-payment", "pooling-candidate", "direct-award-above-threshold", "single-bid", "dirty-row",
      "credit-note", "price-dispersion", "amendment-inflation", "renewal-soon", "loi-climat-gap",
    ] as const) expect(kinds.has(k)).toBe(true);
    expect(planted("splitting").length).toBeGreaterThanOrEqual(3);
  });

  test("planted row numbers point at data rows", () => {
    const data = new Set(dataRows().map((r) => r.row));
    for (const p of [...demo.planted, ...demo.controls]) {
      if (!p.rows || p.expected?.status === "skipped") continue;
      for (const r of p.rows) expect(data.has(r)).toBe(true);
    }
  });

  test("each splitting case: hors-marché lines of one entity × family × year, each below the threshold, summing to it", () => {
    const cases = planted("splitting");
    const thresholds = new Set(cases.map((c) => c.expected!.threshold));
    expect(thresholds).toEqual(new Set([40000, 60000, 100000]));
    for (const c of cases) {
      const threshold = Number(c.expected!.threshold);
      const rows = c.rows!.map(rowAt);
      expect(rows.length).toBe(c.expected!.lines);
      let sum = 0;
      for (const cells of rows) {
        expect(cells[S.entity]).toBe(c.entity);
        expect(cells[S.familyCode]).toBe(c.familyCode);
        expect(yearOf(cells)).toBe(c.year);
        expect(isHorsMarche(cells)).toBe(true);
        const a = amount(cells[S.ht])!;
        expect(a).toBeLessThan(threshold);
        sum += cents(a);
      }
      expect(sum).toBeGreaterThanOrEqual(threshold * 100);
      expect(sum).toBe(cents(Number(c.expected!.sumHT)));
      // The threshold is the one in force at the group's first purchase.
      const first = Math.min(...rows.map((r) => r[S.date] as number));
      const nature = c.expected!.nature === "Travaux" ? "Travaux" : "Fournitures";
      expect(dispenseThreshold(dayFromExcelSerial(first), nature)).toBe(threshold);
      // No other hors-marché line falls in the group (per operation for works).
      const op = c.expected!.operation;
      const group = dataRows().filter(
        ({ cells }) =>
          cells[S.entity] === c.entity && cells[S.familyCode] === c.familyCode && yearOf(cells) === c.year && isHorsMarche(cells) &&
          (op === undefined || cells[S.operation] === op),
      );
      expect(group.map((g) => g.row).sort((a, b) => a - b)).toEqual(c.rows);
    }
  });

  test("splitting controls: no other entity × family × year hors-marché group reaches the threshold", () => {
    const plantedKeys = new Set(planted("splitting").map((c) => `${c.entity}|${c.familyCode}|${c.year}`));
    const controlKeys = new Set(demo.controls.filter((c) => c.kind === "splitting" && c.entity).map((c) => `${c.entity}|${c.familyCode}|${c.year}`));
    const excluded = new Set(demo.nomenclature.rows.slice(1).filter((r) => r[4] === "Oui").map((r) => r[0]));
    const nature = new Map(demo.nomenclature.rows.slice(1).map((r) => [r[0], r[2]]));
    const groups = new Map<string, { sum: number; first: number; family: string }>();
    for (const { cells } of dataRows()) {
      if (!isHorsMarche(cells) || typeof cells[S.date] !== "number" || cells[S.familyCode] === null) continue;
      const a = amount(cells[S.ht]);
      if (a === null) continue;
      const key = `${cells[S.entity]}|${cells[S.familyCode]}|${yearOf(cells)}`;
      const g = groups.get(key) ?? { sum: 0, first: Infinity, family: String(cells[S.familyCode]) };
      g.sum += cents(a);
      g.first = Math.min(g.first, cells[S.date] as number);
      groups.set(key, g);
    }
    let checked = 0;
    for (const [key, g] of groups) {
      if (plantedKeys.has(key) || controlKeys.has(key) || excluded.has(g.family)) continue;
      const t = dispenseThreshold(dayFromExcelSerial(g.first), nature.get(g.family) === "Travaux" ? "Travaux" : "Services");
      expect(g.sum).toBeLessThan(t * 100);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // Excluded families do reach the threshold somewhere (the exclusion is exercised).
    expect(demo.controls.some((c) => c.expected?.excluded === "oui" && Number(c.expected.sumHT) >= 40000)).toBe(true);
    // The 2026 control: sum between 40 000 and 60 000 €, all after 1 April 2026.
    const ctl = demo.controls.find((c) => c.kind === "splitting" && c.expected?.threshold === 60000)!;
    const sum = ctl.rows!.reduce((s, r) => s + cents(amount(rowAt(r)[S.ht])!), 0);
    expect(sum).toBeGreaterThanOrEqual(4000000);
    expect(sum).toBeLessThan(6000000);
  });

  test("bunching: the only amounts in [36 000, 40 000) are the planted ones", () => {
    const b = planted("bunching")[0];
    const inBand = (x: number | null) => x !== null && x >= 36000 && x < 40000;
    const contracts = demo.contracts.rows.slice(1).filter((r) => inBand(r[C.amount] as number)).map((r) => r[C.ref]);
    expect(contracts.sort()).toEqual([...b.contractRefs!].sort());
    const lines = dataRows().filter((r) => inBand(amount(r.cells[S.ht]))).map((r) => r.row);
    expect(lines).toEqual(b.rows);
    expect(b.contractRefs!.length).toBeGreaterThan(Number(b.expected!.contractsInLowerBand));
  });

  test("late payments: paid 45 to 90 days after receipt", () => {
    const late = planted("late-payment")[0];
    expect(late.rows!.length).toBeGreaterThanOrEqual(10);
    for (const r of late.rows!) {
      const cells = rowAt(r);
      expect(cells[S.entity]).toBe(late.entity);
      const days = (cells[S.paid] as number) - (cells[S.receipt] as number);
      expect(days).toBeGreaterThanOrEqual(45);
      expect(days).toBeLessThanOrEqual(90);
    }
  });

  test("credit notes are the negative lines", () => {
    const cn = planted("credit-note")[0];
    const negatives = dataRows().filter((r) => (amount(r.cells[S.ht]) ?? 0) < 0).map((r) => r.row);
    expect(negatives).toEqual(cn.rows);
    expect(negatives.some((r) => rowAt(r)[S.ht] === "(250,00)")).toBe(true);
  });

  test("price dispersion of the ream of paper across entities", () => {
    const pd = planted("price-dispersion")[0];
    const prices = pd.rows!.map((r) => rowAt(r)[S.unitPrice] as number);
    expect(Math.min(...prices)).toBe(3.2);
    expect(Math.max(...prices)).toBe(5.1);
    expect(new Set(pd.rows!.map((r) => rowAt(r)[S.entity])).size).toBeGreaterThanOrEqual(6);
    for (const r of pd.rows!) expect(rowAt(r)[S.item]).toBe("Ramette papier A4 80g");
  });

  test("register cases: direct awards, single bids, amendments, renewals, Loi Climat", () => {
    const byRef = new Map(demo.contracts.rows.slice(1).map((r) => [r[C.ref], r]));
    const serialDay = (v: Cell) => dayFromExcelSerial(v as number);
    for (const p of planted("direct-award-above-threshold")) {
      const r = byRef.get(p.contractRefs![0])!;
      expect(r[C.procedure]).toBe("Marché passé sans publicité ni mise en concurrence préalable");
      expect(r[C.amount] as number).toBeGreaterThanOrEqual(dispenseThreshold(serialDay(r[C.launch]), "Services"));
    }
    const otherDirect = demo.contracts.rows
      .slice(1)
      .filter((r) => r[C.procedure] === "Marché passé sans publicité ni mise en concurrence préalable")
      .filter((r) => (r[C.amount] as number) >= dispenseThreshold(serialDay(r[C.launch]), r[C.nature] === "Travaux" ? "Travaux" : "Services"))
      .map((r) => r[C.ref]);
    expect(otherDirect.sort()).toEqual(planted("direct-award-above-threshold").flatMap((p) => p.contractRefs!).sort());

    const single = demo.contracts.rows
      .slice(1)
      .filter((r) => r[C.procedure] !== "Marché passé sans publicité ni mise en concurrence préalable" && r[C.bids] === 1)
      .map((r) => r[C.ref]);
    expect(single.sort()).toEqual(planted("single-bid")[0].contractRefs);

    const over = demo.contracts.rows.slice(1).filter((r) => {
      const a = r[C.amended] as number | null;
      if (a === null) return false;
      const rate = (a - (r[C.amount] as number)) / (r[C.amount] as number);
      return rate > (r[C.nature] === "Travaux" ? 0.15 : 0.1);
    });
    expect(over.map((r) => r[C.ref]).sort()).toEqual(planted("amendment-inflation").flatMap((p) => p.contractRefs!).sort());

    const asOf = dayFromExcelSerial(46326);
    const soon = demo.contracts.rows
      .slice(1)
      .filter((r) => {
        const end = addMonths(serialDay(r[C.notification]), r[C.duration] as number);
        return end > asOf && end <= addMonths(asOf, 12);
      })
      .map((r) => r[C.ref]);
    expect(soon.sort()).toEqual(planted("renewal-soon")[0].contractRefs);
    expect(soon.length).toBeGreaterThan(10);

    const loiClimat = dayFromExcelSerial(46255); // 2026-08-21
    const gaps = demo.contracts.rows
      .slice(1)
      .filter((r) => serialDay(r[C.launch]) >= loiClimat)
      .filter((r) => r[C.env] === "Pas de considération environnementale" || ((r[C.amount] as number) >= 216000 && r[C.social] === "Pas de considération sociale"))
      .map((r) => r[C.ref]);
    expect(gaps.sort()).toEqual(planted("loi-climat-gap").flatMap((p) => p.contractRefs!).sort());
  });

  test("pooling candidates: bought separately by at least 3 communes from different suppliers", () => {
    for (const p of planted("pooling-candidate")) {
      expect(Number(p.expected!.communes)).toBeGreaterThanOrEqual(3);
      const own = demo.contracts.rows.slice(1).filter((r) => p.contractRefs!.includes(r[C.ref] as string) && r[C.channel] === "Marché propre");
      const holders = new Set(own.map((r) => r[C.holder]));
      expect(new Set(own.map((r) => r[C.buyer])).size).toBeGreaterThanOrEqual(3);
      expect(holders.size).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("generateSpendRows", () => {
  test("1000 rows plus the header, same header as the demo spend sheet, deterministic", () => {
    const rows = [...generateSpendRows(1000)];
    expect(rows).toHaveLength(1001);
    expect(rows[0]).toEqual(demo.spend.rows[HEADER_INDEX]);
    const bad = rows.slice(1).filter((r) => r.length !== SPEND_HEADER.length || typeof r[S.date] !== "number" || !((r[S.ht] as number) > 0));
    expect(bad).toEqual([]);
    expect([...generateSpendRows(1000)]).toEqual(rows);
    expect([...generateSpendRows(1000, 99)]).not.toEqual(rows);
    const dates = rows.slice(1).map((r) => r[S.date] as number);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  test("streams a large count quickly", () => {
    const t0 = performance.now();
    let n = 0;
    for (const r of generateSpendRows(200000)) n += r.length > 0 ? 1 : 0;
    expect(n).toBe(200001);
    expect(performance.now() - t0).toBeLessThan(10000);
  });
});

describe("committed example files", () => {
  const dir = path.join(__dirname, "..", "..", "examples");

  test("the planted JSON matches the generator (regenerate with npm run demo:data)", () => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, "achats-demo.planted.json"), "utf8"));
    expect(json.planted).toEqual(JSON.parse(JSON.stringify(demo.planted)));
    expect(json.controls).toEqual(JSON.parse(JSON.stringify(demo.controls)));
  });

  test(
    "the workbook has the expected sheets, tables and spend layout",
    async () => {
      const file = path.join(dir, "achats-demo.xlsx");
      expect(fs.statSync(file).size).toBeLessThan(3 * 1024 * 1024);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Mandats", "Marchés", "Entités", "Nomenclature", "Fournisseurs"]);
      const ws = wb.getWorksheet("Mandats")!;
      expect(ws.getCell("A4").value).toBe("Date mandat");
      expect(ws.getCell("A5").value).toBeInstanceOf(Date);
      expect(ws.getCell("A5").numFmt).toBe("dd/mm/yyyy");
      expect(ws.rowCount).toBe(demo.spend.rows.length);
      const tables = (name: string) => Object.keys((wb.getWorksheet(name) as unknown as { tables: Record<string, unknown> }).tables);
      expect(tables("Marchés")).toEqual(["Marches"]);
      expect(tables("Entités")).toHaveLength(1);
      expect(tables("Nomenclature")).toHaveLength(1);
      expect(tables("Fournisseurs")).toHaveLength(1);
      expect(tables("Mandats")).toHaveLength(0);
      expect(wb.getWorksheet("Marchés")!.getCell("A1").value).toBe("N° marché");
    },
    180000,
  );
});
