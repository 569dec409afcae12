import { render } from "../../../src/core/messages/render";
import { detectTable } from "../../../src/core/detect";
import { runIntake } from "../../../src/core/intake";
import type { RawTable } from "../../../src/core/model";

const territoires: RawTable = {
  name: "Pôles",
  rows: [
    ["Pôle territorial", "Population", "Codes postaux", "Code INSEE"],
    ["Pôle Nord", 10000, "45100 ; 45110", null],
    ["Pôle Sud", "douze", "4520", "45234"],
    [null, 300, null, null],
  ],
};
const qualite: RawTable = {
  name: "Qualité",
  rows: [
    ["Territoire", "Service", "Indicateur", "Valeur", "Cible", "Unité", "Date de mesure", "Sens"],
    ["Pôle Nord", "Voirie", "Délai moyen d'intervention", 4, 5, "jours", "31/12/2025", "plus bas est mieux"],
    ["Pôle Sud", "Collecte", "Taux de satisfaction", "70 %", "80 %", "%", null, null],
    ["Pôle Est", "Collecte", "Taux de satisfaction", "n.c.", 80, "%", null, null],
  ],
};

describe("Territoires and Qualité de service tables", () => {
  it("detects each table by its headers, apart from the Entités table", () => {
    expect(detectTable(territoires).kind).toBe("territories");
    expect(detectTable(qualite).kind).toBe("quality");
    const entites: RawTable = { name: "E", rows: [["Entité", "Type", "Territoire", "Population", "Département", "SIRET"]] };
    expect(detectTable(entites).kind).toBe("entities");
  });

  it("reads every row or rejects it with its reason (nothing is lost)", () => {
    const t = detectTable(territoires);
    const q = detectTable(qualite);
    const r = runIntake([
      { table: territoires, kind: "territories", headerRowIndex: t.headerRowIndex, mapping: t.mapping },
      { table: qualite, kind: "quality", headerRowIndex: q.headerRowIndex, mapping: q.mapping },
    ]);
    expect(r.territories?.map((x) => [x.territory, x.population, x.postcodes, x.code])).toEqual([
      ["Pôle Nord", 10000, ["45100", "45110"], null],
      ["Pôle Sud", null, ["04520"], "45234"], // "douze" warned, lost leading 0 restored
    ]);
    expect(r.quality?.map((x) => [x.territory, x.value, x.target, x.direction])).toEqual([
      ["Pôle Nord", 4, 5, "lower"],
      ["Pôle Sud", 70, 80, null],
    ]);
    const byTable = (name: string) => r.reconciliation.tables.find((x) => x.table === name)!;
    // Pôles: 3 rows read = 2 analysed (1 with warning) + 1 rejected (no name); Qualité: 3 = 2 + 1 (unreadable value).
    expect([byTable("Pôles").rowsRead, byTable("Pôles").rowsAnalysed, byTable("Pôles").rowsWithWarning, byTable("Pôles").rowsRejected]).toEqual([3, 2, 1, 1]);
    expect([byTable("Qualité").rowsRead, byTable("Qualité").rowsAnalysed, byTable("Qualité").rowsRejected]).toEqual([3, 2, 1]);
    expect(render("fr", r.anomalies.find((a) => a.table === "Qualité" && a.severity === "rejected")!.reason)).toMatch(/Valeur mesurée absente ou illisible/);
  });
});
