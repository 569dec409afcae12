/**
 * Import of DECP files (données essentielles de la commande publique), JSON form. SPEC §2.2, §2.4, §2.5.
 *
 * Accepted top-level shapes:
 * - `{"marches": [...]}`: v1.x (2019 PES/Hélios consolidated file), or v2 fields in a flat list;
 * - `{"marches": {"marche": [...], "contrat-concession": [...]}}`: v1.5 XML-to-JSON and v2.0.x;
 *   a single object instead of a list is accepted (XML-to-JSON of a one-contract file);
 * - `{"marche": [...]}` (the inner object without `marches`) and a bare array;
 * - list items wrapped as `{"marche": {...}}` or `{"contrat-concession": {...}}`.
 *
 * Rules:
 * - "row" = 1-based position of the item in the DECP list, in file order. When the file holds
 *   separate `marche` and `contrat-concession` lists, they are numbered one after the other in the
 *   order they appear in the file (e.g. concessions 1-2 then marchés 3-4).
 * - Every item ends in exactly one of: analysed, analysed with warning(s), rejected (one anomaly).
 * - Contrats de concession are not marchés: they are read into their own table (ConcessionLine:
 *   autorité concédante, concessionnaires, valeur globale, durée, dates), counted as analysed rows.
 * - Amounts: `montant` is the initial HT amount (lump sum or estimated maximum). Placeholder or
 *   implausible values (0, negative, under 1 €, ≥ 999 999 999 €, 9 999 999 € and longer runs of 9)
 *   are kept in a warning and the contract is analysed with amountCents = null.
 * - Reconciliation: amountRead counts every readable amount (marchés: `montant`, concessions:
 *   `valeurGlobale`); a placeholder montant and a concession's valeur globale are *set aside*, each
 *   on its own line with its reason, so amountRead = amountAnalysed + amountRejected +
 *   amountSetAside holds to the cent. Amended amounts (modifications) are not part of it.
 * - Decimal numbers given as text (XML-to-JSON) use a dot: "1234.5" is 1 234,50 €.
 */

import { emptyTableReconciliation } from "./intake/rows";
import { addCents } from "./intake/totals";
import { parseBoolean } from "./parse/boolean";
import { environmentalKinds } from "./legal/considerations";
import { addMonths } from "./dates";
import { classifyFamily } from "./classify";
import type { Anomaly, Cell, Channel, ConcessionLine, ContractLine, TableReconciliation } from "./model";
import { formatEuros, toCents } from "./money";
import { normalizeCpv, natureFromCpv } from "./parse/cpv";
import { parseDate } from "./parse/date";
import { normalizeCompanyId } from "./parse/identifiers";
import { parseAmountCents, parseNumber } from "./parse/number";
import { PROCEDURES, considerationPresent, isUgap, normalizeProcedure } from "./parse/vocabulary";
import { cellText, normalizeKey } from "./text";
import { msg, type Message } from "./messages/render";

export type DecpFormat = "decp-v1" | "decp-v2" | "unknown";

export interface DecpImport {
  format: DecpFormat;
  contracts: ContractLine[];
  /** Contrats de concession, read into their own table (not marchés, not rejected). */
  concessions: ConcessionLine[];
  anomalies: Anomaly[];
  /** kind "contracts"; rowsRead = items found in the file; amounts = Σ plausible montant. */
  reconciliation: TableReconciliation;
}

type JsonObject = Record<string, unknown>;

type EntryKind = "marche" | "concession" | "unknown";

interface Entry {
  row: number;
  /** Kind given by the file structure (list name or item wrapper); "unknown" = decide from fields. */
  kind: EntryKind;
  item: unknown;
}

const PROCEDURE_LABELS = PROCEDURES.join(", ");

/** Fields that only the 2024 format (v2.0.x) has. */
const V2_MARKERS = [
  "techniques",
  "modalitesExecution",
  "offresRecues",
  "considerationsSociales",
  "considerationsEnvironnementales",
  "typesPrix",
  "ccag",
  "marcheInnovant",
  "typeGroupementOperateurs",
  "sousTraitanceDeclaree",
  "attributionAvance",
];

/** Fields of a DECP marché (any version): an object with two of these looks like a contract. */
const MARCHE_KEYS = [
  "id",
  "uid",
  "acheteur",
  "objet",
  "codeCPV",
  "procedure",
  "dateNotification",
  "montant",
  "titulaires",
  "dureeMois",
  "nature",
  "lieuExecution",
];

/** Fields that only a contrat de concession has. */
const CONCESSION_KEYS = [
  "autoriteConcedante",
  "concessionnaires",
  "valeurGlobale",
  "montantSubventionPublique",
];

const CONCESSION_WRAPPERS = [
  "contrat-concession",
  "contratConcession",
  "contrat_concession",
  "concession",
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const UNREADABLE: unique symbol = Symbol("unreadable");

/** The primitive behind a value, unwrapping XML-to-JSON text nodes ({"#text": ...}, {"$": ...}). */
function primitive(value: unknown): Cell | typeof UNREADABLE {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (isObject(value)) {
    for (const key of ["#text", "$", "_", "value"]) {
      if (key in value) return primitive(value[key]);
    }
  }
  return UNREADABLE;
}

/** Runs a cell parser on a JSON value: objects/arrays that are not text nodes are unreadable. */
function readWith<T>(
  value: unknown,
  parse: (cell: Cell) => T | null | undefined
): T | null | undefined {
  const cell = primitive(value);
  if (cell === UNREADABLE) return undefined;
  if (cell === null || cell === undefined) return null;
  return parse(cell);
}

function textOf(value: unknown): string | null {
  const cell = primitive(value);
  return cell === UNREADABLE ? null : cellText(cell);
}

/** Short display of a raw value for an anomaly. */
function display(value: unknown): string | null {
  const cell = primitive(value);
  if (cell !== UNREADABLE) return cellText(cell);
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

/**
 * Items of a DECP list field, unwrapping the v2 wrappers: `[{"titulaire": {...}}]`,
 * `{"titulaire": [...]}`, `{"technique": [...]}`; plain lists and single values pass through.
 */
function listOf(value: unknown, wrapper: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item) =>
      isObject(item) && wrapper in item && (isObject(item[wrapper]) || Array.isArray(item[wrapper]))
        ? toArray(item[wrapper])
        : [item]
    );
  }
  if (isObject(value) && wrapper in value) return listOf(value[wrapper], wrapper);
  return [value];
}

function keyCount(item: JsonObject, keys: string[]): number {
  return keys.reduce((n, key) => n + (key in item ? 1 : 0), 0);
}

function looksLikeMarche(item: JsonObject): boolean {
  return keyCount(item, MARCHE_KEYS) >= 2;
}

function isConcessionItem(item: JsonObject): boolean {
  const type = textOf(item._type);
  if (type !== null && normalizeKey(type).includes("concession")) return true;
  return !("acheteur" in item) && keyCount(item, CONCESSION_KEYS) >= 1;
}

/** Unwraps `{"marche": {...}}` / `{"contrat-concession": {...}}` items. */
function unwrapItem(entry: Entry): { kind: EntryKind; item: unknown } {
  const { item } = entry;
  if (isObject(item)) {
    const keys = Object.keys(item);
    if (keys.length === 1) {
      const inner = item[keys[0]];
      if (isObject(inner)) {
        if (keys[0] === "marche") return { kind: "marche", item: inner };
        if (CONCESSION_WRAPPERS.includes(keys[0])) return { kind: "concession", item: inner };
      }
    }
  }
  return { kind: entry.kind, item };
}

/** The DECP list(s) of a parsed JSON file, in file order; null when the shape is not DECP. */
function extractEntries(json: unknown): Entry[] | null {
  const entries: Entry[] = [];
  const push = (items: unknown[], kind: EntryKind) => {
    for (const item of items) entries.push({ row: entries.length + 1, kind, item });
  };
  const fromContainer = (container: JsonObject): boolean => {
    let found = false;
    for (const key of Object.keys(container)) {
      if (key === "marche") {
        push(toArray(container[key]), "marche");
        found = true;
      } else if (CONCESSION_WRAPPERS.includes(key)) {
        push(toArray(container[key]), "concession");
        found = true;
      }
    }
    return found;
  };

  if (Array.isArray(json)) {
    push(json, "unknown");
    return entries;
  }
  if (!isObject(json)) return null;
  if ("marches" in json) {
    const marches = json.marches;
    if (Array.isArray(marches)) {
      push(marches, "unknown");
      return entries;
    }
    if (isObject(marches)) return fromContainer(marches) ? entries : null;
    return null;
  }
  return fromContainer(json) ? entries : null;
}

/** A DECP file nests a few levels (marches › marche › titulaires › titulaire › id); far deeper is not DECP. */
export const MAX_DECP_DEPTH = 64;

/**
 * True when a parsed JSON value nests deeper than `limit` — checked with an explicit stack, so
 * that a crafted file cannot overflow the call stack (the import and its messages recurse).
 */
export function nestedDeeperThan(json: unknown, limit = MAX_DECP_DEPTH): boolean {
  const stack: unknown[] = [json];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const value = stack.pop();
    const depth = depths.pop() as number;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= limit) return true;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (typeof child === "object" && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * Cheap shape check for input detection: `{"marches": [...]}` or `{"marches": {"marche"...}}`,
 * `{"marche": [...]}`, or a non-empty array whose first items look like DECP contracts.
 */
export function isDecpJson(json: unknown): boolean {
  if (Array.isArray(json)) {
    const sample = json.slice(0, 5);
    if (sample.length === 0) return false;
    return sample.every((raw) => {
      const { item } = unwrapItem({ row: 0, kind: "unknown", item: raw });
      return isObject(item) && (looksLikeMarche(item) || isConcessionItem(item));
    });
  }
  if (!isObject(json)) return false;
  if ("marches" in json) {
    const marches = json.marches;
    if (Array.isArray(marches)) return true;
    return (
      isObject(marches) && ("marche" in marches || CONCESSION_WRAPPERS.some((k) => k in marches))
    );
  }
  return "marche" in json || "contrat-concession" in json;
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** Amount in cents; text with a dot decimal (DECP/XML convention) is read as such. */
function readAmountCents(value: unknown): number | null | undefined {
  const cell = primitive(value);
  if (typeof cell === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(cell))
    return toCents(Number(cell));
  return readWith(value, parseAmountCents);
}

/**
 * Why an amount is a placeholder or implausible (completes "Le montant ..."); null when plausible.
 * Placeholders: 0, ≥ 999 999 999 €, and whole-euro runs of at least seven 9s (9 999 999,
 * 99 999 999 €); implausible: negative or under 1 € (DECP v2 requires montant ≥ 1).
 */
/** Why an amount is not plausible for a contract (a catalogue key: decp.implausible.<key>), or null. */
export function implausibleAmount(
  cents: number
): "zero" | "negative" | "belowOneEuro" | "tooLarge" | "nines" | null {
  if (cents === 0) return "zero";
  if (cents < 0) return "negative";
  if (cents < 100) return "belowOneEuro";
  if (cents >= 99_999_999_900) return "tooLarge";
  if (cents % 100 === 0 && /^9{7,}$/.test(String(cents / 100))) return "nines";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Import

function quote(text: string | null, max = 60): string {
  if (text === null) return "";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Human reference of a contract for reasons: « id » (objet), as a catalogue message. */
function contractLabel(ref: string | null, objet: string | null): Message {
  if (ref !== null && objet !== null)
    return msg("decp.contract.refObjet", { ref, objet: quote(objet) });
  if (ref !== null) return msg("decp.contract.ref", { ref });
  if (objet !== null) return msg("decp.contract.objet", { objet: quote(objet) });
  return msg("decp.contract.none");
}

interface Holder {
  name: string | null;
  id: string | null;
}

/** « name » followed by a space, or nothing, for the holder reasons. */
function holderName(name: string | null): Message {
  return name ? msg("decp.holderName", { name }) : msg("decp.empty");
}

function normalizeHolders(
  raw: unknown,
  warn: (field: string, value: string | null, reason: Message) => void,
  role: "titulaire" | "concessionnaire" = "titulaire"
): Holder[] {
  const holders: Holder[] = [];
  for (const entry of listOf(raw, "titulaire")) {
    if (!isObject(entry)) {
      const name = textOf(entry);
      if (name !== null) holders.push({ name, id: null });
      continue;
    }
    const name =
      textOf(entry.denominationSociale) ?? textOf(entry.nom) ?? textOf(entry.raisonSociale);
    const type = textOf(entry.typeIdentifiant);
    const typeKey = type === null ? null : normalizeKey(type);
    const rawId = textOf(entry.id);
    let id: string | null = null;
    if (rawId !== null) {
      if (typeKey === null || typeKey === "siret" || typeKey === "siren") {
        const parsed = readWith(entry.id, normalizeCompanyId);
        if (parsed === undefined || parsed === null) {
          warn(
            "titulaires",
            rawId,
            msg("decp.holderIdNotSiret", { role, holder: holderName(name), id: rawId })
          );
        } else {
          id = parsed.id;
          if (!parsed.valid) {
            warn(
              "titulaires",
              rawId,
              msg("decp.holderIdLuhn", {
                role,
                kind: parsed.kind.toUpperCase(),
                holder: holderName(name),
                id: rawId,
              })
            );
          }
        }
      } else {
        // Foreign identifiers (TVA, HORS-UE, TAHITI, RIDET...) are kept as given, without a check.
        id = rawId.replace(/\s+/g, "").toUpperCase();
      }
    }
    if (name === null && id === null) continue;
    holders.push({ name, id });
  }
  return holders;
}

function techniquesOf(item: JsonObject, natureKey: string | null): string | null {
  const list: string[] = [];
  const add = (t: string | null) => {
    if (t === null) return;
    if (normalizeKey(t) === "sans objet") return;
    if (!list.some((x) => normalizeKey(x) === normalizeKey(t))) list.push(t);
  };
  if (natureKey === "accord cadre") add("Accord-cadre");
  if (natureKey === "marche subsequent") add("Marché subséquent");
  for (const t of listOf(item.techniques, "technique")) add(textOf(t));
  return list.length > 0 ? list.join(", ") : null;
}

interface ImportedRow {
  contract: ContractLine | null;
  concession?: ConcessionLine;
  anomalies: Anomaly[];
  /** Readable source amount of the row (counted in amountRead), 0 when none. */
  amountCents: number;
  /** Set when the whole amount is set aside (a placeholder, a concession's value): the reason. */
  setAsideReason: Message | null;
}

/** Why a placeholder amount is set aside (its own line of the reconciliation). */
export const PLACEHOLDER_SET_ASIDE: Message = msg("setAside.placeholder");

function rejectRow(
  table: string,
  row: number,
  field: string | null,
  value: string | null,
  reason: Message,
  amountCents: number,
  setAsideReason: Message | null = null
): ImportedRow {
  return {
    contract: null,
    anomalies: [{ table, row, field, value, reason, severity: "rejected" }],
    amountCents,
    setAsideReason,
  };
}

/** Why a concession's valeur globale is set aside (it is not a marché amount). */
export const CONCESSION_SET_ASIDE: Message = msg("setAside.concession");

/** Human reference of a concession for reasons: « id » (objet), as a catalogue message. */
function concessionLabel(ref: string | null, objet: string | null): Message {
  if (ref !== null && objet !== null)
    return msg("decp.concession.refObjet", { ref, objet: quote(objet) });
  if (ref !== null) return msg("decp.concession.ref", { ref });
  if (objet !== null) return msg("decp.concession.objet", { objet: quote(objet) });
  return msg("decp.concession.none");
}

function importConcession(table: string, row: number, item: unknown): ImportedRow {
  const obj = isObject(item) ? item : {};
  const ref = textOf(obj.id) ?? textOf(obj.uid);
  const objet = textOf(obj.objet);
  const cents = readAmountCents(obj.valeurGlobale);
  const implausible = typeof cents === "number" ? implausibleAmount(cents) : null;
  const plausible = typeof cents === "number" && implausible === null ? cents : null;
  const label = concessionLabel(ref, objet);
  const warnings: Anomaly[] = [];
  const warn: Warn = (field, value, reason) =>
    warnings.push({ table, row, field, value, reason, severity: "warning" });
  if (ref === null) {
    return rejectRow(
      table,
      row,
      "id",
      null,
      msg("decp.concessionNoId", { concession: label }),
      typeof cents === "number" ? cents : 0,
      typeof cents === "number" ? CONCESSION_SET_ASIDE : null
    );
  }
  if (typeof cents === "number" && implausible !== null)
    warn(
      "valeurGlobale",
      display(obj.valeurGlobale),
      msg("decp.concessionValueImplausible", {
        concession: label,
        amount: formatEuros(cents),
        why: msg("decp.implausibleWhy", { why: implausible }),
      })
    );
  const authorityObj = isObject(obj.autoriteConcedante) ? obj.autoriteConcedante : null;
  const authorityName = authorityObj ? textOf(authorityObj.nom) : textOf(obj.autoriteConcedante);
  const authorityRaw = authorityObj ? textOf(authorityObj.id) : null;
  const authorityParsed = authorityRaw === null ? null : readWith(authorityObj?.id, normalizeCompanyId);
  const day = (v: unknown) => {
    const d = readWith(v, (c) => parseDate(c));
    return typeof d === "number" ? d : null;
  };
  const duration = readWith(obj.dureeMois, parseNumber);
  const durationMonths = typeof duration === "number" && duration > 0 ? Math.ceil(duration) : null;
  const signatureDate = day(obj.dateSignature);
  const startDate = day(obj.dateDebutExecution);
  const from = startDate ?? signatureDate;
  const holders = normalizeHolders(
    listOf(obj.concessionnaires, "concessionnaire"),
    (field, value, reason) =>
      warn(
        field === "titulaires" ? "concessionnaires" : field,
        value,
        msg("decp.holderReason", { contract: label, reason })
      ),
    "concessionnaire"
  );
  const concession: ConcessionLine = {
    source: { table, row },
    ref,
    authority: authorityName ?? authorityRaw ?? "Autorité concédante non renseignée",
    authorityId: authorityParsed ? authorityParsed.id : null,
    description: objet,
    nature: textOf(obj.nature),
    procedure: textOf(obj.procedure),
    concessionaires: holders,
    valueCents: plausible,
    signatureDate,
    startDate,
    durationMonths,
    endDate: from !== null && durationMonths !== null ? addMonths(from, durationMonths) : null,
    publicationDate: day(obj.datePublicationDonnees),
  };
  if (concession.endDate === null)
    warn("dureeMois", display(obj.dureeMois), msg("decp.concessionNoEnd", { concession: label }));
  return {
    contract: null,
    concession,
    anomalies: warnings,
    amountCents: typeof cents === "number" ? cents : 0,
    setAsideReason: typeof cents === "number" ? CONCESSION_SET_ASIDE : null,
  };
}

/** The amount a row brings to amountRead: its readable montant (placeholders included), else 0. */
function readableCents(montant: number | null | undefined): number {
  return typeof montant === "number" ? montant : 0;
}

function dayOf(value: unknown): number | null {
  const d = readWith(value, (c) => parseDate(c));
  return typeof d === "number" ? d : null;
}

type Warn = (field: string | null, value: string | null, reason: Message) => void;

/** The initial amount: cents when plausible, with the warnings for an absent or odd one. */
function marcheAmount(item: JsonObject, label: Message | null, warn: Warn | null): {
  montant: number | null | undefined;
  amountCents: number | null;
} {
  const montantRaw = item.montant;
  const montant = readAmountCents(montantRaw);
  const implausible = typeof montant === "number" ? implausibleAmount(montant) : null;
  const amountCents = typeof montant === "number" && implausible === null ? montant : null;
  if (warn === null || label === null) return { montant, amountCents };
  if (montant === null) {
    warn("montant", null, msg("decp.noAmount", { contract: label }));
  } else if (montant === undefined) {
    warn(
      "montant",
      display(montantRaw),
      msg("decp.amountUnreadable", { contract: label, value: display(montantRaw) ?? "" })
    );
  } else if (implausible !== null) {
    warn(
      "montant",
      display(montantRaw),
      msg("decp.amountImplausible", {
        contract: label,
        amount: msg("decp.implausible", { amount: formatEuros(montant), why: implausible }),
      })
    );
  }
  return { montant, amountCents };
}

/** The buyer: its name (the entity) and SIRET. */
function marcheBuyer(item: JsonObject, label: Message, warn: Warn): { entity: string; entityId: string | null } {
  const acheteur = isObject(item.acheteur) ? item.acheteur : null;
  const buyerName = acheteur ? textOf(acheteur.nom) : textOf(item.acheteur);
  const buyerRawId = acheteur ? textOf(acheteur.id) : null;
  let entityId: string | null = null;
  if (buyerRawId !== null) {
    const parsed = readWith(acheteur?.id, normalizeCompanyId);
    if (parsed === null || parsed === undefined) {
      warn(
        "acheteur",
        buyerRawId,
        msg("decp.buyerIdNotSiret", { contract: label, id: buyerRawId })
      );
    } else {
      entityId = parsed.id;
      if (!parsed.valid) {
        warn(
          "acheteur",
          buyerRawId,
          msg("decp.buyerIdLuhn", {
            contract: label,
            kind: parsed.kind.toUpperCase(),
            id: buyerRawId,
          })
        );
      }
    }
  }
  const entity = buyerName ?? buyerRawId ?? "Acheteur non renseigné";
  if (buyerName === null && buyerRawId === null) {
    warn("acheteur", null, msg("decp.noBuyer", { contract: label }));
  }

  return { entity, entityId };
}

/** CPV, nature (Fournitures / Services / Travaux) and family. */
function marcheCpv(item: JsonObject, label: Message, warn: Warn) {
  const cpvRaw = item.codeCPV;
  const cpvParsed = readWith(cpvRaw, normalizeCpv);
  const cpv = typeof cpvParsed === "string" ? cpvParsed : null;
  if (cpvParsed === null) {
    warn("codeCPV", null, msg("decp.noCpv", { contract: label }));
  } else if (cpvParsed === undefined) {
    warn(
      "codeCPV",
      display(cpvRaw),
      msg("decp.cpvInvalid", { contract: label, value: display(cpvRaw) ?? "" })
    );
  }
  const nature = cpv !== null ? natureFromCpv(cpv) : null;
  const family = classifyFamily({ familyCode: null, familyLabel: null, cpv, budgetArticle: null });

  return { cpv, nature, family };
}

/** The procedure, as recognised (null when absent or not recognised) and as written. */
function marcheProcedure(item: JsonObject, label: Message, warn: Warn) {
  const procedureRaw = textOf(item.procedure);
  const procedureParsed = readWith(item.procedure, normalizeProcedure);
  const procedure = procedureParsed ?? null;
  if (procedureRaw === null && procedureParsed !== undefined) {
    warn(
      "procedure",
      null,
      msg("decp.noProcedure", { contract: label, procedures: PROCEDURE_LABELS })
    );
  } else if (procedureParsed === undefined) {
    warn(
      "procedure",
      procedureRaw ?? display(item.procedure),
      msg("decp.procedureUnrecognised", {
        contract: label,
        value: procedureRaw ?? display(item.procedure) ?? "",
        procedures: PROCEDURE_LABELS,
      })
    );
  }

  return { procedure, procedureRaw };
}

/** Notification date, duration and end date. */
function marcheDates(item: JsonObject, label: Message, warn: Warn) {
  const dateRaw = item.dateNotification;
  const notification = readWith(dateRaw, (c) => parseDate(c));
  const notificationDate = typeof notification === "number" ? notification : null;
  if (notification === null) {
    warn("dateNotification", null, msg("decp.noNotificationDate", { contract: label }));
  } else if (notification === undefined) {
    warn(
      "dateNotification",
      display(dateRaw),
      msg("decp.notificationDateUnreadable", { contract: label, value: display(dateRaw) ?? "" })
    );
  }

  const durationRaw = item.dureeMois;
  const duration = readWith(durationRaw, parseNumber);
  let durationMonths: number | null = null;
  if (typeof duration === "number" && Number.isFinite(duration) && duration > 0) {
    // DECP: a duration that is not a whole number of months is rounded up.
    durationMonths = Math.ceil(duration);
  } else if (duration !== null) {
    warn(
      "dureeMois",
      display(durationRaw),
      msg("decp.durationUnreadable", { contract: label, value: display(durationRaw) ?? "" })
    );
  }
  const endDate =
    notificationDate !== null && durationMonths !== null
      ? addMonths(notificationDate, durationMonths)
      : null;

  return { notificationDate, durationMonths, endDate };
}

/** Bids received (v2 only). */
function marcheBids(item: JsonObject, label: Message, warn: Warn): number | null {
  const bidsRaw = item.offresRecues;
  const bids = readWith(bidsRaw, parseNumber);
  let bidsReceived: number | null = null;
  if (typeof bids === "number" && Number.isInteger(bids) && bids >= 0) {
    bidsReceived = bids;
  } else if (bids !== null) {
    warn(
      "offresRecues",
      display(bidsRaw),
      msg("decp.bidsUnreadable", { contract: label, value: display(bidsRaw) ?? "" })
    );
  }

  return bidsReceived;
}

/** The amended amount: the montant (a new total) of the last modification that has one. */
function marcheAmended(
  item: JsonObject,
  label: Message,
  warn: Warn
): {
  amendedAmountCents: number | null;
  modifications: { date: number | null; amountCents: number | null }[];
} {
  // The amended amount is the montant (a new total) of the last modification that has one.
  let amendedAmountCents: number | null = null;
  const modifications: { date: number | null; amountCents: number | null }[] = [];
  for (const rawModification of listOf(item.modifications, "modification")) {
    if (isObject(rawModification)) {
      const rawDate = rawModification.dateNotificationModification;
      const date = typeof rawDate === "string" ? (parseDate(rawDate) ?? null) : null;
      const m = "montant" in rawModification ? readAmountCents(rawModification.montant) : null;
      modifications.push({
        date,
        amountCents: m === undefined || (m !== null && implausibleAmount(m) !== null) ? null : m,
      });
    }
    if (!isObject(rawModification) || !("montant" in rawModification)) continue;
    const cents = readAmountCents(rawModification.montant);
    if (cents === null) continue;
    if (cents === undefined || implausibleAmount(cents) !== null) {
      warn(
        "modifications",
        display(rawModification.montant),
        msg("decp.amendmentImplausible", {
          contract: label,
          value: display(rawModification.montant) ?? "",
        })
      );
      continue;
    }
    amendedAmountCents = cents;
  }
  return { amendedAmountCents, modifications };
}

/**
 * One DECP marché → a contract line, or a rejected row; every odd field is a warning that says
 * what to fix in the source. Read field group by field group (amount, buyer, CPV, procedure,
 * dates, bids, holders, modifications), then checked against the rows before (double publication).
 */
function importMarche(
  table: string,
  row: number,
  item: JsonObject,
  seen: Map<string, number>
): ImportedRow {
  const warnings: Anomaly[] = [];
  const warn: Warn = (field, value, reason) =>
    warnings.push({ table, row, field, value, reason, severity: "warning" });

  const objet = textOf(item.objet);
  const id = textOf(item.id);
  const uid = textOf(item.uid);
  const contractRef = id ?? uid;

  // Amount first: a rejected row still counts its plausible amount in the reconciliation.
  if (contractRef === null) {
    return rejectRow(
      table,
      row,
      "id",
      null,
      msg("decp.noId", { contract: contractLabel(null, objet) }),
      readableCents(marcheAmount(item, null, null).montant)
    );
  }
  const label = contractLabel(contractRef, null);
  if (id === null) {
    warn("id", uid, msg("decp.noIdUsesUid", { contract: label }));
  }
  const { montant, amountCents } = marcheAmount(item, label, warn);
  const { entity, entityId } = marcheBuyer(item, label, warn);
  const { cpv, nature, family } = marcheCpv(item, label, warn);
  // DECP nature is the contract nature (Marché, Accord-cadre...): it feeds `techniques`.
  const decpNature = textOf(item.nature);
  const techniques = techniquesOf(item, decpNature === null ? null : normalizeKey(decpNature));
  const { procedure, procedureRaw } = marcheProcedure(item, label, warn);
  const { notificationDate, durationMonths, endDate } = marcheDates(item, label, warn);
  const bidsReceived = marcheBids(item, label, warn);

  // Holders.
  const holders = normalizeHolders(item.titulaires, (field, value, reason) =>
    warn(field, value, msg("decp.holderReason", { contract: label, reason }))
  );
  if (holders.length === 0) {
    warn("titulaires", null, msg("decp.noHolder", { contract: label }));
  }
  const first = holders[0] ?? null;
  const channel: Channel | null = holders.some((h) => isUgap(h.id, h.name))
    ? "Centrale d'achat"
    : null;

  const { amendedAmountCents, modifications } = marcheAmended(item, label, warn);

  // Same buyer and same reference as an earlier row: probably published twice.
  const key = `${entityId ?? normalizeKey(entity)}|${contractRef}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    warn("id", contractRef, msg("decp.duplicate", { contract: label, row: String(earlier) }));
  } else {
    seen.set(key, row);
  }

  const contract: ContractLine = {
    source: { table, row },
    contractRef,
    entity,
    entityId,
    description: objet,
    cpv,
    nature,
    procedure,
    procedureRaw,
    techniques,
    launchDate: null,
    notificationDate,
    durationMonths,
    endDate,
    amountCents,
    estimatedAmountCents: null,
    bidsReceived,
    supplierName: first ? first.name : null,
    supplierId: first ? first.id : null,
    holders,
    sme: null,
    socialConsideration: considerationPresent(item.considerationsSociales),
    environmentalConsideration: considerationPresent(item.considerationsEnvironnementales),
    environmentalCriterion: environmentalKinds(item.considerationsEnvironnementales).criterion,
    environmentalClause: environmentalKinds(item.considerationsEnvironnementales).clause,
    lots: null,
    channel,
    members: [],
    amendedAmountCents,
    amountBasis: "initial",
    publicationDate: dayOf(item.datePublicationDonnees),
    fromPublishedDecp: true,
    innovative: parseBoolean(item.marcheInnovant as Cell) ?? null,
    modifications,
    family,
  };
  const read = readableCents(montant);
  return {
    contract,
    anomalies: warnings,
    amountCents: read,
    setAsideReason: amountCents === null && read !== 0 ? PLACEHOLDER_SET_ASIDE : null,
  };
}

function itemFormat(kind: EntryKind, item: unknown): DecpFormat {
  if (!isObject(item) || kind === "concession" || isConcessionItem(item)) return "unknown";
  if (V2_MARKERS.some((key) => key in item)) return "decp-v2";
  return looksLikeMarche(item) ? "decp-v1" : "unknown";
}

/**
 * The DECP import item by item (what importDecp and the streaming reader of large files share):
 * every item's outcome, the duplicate check across items, the reconciliation. Holds the results
 * only, never the file.
 */
export class DecpReader {
  readonly contracts: ContractLine[] = [];
  readonly concessions: ConcessionLine[] = [];
  readonly anomalies: Anomaly[] = [];
  private readonly seen = new Map<string, number>();
  private format: DecpFormat = "unknown";
  private readonly rec: TableReconciliation;

  constructor(private readonly tableName: string) {
    this.rec = emptyTableReconciliation(tableName, "contracts");
  }

  /** One item of the DECP list(s), `row` its 1-based position, `kind` what the file structure says. */
  add(row: number, rawKind: EntryKind, raw: unknown): void {
    const { kind, item } = unwrapItem({ row, kind: rawKind, item: raw });
    const table = this.tableName;
    const f = itemFormat(kind, item);
    if (f === "decp-v2" || (f === "decp-v1" && this.format === "unknown")) this.format = f;
    let result: ImportedRow;
    if (kind === "concession" || (isObject(item) && isConcessionItem(item))) {
      result = importConcession(table, row, item);
    } else if (!isObject(item) || !looksLikeMarche(item)) {
      result = rejectRow(
        table,
        row,
        null,
        display(item),
        msg("decp.notAMarche", { row: String(row) }),
        0
      );
    } else {
      result = importMarche(table, row, item, this.seen);
    }
    for (const a of result.anomalies) this.anomalies.push(a);
    const r = this.rec;
    r.rowsRead += 1;
    addCents(r, "amountReadCents", result.amountCents);
    const kept = result.contract ?? result.concession ?? null;
    if (result.contract) this.contracts.push(result.contract);
    if (result.concession) this.concessions.push(result.concession);
    if (kept !== null) {
      r.rowsAnalysed += 1;
      if (result.anomalies.length > 0) r.rowsWithWarning += 1;
    } else r.rowsRejected += 1;
    if (result.setAsideReason !== null && result.amountCents !== 0) {
      addCents(r, "amountSetAsideCents", result.amountCents);
      const lines = (r.setAside ??= []);
      const reason = result.setAsideReason;
      const line = lines.find((l) => l.reason.code === reason.code);
      if (line) {
        line.rows += 1;
        line.amountCents += result.amountCents;
      } else lines.push({ reason, rows: 1, amountCents: result.amountCents });
    } else if (kept !== null) addCents(r, "amountAnalysedCents", result.amountCents);
    else addCents(r, "amountRejectedCents", result.amountCents);
  }

  result(): DecpImport {
    return {
      format: this.format,
      contracts: this.contracts,
      concessions: this.concessions,
      anomalies: this.anomalies,
      reconciliation: { ...this.rec, contracts: this.contracts.length },
    };
  }
}

/** Imports a parsed DECP file (JSON v1.x or v2.0.x, or XML read by xml.ts). Never throws. */
export function importDecp(json: unknown, tableName: string): DecpImport {
  const reader = new DecpReader(tableName);
  for (const entry of extractEntries(json) ?? []) reader.add(entry.row, entry.kind, entry.item);
  return reader.result();
}
