import fc from "fast-check";
import {
  autoMap,
  describeMissing,
  detectTable,
  findHeaderRow,
  guessKind,
  headerKey,
  missingRequired,
  type ColumnMapping,
} from "../../src/core/detect";
import { FIELDS, TABLE_KINDS } from "../../src/core/fields";
import type { Cell, RawTable, TableKind } from "../../src/core/model";

/** field key → header text, for readable assertions. */
function named(headers: string[], mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, col] of Object.entries(mapping)) out[key] = headers[col];
  return out;
}

function table(rows: Cell[][], name = "Feuil1"): RawTable {
  return { name, rows };
}

// A French mandats export (Ciril/Astre style), with a title block above the headers.
const MANDATS_HEADERS = [
  "Exercice",
  "N° bordereau",
  "N° mandat",
  "Date mandat",
  "Libellé tiers",
  "N° SIRET tiers",
  "Code service",
  "Imputation budgétaire",
  "Objet de la dépense",
  "N° engagement",
  "Mt HT",
  "Montant mandaté TTC",
  "Date de réception de la facture",
  "Date de paiement",
];
const MANDATS_ROW: Cell[] = [
  2024,
  "B12",
  "M345",
  "12/03/2024",
  "BUREAU VALLEE",
  "123 456 789 00012",
  "DSI",
  "6064",
  "Ramettes papier",
  "E2024-55",
  "1 000,00",
  "1 200,00",
  "05/03/2024",
  "20/03/2024",
];

const CONTRACTS_HEADERS = [
  "N° de marché",
  "Objet du marché",
  "Acheteur",
  "Titulaire",
  "SIRET du titulaire",
  "PME",
  "Procédure",
  "Nature",
  "Code CPV",
  "Date de lancement de la consultation",
  "Date de notification",
  "Durée (mois)",
  "Date de fin",
  "Montant HT (€)",
  "Montant estimé",
  "Nombre d'offres reçues",
  "Nombre de lots",
  "Clause sociale",
  "Clause environnementale",
  "Mode d'achat",
  "Membres du groupement",
  "Montant après avenants",
  "Service gestionnaire",
  "Observations",
];

// DECP 2019 (v1.x) contracts flattened by a JSON → table tool, field names kept as they are.
const DECP_HEADERS = [
  "id",
  "source",
  "uid",
  "acheteur.id",
  "acheteur.nom",
  "_type",
  "nature",
  "objet",
  "codeCPV",
  "procedure",
  "lieuExecution.code",
  "lieuExecution.typeCode",
  "lieuExecution.nom",
  "dureeMois",
  "dateNotification",
  "datePublicationDonnees",
  "montant",
  "formePrix",
  "titulaires.0.typeIdentifiant",
  "titulaires.0.id",
  "titulaires.0.denominationSociale",
  "offresRecues",
  "considerationsSociales",
  "considerationsEnvironnementales",
  "modifications.0.montant",
];

describe("findHeaderRow", () => {
  it("finds the header row under a title block", () => {
    const rows: Cell[][] = [
      ["Commune de Saint-Exemple — export des mandats", null, null],
      ["Exercice 2024, édité le 15/01/2025", null, null],
      [null, null, null],
      MANDATS_HEADERS,
      MANDATS_ROW,
      MANDATS_ROW,
    ];
    expect(findHeaderRow(rows)).toBe(3);
  });

  it("does not take a title that mentions a field for the header row", () => {
    const rows: Cell[][] = [
      ["Montant des dépenses par fournisseur"],
      [],
      ["Fournisseur", "Montant HT", "Date"],
      ["A", 1, 2],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it("never takes a row made mostly of numbers or dates as the header row", () => {
    const rows: Cell[][] = [
      ["Montant", "Date", 1, 2, 3, new Date(2024, 0, 1), "12/03/2024", "1 234,56"],
      ["Fournisseur", "Observations", null, null, null, null, null, null],
    ];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it("breaks ties in favour of the earliest row", () => {
    const rows: Cell[][] = [["Autre"], ["Fournisseur", "Date"], ["Montant", "Tiers"]];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it("falls back to row 0 when no row looks like a header", () => {
    expect(
      findHeaderRow([
        ["abc", "def"],
        ["ghi", "jkl"],
      ])
    ).toBe(0);
    expect(findHeaderRow([])).toBe(0);
  });

  it("only scans the first maxScan rows", () => {
    const rows: Cell[][] = [["x"], ["y"], ["Fournisseur", "Montant HT", "Date"]];
    expect(findHeaderRow(rows, 2)).toBe(0);
    expect(findHeaderRow(rows, 3)).toBe(2);
  });
});

describe("guessKind", () => {
  it("guesses spend from a French mandats export", () => {
    expect(guessKind(MANDATS_HEADERS).kind).toBe("spend");
  });

  it("guesses contracts from a register with French headers", () => {
    const { kind, scores } = guessKind(CONTRACTS_HEADERS);
    expect(kind).toBe("contracts");
    expect(scores.contracts).toBeGreaterThan(scores.spend);
  });

  it("guesses contracts from the DECP field names, flattened", () => {
    const { kind, scores } = guessKind(DECP_HEADERS);
    expect(kind).toBe("contracts");
    expect(scores.contracts).toBeGreaterThan(scores.spend);
  });

  it("guesses entities from an entities table", () => {
    expect(
      guessKind([
        "Collectivité",
        "Type d'entité",
        "Territoire",
        "Population DGF",
        "Département",
        "SIRET",
      ]).kind
    ).toBe("entities");
  });

  it("guesses nomenclature from a purchase nomenclature", () => {
    const headers = [
      "Code famille",
      "Libellé de la famille",
      "Nature",
      "Service de proximité",
      "Exclue du contrôle de fractionnement (oui/non)",
      "Motif d'exclusion",
    ];
    expect(guessKind(headers).kind).toBe("nomenclature");
  });

  it("guesses suppliers from a supplier list", () => {
    expect(
      guessKind(["SIRET", "Raison sociale", "PME (oui/non)", "Département", "ESS/SIAE"]).kind
    ).toBe("suppliers");
  });

  it("returns no kind when the headers fit no table", () => {
    const { kind, scores } = guessKind(["Nom", "Prénom", "Adresse", "Téléphone", "Courriel"]);
    expect(kind).toBeNull();
    for (const k of TABLE_KINDS) expect(scores[k]).toBeLessThan(0.25);
    expect(guessKind([]).kind).toBeNull();
  });

  it("scores every kind between 0 and 1", () => {
    const { scores } = guessKind(MANDATS_HEADERS);
    expect(Object.keys(scores).sort()).toEqual([...TABLE_KINDS].sort());
    for (const k of TABLE_KINDS) {
      expect(scores[k]).toBeGreaterThanOrEqual(0);
      expect(scores[k]).toBeLessThanOrEqual(1);
    }
  });
});

describe("autoMap", () => {
  it("maps a French mandats export", () => {
    expect(named(MANDATS_HEADERS, autoMap(MANDATS_HEADERS, "spend"))).toEqual({
      date: "Date mandat",
      supplierName: "Libellé tiers",
      supplierId: "N° SIRET tiers",
      service: "Code service",
      budgetArticle: "Imputation budgétaire",
      description: "Objet de la dépense",
      amountHT: "Mt HT",
      amountTTC: "Montant mandaté TTC",
      invoiceReceived: "Date de réception de la facture",
      paid: "Date de paiement",
    });
  });

  it("maps the other spend fields from their usual headers", () => {
    const headers = [
      "Date facture",
      "Fournisseur",
      "SIRET",
      "Montant HT",
      "Taux TVA",
      "Montant TTC",
      "Code famille",
      "Libellé famille",
      "Code CPV",
      "N° marché",
      "Référence article",
      "Qté",
      "Prix unitaire HT",
      "Unité",
      "Code postal fournisseur",
      "Mode d'achat",
      "Opération",
      "Territoire",
      "Entité",
      "Direction",
      "Désignation",
      "Article",
    ];
    expect(named(headers, autoMap(headers, "spend"))).toEqual({
      date: "Date facture",
      supplierName: "Fournisseur",
      supplierId: "SIRET",
      amountHT: "Montant HT",
      vatRate: "Taux TVA",
      amountTTC: "Montant TTC",
      familyCode: "Code famille",
      familyLabel: "Libellé famille",
      cpv: "Code CPV",
      contractRef: "N° marché",
      item: "Référence article",
      quantity: "Qté",
      unitPrice: "Prix unitaire HT",
      unit: "Unité",
      supplierPostcode: "Code postal fournisseur",
      channel: "Mode d'achat",
      operation: "Opération",
      territory: "Territoire",
      entity: "Entité",
      service: "Direction",
      description: "Désignation",
      budgetArticle: "Article",
    });
  });

  it("maps a contracts register with French headers", () => {
    expect(named(CONTRACTS_HEADERS, autoMap(CONTRACTS_HEADERS, "contracts"))).toEqual({
      contractRef: "N° de marché",
      description: "Objet du marché",
      entity: "Acheteur",
      supplierName: "Titulaire",
      supplierId: "SIRET du titulaire",
      sme: "PME",
      procedure: "Procédure",
      nature: "Nature",
      cpv: "Code CPV",
      launchDate: "Date de lancement de la consultation",
      notificationDate: "Date de notification",
      durationMonths: "Durée (mois)",
      endDate: "Date de fin",
      amount: "Montant HT (€)",
      estimatedAmount: "Montant estimé",
      bidsReceived: "Nombre d'offres reçues",
      lots: "Nombre de lots",
      socialConsideration: "Clause sociale",
      environmentalConsideration: "Clause environnementale",
      channel: "Mode d'achat",
      members: "Membres du groupement",
      amendedAmount: "Montant après avenants",
    });
  });

  it("accepts the DECP field names as they are", () => {
    expect(named(DECP_HEADERS, autoMap(DECP_HEADERS, "contracts"))).toEqual({
      contractRef: "id",
      entityId: "acheteur.id",
      entity: "acheteur.nom",
      nature: "nature",
      description: "objet",
      cpv: "codeCPV",
      procedure: "procedure",
      durationMonths: "dureeMois",
      notificationDate: "dateNotification",
      amount: "montant",
      supplierId: "titulaires.0.id",
      supplierName: "titulaires.0.denominationSociale",
      bidsReceived: "offresRecues",
      socialConsideration: "considerationsSociales",
      environmentalConsideration: "considerationsEnvironnementales",
      amendedAmount: "modifications.0.montant",
      publicationDate: "datePublicationDonnees",
    });
    // datePublicationDonnees is the publication of the data (R2196-1 check), not the launch of the consultation.
    expect(autoMap(["datePublicationDonnees"], "contracts")).toEqual({ publicationDate: 0 });
    expect(autoMap(["titulaires", "techniques"], "contracts")).toEqual({
      supplierName: 0,
      techniques: 1,
    });
  });

  it("maps entities, nomenclature and suppliers tables", () => {
    const entities = [
      "Collectivité",
      "Type d'entité",
      "Territoire",
      "Population DGF",
      "Département",
      "SIRET",
    ];
    expect(named(entities, autoMap(entities, "entities"))).toEqual({
      entity: "Collectivité",
      type: "Type d'entité",
      territory: "Territoire",
      population: "Population DGF",
      departement: "Département",
      siret: "SIRET",
    });
    const nomenclature = [
      "Code famille",
      "Libellé de la famille",
      "Nature",
      "Service de proximité",
      "Exclue du contrôle de fractionnement (oui/non)",
      "Motif d'exclusion",
    ];
    expect(named(nomenclature, autoMap(nomenclature, "nomenclature"))).toEqual({
      familyCode: "Code famille",
      label: "Libellé de la famille",
      nature: "Nature",
      proximity: "Service de proximité",
      excludedFromSplitting: "Exclue du contrôle de fractionnement (oui/non)",
      exclusionReason: "Motif d'exclusion",
    });
    const suppliers = ["SIRET", "Raison sociale", "PME (oui/non)", "Département", "ESS/SIAE"];
    expect(named(suppliers, autoMap(suppliers, "suppliers"))).toEqual({
      supplierId: "SIRET",
      name: "Raison sociale",
      sme: "PME (oui/non)",
      departement: "Département",
      insertion: "ESS/SIAE",
    });
  });

  it("matches headers whatever their case, accents, spaces and punctuation", () => {
    const headers = [
      "  DATE   MANDAT ",
      "montant_h.t.",
      "FOURNISSEUR :",
      "Numéro de marche",
      "objet-de-la-depense",
    ];
    expect(named(headers, autoMap(headers, "spend"))).toEqual({
      date: "  DATE   MANDAT ",
      amountHT: "montant_h.t.",
      supplierName: "FOURNISSEUR :",
      contractRef: "Numéro de marche",
      description: "objet-de-la-depense",
    });
  });

  it("treats N°, No, Num and Numéro alike", () => {
    for (const h of [
      "N° marché",
      "No marché",
      "Num. marché",
      "Numéro du marché",
      "Nº de marché",
      "N°marché",
    ]) {
      expect({ h, mapping: autoMap([h], "spend") }).toEqual({ h, mapping: { contractRef: 0 } });
    }
  });

  it("ignores a trailing unit such as (€) or en €", () => {
    for (const h of [
      "Montant HT (€)",
      "Montant HT en €",
      "Montant HT en euros",
      "Montant HT (EUR)",
      "Montant HT €",
    ]) {
      expect({ h, mapping: autoMap([h], "spend") }).toEqual({ h, mapping: { amountHT: 0 } });
    }
    expect(autoMap(["Montant (€)"], "spend")).toEqual({ amountTTC: 0 });
  });

  it("tells Montant HT, Montant TTC and Montant apart", () => {
    expect(autoMap(["Montant TTC", "Montant HT"], "spend")).toEqual({ amountTTC: 0, amountHT: 1 });
    expect(autoMap(["Montant", "Fournisseur"], "spend")).toEqual({ amountTTC: 0, supplierName: 1 });
    expect(autoMap(["Montant"], "contracts")).toEqual({ amount: 0 });
    expect(autoMap(["Montant HT hors révision"], "spend")).toEqual({ amountHT: 0 });
    expect(autoMap(["Montant TTC facturé"], "spend")).toEqual({ amountTTC: 0 });
  });

  it("never maps a header that says HT to amountTTC", () => {
    const headers = ["Montant HT", "Montant HT engagé", "Total H.T.", "Montant net HT", "Date"];
    const mapping = autoMap(headers, "spend");
    expect(mapping.amountHT).toBe(0);
    expect(mapping.amountTTC).toBeUndefined();
    expect(autoMap(["Montant HT engagé"], "spend")).toEqual({ amountHT: 0 });
    // "montant regle" is a TTC synonym, but the header says HT.
    expect(autoMap(["Montant réglé HT"], "spend")).toEqual({ amountHT: 0 });
    expect(autoMap(["Montant payé H.T."], "spend")).toEqual({ amountHT: 0 });
    expect(autoMap(["Montant TTC"], "spend").amountHT).toBeUndefined();
  });

  it("maps a VAT amount to neither an amount nor the VAT rate", () => {
    expect(autoMap(["Montant TVA"], "spend")).toEqual({});
    expect(autoMap(["Taux de TVA (%)"], "spend")).toEqual({ vatRate: 0 });
  });

  it("resolves article: plain article is the budget article, article (référence) is the item", () => {
    expect(autoMap(["Article"], "spend")).toEqual({ budgetArticle: 0 });
    expect(autoMap(["Article (référence)"], "spend")).toEqual({ item: 0 });
    expect(autoMap(["Référence article"], "spend")).toEqual({ item: 0 });
    expect(autoMap(["Code article"], "spend")).toEqual({ item: 0 });
    expect(autoMap(["Article", "Code article"], "spend")).toEqual({ budgetArticle: 0, item: 1 });
  });

  it("CO1 (R2121-6): maps an engagement juridique or bon de commande number to its own field, never to the marché reference", () => {
    // an EJ / bon de commande number is on every order in most finance software: as contractRef it would put every line "under contract"
    for (const h of ["N° engagement juridique", "N° EJ", "EJ", "N° bon de commande", "Bon de commande"])
      expect({ h, mapping: autoMap([h], "spend") }).toEqual({ h, mapping: { commitmentRef: 0 } });
    expect(autoMap(["N° marché", "N° EJ"], "spend")).toEqual({ contractRef: 0, commitmentRef: 1 });
    expect(autoMap(["Date commande", "N° commande"], "spend")).toEqual({ date: 0, commitmentRef: 1 });
  });

  it("CO1 (R2121-2): maps a « Commune » column of a spend export to the territory, not to the legal buyer", () => {
    expect(autoMap(["Commune"], "spend")).toEqual({ territory: 0 });
    expect(autoMap(["Collectivité", "Commune"], "spend")).toEqual({ entity: 0, territory: 1 });
    // the entities table still names its entities by commune
    expect(autoMap(["Commune"], "entities")).toEqual({ entity: 0 });
  });

  it("maps marché to the contract reference but not a budget commitment number", () => {
    expect(autoMap(["Marché"], "spend")).toEqual({ contractRef: 0 });
    expect(autoMap(["Marché"], "contracts")).toEqual({ contractRef: 0 });
    expect(autoMap(["N° engagement"], "spend")).toEqual({});
    expect(autoMap(["Objet du marché"], "spend")).toEqual({ description: 0 });
    expect(autoMap(["Type de marché"], "spend")).toEqual({});
  });

  it("prefers the qualifier over a weak head word (Libellé tiers is the supplier)", () => {
    expect(autoMap(["Libellé du fournisseur"], "spend")).toEqual({ supplierName: 0 });
    expect(autoMap(["Désignation"], "spend")).toEqual({ description: 0 });
    expect(autoMap(["Code fournisseur"], "spend")).toEqual({});
  });

  it("does not take another date for the spend date", () => {
    expect(autoMap(["Date de notification"], "spend")).toEqual({});
    expect(autoMap(["Date d'échéance"], "spend")).toEqual({});
    expect(autoMap(["Date du bon de commande"], "spend")).toEqual({ date: 0 });
    expect(autoMap(["Date de saisie"], "spend")).toEqual({ date: 0 });
  });

  it("never maps one column twice, and never one field twice", () => {
    const headers = [
      "Montant HT",
      "Montant HT",
      "Date mandat",
      "Date facture",
      "Fournisseur",
      "Tiers",
      "Montant",
    ];
    const mapping = autoMap(headers, "spend");
    const cols = Object.values(mapping);
    expect(new Set(cols).size).toBe(cols.length);
    expect(mapping).toEqual({ amountHT: 0, date: 2, supplierName: 4, amountTTC: 6 });
  });

  it("prefers the first-listed synonym when two columns match a field exactly", () => {
    expect(autoMap(["Date facture", "Date mandat"], "spend")).toEqual({ date: 1 });
    expect(autoMap(["uid", "id"], "contracts")).toEqual({ contractRef: 1 });
  });

  it("honours synonyms added to FIELDS at run time", () => {
    const service = FIELDS.spend.find((f) => f.key === "service")!;
    expect(autoMap(["Pôle demandeur XYZ"], "spend")).toEqual({});
    service.synonyms.push("pole demandeur xyz");
    try {
      expect(autoMap(["Pôle demandeur XYZ"], "spend")).toEqual({ service: 0 });
    } finally {
      service.synonyms.pop();
    }
  });

  it("accepts headers that are numbers or empty cells", () => {
    const headers = [2024, null, undefined, "Montant HT", ""] as unknown as string[];
    expect(autoMap(headers, "spend")).toEqual({ amountHT: 3 });
  });
});

describe("headerKey", () => {
  it("normalises the usual variants of a header", () => {
    expect(headerKey("N° du Marché")).toBe("n marche");
    expect(headerKey("Montant H.T. (€)")).toBe("montant ht");
    expect(headerKey("dateNotification")).toBe("date notification");
    expect(headerKey("titulaires.0.id")).toBe("titulaires id");
    expect(headerKey("Date d'émission")).toBe("date emission");
    expect(headerKey("montant_h.t.")).toBe("montant ht");
    expect(headerKey("Montant T T C")).toBe("montant ttc");
    expect(headerKey("Taux de T.V.A.")).toBe("taux tva");
  });
});

describe("missingRequired and describeMissing", () => {
  it("reports nothing when the requirements are met", () => {
    expect(missingRequired("spend", { date: 0, amountTTC: 1, supplierId: 2 })).toEqual([]);
    expect(missingRequired("contracts", { contractRef: 0, endDate: 1 })).toEqual([]);
  });

  it("reports single required fields as one-element groups, then either-or groups", () => {
    expect(missingRequired("spend", {})).toEqual([
      ["date"],
      ["amountHT", "amountTTC"],
      ["supplierName", "supplierId"],
    ]);
    expect(missingRequired("contracts", { contractRef: 0 })).toEqual([
      ["notificationDate", "launchDate", "endDate"],
    ]);
    expect(missingRequired("suppliers", { sme: 0 })).toEqual([["supplierId", "name"]]);
    expect(missingRequired("entities", {})).toEqual([["entity"]]);
    expect(missingRequired("nomenclature", { label: 0 })).toEqual([["familyCode"]]);
  });

  it("reports the missing amount group of a spend table with a French message", () => {
    const detection = detectTable(
      table([
        ["Date mandat", "Fournisseur", "Objet", "Service"],
        ["12/03/2024", "ACME", "Papier", "DSI"],
      ])
    );
    expect(detection.kind).toBe("spend");
    expect(detection.missingRequired).toEqual([["amountHT", "amountTTC"]]);
    expect(describeMissing("spend", detection.missingRequired)).toBe(
      "Colonne obligatoire introuvable : Montant HT ou Montant TTC. " +
        "Ajoutez-la ou associez-la à une colonne existante dans l'onglet Colonnes."
    );
  });

  it("lists several missing columns in one French sentence", () => {
    expect(
      describeMissing("contracts", [["contractRef"], ["notificationDate", "launchDate", "endDate"]])
    ).toBe(
      "Colonnes obligatoires introuvables : N° de marché ; Date de notification, " +
        "Date de lancement de la consultation ou Date de fin. " +
        "Ajoutez-les ou associez-les à des colonnes existantes dans l'onglet Colonnes."
    );
    expect(describeMissing("spend", [])).toBe("");
  });
});

describe("detectTable", () => {
  it("detects a spend table under a title block, with its mapping", () => {
    const detection = detectTable(
      table([
        ["Export des mandats 2024"],
        ["Commune de Saint-Exemple"],
        [],
        MANDATS_HEADERS,
        MANDATS_ROW,
      ])
    );
    expect(detection.kind).toBe("spend");
    expect(detection.headerRowIndex).toBe(3);
    expect(detection.headers).toEqual(MANDATS_HEADERS);
    expect(detection.mapping.amountHT).toBe(10);
    expect(detection.missingRequired).toEqual([]);
  });

  it("lists unknown columns as unmapped", () => {
    const detection = detectTable(table([MANDATS_HEADERS, MANDATS_ROW]));
    expect(detection.unmappedColumns).toEqual([0, 1, 2, 9]);
    expect(detection.unmappedColumns.map((c) => detection.headers[c])).toEqual([
      "Exercice",
      "N° bordereau",
      "N° mandat",
      "N° engagement",
    ]);
  });

  it("gives empty header cells an empty text and does not list them as unmapped", () => {
    const detection = detectTable(
      table([
        ["Date", null, "Fournisseur", 2024, "Montant HT"],
        ["01/01/2024", "x", "A", 1, 2],
      ])
    );
    expect(detection.headers).toEqual(["Date", "", "Fournisseur", "2024", "Montant HT"]);
    expect(detection.mapping).toEqual({ date: 0, supplierName: 2, amountHT: 4 });
    expect(detection.unmappedColumns).toEqual([3]);
  });

  it("detects a DECP table and reports no missing requirement", () => {
    const detection = detectTable(table([DECP_HEADERS], "decp"));
    expect(detection.kind).toBe("contracts");
    expect(detection.missingRequired).toEqual([]);
  });

  it("returns no kind, no mapping and no requirement for an unrelated table", () => {
    const detection = detectTable(
      table([
        ["Nom", "Prénom", "Téléphone"],
        ["Dupont", "Jean", "0102030405"],
      ])
    );
    expect(detection.kind).toBeNull();
    expect(detection.mapping).toEqual({});
    expect(detection.missingRequired).toEqual([]);
    expect(detection.unmappedColumns).toEqual([0, 1, 2]);
  });

  it("survives an empty table", () => {
    const detection = detectTable(table([]));
    expect(detection).toMatchObject({
      kind: null,
      headerRowIndex: 0,
      headers: [],
      mapping: {},
      unmappedColumns: [],
    });
  });
});

describe("properties", () => {
  const allSynonyms = TABLE_KINDS.flatMap((k) =>
    FIELDS[k].flatMap((f) => [f.label, ...f.synonyms, ...(f.strictSynonyms ?? [])])
  );
  const headerArb = fc.oneof(
    fc.constantFrom(...allSynonyms),
    fc
      .tuple(fc.constantFrom(...allSynonyms), fc.constantFrom(...allSynonyms))
      .map(([a, b]) => `${a} ${b}`),
    fc.string()
  );
  const kindArb = fc.constantFrom<TableKind>(...TABLE_KINDS);

  it("autoMap never maps one column to two fields, and only to columns that exist", () => {
    fc.assert(
      fc.property(fc.array(headerArb, { maxLength: 30 }), kindArb, (headers, kind) => {
        const mapping = autoMap(headers, kind);
        const cols = Object.values(mapping);
        expect(new Set(cols).size).toBe(cols.length);
        const keys = FIELDS[kind].map((f) => f.key);
        for (const [key, col] of Object.entries(mapping)) {
          expect(keys).toContain(key);
          expect(Number.isInteger(col) && col >= 0 && col < headers.length).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("detectTable never throws on random rows of random cells", () => {
    const cellArb: fc.Arbitrary<Cell> = fc.oneof(
      fc.string(),
      fc.constantFrom(...allSynonyms),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false })
    );
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 40 }), (rows) => {
        const detection = detectTable({ name: "t", rows });
        expect(detection.headerRowIndex).toBeGreaterThanOrEqual(0);
        expect(detection.headerRowIndex).toBeLessThan(Math.max(1, rows.length));
        const cols = Object.values(detection.mapping);
        expect(new Set(cols).size).toBe(cols.length);
        for (const k of TABLE_KINDS) {
          expect(detection.scores[k]).toBeGreaterThanOrEqual(0);
          expect(detection.scores[k]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe("a lone « Date » column", () => {
  const rows: Cell[][] = [
    ["Date", "Fournisseur", "Objet", "Total payé"],
    [45661, "Papeterie Martin", "Ramettes de papier", 1240.5],
    [45698, "Garage du Centre", "Entretien véhicule", 830],
  ];

  test("keeps a spend export a spend table, its amount column to be mapped (not a contracts register)", () => {
    const d = detectTable({ name: "Dépenses", rows });
    expect(d.kind).toBe("spend");
    expect(d.mapping.date).toBe(0);
  });

  test("is the notification date under a register title « Liste des marchés conclus »", () => {
    const titled: Cell[][] = [["Liste des marchés conclus en 2010"], ["DATE", "OBJET", "TITULAIRE", "MONTANT"], [40200, "Nettoyage", "Net SA", 12000]];
    const d = detectTable({ name: "Registre", rows: titled });
    expect(d.kind).toBe("contracts");
    expect(d.mapping.notificationDate).toBe(0);
  });
});
