/**
 * The shipped DGCL populations are used by default when neither the Territoires nor the Entités
 * table gives a territory's population (issue #16 §1, rule 3).
 *
 * Figures looked up by hand in tests/fixtures/real/dgcl-epcicom2023_excel.xlsx (sheet Epcicom2023,
 * rows 28581–28587, EPCI SIREN 200000172 "CC Faucigny-Glières", 7 member communes):
 *   total_pop_tot = 28 058 = Σ ptot_2023 12 902 (Bonneville, SIREN 217400423) + 6 513 (Marignier,
 *   217401645) + 2 406 (Contamine-sur-Arve) + 2 285 (Ayse) + 1 859 (Glières-Val-de-Borne) + 1 611
 *   (Vougy) + 482 (Brizon).
 */
import { analyse, indicator } from "../../../src/core/analyse";
import type { Family, TerritoryRow } from "../../../src/core/model";
import { dgclPopulation } from "../../../src/core/territories/shipped-population";
import { entity, intakeOf, spend } from "../../helpers/fixtures";

const fam: Family = { key: "F:BUR", label: "Fournitures de bureau", rule: "familyCode" };
const pole = (territory: string, code: string | null, population: number | null = null): TerritoryRow => ({
  source: { table: "Pôles", row: 2 },
  territory,
  code,
  type: null,
  population,
  departement: "74",
  postcodes: [],
});

describe("DGCL 2023 populations shipped with the engine", () => {
  it("gives a commune's or an EPCI's population from its SIREN or SIRET, null for an unknown code", () => {
    expect(dgclPopulation("217400423")).toBe(12902); // Bonneville, ptot_2023
    expect(dgclPopulation("200000172")).toBe(28058); // CC Faucigny-Glières, total_pop_tot
    expect(dgclPopulation("20000017200017")).toBe(28058); // a SIRET: its SIREN
    expect(dgclPopulation("999999999")).toBeNull();
    expect(dgclPopulation("74042")).toBeNull(); // INSEE code: not in the compact table
  });

  it("is used by default for the pôles without a population whose Territoires row gives a SIREN, and can be turned off", () => {
    const lines = [
      spend({ entity: "CC Faucigny-Glières", territory: "Pôle Bonneville", family: fam, amount: 12902 }),
      spend({ entity: "CC Faucigny-Glières", territory: "Pôle Marignier", family: fam, amount: 6513 * 2 }),
      spend({ entity: "CC Faucigny-Glières", territory: "Pôle Vougy", family: fam, amount: 1000 }),
    ];
    const intake = {
      ...intakeOf({ spend: lines, entities: [entity({ entity: "CC Faucigny-Glières", type: "EPCI" })] }),
      territories: [pole("Pôle Bonneville", "217400423"), pole("Pôle Marignier", "217401645"), pole("Pôle Vougy", null, 1000)],
    };
    const byTerritory = (a: ReturnType<typeof analyse>) =>
      indicator(a, "TE1").tables.byTerritory.map((r) => [r.territory, r.population, r.perInhabitant]);
    // Bonneville 12 902 € / 12 902 hab. = 1 ; Marignier 13 026 € / 6 513 = 2 ; Vougy 1 000 / 1 000 (table) = 1.
    expect(byTerritory(analyse(intake))).toEqual([
      ["Pôle Marignier", 6513, 2],
      ["Pôle Bonneville", 12902, 1],
      ["Pôle Vougy", 1000, 1],
    ]);
    // Turned off: no population for the two pôles that have only a code.
    const off = byTerritory(analyse(intake, { shippedPopulation: () => null }));
    expect(off.filter((r) => r[1] !== null && r[1] !== 0).map((r) => r[0])).toEqual(["Pôle Vougy"]);
  });
});
