/** Texts the CO detail rows share: the civil years of a rule and the nature of a contract. */
import type { Nature } from "../../model";

/** "2025", or "2025-2026" for a period over two civil years. */
export function yearsLabel(years: readonly number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`;
}

/** The nature of a contract as the rows show it ("Non renseignée" when unknown). */
export function natureLabel(nature: Nature | null): string {
  return nature ?? "Non renseignée";
}
