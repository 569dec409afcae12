/**
 * The buyer's own DECP, published right (issue #11 §4; R2196-1 and arrêté du 22 décembre 2022):
 * its contracts of 40 000 € HT or more as DECP 2024 (format 2.0), JSON and XML, valid against the
 * official schemas. Pure: contracts in, a document and the list of what could not be written out.
 *
 * What the analysis knows comes from the contracts (id, buyer SIRET, objet, CPV, procedure, dates,
 * duration, montant, titulaires, considerations, offers, innovation, techniques). The fields the
 * registers rarely hold (ccag, forme et types de prix, modalités d'exécution, lieu d'exécution,
 * avance, sous-traitance, groupement when there are several titulaires…) come from `complements`
 * (by contract number) — never invented. A contract missing a mandatory field is not written: it is
 * listed with each missing field and how to fill it. Nothing is dropped silently: every contract
 * is written, listed as incomplete, or counted below the threshold.
 */
import { isoDate } from "./dates";
import type { ContractLine } from "./model";
import { msg, type Message } from "./messages/render";
import { normalizeKey } from "./text";

/** Contracts from this amount HT are published (R2196-1, since 1 January 2024: 40 000 €). */
export const DECP_THRESHOLD_CENTS = 4_000_000;

export type DecpMarche = Record<string, unknown>;

export interface DecpMissing {
  field: string;
  /** How to give the field (a catalogue message). */
  fix: Message;
}

export interface DecpNotWritten {
  contractRef: string;
  table: string;
  row: number;
  missing: DecpMissing[];
}

export interface DecpExport {
  document: { marches: { marche: DecpMarche[] } };
  written: number;
  notWritten: DecpNotWritten[];
  /** Contracts under 40 000 € HT (or without amount: listed in notWritten), not to be published. */
  belowThreshold: number;
}

export interface DecpExportOptions {
  /** Date of publication of the data (AAAA-MM-JJ day number): the publication date when unknown. */
  publicationDay: number;
  /** DECP fields by contract number, completing or correcting what the contracts give. */
  complements?: Record<string, DecpMarche>;
}

const PROCEDURES = [
  "Procédure adaptée",
  "Appel d'offres ouvert",
  "Appel d'offres restreint",
  "Procédure avec négociation",
  "Marché passé sans publicité ni mise en concurrence préalable",
  "Dialogue compétitif",
];
const TECHNIQUES = [
  "Accord-cadre",
  "Concours",
  "Système de qualification",
  "Système d'acquisition dynamique",
  "Catalogue électronique",
  "Enchère électronique",
  "Sans objet",
];

/**
 * Whether a parsed complements file has the expected shape: one object of DECP fields per
 * contract number, e.g. { "2024-017": { "ccag": "Travaux", "formePrix": "Unitaire" } }.
 */
export function isDecpComplements(json: unknown): json is Record<string, DecpMarche> {
  const isObject = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
  return isObject(json) && Object.values(json as object).every(isObject);
}

/** Mandatory fields of a DECP 2024 marché and how to give each (schema 2.0.3 `required`). */
const FIXES: Record<string, Message> = {
  id: msg("decpExport.fix.id"),
  acheteur: msg("decpExport.fix.acheteur"),
  nature: msg("decpExport.fix.nature"),
  objet: msg("decpExport.fix.objet"),
  codeCPV: msg("decpExport.fix.codeCPV"),
  techniques: msg("decpExport.fix.techniques"),
  modalitesExecution: msg("decpExport.fix.modalitesExecution"),
  marcheInnovant: msg("decpExport.fix.marcheInnovant"),
  ccag: msg("decpExport.fix.ccag"),
  offresRecues: msg("decpExport.fix.offresRecues"),
  attributionAvance: msg("decpExport.fix.attributionAvance"),
  typeGroupementOperateurs: msg("decpExport.fix.typeGroupementOperateurs"),
  procedure: msg("decpExport.fix.procedure"),
  lieuExecution: msg("decpExport.fix.lieuExecution"),
  dureeMois: msg("decpExport.fix.dureeMois"),
  dateNotification: msg("decpExport.fix.dateNotification"),
  datePublicationDonnees: msg("decpExport.fix.datePublicationDonnees"),
  montant: msg("decpExport.fix.montant"),
  typesPrix: msg("decpExport.fix.typesPrix"),
  formePrix: msg("decpExport.fix.formePrix"),
  sousTraitanceDeclaree: msg("decpExport.fix.sousTraitanceDeclaree"),
  titulaires: msg("decpExport.fix.titulaires"),
  considerationsSociales: msg("decpExport.fix.considerationsSociales"),
  considerationsEnvironnementales: msg("decpExport.fix.considerationsEnvironnementales"),
};
export const DECP_MANDATORY = Object.keys(FIXES);

function techniquesOf(text: string | null): string[] | null {
  if (text === null) return null;
  const out: string[] = [];
  for (const part of text.split(/\s*[,;]\s*/)) {
    const k = normalizeKey(part);
    const t = TECHNIQUES.find((x) => normalizeKey(x) === k);
    if (t && !out.includes(t)) out.push(t);
  }
  // A marché subséquent is executed under an accord-cadre: its own technique is "Sans objet".
  if (out.length === 0 && normalizeKey(text).includes("subsequent")) out.push("Sans objet");
  return out.length > 0 ? out : null;
}

/** What the contract itself gives, in DECP 2024 form (absent fields left out). */
function fromContract(c: ContractLine, publicationDay: number): DecpMarche {
  const m: DecpMarche = {};
  if (c.contractRef.length >= 1 && c.contractRef.length <= 16) m.id = c.contractRef;
  if (c.entityId !== null && /^\d{14}$/.test(c.entityId)) m.acheteur = { id: c.entityId };
  m.nature = "Marché";
  if (c.description !== null) m.objet = c.description.slice(0, 1000);
  if (c.cpv !== null) m.codeCPV = c.cpv.slice(0, 8);
  const techniques = techniquesOf(c.techniques);
  if (techniques) m.techniques = { technique: techniques };
  if (typeof c.innovative === "boolean") m.marcheInnovant = c.innovative;
  if (c.bidsReceived !== null && c.bidsReceived >= 1) m.offresRecues = c.bidsReceived;
  const proc = c.procedure !== null ? PROCEDURES.find((p) => p === c.procedure) : undefined;
  if (proc) m.procedure = proc;
  if (c.durationMonths !== null && c.durationMonths >= 1) m.dureeMois = Math.ceil(c.durationMonths);
  if (c.notificationDate !== null) m.dateNotification = isoDate(c.notificationDate);
  m.datePublicationDonnees = isoDate(c.publicationDate ?? publicationDay);
  if (c.amountCents !== null && c.amountCents >= 100) m.montant = c.amountCents / 100;
  const titulaires = c.holders
    .filter((h) => h.id !== null && /^\d{14}$/.test(h.id))
    .map((h) => ({ titulaire: { typeIdentifiant: "SIRET", id: h.id as string } }));
  if (titulaires.length > 0 && titulaires.length === c.holders.length) m.titulaires = titulaires;
  if (c.holders.length === 1) m.typeGroupementOperateurs = "Pas de groupement";
  if (c.socialConsideration === false) m.considerationsSociales = { considerationSociale: ["Pas de considération sociale"] };
  const env: string[] = [];
  if (c.environmentalClause) env.push("Clause environnementale");
  if (c.environmentalCriterion) env.push("Critère environnemental");
  if (env.length > 0) m.considerationsEnvironnementales = { considerationEnvironnementale: env };
  else if (c.environmentalConsideration === false)
    m.considerationsEnvironnementales = { considerationEnvironnementale: ["Pas de considération environnementale"] };
  return m;
}

/** The buyer's contracts of 40 000 € HT or more as a DECP 2024 document, and what could not be written. */
export function buildDecpExport(contracts: readonly ContractLine[], options: DecpExportOptions): DecpExport {
  const marche: DecpMarche[] = [];
  const notWritten: DecpNotWritten[] = [];
  let belowThreshold = 0;
  for (const c of contracts) {
    const amount = c.amountCents;
    if (amount !== null && amount < DECP_THRESHOLD_CENTS) {
      belowThreshold++;
      continue;
    }
    const m = { ...fromContract(c, options.publicationDay), ...(options.complements?.[c.contractRef] ?? {}) };
    const missing = DECP_MANDATORY.filter((f) => m[f] === undefined || m[f] === null).map((field) => ({
      field,
      fix: FIXES[field],
    }));
    if (c.contractRef.length > 16)
      missing.unshift({ field: "id", fix: msg("decpExport.fix.idTooLong", { ref: c.contractRef }) });
    if (missing.length > 0) {
      notWritten.push({ contractRef: c.contractRef, table: c.source.table, row: c.source.row, missing: dedupe(missing) });
      continue;
    }
    marche.push(m);
  }
  return { document: { marches: { marche } }, written: marche.length, notWritten, belowThreshold };
}

function dedupe(list: DecpMissing[]): DecpMissing[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.field) ? false : (seen.add(x.field), true)));
}

/** One line per contract not written: « Marché M12 (Registre, ligne 8) : CCAG — indiquez… ; … », as a message. */
export function describeNotWritten(n: DecpNotWritten): Message {
  let list: Message | null = null;
  for (const m of [...n.missing].reverse()) {
    const item = msg("decpExport.missingItem", { field: m.field, fix: m.fix });
    list = list === null ? item : msg("decpExport.missingPair", { a: item, b: list });
  }
  return msg("decpExport.notWritten", {
    ref: n.contractRef,
    table: n.table,
    row: String(n.row),
    missing: list ?? msg("decp.empty"),
  });
}

// ---------------------------------------------------------------------------------------------
// XML

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function scalar(v: unknown): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  return escapeXml(String(v));
}

function element(name: string, value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    const wrapped = value.length > 0 && value.every((x) => typeof x === "object" && x !== null && !Array.isArray(x) && Object.keys(x).length === 1);
    if (wrapped) {
      // JSON [{"titulaire": {...}}] is XML <titulaires><titulaire>…</titulaire></titulaires>.
      out.push(`${indent}<${name}>`);
      for (const item of value) for (const [k, v] of Object.entries(item as object)) element(k, v, indent + "  ", out);
      out.push(`${indent}</${name}>`);
    } else for (const item of value) element(name, item, indent, out);
    return;
  }
  if (typeof value === "object" && value !== null) {
    out.push(`${indent}<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, indent + "  ", out);
    out.push(`${indent}</${name}>`);
    return;
  }
  out.push(`${indent}<${name}>${scalar(value)}</${name}>`);
}

/** The document in the DECP 2024 XML form (schema 2.0.2): <marches><marche>…</marche>…</marches>. */
export function decpToXml(doc: DecpExport["document"]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', "<marches>"];
  for (const m of doc.marches.marche) element("marche", m, "  ", out);
  out.push("</marches>");
  return out.join("\n") + "\n";
}
