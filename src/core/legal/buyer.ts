/**
 * The legal buyer behind an entity name (R2121-2: the value of a need is assessed per buyer). The
 * budgets of one collectivité (budget principal and budgets annexes) share its SIREN: when the
 * Entités table gives SIRETs, the entities of one SIREN form one buyer. Without a SIRET, the entity
 * name is the buyer.
 */
import type { AnalysisContext } from "../indicators/types";

export interface LegalBuyer {
  /** "SIREN:123456789", or "E:<entity name>" without a SIRET. */
  key: string;
  /** The entity name, or "A + B" for several budgets of one SIREN. */
  label: string;
  /** The entity names (budgets) of this buyer, sorted. */
  budgets: string[];
  siren: string | null;
}

const cache = new WeakMap<AnalysisContext, (entity: string) => LegalBuyer>();

/** SIREN (9 digits) of a SIRET or SIREN, or null. */
export function sirenOf(id: string | null): string | null {
  if (id === null) return null;
  const digits = id.replace(/\D/g, "");
  return digits.length === 9 || digits.length === 14 ? digits.slice(0, 9) : null;
}

/** Resolver of the legal buyer of an entity name (memoised per context). */
export function legalBuyerOf(ctx: AnalysisContext): (entity: string) => LegalBuyer {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const bySiren = new Map<string, string[]>();
  const sirenOfEntity = new Map<string, string>();
  for (const [name, row] of ctx.entities) {
    const siren = sirenOf(row.siret);
    if (siren === null) continue;
    sirenOfEntity.set(name, siren);
    const list = bySiren.get(siren);
    if (list) list.push(name);
    else bySiren.set(siren, [name]);
  }
  const buyers = new Map<string, LegalBuyer>();
  for (const [siren, names] of bySiren) {
    names.sort((a, b) => a.localeCompare(b, "fr"));
    buyers.set(siren, { key: `SIREN:${siren}`, label: names.join(" + "), budgets: names, siren });
  }
  const plain = new Map<string, LegalBuyer>();
  const resolve = (entity: string): LegalBuyer => {
    const siren = sirenOfEntity.get(entity);
    if (siren !== undefined) return buyers.get(siren) as LegalBuyer;
    let b = plain.get(entity);
    if (!b)
      plain.set(
        entity,
        (b = { key: `E:${entity}`, label: entity, budgets: [entity], siren: null })
      );
    return b;
  };
  cache.set(ctx, resolve);
  return resolve;
}
