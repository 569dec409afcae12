import {
  FIELDS,
  REQUIRED_GROUPS,
  TABLE_KINDS,
  TABLE_KIND_LABELS,
  fieldLabel,
} from "../../src/core/fields";
import { autoMap, headerKey } from "../../src/core/detect";
import type { TableKind } from "../../src/core/model";

const keysOf = (kind: TableKind) => FIELDS[kind].map((f) => f.key);

describe("FIELDS", () => {
  it("defines the spend fields of SPEC §2.1, with the SpendLine property names", () => {
    expect(keysOf("spend").sort()).toEqual(
      [
        "date",
        "amountHT",
        "amountTTC",
        "vatRate",
        "supplierName",
        "supplierId",
        "entity",
        "service",
        "territory",
        "familyCode",
        "familyLabel",
        "cpv",
        "budgetArticle",
        "contractRef",
        // not in SPEC §2.1: the engagement juridique / bon de commande number, kept apart from contractRef (issue #10)
        "commitmentRef",
        // PF8 (D2192-35, décret 2013-269): invoice number and mandat date
        "invoiceRef",
        "mandateDate",
        "description",
        "operation",
        "channel",
        "invoiceReceived",
        "paid",
        "item",
        "quantity",
        "unitPrice",
        "unit",
        "supplierPostcode",
        "qualityLabel", // issue #14: EGalim / AGEC quality of the purchase
      ].sort()
    );
  });

  it("defines the contract fields of SPEC §2.2", () => {
    expect(keysOf("contracts").sort()).toEqual(
      [
        "contractRef",
        "entity",
        "entityId",
        "description",
        "cpv",
        "nature",
        "procedure",
        "techniques",
        "launchDate",
        "notificationDate",
        "durationMonths",
        "endDate",
        "amount",
        "estimatedAmount",
        "bidsReceived",
        "supplierName",
        "supplierId",
        "sme",
        "socialConsideration",
        "environmentalConsideration",
        // not in SPEC §2.2: DECP marcheInnovant (R2122-9-1) and the consultation of a lot (R2123-1 2°), issue #10
        "innovative",
        "consultationRef",
        "amendmentDate",
        "lots",
        "channel",
        "members",
        "amendedAmount",
        // issue #11 §2: an accord-cadre's maximum, the holder's role and postcode, the DECP publication date (R2196-1)
        "maxAmount",
        "holderRole",
        "supplierPostcode",
        "publicationDate",
      ].sort()
    );
  });

  it("defines the reference table fields of SPEC §2.3", () => {
    expect(keysOf("entities").sort()).toEqual([
      "departement",
      "entity",
      "population",
      "siret",
      "territory",
      "type",
    ]);
    expect(keysOf("nomenclature").sort()).toEqual(
      [
        "excludedFromSplitting",
        "exclusionReason",
        "familyCode",
        "label",
        "nature",
        "proximity",
      ].sort()
    );
    expect(keysOf("suppliers").sort()).toEqual([
      "departement",
      "insertion",
      "name",
      "sme",
      "supplierId",
    ]);
  });

  it("gives every field a French label and at least one synonym", () => {
    for (const kind of TABLE_KINDS) {
      for (const f of FIELDS[kind]) {
        expect(f.label.trim()).not.toBe("");
        expect(f.synonyms.length).toBeGreaterThan(0);
      }
    }
  });

  it("never lets one normalised synonym belong to two fields of the same kind", () => {
    for (const kind of TABLE_KINDS) {
      const owner = new Map<string, string>();
      for (const f of FIELDS[kind]) {
        for (const s of [...f.synonyms, ...(f.strictSynonyms ?? [])]) {
          const key = headerKey(s);
          expect(key).not.toBe("");
          const previous = owner.get(key);
          if (previous !== undefined && previous !== f.key) {
            throw new Error(`${kind}: "${s}" is a synonym of both ${previous} and ${f.key}`);
          }
          owner.set(key, f.key);
        }
      }
    }
  });

  it("recognises each field's own French label as its header", () => {
    for (const kind of TABLE_KINDS) {
      for (const f of FIELDS[kind]) {
        expect({ kind, label: f.label, mapped: autoMap([f.label], kind)[f.key] }).toEqual({
          kind,
          label: f.label,
          mapped: 0,
        });
      }
    }
  });
});

describe("requirements", () => {
  it("requires the date alone and amount/supplier as either-or groups for spend (SPEC §2.1)", () => {
    expect(FIELDS.spend.filter((f) => f.required).map((f) => f.key)).toEqual(["date"]);
    expect(REQUIRED_GROUPS.spend).toEqual([
      ["amountHT", "amountTTC"],
      ["supplierName", "supplierId"],
    ]);
  });

  it("requires a contract reference or an object (a hand-made register has no number column), and one contract date", () => {
    expect(FIELDS.contracts.filter((f) => f.required).map((f) => f.key)).toEqual([]);
    expect(REQUIRED_GROUPS.contracts).toEqual([
      ["contractRef", "description"],
      ["notificationDate", "launchDate", "endDate"],
    ]);
  });

  it("requires the key column of each reference table", () => {
    expect(FIELDS.entities.filter((f) => f.required).map((f) => f.key)).toEqual(["entity"]);
    expect(FIELDS.nomenclature.filter((f) => f.required).map((f) => f.key)).toEqual(["familyCode"]);
    expect(REQUIRED_GROUPS.suppliers).toEqual([["supplierId", "name"]]);
  });

  it("only names existing fields in requirement groups", () => {
    for (const kind of TABLE_KINDS) {
      for (const group of REQUIRED_GROUPS[kind]) {
        expect(group.length).toBeGreaterThan(0);
        for (const key of group) expect(keysOf(kind)).toContain(key);
      }
    }
  });
});

describe("labels", () => {
  it("labels the table kinds in French", () => {
    expect(TABLE_KIND_LABELS).toEqual({
      spend: "Dépenses",
      contracts: "Marchés",
      entities: "Entités",
      nomenclature: "Nomenclature",
      suppliers: "Fournisseurs",
      territories: "Liste des territoires",
      quality: "Qualité de service",
    });
  });

  it("finds a field label by key, and falls back to the key", () => {
    expect(fieldLabel("spend", "amountHT")).toBe("Montant HT");
    expect(fieldLabel("spend", "nope")).toBe("nope");
  });
});
