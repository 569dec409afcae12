/** Registers as they are really written (issue #11 §2), on small hand-made tables. */
import { isReconciled, runIntake, type MappedTable } from "../../src/core/intake";
import { lotAmountsCents, registerCell, sectionNature } from "../../src/core/intake/contracts";
import type { Cell } from "../../src/core/model";
import { render } from "../../src/core/messages/render";
import { decodeEntities, parseXml, XmlError } from "../../src/core/xml";

function table(headers: string[], rows: Cell[][], mapping: Record<string, number>): MappedTable {
  return { table: { name: "reg", rows: [headers, ...rows] }, kind: "contracts", headerRowIndex: 0, mapping };
}

describe("one row per titulaire / mandataire / co-traitant", () => {
  const headers = ["N°", "Objet", "Date", "Montant", "Titulaire", "Rôle"];
  const map = { contractRef: 0, description: 1, notificationDate: 2, amount: 3, supplierName: 4, holderRole: 5 };

  test("rows of one contract are one contract with its holders and roles; its amount counted once", () => {
    const r = runIntake([
      table(headers, [
        ["M1", "Voirie", "2024-03-01", 100_000, "ALPHA", "mandataire"],
        ["M1", "Voirie", "2024-03-01", 100_000, "BETA", "co-traitant"],
        ["M2", "Écoles", "2024-04-01", 50_000, "GAMMA", null],
      ], map),
    ]);
    expect(r.contracts.map((c) => [c.contractRef, c.holders.map((h) => [h.name, h.role ?? null])])).toEqual([
      ["M1", [["ALPHA", "mandataire"], ["BETA", "co-traitant"]]],
      ["M2", [["GAMMA", null]]],
    ]);
    const t = r.reconciliation.tables[0];
    // read 100 000 + 100 000 + 50 000; analysed 150 000; the repeated 100 000 set aside.
    expect([t.rowsRead, t.contracts, t.rowsGrouped]).toEqual([3, 2, 1]);
    expect([t.amountReadCents, t.amountAnalysedCents, t.amountSetAsideCents]).toEqual([25_000_000, 15_000_000, 10_000_000]);
    expect(isReconciled(t)).toBe(true);
  });

  test("the same number with another date or amount is another contract (numbers are reused)", () => {
    const r = runIntake([
      table(headers, [
        ["202", "A", "2024-03-01", 1_000, "ALPHA", null],
        ["202", "B", "2024-05-01", 2_000, "ALPHA", null],
      ], map),
    ]);
    expect(r.contracts).toHaveLength(2);
  });
});

describe("montant initial, maximum, placeholders", () => {
  const headers = ["N°", "Date", "Montant initial", "Montant maximum"];
  const map = { contractRef: 0, notificationDate: 1, amount: 2, maxAmount: 3 };

  test("a contract with only a maximum is counted on its maximum, and says so", () => {
    const r = runIntake([table(headers, [["AC1", "2024-01-10", null, 80_000], ["M2", "2024-01-11", 5_000, 9_000]], map)]);
    expect(r.contracts.map((c) => [c.contractRef, c.amountCents, c.amountBasis, c.maxAmountCents])).toEqual([
      ["AC1", 8_000_000, "maximum", 8_000_000],
      ["M2", 500_000, "initial", 900_000],
    ]);
    expect(r.anomalies.some((a) => a.row === 2 && /montant maximum/.test(render("fr", a.reason)))).toBe(true);
  });

  test("a placeholder amount (999 999 999 €) is set aside on its own line, the contract analysed without amount", () => {
    const r = runIntake([table(headers, [["P1", "2024-01-10", 999_999_999, null], ["M2", "2024-01-11", 1_000, null]], map)]);
    const t = r.reconciliation.tables[0];
    expect(r.contracts.map((c) => c.amountCents)).toEqual([null, 100_000]);
    expect(t.amountReadCents).toBe(99_999_999_900 + 100_000);
    expect(t.setAside?.map((l) => ({ ...l, reason: render("fr", l.reason) }))).toEqual([
      { reason: expect.stringMatching(/remplissage/), rows: 1, amountCents: 99_999_999_900 },
    ]);
    expect(isReconciled(t)).toBe(true);
  });
});

describe("register cells", () => {
  test("CDL / MQ are blank, list literals are their items, HTML entities decoded", () => {
    expect([registerCell("CDL"), registerCell("MQ"), registerCell(" MQ ")]).toEqual([null, null, null]);
    expect(registerCell("['Accord-cadre']")).toBe("Accord-cadre");
    expect(registerCell("['Clause sociale', 'Critère social']")).toBe("Clause sociale, Critère social");
    expect(registerCell("A &#8211; B &amp; C")).toBe("A – B & C");
    expect(registerCell(12)).toBe(12);
  });

  test("section rows: SERVICES / FOURNITURE(S) / TRAVAUX, not other words", () => {
    expect(["SERVICES", "Fourniture", "FOURNITURES", "TRAVAUX", "Prestations intellectuelles", "Tranche 1"].map(sectionNature)).toEqual([
      "Services", "Fournitures", "Fournitures", "Travaux", "Services", null,
    ]);
  });

  test("a cell listing lot amounts is their sum (10 869,56 + 13 377,13 = 24 246,69)", () => {
    expect(lotAmountsCents("\nLot 2: 10869,56\nLot 4: 13377,13")).toEqual({ cents: 2_424_669, lots: 2 });
    expect(lotAmountsCents("14 237.50")).toBeUndefined();
  });
});

describe("XML reader", () => {
  test("elements to JSON: text, nested objects, repeated names as lists, entities and CDATA", () => {
    const doc = parseXml('<?xml version="1.0"?><!-- c --><marches><marche><id>A&amp;B</id><t><x>1</x><x>2</x></t><o><![CDATA[a < b]]></o><e/></marche></marches>');
    expect(doc).toEqual({ marches: { marche: { id: "A&B", t: { x: ["1", "2"] }, o: "a < b", e: "" } } });
  });

  test("malformed XML is an XmlError with its line", () => {
    expect(() => parseXml("<a>\n<b></c></a>")).toThrow(XmlError);
    try {
      parseXml("<a>\n<b></c></a>");
    } catch (e) {
      expect((e as XmlError).line).toBe(2);
      expect((e as XmlError).message).toBe("la balise <b> est fermée par </c>");
    }
    expect(() => parseXml("")).toThrow(/vide/);
    expect(() => parseXml("<a>" .repeat(100))).toThrow(/imbriqués/);
  });

  test("decodeEntities: numeric, hex and named", () => {
    expect(decodeEntities("&#8211;&#x2013;&lt;&eacute;")).toBe("––<&eacute;");
  });
});

describe("an amount beyond the exact range of a number (issue #13, item 9)", () => {
  const headers = ["N°", "Date", "Montant"];
  const map = { contractRef: 0, notificationDate: 1, amount: 2 };

  test("is read to the cent, set aside as a placeholder, and the register reconciles exactly", () => {
    const r = runIntake([
      table(headers, [
        ["M1", "2024-03-01", "10 000,00"],
        ["M2", "2024-03-02", "123 456 789 012 345 678,90"],
        ["M3", "2024-03-03", "5 000,00"],
      ], map),
    ]);
    const t = r.reconciliation.tables[0];
    // read = 1 000 000 + 12 345 678 901 234 567 890 + 500 000 = 12 345 678 901 236 067 890 cents;
    // analysed = 1 000 000 + 500 000 = 1 500 000; set aside = 12 345 678 901 234 567 890.
    expect(t.exactCents).toEqual({ read: "12345678901236067890", analysed: "1500000", rejected: "0", setAside: "12345678901234567890" });
    expect(isReconciled(t)).toBe(true);
    expect(t.setAside).toEqual([expect.objectContaining({ rows: 1, exactAmountCents: "12345678901234567890" })]);
    // The contract is analysed without amount, with the placeholder warning (not "unreadable").
    expect(r.contracts.find((c) => c.contractRef === "M2")?.amountCents).toBeNull();
    const warnings = r.anomalies.filter((a) => a.row === 3).map((a) => render("fr", a.reason));
    expect(warnings).toEqual([expect.stringContaining("Le montant atteint ou dépasse 999 999 999 €, ce qui ressemble à une valeur de remplissage et non à un montant réel : il est mis de côté")]);
  });
});
