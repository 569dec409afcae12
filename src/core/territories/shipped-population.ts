/**
 * The shipped population reference (issue #16 §1, rule 3 of resolve.ts): the DGCL table of the EPCI
 * à fiscalité propre and their member communes on 1 January 2023 (population totale 2023,
 * src/core/reference/data/dgcl-epcicom-2023.ts), used by default when neither the Territoires nor
 * the Entités table gives a territory's population.
 *
 * The compact table is keyed by SIREN: a SIREN (or a SIRET, whose first 9 digits are the SIREN) of
 * a commune or of an EPCI gives its population; an EPCI's is the sum of its communes'. Other codes
 * (an INSEE commune code, 5 characters) are not in the compact table and give null. The table is
 * decoded once, on the first look-up.
 */
import { decodeDgcl, populationOf, type DgclTable } from "../peers/dgcl";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../reference/data/dgcl-epcicom-2023";

let table: DgclTable | null = null;

/** Population of a commune or an EPCI from its SIREN or SIRET (DGCL 2023), null when unknown. */
export function dgclPopulation(code: string): number | null {
  const digits = code.replace(/[\s.]/g, "");
  if (!/^\d{9}(?:\d{5})?$/.test(digits)) return null;
  table ??= decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE);
  return populationOf(table, digits);
}
