/**
 * Numbers and headline values in words, per language ("1 234,5" / "1,234.5", "12,5 %" / "12.5%").
 * Pure: shared by the message catalogue, the report, the CLI summary and the pane.
 */
import type { Unit } from "../unit";

export type Lang = "fr" | "en";

/** A number in the language's written form, for sentences (not cells): "1 234,5" / "1,234.5". */
export function numberText(lang: Lang, x: number, decimals = 0): string {
  const fixed = Math.abs(x).toFixed(decimals);
  const [int, dec] = fixed.split(".");
  const sep = lang === "fr" ? "\u202f" : ",";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const sign = x < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + grouped + (dec ? (lang === "fr" ? "," : ".") + dec : "");
}

/** Whole or 2-decimal number, whichever is exact to the cent ("12" or "12,50"). */
export function amountText(lang: Lang, x: number): string {
  return numberText(lang, x, Number.isInteger(x) ? 0 : 2);
}

/** A headline value in words: "1 234 €", "12,5 %", "3", "28 jours". */
export function unitText(lang: Lang, unit: Unit, value: number): string {
  switch (unit) {
    case "EUR":
      return lang === "fr" ? `${numberText(lang, value)} €` : `€${numberText(lang, value)}`;
    case "%":
      return lang === "fr" ? `${numberText(lang, value, 1)} %` : `${numberText(lang, value, 1)}%`;
    case "count":
      return numberText(lang, value);
    case "days":
      return `${numberText(lang, value)} ${lang === "fr" ? "jours" : "days"}`;
    case "EUR/hab":
      return lang === "fr"
        ? `${numberText(lang, value, 2)} €/hab.`
        : `€${numberText(lang, value, 2)}/inh.`;
  }
}
