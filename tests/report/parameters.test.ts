import { defaultReferenceValues } from "../../src/core/reference/values";
import { datedRows } from "../../src/report/parameters";

describe("Paramètres: the dated tables in the sheet's language", () => {
  test("the innovative flag of the special thresholds is oui/non in French and yes/no in English (R2122-9-1 only is innovative)", () => {
    const ref = defaultReferenceValues();
    const flags = (lang: "fr" | "en") =>
      datedRows(ref, "specialDispenseThresholds", lang).map((r) => `${r.rule}:${r.innovative}`);
    expect(flags("fr")).toEqual(["R2122-9-1:oui", "R2122-9:non", "Décret n° 2020-893:non"]);
    expect(flags("en")).toEqual(["R2122-9-1:yes", "R2122-9:no", "Décret n° 2020-893:no"]);
  });
});
