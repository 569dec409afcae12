/**
 * Names of the input table kinds and fields in the language (the workbook and the pane): French
 * from src/core/fields.ts, English here. Never the internal keys ("amountHT", "contracts").
 */
import { fieldLabel, TABLE_KIND_LABELS } from "../core/fields";
import type { TableKind } from "../core/model";
import type { Lang } from "./labels";

const KIND_LABELS_EN: Record<TableKind, string> = {
  spend: "Spend",
  contracts: "Contracts",
  entities: "Entities",
  nomenclature: "Nomenclature",
  suppliers: "Suppliers",
  territories: "Territories",
  quality: "Quality of service",
};

export function kindLabel(lang: Lang, kind: TableKind): string {
  return lang === "fr" ? TABLE_KIND_LABELS[kind] : KIND_LABELS_EN[kind];
}

const FIELD_LABELS_EN: Record<TableKind, Record<string, string>> = {
  spend: {
    date: "Date",
    amountHT: "Amount excl. VAT",
    amountTTC: "Amount incl. VAT",
    vatRate: "VAT rate",
    supplierName: "Supplier",
    supplierId: "Supplier SIRET / SIREN",
    entity: "Entity",
    service: "Service",
    territory: "Territory",
    familyCode: "Family code",
    familyLabel: "Family label",
    cpv: "CPV code",
    budgetArticle: "Budget account",
    contractRef: "Contract no.",
    description: "Description",
    operation: "Works operation",
    channel: "Purchasing channel",
    invoiceReceived: "Invoice received on",
    paid: "Paid on",
    item: "Item (reference)",
    quantity: "Quantity",
    unitPrice: "Unit price excl. VAT",
    unit: "Unit",
    supplierPostcode: "Supplier postcode",
  },
  contracts: {
    contractRef: "Contract no.",
    entity: "Buyer",
    entityId: "Buyer SIRET",
    description: "Subject",
    cpv: "CPV code",
    nature: "Nature",
    procedure: "Procedure",
    techniques: "Purchasing technique",
    launchDate: "Tender launch date",
    notificationDate: "Notification date",
    durationMonths: "Duration (months)",
    endDate: "End date",
    amount: "Amount excl. VAT",
    estimatedAmount: "Estimated amount",
    amendedAmount: "Amount after amendments",
    bidsReceived: "Bids received",
    supplierName: "Contract holder",
    supplierId: "Holder SIRET",
    sme: "SME",
    socialConsideration: "Social consideration",
    environmentalConsideration: "Environmental consideration",
    lots: "Number of lots",
    channel: "Purchasing channel",
    members: "Joint purchasing members",
  },
  entities: {
    entity: "Entity",
    type: "Type",
    territory: "Territory",
    population: "Population",
    departement: "Département",
    siret: "SIRET",
  },
  nomenclature: {
    familyCode: "Family code",
    label: "Label",
    nature: "Nature (supplies / services / works)",
    proximity: "Local service",
    excludedFromSplitting: "Excluded from splitting checks",
    exclusionReason: "Exclusion reason",
  },
  suppliers: {
    supplierId: "SIRET / SIREN",
    name: "Company name",
    sme: "SME",
    departement: "Département",
    insertion: "Social economy / insertion",
  },
  territories: {
    territory: "Territory",
    code: "INSEE code or SIREN",
    type: "Territory type",
    population: "Population",
    departement: "Département",
    postcodes: "Postcodes",
  },
  quality: {
    territory: "Territory",
    service: "Service",
    indicator: "Indicator",
    value: "Measured value",
    target: "Target",
    unit: "Unit",
    date: "Measure date",
    direction: "Direction (higher / lower is better)",
  },
};

export function fieldName(lang: Lang, kind: TableKind, key: string): string {
  if (lang === "en") return FIELD_LABELS_EN[kind][key] ?? fieldLabel(kind, key);
  return fieldLabel(kind, key);
}
