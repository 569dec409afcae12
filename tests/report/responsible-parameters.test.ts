/**
 * AGEC / EGalim reference values are editable in Paramètres (issue #14): a décret 2024-134 minimum
 * typed by the user becomes an override of that one value; an empty cell keeps the default (empty).
 */
import { defaultReferenceValues, withOverrides } from "../../src/core/reference/values";
import { parametersToOverrides } from "../../src/report/inputs";
import { PARAMETERS, parameterRaw, toSheetValue } from "../../src/report/parameters";

describe("AGEC and EGalim rows of the Paramètres sheet", () => {
  it("lists the EGalim targets with their legal values (L230-5-1: 50 %, 20 %, 60 %)", () => {
    const ref = defaultReferenceValues();
    const value = (id: string) => toSheetValue("percent", parameterRaw(ref, PARAMETERS.find((p) => p.id === id)!));
    expect(value("egalim.qualityPercent")).toBe(0.5);
    expect(value("egalim.organicPercent")).toBe(0.2);
    expect(value("egalim.meatFishPercent")).toBe(0.6);
  });

  it("shows an unverified décret 2024-134 minimum as an empty cell, not as 0 %", () => {
    const def = PARAMETERS.find((p) => p.id === "agec.papier.recycled2024")!;
    expect(parameterRaw(defaultReferenceValues(), def)).toBeNull();
  });

  it("turns a typed minimum into an override of that value only", () => {
    const overrides = parametersToOverrides({
      parameters: { "agec.papier.recycled2024": 0.25, "agec.papier.reuse2024": null },
      parameterTables: {},
    });
    const ref = withOverrides(defaultReferenceValues(), overrides);
    expect(ref.agec.papier.recycled2024).toBe(25);
    expect(ref.agec.papier.reuse2024).toBeNull();
    expect(ref.agec.papier.combined2021).toBe(40); // the rest of the category is kept
    expect(ref.agec.informatique.combined2021).toBe(20); // and the other categories
  });
});
