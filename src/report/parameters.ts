/**
 * The editable parameters of the Paramètres sheet: every scalar reference value of SPEC §3 with a
 * stable id (its path in ReferenceValues), its kind (how it is shown and read back), its label and
 * its source; plus the three dated tables (dispense thresholds, EU thresholds, ECB rates).
 *
 * Sheet values are Excel-native: euros (not cents), fractions for percentages, serials for dates.
 */
import { dayFromExcelSerial, excelSerialFromDay } from "../core/dates";
import { render } from "../core/messages/render";
import {
  specialThresholdName,
  type ReferenceValues,
  type SupplierExclusionReason,
} from "../core/reference/values";
import { clean } from "./cells";
import { pick, type Lang } from "./labels";
import { RESPONSIBLE_PARAMETERS } from "./responsible-parameters";

export type ParameterKind = "eur" | "percent" | "days" | "date" | "text";

export interface ParameterDef {
  /** Path in ReferenceValues, dot-separated ("pnad.socialPercent", "publicityThresholdCents.value"). */
  id: string;
  kind: ParameterKind;
  label: readonly [string, string];
  /** Path of the source text. */
  sourcePath: string;
}

const P = (
  id: string,
  kind: ParameterKind,
  fr: string,
  en: string,
  sourcePath?: string
): ParameterDef => ({
  id,
  kind,
  label: [fr, en],
  sourcePath: sourcePath ?? `${id.split(".")[0]}.source`,
});

/** Kinds: eur values are cents in ReferenceValues; percent values are 0–100. */
export const PARAMETERS: readonly ParameterDef[] = [
  P(
    "publicityThresholdCents.value",
    "eur",
    "Seuil de publicité (BOAMP ou JAL)",
    "Advertising threshold (BOAMP or JAL)"
  ),
  P(
    "decpThresholdCents.value",
    "eur",
    "Seuil de publication des données essentielles (DECP)",
    "Essential data (DECP) publication threshold"
  ),
  P(
    "smallLots.suppliesServicesCents",
    "eur",
    "Petits lots : fournitures et services",
    "Small lots: supplies and services"
  ),
  P("smallLots.worksCents", "eur", "Petits lots : travaux", "Small lots: works"),
  P(
    "smallLots.maxSharePercent",
    "percent",
    "Petits lots : part maximale du total des lots",
    "Small lots: maximum share of all lots"
  ),
  P(
    "paymentDelayDays.localAuthority",
    "days",
    "Délai global de paiement : collectivités",
    "Payment time: local authorities"
  ),
  P(
    "paymentDelayDays.publicHospital",
    "days",
    "Délai global de paiement : établissements publics de santé",
    "Payment time: public hospitals"
  ),
  P(
    "latePaymentMargin.value",
    "percent",
    "Intérêts moratoires : points ajoutés au taux BCE",
    "Late interest: points added to the ECB rate"
  ),
  P(
    "lateFlatIndemnityCents.value",
    "eur",
    "Indemnité forfaitaire pour frais de recouvrement",
    "Flat recovery indemnity"
  ),
  P(
    "pnad.environmentalPercent",
    "percent",
    "Objectif PNAD : marchés avec considération environnementale",
    "PNAD target: contracts with an environmental consideration"
  ),
  P(
    "pnad.socialPercent",
    "percent",
    "Objectif PNAD : marchés avec considération sociale",
    "PNAD target: contracts with a social consideration"
  ),
  P(
    "loiClimatStart.value",
    "date",
    "Loi Climat et Résilience : consultations lancées à partir du",
    "Loi Climat: tenders launched from"
  ),
  P(
    "spaserThresholdCents.value",
    "eur",
    "Seuil d'obligation de SPASER (achats annuels)",
    "SPASER obligation threshold (annual purchases)"
  ),
  P(
    "oecp.smeContractsPercent",
    "percent",
    "OECP : part des marchés attribués à des PME",
    "OECP: share of contracts won by SMEs"
  ),
  P(
    "oecp.smeContractsLocalPercent",
    "percent",
    "OECP : part des marchés des collectivités attribués à des PME",
    "OECP: share of local authority contracts won by SMEs"
  ),
  P("oecp.smeValuePercent", "percent", "OECP : part des PME en valeur", "OECP: SME share by value"),
  P(
    "oecp.socialClausePercent",
    "percent",
    "OECP : marchés avec clause sociale",
    "OECP: contracts with a social clause"
  ),
  P(
    "oecp.socialClauseLocalPercent",
    "percent",
    "OECP : marchés des collectivités avec clause sociale",
    "OECP: local authority contracts with a social clause"
  ),
  P(
    "oecp.environmentalClausePercent",
    "percent",
    "OECP : marchés avec clause environnementale",
    "OECP: contracts with an environmental clause"
  ),
  P(
    "oecp.singleBidPercent",
    "percent",
    "Part nationale d'offre unique (indicatif)",
    "National single-bid share (indicative)"
  ),
  P(
    "sms.singleBidder.green",
    "percent",
    "Offre unique : vert jusqu'à",
    "Single bidder: green up to",
    "sms.singleBidder.source"
  ),
  P(
    "sms.singleBidder.red",
    "percent",
    "Offre unique : rouge au-delà de",
    "Single bidder: red above",
    "sms.singleBidder.source"
  ),
  P(
    "sms.noCallsForBids.green",
    "percent",
    "Sans appel d'offres : vert jusqu'à",
    "No calls for bids: green up to",
    "sms.noCallsForBids.source"
  ),
  P(
    "sms.noCallsForBids.red",
    "percent",
    "Sans appel d'offres : rouge à partir de",
    "No calls for bids: red from",
    "sms.noCallsForBids.source"
  ),
  P(
    "sms.cooperativeProcurement.green",
    "percent",
    "Achats coopératifs : vert à partir de",
    "Cooperative procurement: green from",
    "sms.cooperativeProcurement.source"
  ),
  P(
    "sms.cooperativeProcurement.red",
    "percent",
    "Achats coopératifs : rouge en dessous de",
    "Cooperative procurement: red below",
    "sms.cooperativeProcurement.source"
  ),
  P(
    "sms.priceOnlyAward.green",
    "percent",
    "Critère prix seul : vert en dessous de",
    "Price-only award: green below",
    "sms.priceOnlyAward.source"
  ),
  P(
    "sms.priceOnlyAward.red",
    "percent",
    "Critère prix seul : rouge à partir de",
    "Price-only award: red from",
    "sms.priceOnlyAward.source"
  ),
  P(
    "euAverages2024.singleBidderPercent",
    "percent",
    "Moyenne UE 2024 : offre unique",
    "EU 2024 average: single bidder"
  ),
  P(
    "euAverages2024.smeContractorsPercent",
    "percent",
    "Moyenne UE 2024 : titulaires PME",
    "EU 2024 average: SME contractors"
  ),
  P(
    "euAverages2024.lotsPercent",
    "percent",
    "Moyenne UE 2024 : allotissement",
    "EU 2024 average: lots"
  ),
  P(
    "poolingScenarios.lowPercent",
    "percent",
    "Scénario bas d'économies de mutualisation",
    "Low pooling savings scenario"
  ),
  P(
    "poolingScenarios.centralPercent",
    "percent",
    "Scénario central d'économies de mutualisation",
    "Central pooling savings scenario"
  ),
  P(
    "poolingScenarios.highPercent",
    "percent",
    "Scénario haut d'économies de mutualisation",
    "High pooling savings scenario"
  ),
  P(
    "territorialScenarios.lotsSavingsSharePercent",
    "percent",
    "Scénario mixte (accord-cadre à lots territoriaux) : part des économies de mutualisation conservée",
    "Mixed scenario (framework agreement with territorial lots): share of pooling savings kept"
  ),
  P(
    "territorialScenarios.territorialExtraCostPercent",
    "percent",
    "Scénario territorialiser : surcoût estimé des achats par territoire",
    "Territorialise scenario: estimated extra cost of purchasing per territory"
  ),
  P(
    "territorialScenarios.underServedTolerancePercent",
    "percent",
    "Qualité de service : territoire sous-desservi au-delà de cet écart sous la cible (points)",
    "Quality of service: territory under-served beyond this gap below target (points)"
  ),
  P(
    "amendmentLimits.suppliesServicesPercent",
    "percent",
    "Limite d'avenants : fournitures et services",
    "Amendment limit: supplies and services"
  ),
  P(
    "amendmentLimits.worksPercent",
    "percent",
    "Limite d'avenants : travaux",
    "Amendment limit: works"
  ),
  P(
    "tailSpendThresholdCents.value",
    "eur",
    "Seuil de longue traîne (dépense annuelle par fournisseur)",
    "Tail-spend threshold (annual spend per supplier)"
  ),
  P(
    "bunchingLowPercent.value",
    "percent",
    "Bande de regroupement sous les seuils : à partir de",
    "Bunching band below thresholds: from"
  ),
  P(
    "defaultVatPercent.value",
    "percent",
    "Taux de TVA par défaut (TTC seul)",
    "Default VAT rate (TTC only)"
  ),
  P("ugapSiren.value", "text", "SIREN de l'UGAP", "UGAP SIREN"),
  // AGEC art. 58 and EGalim (issue #14): see ./responsible-parameters.ts.
  ...RESPONSIBLE_PARAMETERS,
];

export type DatedTableKey =
  | "dispenseThresholds"
  | "specialDispenseThresholds"
  | "euThresholds"
  | "ecbRates"
  | "supplierExclusions";

export const DATED_TABLES: readonly DatedTableKey[] = [
  "dispenseThresholds",
  "specialDispenseThresholds",
  "euThresholds",
  "ecbRates",
  "supplierExclusions",
];

/** Section key (row keys "<section>/<n>") of each dated table in the sheet. */
export const DATED_SECTION: Record<DatedTableKey, string> = {
  dispenseThresholds: "dispense",
  specialDispenseThresholds: "special",
  euThresholds: "eu",
  ecbRates: "ecb",
  supplierExclusions: "exclusions",
};

/** Fields of a dated table row as stored in the sheet (Excel-native values). */
export const DATED_FIELDS: Record<DatedTableKey, readonly string[]> = {
  dispenseThresholds: ["from", "to", "suppliesServices", "works", "source"],
  specialDispenseThresholds: [
    "rule",
    "label",
    "from",
    "to",
    "threshold",
    "natures",
    "cpvPrefixes",
    "excludedCpvPrefixes",
    "budgetArticles",
    "innovative",
    "source",
  ],
  euThresholds: ["from", "to", "suppliesServices", "works", "source"],
  ecbRates: ["from", "rate", "source"],
  supplierExclusions: ["supplier", "reason", "note"],
};

/** Fields read as text (the others are numbers: euros, serial dates, fractions). */
export const TEXT_FIELDS = new Set([
  "source",
  "rule",
  "label",
  "natures",
  "cpvPrefixes",
  "excludedCpvPrefixes",
  "budgetArticles",
  "innovative",
  "supplier",
  "reason",
  "note",
]);

/** Sheet labels of the supplier exclusion reasons, French and English (read back by exclusionReasonOf). */
export const EXCLUSION_REASON_LABELS: Record<SupplierExclusionReason, readonly [string, string]> = {
  intermediary: [
    "Centrale intermédiaire / syndicat d'énergie (L2113-4)",
    "Intermediary central purchasing body / energy syndicate (L2113-4)",
  ],
  exclusiveRights: ["Droits d'exclusivité (R2122-3)", "Exclusive rights (R2122-3)"],
  inHouse: ["Quasi-régie (L2511-1)", "In-house contract (L2511-1)"],
  cooperation: ["Coopération public-public (L2511-6)", "Public-public cooperation (L2511-6)"],
};

function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The reference value of a parameter (ReferenceValues units: cents, %, days, day numbers). */
export function parameterRaw(ref: ReferenceValues, def: ParameterDef): number | string | null {
  const v = at(ref, def.id);
  return typeof v === "number" || typeof v === "string" ? v : null;
}

export function parameterSource(ref: ReferenceValues, def: ParameterDef): string {
  const v = at(ref, def.sourcePath);
  return typeof v === "string" ? v : "";
}

/** ReferenceValues unit → sheet value (euros, fraction, serial). */
export function toSheetValue(
  kind: ParameterKind,
  raw: number | string | null
): number | string | null {
  if (raw === null) return null;
  if (typeof raw === "string") return raw;
  switch (kind) {
    case "eur":
      return clean(raw / 100);
    case "percent":
      return clean(raw / 100);
    case "date":
      return excelSerialFromDay(raw);
    default:
      return raw;
  }
}

/** Sheet value → ReferenceValues unit; null when the cell does not hold a valid value. */
export function fromSheetValue(kind: ParameterKind, value: unknown): number | string | null {
  if (kind === "text") {
    if (value === null || value === undefined) return null;
    const s = String(value).trim();
    return s === "" ? null : s;
  }
  const n = toNumber(value);
  if (n === null) return null;
  switch (kind) {
    case "eur":
      return n < 0 ? null : Math.round(n * 100);
    case "percent":
      return n < 0 ? null : clean(n * 100);
    case "days":
      return n < 0 ? null : n;
    case "date":
      return n <= 0 ? null : dayFromExcelSerial(n);
  }
}

/** A number from a cell: numbers as they are, French/English numeric text ("30 %" → 0.3). */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  let s = value.trim().replace(/[\s\u00a0\u202f€]/g, "");
  if (s === "") return null;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^-?\d+(,\d+)?$/.test(s)) s = s.replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return percent ? n / 100 : n;
}

/** The label of a parameter in the language. */
export function parameterLabel(lang: Lang, def: ParameterDef): string {
  return lang === "fr" ? def.label[0] : def.label[1];
}

/**
 * Dated rows of ReferenceValues as sheet rows (Excel-native values), keyed by field; yes/no and the
 * names of the shipped special thresholds in the sheet's language (both read back).
 */
export function datedRows(
  ref: ReferenceValues,
  table: DatedTableKey,
  lang: Lang = "fr"
): Record<string, number | string | null>[] {
  if (table === "ecbRates") {
    return ref.ecbRates.map((r) => ({
      from: excelSerialFromDay(r.from),
      rate: clean(r.ratePercent / 100),
      source: r.source,
    }));
  }
  if (table === "specialDispenseThresholds") {
    return ref.specialDispenseThresholds.map((r) => ({
      rule: r.rule,
      label: render(lang, specialThresholdName(r)),
      from: excelSerialFromDay(r.from),
      to: r.to === null ? null : excelSerialFromDay(r.to),
      threshold: clean(r.cents / 100),
      natures: r.natures.join(" ; "),
      cpvPrefixes: r.cpvPrefixes.join(" ; "),
      excludedCpvPrefixes: r.excludedCpvPrefixes.join(" ; "),
      budgetArticles: r.budgetArticles.join(" ; "),
      innovative: r.innovative ? (lang === "fr" ? "oui" : "yes") : lang === "fr" ? "non" : "no",
      source: r.source,
    }));
  }
  if (table === "supplierExclusions") {
    return ref.supplierExclusions.map((r) => ({
      supplier: r.supplier,
      reason: pick(lang, EXCLUSION_REASON_LABELS[r.reason]),
      note: r.note,
    }));
  }
  return ref[table].map((r) => ({
    from: excelSerialFromDay(r.from),
    to: r.to === null ? null : excelSerialFromDay(r.to),
    suppliesServices: clean(r.suppliesServicesCents / 100),
    works: clean(r.worksCents / 100),
    source: r.source,
  }));
}

/** Parameters whose value differs from the defaults (labels), and dated tables that differ. */
export function changedParameters(
  ref: ReferenceValues,
  defaults: ReferenceValues,
  lang: Lang
): string[] {
  const out: string[] = [];
  for (const def of PARAMETERS) {
    if (parameterRaw(ref, def) !== parameterRaw(defaults, def)) out.push(parameterLabel(lang, def));
  }
  const names: Record<DatedTableKey, [string, string]> = {
    dispenseThresholds: ["seuils de dispense", "exemption thresholds"],
    specialDispenseThresholds: ["seuils de dispense particuliers", "special exemption thresholds"],
    supplierExclusions: ["fournisseurs exclus", "excluded suppliers"],
    euThresholds: ["seuils européens", "EU thresholds"],
    ecbRates: ["taux BCE", "ECB rates"],
  };
  for (const t of DATED_TABLES) {
    if (JSON.stringify(ref[t]) !== JSON.stringify(defaults[t]))
      out.push(lang === "fr" ? names[t][0] : names[t][1]);
  }
  return out;
}
