import { fromLegacy, type IndicatorResult as LegacyResult } from "../../../src/core/indicators/legacy";
import { msg, render } from "../../../src/core/messages/render";

/** A legacy result (French texts) as CO1-CO5, PF4, PF6 and PF8 still build them. */
function legacy(na: string | null, of: string, refLabel: string | null = null): LegacyResult {
  return {
    id: "PF6",
    group: "PF",
    label: "Marchés dont les avenants dépassent la limite",
    value: na === null ? 12.5 : null,
    unit: "%",
    na,
    coverage: { n: 3, N: 4, of },
    reference: refLabel === null ? null : { value: 10, unit: "%", label: refLabel, source: "Art. R2194-8 CCP" },
    status: null,
    details: {},
    tables: { overLimit: [] },
  };
}

describe("legacy results become coded results (fromLegacy)", () => {
  test("a known French reason becomes its catalogue code, rendered back to the same French and to English", () => {
    const r = fromLegacy(legacy("Aucun marché notifié sur la période 2025.", "marchés"));
    expect(r.na).toEqual(msg("na.noContractsInPeriod", { period: "2025" }));
    expect(render("fr", r.na!)).toBe("Aucun marché notifié sur la période 2025.");
    expect(render("en", r.na!)).toBe("No contract notified in the period 2025.");
    expect(r.coverage).toEqual({ n: 3, N: 4, of: "contracts" });
  });

  test("an indicator's own translations apply to its reference label (PF6: 10 % and 15 %)", () => {
    const r = fromLegacy(legacy(null, "lignes", "Limite d'augmentation : 10 % fournitures/services, 15 % travaux"), [
      {
        pattern: /^Limite d'augmentation : ([\d.,]+) % fournitures\/services, ([\d.,]+) % travaux$/,
        message: (m) => msg("ref.amendmentLimit", { suppliesServices: Number(m[1]), works: Number(m[2]) }),
      },
    ]);
    expect(render("en", r.reference!.label)).toBe("Increase limit: 10 % supplies/services, 15 % works");
    expect(r.coverage.of).toBe("lines");
  });

  test("a text without translation is kept as it is (and an unknown coverage word counts records)", () => {
    const r = fromLegacy(legacy("Nouvelle raison pas encore codée", "bidules"));
    expect(r.na).toEqual(msg("legacy.untranslated", { text: "Nouvelle raison pas encore codée" }));
    expect(render("en", r.na!)).toBe("Nouvelle raison pas encore codée");
    expect(r.coverage.of).toBe("records");
    expect(r).not.toHaveProperty("label");
  });
});
