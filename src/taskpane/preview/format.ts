/**
 * Preview only: Excel number formats of the spec (invariant form: `#,##0 "€"`, `0.0%`,
 * `dd/mm/yyyy`, `@`) applied to a value for display, in French or English. Covers the formats
 * src/report uses, not Excel's whole format language.
 */
import type { Lang } from "../i18n";

function group(lang: Lang, n: number, decimals: number): string {
  return n.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

const MONTHS_SHORT: Record<Lang, string[]> = {
  fr: [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
  ],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** A cell value as Excel would show it with this number format. */
export function formatValue(lang: Lang, value: unknown, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean")
    return lang === "fr" ? (value ? "VRAI" : "FAUX") : value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return "";
  // Sections "positive;negative;zero" (the signed change of SP6: "+"0.0 %;"−"0.0 %;0.0 %): the
  // negative section shows the number without its sign, after its own quoted prefix.
  const sections = splitSections(format ?? "");
  if (sections.length > 1) {
    const section =
      value < 0 ? sections[1] : value === 0 && sections.length > 2 ? sections[2] : sections[0];
    const prefix = /^"([^"]*)"/.exec(section);
    const body = prefix ? section.slice(prefix[0].length) : section;
    return `${prefix ? prefix[1] : ""}${formatValue(lang, Math.abs(value), body)}`;
  }
  const f = sections[0] ?? "";
  if (f === "" || f === "General" || f === "@") {
    return Number.isInteger(value)
      ? group(lang, value, 0).replace(/\s/g, "")
      : group(lang, value, Math.min(4, (String(value).split(".")[1] ?? "").length));
  }
  if (/[dy]/i.test(f) && !/[#0]/.test(f.replace(/\[.*?\]/g, ""))) {
    if (/mmm/i.test(f)) {
      const d = new Date(Math.round((value - 25_569) * 86_400_000));
      return `${MONTHS_SHORT[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    }
    return serialToDate(value);
  }
  const decimals = decimalsOf(f);
  if (f.includes("%")) return `${group(lang, value * 100, decimals)}${lang === "fr" ? " %" : "%"}`;
  const text = group(lang, value, decimals);
  if (f.includes("€")) return lang === "fr" ? `${text} €` : `€${text}`;
  const suffix = /"([^"]+)"\s*$/.exec(f);
  return suffix ? `${text} ${suffix[1].trim()}` : text;
}

/** The ";"-separated sections of a number format (a ";" inside quotes is literal). */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
