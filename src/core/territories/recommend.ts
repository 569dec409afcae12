/**
 * TE4 on territories (issue #16 §1): the per-family recommendation — mutualiser, territorialiser or
 * mixte — reads the territories that buy the family, the local supply in each of them and the
 * current purchasing channel, whether the territories are communes of an EPCI (entities) or the
 * pôles, secteurs, antennes or quartiers of one body (a territory column).
 *
 * Definitions (documented for the reader of the sheets):
 * - Territories of a family: named territories (line territory, else the entity's) with a net
 *   positive spend in the family.
 * - Local supplier of a territory: when the Territoires table lists the territory's postcodes and
 *   the line gives the supplier's postcode, a supplier whose postcode is one of them; otherwise (as
 *   RE4/TE3) a supplier of the same département as the entity, else as the territory (Territoires
 *   table), from the line's postcode, else the Fournisseurs table.
 * - Strong local supply in a territory: local share of its known spend ≥ STRONG_LOCAL_SHARE_PERCENT
 *   (50 %); across the family: in at least half of its territories.
 * - Current channel: share of the family's spend bought through a groupement de commandes or a
 *   centrale d'achat (effective channel, SPEC §2.4).
 * - Rule:
 *   · several entities (≥ 2): as before — proximity or strong local supply → mixte, else mutualiser;
 *   · one entity, several territories (≥ 2): proximity and strong local supply in at least half of
 *     the territories → territorialiser (geographic lots); one of the two → mixte (pooled framework
 *     agreement with territorial lots); neither → mutualiser (one contract for the whole body);
 *   · one entity, one territory or none: proximity and strong local supply → territorialiser,
 *     otherwise no recommendation.
 * - Wording (equal treatment, L3 CCP): geographic lots facilitate SMEs' access to the contract
 *   (L2113-10 allotissement); they are never a local preference, which the code forbids.
 */
import { msg, type Message } from "../messages/render";
import { contractsByRef } from "../context";
import { effectiveChannel } from "../channel";
import { departementOf } from "../indicators/geography";
import { supplierRowFor } from "../indicators/supplier-reference";
import type { AnalysisContext } from "../indicators/types";
import type { Nature } from "../model";
import { byFrench } from "../indicators/types";
import { territoryKey, territoryPostcodes } from "./resolve";

export const STRONG_LOCAL_SHARE_PERCENT = 50;
const NATURES: readonly Nature[] = ["Fournitures", "Services", "Travaux"];
export const MIN_UNITS_TO_POOL = 2;

export type TerritorialRecommendation = "mutualiser" | "territorialiser" | "mixte";

/** Local supply of a family in one territory. */
export interface TerritoryLocalSupply {
  territory: string;
  cents: number;
  localKnownCents: number;
  localCents: number;
  /** null when no line of the territory has both locations known. */
  localSharePercent: number | null;
}

/** What TE4 reads about a family on the territories. */
export interface FamilyTerritoryProfile {
  familyKey: string;
  /** Named territories with a net positive spend in the family, by spend (then name). */
  territories: TerritoryLocalSupply[];
  /** Spend through a groupement de commandes or a centrale d'achat, cents. */
  pooledCents: number;
  cents: number;
  familyLabel: string;
  /** First CPV code of the family's lines. */
  cpv: string | null;
  /** Nature with the largest spend (ties: Fournitures, Services, Travaux). */
  nature: Nature | null;
}

function normalPostcode(pc: string | null): string | null {
  if (pc === null) return null;
  const digits = pc.replace(/\s/g, "");
  if (/^\d{4}$/.test(digits)) return `0${digits}`;
  return /^\d{5}$/.test(digits) ? digits : null;
}

/**
 * One pass over the period's lines: per family, its territories with their local supply and its
 * pooled channel share. `territoryOf` gives the territory of a line (null: none); default: the
 * line's territory, else its entity's (Entités table).
 */
export function familyTerritoryProfiles(ctx: AnalysisContext): Map<string, FamilyTerritoryProfile> {
  const postcodes = territoryPostcodes(ctx.intake.territories);
  // The territory's département (Territoires table) when the entity has none (as TE3).
  const territoryDept = new Map<string, string | null>();
  for (const t of ctx.intake.territories ?? [])
    if (!territoryDept.get(territoryKey(t.territory)))
      territoryDept.set(territoryKey(t.territory), departementOf(t.departement));
  const byRef = contractsByRef(ctx.contracts);
  const ugap = ctx.ref.ugapSiren.value;
  const acc = new Map<
    string,
    {
      cents: number;
      pooled: number;
      territories: Map<string, TerritoryLocalSupply>;
      label: string;
      cpv: string | null;
      natures: number[];
    }
  >();
  for (const line of ctx.lines) {
    if (line.family.key === "NC") continue;
    let f = acc.get(line.family.key);
    if (!f) {
      f = {
        cents: 0,
        pooled: 0,
        territories: new Map(),
        label: line.family.label,
        cpv: null,
        natures: [0, 0, 0],
      };
      acc.set(line.family.key, f);
    }
    const cents = line.amountHTCents;
    f.cents += cents;
    if (f.cpv === null) f.cpv = line.cpv;
    const ni = line.nature === null ? -1 : NATURES.indexOf(line.nature);
    if (ni >= 0) f.natures[ni] += cents;
    const channel = effectiveChannel(line, byRef, ugap);
    if (channel === "Groupement de commandes" || channel === "Centrale d'achat") f.pooled += cents;

    const entity = ctx.entities.get(line.entity);
    const territory = line.territory ?? entity?.territory ?? null;
    if (territory === null) continue;
    let t = f.territories.get(territory);
    if (!t) {
      t = { territory, cents: 0, localKnownCents: 0, localCents: 0, localSharePercent: null };
      f.territories.set(territory, t);
    }
    t.cents += cents;
    let local: boolean | null = null;
    const own = postcodes.get(territoryKey(territory));
    const pc = normalPostcode(line.supplierPostcode);
    if (own && pc !== null) local = own.has(pc);
    else {
      const ed =
        departementOf(entity?.departement ?? null) ?? territoryDept.get(territoryKey(territory)) ?? null;
      if (ed !== null) {
        const sd =
          departementOf(line.supplierPostcode) ??
          departementOf(
            supplierRowFor(ctx.suppliers, line.supplierId, line.supplierName)?.departement ?? null
          );
        if (sd !== null) local = sd === ed;
      }
    }
    if (local !== null) {
      t.localKnownCents += cents;
      if (local) t.localCents += cents;
    }
  }
  const out = new Map<string, FamilyTerritoryProfile>();
  for (const [key, f] of acc) {
    const territories = [...f.territories.values()]
      .filter((t) => t.cents > 0)
      .map((t) => ({
        ...t,
        localSharePercent:
          t.localKnownCents > 0 ? Math.round((t.localCents / t.localKnownCents) * 10_000) / 100 : null,
      }))
      .sort((a, b) => b.cents - a.cents || byFrench(a.territory, b.territory));
    let best = -1;
    for (let i = 0; i < NATURES.length; i++)
      if (f.natures[i] > 0 && (best < 0 || f.natures[i] > f.natures[best])) best = i;
    out.set(key, {
      familyKey: key,
      territories,
      pooledCents: f.pooled,
      cents: f.cents,
      familyLabel: f.label,
      cpv: f.cpv,
      nature: best < 0 ? null : NATURES[best],
    });
  }
  return out;
}

export interface TerritorialRuleInput {
  entityCount: number;
  /** Local share of the family's spend (%), null when unknown. */
  localSharePercent: number | null;
  proximity: boolean;
  /** The family's territories with their local supply (may be empty). */
  territories: readonly Pick<TerritoryLocalSupply, "territory" | "localSharePercent">[];
  /** Share of the spend through a groupement or a centrale (%), null when the family has no spend. */
  pooledSharePercent: number | null;
}

/** Territories of the family with a strong local supply. */
export function strongLocalTerritories(x: TerritorialRuleInput): string[] {
  return x.territories
    .filter((t) => t.localSharePercent !== null && t.localSharePercent >= STRONG_LOCAL_SHARE_PERCENT)
    .map((t) => t.territory);
}

/** The TE4 rule on territories (module header). */
export function recommendOnTerritories(x: TerritorialRuleInput): TerritorialRecommendation | null {
  const strongLocal =
    x.localSharePercent !== null && x.localSharePercent >= STRONG_LOCAL_SHARE_PERCENT;
  if (x.entityCount >= MIN_UNITS_TO_POOL)
    return x.proximity || strongLocal ? "mixte" : "mutualiser";
  if (x.territories.length >= MIN_UNITS_TO_POOL) {
    const strongInHalf = strongLocalTerritories(x).length * 2 >= x.territories.length;
    if (x.proximity && strongInHalf) return "territorialiser";
    return x.proximity || strongInHalf ? "mixte" : "mutualiser";
  }
  return x.proximity && strongLocal ? "territorialiser" : null;
}

/**
 * "Pôle Nord 100,0 %, Pôle Sud 0,0 %" as one message whose percentages are written in the reader's
 * language ("100.0%" in English): each item a message, chained two by two ("{first}, {rest}").
 */
function shareList(items: readonly { territory: string; share: number }[]): Message {
  const item = (i: number) => msg("te4.territoryShare", { territory: items[i].territory, share: items[i].share });
  let out = item(items.length - 1);
  for (let i = items.length - 2; i >= 0; i--) out = msg("te4.listPair", { first: item(i), rest: out });
  return out;
}

/**
 * The reasons the territories add to TE4's (none when the family has fewer than two territories
 * and no pooled spend, so that the entity-only reasons stay as they were): the territories buying
 * the family (left out when the local supply per territory names them all), the local supply per
 * territory, the current purchasing channel.
 */
export function territorialReasons(x: TerritorialRuleInput): Message[] {
  const reasons: Message[] = [];
  const n = x.territories.length;
  if (n >= MIN_UNITS_TO_POOL) {
    const strong = strongLocalTerritories(x);
    const known = x.territories.filter((t) => t.localSharePercent !== null);
    // The territories are named once: by the local supply per territory when it lists them all.
    if (known.length < n)
      reasons.push(
        msg("te4.territoriesBuying", { n, list: x.territories.map((t) => t.territory).join(", ") })
      );
    reasons.push(
      known.length === 0
        ? msg("te4.localSupplyUnknown")
        : msg("te4.localSupplyStrong", {
            threshold: STRONG_LOCAL_SHARE_PERCENT,
            strong: strong.length,
            n,
            list: shareList(known.map((t) => ({ territory: t.territory, share: t.localSharePercent as number }))),
          })
    );
  }
  if (x.pooledSharePercent !== null && x.pooledSharePercent > 0) {
    reasons.push(
      msg(x.pooledSharePercent >= 50 ? "te4.channelMostlyPooled" : "te4.channelPooled", {
        share: x.pooledSharePercent,
      })
    );
  }
  return reasons;
}

/** Whether TE4 can be assessed: several entities, or several territories of one body. */
export function te4Assessable(entityCount: number, territoryCount: number): boolean {
  return entityCount >= MIN_UNITS_TO_POOL || territoryCount >= MIN_UNITS_TO_POOL;
}
