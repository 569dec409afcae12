import { buildComparison } from "../../src/core/peers/comparison";
import { decodeDgcl } from "../../src/core/peers/dgcl";
import { buildObservatory } from "../../src/core/peers/observatory";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../../src/core/reference/data/dgcl-epcicom-2023";
import defaultRef from "../../src/core/reference/data/referentiel-default.json";
import { parseReferentiel } from "../../src/core/peers/referentiel";
import { buildFicheWorkbook, buildObservatoryWorkbook } from "../../src/report/observatoire/workbook";
import { validateWorkbookSpec } from "../../src/report/validate";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { contract, intakeOf } from "../helpers/fixtures";
import { analyse } from "../../src/core/analyse";
import { parsePeriod } from "../../src/core/period";

const dgcl = decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE);

describe("Comparaison sheet, fiche and observatory workbooks are valid specs", () => {
  const contracts = [1, 2, 3, 4].map((i) =>
    contract({ contractRef: `M${i}`, entity: "Ville de Croix", entityId: "21590163800019", notificationDate: 18_400 + i, procedure: i === 4 ? "Appel d'offres ouvert" : "Procédure adaptée", amountCents: 5_000_000 * i })
  );
  const intake = intakeOf({ contracts });
  const analysis = analyse(intake, { period: parsePeriod("2020") });
  const view = buildComparison({
    contracts,
    period: analysis.period,
    indicators: analysis.indicators,
    referentiel: parseReferentiel(defaultRef),
    referentielName: "défaut",
    dgcl,
    peers: [],
    runDate: "2026-12-01",
    producer: "test",
  });

  test("the buyer is Croix (SIREN of the contracts), a commune of 20 000 to 49 999 inhabitants; MAPA 3 of 4 = 75 %", () => {
    expect(view.buyer).toMatchObject({ siren: "215901638", category: "commune", band: "c-20000", population: 20_837, contracts: 4 });
    expect(view.rows.find((r) => r.key === "mapaShare")!.value).toBe(75);
  });

  test("with a comparison the workbook gains Comparaison after Territoires and stays valid, in both languages", () => {
    for (const lang of ["fr", "en"] as const) {
      const spec = buildWorkbookSpec(analysis, { runDate: "2026-12-01", sources: ["t"], lang, comparison: view });
      const keys = spec.sheets.map((s) => s.key);
      expect(keys.indexOf("comparaison")).toBe(keys.indexOf("territoires") + 1);
      expect(validateWorkbookSpec(spec)).toEqual([]);
    }
    const without = buildWorkbookSpec(analysis, { runDate: "2026-12-01", sources: ["t"] });
    expect(without.sheets.map((s) => s.key)).not.toContain("comparaison");
  });

  test("fiche and observatory workbooks are valid specs", () => {
    const o = { runDate: "2026-12-01", version: "t", sources: [], period: { label: "2020", start: "", end: "" }, parameters: "" };
    expect(validateWorkbookSpec(buildFicheWorkbook(view.fiche, o))).toEqual([]);
    const obs = buildObservatory([view.fiche, { ...view.fiche, siren: "210000000" }], { anonymise: false });
    expect(validateWorkbookSpec(buildObservatoryWorkbook(obs, { ...o, anonymised: false }))).toEqual([]);
  });
});
