import * as path from "node:path";
import { bandOf, classifyBuyer, categoryFromName } from "../../../src/core/peers/categories";
import { decodeDgcl, encodeDgcl, perimeterOf, populationOf } from "../../../src/core/peers/dgcl";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../../../src/core/reference/data/dgcl-epcicom-2023";
import { readDgclXlsx } from "../../../src/file/dgcl-reader";

const dgcl = decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE);
const FIXTURE = path.join(__dirname, "../../fixtures/real/dgcl-epcicom2023_excel.xlsx");

describe("buyer categories from the SIRENs of the real DECP files (DGCL 2023 table)", () => {
  // Expected values read from the DGCL sheet XML with an independent script (columns K siren_membre,
  // M ptot_2023, B siren, D nature_juridique, G total_pop_tot):
  //  216901231 Lyon, ptot 528 633, EPCI 200046977 Métropole de Lyon (MET69, 1 432 690)
  //  215901638 Croix, ptot 20 837, EPCI 200093201 Métropole Européenne de Lille (METRO)
  //  214501553 Gien, ptot 13 716, EPCI 244500211 CC Giennoises (CC, 11 members, 24 663)
  //  244500468 Orléans Métropole (METRO, 296 062) ; 200067874 CA de Haguenau (CA, 99 299)
  test.each([
    ["216901231", "Ville de Lyon", "commune", 528_633, "c-100000", "200046977"],
    ["215901638", "Ville de Croix (59)", "commune", 20_837, "c-20000", "200093201"],
    ["214501553", "MAIRIE DE GIEN", "commune", 13_716, "c-10000", "244500211"],
    ["244500211", "COMMUNAUTE DES COMMUNES GIENNOISES", "cc", 24_663, "e-15000", "244500211"],
    ["244500468", "ORLEANS METROPOLE", "metropole", 296_062, "e-100000", "244500468"],
    ["200067874", "CA HAGUENAU", "ca", 99_299, "e-50000", "200067874"],
    ["200046977", "Métropole de Lyon", "metropole", 1_432_690, "e-300000", "200046977"],
  ])("%s (%s) → %s from the DGCL table, population %d, band %s", (siren, name, category, population, band, epci) => {
    expect(classifyBuyer(`${siren}00017`, name, dgcl)).toEqual({
      siren,
      category,
      basis: "dgcl",
      population,
      band,
      epciSiren: epci,
    });
  });

  test.each([
    ["22170001600015", "DPT17 BUDGET PRINCIPAL", "departement", "siren"],
    ["28590001500012", "SDIS DU NORD - BUDGET PRINCIPA", "sdis", "siren"],
    ["25740008500011", "SYANE", "syndicat", "siren"],
    ["13001898900017", "INOVALYS", "autre", null],
    ["20003070800014", "GROUPE EPHESE", "autre", null],
    ["26690027300018", "CCAS DE LYON", "ccas", "nom"],
    ["26440013600013", "CENTRE HOSPITALIER UNIVERSITAIRE DE NANTES", "hopital", "nom"],
  ])("%s (%s) → %s (rule: %s)", (id, name, category, basis) => {
    const c = classifyBuyer(id, name, dgcl);
    expect(c.category).toBe(category);
    expect(c.basis).toBe(basis);
    expect(c.band).toBe("all");
  });

  test("without SIREN the name decides; no SIREN and no telling name → autre", () => {
    expect(categoryFromName("Communauté d'agglomération du Choletais")).toBe("ca");
    expect(categoryFromName("SIVOM de la vallée")).toBe("syndicat");
    expect(classifyBuyer(null, "Acheteur non renseigné", dgcl).category).toBe("autre");
  });

  test("population bands: 3 499 and 3 500 inhabitants fall on each side of the first commune band", () => {
    expect(bandOf("commune", 3_499)).toBe("c-0");
    expect(bandOf("commune", 3_500)).toBe("c-3500");
    expect(bandOf("cc", 14_999)).toBe("e-0");
    expect(bandOf("syndicat", 50_000)).toBe("all");
  });

  test("TE1 population and the mutualisation perimeter from a SIRET", () => {
    expect(populationOf(dgcl, "21450155300011")).toBe(13_716);
    const p = perimeterOf(dgcl, "214501553");
    expect(p?.epci.name).toBe("CC Giennoises");
    expect(p?.communes).toHaveLength(11);
    expect(p?.communes).toContain("214501553");
  });
});

describe("the shipped DGCL table is the DGCL file, and a newer file can replace it", () => {
  test("reading the .xlsx gives the shipped table (1 255 EPCI, 34 941 communes); CC Rives de l'Ain: 14 members, 14 974 inhabitants", async () => {
    const read = await readDgclXlsx(FIXTURE, { label: "x", origin: "x", licence: "x", extracted: "2026-12-01" });
    expect(read.rows).toBe(34_941);
    expect(read.rejected).toEqual([]);
    expect(read.table.source.year).toBe(2023); // from the ptot_2023 header
    expect(read.table.epci.size).toBe(1_255);
    expect(read.table.communes.size).toBe(34_941);
    // Row 2 of the sheet: siren 200029999, nb_membres 14, total_pop_tot 14 974 (= Σ ptot_2023 of its 14 rows).
    const cc = read.table.epci.get("200029999")!;
    expect(cc.members).toHaveLength(14);
    expect(cc.population).toBe(14_974);
    expect(encodeDgcl(read.table)).toBe(DGCL_2023_DATA);
  });
});
