/**
 * Responsible purchasing indicators RE1–RE6 (SPEC §4, references §3.3).
 *
 * Status bands where a target exists (RE1, RE2): good when the rate reaches the target, watch when
 * it reaches half of it, alert below. RE6: alert when an entity's annual purchases exceed the
 * SPASER threshold (the SPASER is then mandatory), good otherwise.
 */
import type { ContractLine, SpendLine } from "../model";
import { toEuros } from "../money";
import { departementOf } from "./geography";
import { civilYearsOf, isFullYearIn, yearIndexOf } from "./civil-years";
import { supplierRowFor } from "./supplier-reference";
import {
  notAvailable,
  percent,
  round2,
  type AnalysisContext,
  type IndicatorResult,
  type Row,
  type Status,
} from "./types";

export function computeResponsibleIndicators(ctx: AnalysisContext): IndicatorResult[] {
  return [
    considerationIndicator(ctx, "environmental"),
    considerationIndicator(ctx, "social"),
    smeIndicator(ctx),
    localSuppliersIndicator(ctx),
    insertionIndicator(ctx),
    spaserIndicator(ctx),
  ];
}

/** good ≥ target; watch ≥ half the target; alert below. */
export function statusVsTarget(value: number, target: number): Status {
  if (value >= target) return "good";
  if (value >= target / 2) return "watch";
  return "alert";
}

function share(part: number, whole: number): number | null {
  const p = percent(part, whole);
  return p === null ? null : round2(p);
}

/** Per-entity count and value shares of contracts satisfying a yes/no property known for them. */
interface RateTally {
  known: number;
  yes: number;
  knownCents: number;
  yesCents: number;
}

function tally(): RateTally {
  return { known: 0, yes: 0, knownCents: 0, yesCents: 0 };
}

function addTo(t: RateTally, yes: boolean, cents: number | null): void {
  t.known++;
  if (yes) t.yes++;
  if (cents !== null) {
    t.knownCents += cents;
    if (yes) t.yesCents += cents;
  }
}

function byEntityRows(byEntity: Map<string, RateTally>): Row[] {
  return [...byEntity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entity, t]) => ({
      entity,
      contracts: t.known,
      withProperty: t.yes,
      countShare: share(t.yes, t.known),
      amount: toEuros(t.knownCents),
      amountWithProperty: toEuros(t.yesCents),
      valueShare: share(t.yesCents, t.knownCents),
    }));
}

// ---------------------------------------------------------------------------------------------
// RE1 / RE2 environmental and social considerations vs PNAD

const RE1 = {
  id: "RE1",
  group: "RE" as const,
  label: "Marchés avec considération environnementale",
  unit: "%" as const,
};
const RE2 = {
  id: "RE2",
  group: "RE" as const,
  label: "Marchés avec considération sociale",
  unit: "%" as const,
};

/**
 * Share of the contracts notified in the period, among those whose consideration is known, that
 * carry at least one environmental (RE1) or social (RE2) consideration; the value share is over
 * the known contracts with an amount. Reference: PNAD targets (100 % / 30 %).
 */
export function considerationIndicator(
  ctx: AnalysisContext,
  kind: "environmental" | "social"
): IndicatorResult {
  const base = kind === "environmental" ? RE1 : RE2;
  const pnad = ctx.ref.pnad;
  const target = kind === "environmental" ? pnad.environmentalPercent : pnad.socialPercent;
  const reference = {
    value: target,
    unit: "%" as const,
    label:
      kind === "environmental"
        ? "Objectif PNAD : 100 % des marchés"
        : "Objectif PNAD : 30 % des marchés",
    source: pnad.source,
  };
  const total = tally();
  const byEntity = new Map<string, RateTally>();
  for (const c of ctx.contractsInPeriod) {
    const v = kind === "environmental" ? c.environmentalConsideration : c.socialConsideration;
    if (v === null) continue;
    addTo(total, v, c.amountCents);
    let t = byEntity.get(c.entity);
    if (!t) byEntity.set(c.entity, (t = tally()));
    addTo(t, v, c.amountCents);
  }
  const coverage = { n: total.known, N: ctx.contractsInPeriod.length, of: "marchés" };
  const what =
    kind === "environmental" ? "la considération environnementale" : "la considération sociale";
  if (ctx.contractsInPeriod.length === 0)
    return notAvailable(base, "Aucun marché notifié sur la période", coverage, reference);
  if (total.known === 0)
    return notAvailable(
      base,
      `Aucun marché notifié sur la période avec ${what} renseignée`,
      coverage,
      reference
    );
  const value = round2((total.yes / total.known) * 100);
  const oecp = ctx.ref.oecp;
  return {
    ...base,
    value,
    na: null,
    coverage,
    reference,
    status: statusVsTarget(value, target),
    details: {
      contractsKnown: total.known,
      contractsWithConsideration: total.yes,
      valueShare: share(total.yesCents, total.knownCents),
      amountKnown: toEuros(total.knownCents),
      amountWithConsideration: toEuros(total.yesCents),
      oecpBenchmark:
        kind === "environmental" ? oecp.environmentalClausePercent : oecp.socialClauseLocalPercent,
      oecpSource: oecp.source,
      statusRule: `Bon si ≥ ${target} %, à surveiller si ≥ ${target / 2} %, alerte en dessous`,
    },
    tables: { byEntity: byEntityRows(byEntity) },
  };
}

// ---------------------------------------------------------------------------------------------
// RE3 SME share

const RE3 = {
  id: "RE3",
  group: "RE" as const,
  label: "Marchés attribués à des PME",
  unit: "%" as const,
};

/**
 * Share of the contracts notified in the period won by an SME, over the contracts whose SME status
 * is known — from the contract, else from the supplier table (by SIREN, then normalised name).
 * Reference: OECP 2023, collectivités (64 % of contracts).
 */
export function smeIndicator(ctx: AnalysisContext): IndicatorResult {
  const oecp = ctx.ref.oecp;
  const reference = {
    value: oecp.smeContractsLocalPercent,
    unit: "%" as const,
    label: "OECP 2023 : part des marchés des collectivités attribués à des PME",
    source: oecp.source,
  };
  const total = tally();
  const byEntity = new Map<string, RateTally>();
  let fromTable = 0;
  for (const c of ctx.contractsInPeriod) {
    const sme = smeOf(ctx, c);
    if (sme === null) continue;
    if (c.sme === null) fromTable++;
    addTo(total, sme, c.amountCents);
    let t = byEntity.get(c.entity);
    if (!t) byEntity.set(c.entity, (t = tally()));
    addTo(t, sme, c.amountCents);
  }
  const coverage = { n: total.known, N: ctx.contractsInPeriod.length, of: "marchés" };
  if (ctx.contractsInPeriod.length === 0)
    return notAvailable(RE3, "Aucun marché notifié sur la période", coverage, reference);
  if (total.known === 0) {
    return notAvailable(
      RE3,
      "Catégorie PME du titulaire non renseignée (registre des marchés ou table Fournisseurs)",
      coverage,
      reference
    );
  }
  return {
    ...RE3,
    value: round2((total.yes / total.known) * 100),
    na: null,
    coverage,
    reference,
    status: null,
    details: {
      contractsKnown: total.known,
      smeContracts: total.yes,
      knownFromSupplierTable: fromTable,
      valueShare: share(total.yesCents, total.knownCents),
      valueReference: oecp.smeValuePercent,
      nationalReference: oecp.smeContractsPercent,
    },
    tables: { byEntity: byEntityRows(byEntity) },
  };
}

function smeOf(ctx: AnalysisContext, c: ContractLine): boolean | null {
  if (c.sme !== null) return c.sme;
  const holder = c.holders[0];
  const row = supplierRowFor(
    ctx.suppliers,
    c.supplierId ?? holder?.id ?? null,
    c.supplierName ?? holder?.name ?? null
  );
  return row?.sme ?? null;
}

// ---------------------------------------------------------------------------------------------
// RE4 local suppliers

const RE4 = {
  id: "RE4",
  group: "RE" as const,
  label: "Fournisseurs locaux (même département)",
  unit: "%" as const,
};

/**
 * Share of the period's spend HT (net of credit notes) going to suppliers of the entity's own
 * département. Supplier département: the line's supplierPostcode first, else the supplier table;
 * entity département: the Entités table. Coverage: lines where both are known.
 */
export function localSuppliersIndicator(ctx: AnalysisContext): IndicatorResult {
  const supplierDept = new Map<string, string | null>();
  const entityDept = new Map<string, string | null>();
  const postcodeDept = new Map<string, string | null>();
  let covered = 0;
  let coveredCents = 0;
  let localCents = 0;
  let entityKnown = 0;
  const byEntity = new Map<
    string,
    { dept: string; lines: number; cents: number; localCents: number }
  >();
  for (const line of ctx.lines) {
    let ed = entityDept.get(line.entity);
    if (ed === undefined) {
      ed = departementOf(ctx.entities.get(line.entity)?.departement ?? null);
      entityDept.set(line.entity, ed);
    }
    if (ed === null) continue;
    entityKnown++;
    let sd: string | null = null;
    if (line.supplierPostcode !== null) {
      sd = postcodeDept.get(line.supplierPostcode) ?? null;
      if (!postcodeDept.has(line.supplierPostcode))
        postcodeDept.set(line.supplierPostcode, (sd = departementOf(line.supplierPostcode)));
    }
    if (sd === null) sd = supplierDeptOf(ctx, supplierDept, line);
    if (sd === null) continue;
    covered++;
    coveredCents += line.amountHTCents;
    let e = byEntity.get(line.entity);
    if (!e) byEntity.set(line.entity, (e = { dept: ed, lines: 0, cents: 0, localCents: 0 }));
    e.lines++;
    e.cents += line.amountHTCents;
    if (sd === ed) {
      localCents += line.amountHTCents;
      e.localCents += line.amountHTCents;
    }
  }
  const coverage = { n: covered, N: ctx.lines.length, of: "lignes" };
  if (ctx.lines.length === 0)
    return notAvailable(RE4, "Aucune ligne de dépense sur la période", coverage);
  if (entityKnown === 0)
    return notAvailable(RE4, "Département des entités non renseigné (table Entités)", coverage);
  if (covered === 0) {
    return notAvailable(
      RE4,
      "Département des fournisseurs non renseigné (code postal des lignes ou table Fournisseurs)",
      coverage
    );
  }
  const value = share(localCents, coveredCents);
  if (value === null || coveredCents < 0)
    return notAvailable(
      RE4,
      "Dépense nette nulle ou négative sur les lignes renseignées",
      coverage
    );
  return {
    ...RE4,
    value,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      spendCovered: toEuros(coveredCents),
      spendLocal: toEuros(localCents),
      linesWithEntityDepartement: entityKnown,
    },
    tables: {
      byEntity: [...byEntity.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([entity, e]) => ({
          entity,
          departement: e.dept,
          lines: e.lines,
          spend: toEuros(e.cents),
          localSpend: toEuros(e.localCents),
          localShare: share(e.localCents, e.cents),
        })),
    },
  };
}

function supplierDeptOf(
  ctx: AnalysisContext,
  cache: Map<string, string | null>,
  line: SpendLine
): string | null {
  let d = cache.get(line.supplierKey);
  if (d === undefined) {
    d = departementOf(
      supplierRowFor(ctx.suppliers, line.supplierId, line.supplierName)?.departement ?? null
    );
    cache.set(line.supplierKey, d);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// RE5 insertion / ESS suppliers

const RE5 = {
  id: "RE5",
  group: "RE" as const,
  label: "Fournisseurs de l'insertion et de l'ESS",
  unit: "%" as const,
};

/**
 * Share of the period's total spend HT going to suppliers flagged insertion/ESS in the supplier
 * table. The denominator is the whole spend (a supplier absent from the table is not counted as
 * insertion); coverage shows how many lines have a supplier whose flag is known.
 */
export function insertionIndicator(ctx: AnalysisContext): IndicatorResult {
  const flags = new Map<string, boolean | null>();
  let known = 0;
  let totalCents = 0;
  let insertionCents = 0;
  const bySupplier = new Map<string, { name: string; lines: number; cents: number }>();
  for (const line of ctx.lines) {
    totalCents += line.amountHTCents;
    let flag = flags.get(line.supplierKey);
    if (flag === undefined) {
      flag = supplierRowFor(ctx.suppliers, line.supplierId, line.supplierName)?.insertion ?? null;
      flags.set(line.supplierKey, flag);
    }
    if (flag === null) continue;
    known++;
    if (!flag) continue;
    insertionCents += line.amountHTCents;
    let s = bySupplier.get(line.supplierKey);
    if (!s)
      bySupplier.set(
        line.supplierKey,
        (s = { name: line.supplierName ?? line.supplierId ?? line.supplierKey, lines: 0, cents: 0 })
      );
    s.lines++;
    s.cents += line.amountHTCents;
  }
  const coverage = { n: known, N: ctx.lines.length, of: "lignes" };
  if (ctx.lines.length === 0)
    return notAvailable(RE5, "Aucune ligne de dépense sur la période", coverage);
  if (ctx.suppliers.size === 0)
    return notAvailable(
      RE5,
      "Pas de table Fournisseurs : le caractère insertion/ESS des fournisseurs est inconnu",
      coverage
    );
  if (known === 0)
    return notAvailable(
      RE5,
      "Aucun fournisseur de la période avec l'indicateur insertion/ESS renseigné (table Fournisseurs)",
      coverage
    );
  const value = share(insertionCents, totalCents);
  if (value === null || totalCents < 0)
    return notAvailable(RE5, "Dépense nette nulle ou négative sur la période", coverage);
  return {
    ...RE5,
    value,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      spendInsertion: toEuros(insertionCents),
      spendTotal: toEuros(totalCents),
      insertionSuppliers: bySupplier.size,
    },
    tables: {
      suppliers: [...bySupplier.values()]
        .sort((a, b) => b.cents - a.cents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((s) => ({
          supplier: s.name,
          lines: s.lines,
          spend: toEuros(s.cents),
          share: share(s.cents, totalCents),
        })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// RE6 SPASER obligation

const RE6 = {
  id: "RE6",
  group: "RE" as const,
  label: "Achats annuels et obligation de SPASER",
  unit: "EUR" as const,
};

/**
 * Spend HT (net) of each civil year touched by the period, per legal buyer (entity), from all the
 * lines of those years. Headline: the largest entity's purchases in the latest civil year fully
 * inside the period; when the period holds no full year (a month, a range), the latest year
 * touched, flagged as incomplete. Alert when above ref.spaserThresholdCents.
 */
export function spaserIndicator(ctx: AnalysisContext): IndicatorResult {
  const threshold = ctx.ref.spaserThresholdCents;
  const reference = {
    value: toEuros(threshold.value),
    unit: "EUR" as const,
    label: "Seuil d'obligation de SPASER (achats annuels)",
    source: threshold.source,
  };
  const cy = civilYearsOf(ctx.period);
  const perEntity = new Map<string, number[]>();
  let lines = 0;
  for (const line of ctx.allLines) {
    const yi = yearIndexOf(cy, line.date);
    if (yi < 0) continue;
    lines++;
    let sums = perEntity.get(line.entity);
    if (!sums) perEntity.set(line.entity, (sums = new Array<number>(cy.years.length).fill(0)));
    sums[yi] += line.amountHTCents;
  }
  const coverage = { n: lines, N: lines, of: "lignes" };
  if (lines === 0)
    return notAvailable(
      RE6,
      "Aucune ligne de dépense sur l'année civile de la période",
      coverage,
      reference
    );
  let yi = cy.years.length - 1;
  while (yi >= 0 && !isFullYearIn(cy, yi, ctx.period)) yi--;
  const complete = yi >= 0;
  if (!complete) yi = cy.years.length - 1;
  const entities = [...perEntity.keys()].sort();
  let maxEntity = entities[0];
  for (const e of entities)
    if ((perEntity.get(e) as number[])[yi] > (perEntity.get(maxEntity) as number[])[yi])
      maxEntity = e;
  const maxCents = (perEntity.get(maxEntity) as number[])[yi];
  const above = maxCents > threshold.value;
  const rows: Row[] = [];
  let entitiesAbove = 0;
  for (const e of entities) {
    const sums = perEntity.get(e) as number[];
    for (let i = 0; i < cy.years.length; i++) {
      const over = sums[i] > threshold.value;
      if (i === yi && over) entitiesAbove++;
      rows.push({
        entity: e,
        year: cy.years[i],
        yearComplete: isFullYearIn(cy, i, ctx.period),
        spend: toEuros(sums[i]),
        threshold: toEuros(threshold.value),
        obligation: over ? "SPASER obligatoire" : "sous le seuil",
      });
    }
  }
  return {
    ...RE6,
    value: toEuros(maxCents),
    na: null,
    coverage,
    reference,
    status: above ? "alert" : "good",
    details: {
      year: cy.years[yi],
      yearComplete: complete ? "oui" : "non (année en cours : achats connus de l'année civile)",
      entity: maxEntity,
      obligation: above ? "SPASER obligatoire" : "sous le seuil",
      entitiesAbove,
    },
    tables: { byEntityYear: rows },
  };
}
