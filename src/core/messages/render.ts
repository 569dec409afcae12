/**
 * Renders a message (code + parameters) with the catalogue of a language.
 *
 * Template syntax (data-only catalogues, fr.ts and en.ts):
 * - `{name}`: the parameter as it is (numbers in the language's written form, messages rendered);
 * - `{name, eur}` whole euros ("1 000 €" / "€1,000"), `{name, eur2}` euros to the cent,
 *   `{name, eurExact}` whole euros when the amount is whole, else to the cent ("45 200 €",
 *   "22 517,91 €" / "€45,200", "€22,517.91"),
 *   `{name, pct}` a percentage with one decimal, `{name, int}` a grouped integer;
 * - `{name, eurPlain}` whole euros and `{name, intPlain}` a grouped integer whose French groups are
 *   ordinary spaces ("1 000 €", "12 500"), as the territorial scenario texts are written;
 * - `{name, plural, one {…} other {…}}`: the form chosen by Intl.PluralRules of the language for
 *   the number `name`; `#` inside stands for the number;
 * - `{name, select, a {…} b {…} other {…}}`: the branch named by the string parameter `name`.
 */
import { EN } from "./en";
import { FR, type MessageCode } from "./fr";
import { amountText, numberText, unitText, type Lang } from "./format";

/** Parameters: strings as they are, numbers formatted, messages rendered in the same language. */
export type MessageParams = Readonly<Record<string, string | number | Message>>;

/** What core emits instead of a sentence: a catalogue code and its parameters. */
export interface Message {
  readonly code: MessageCode;
  readonly params?: MessageParams;
}

export type { MessageCode };

/** Whether a value (a row cell, a parameter) is a message. */
export function isMessage(v: unknown): v is Message {
  return typeof v === "object" && v !== null && "code" in v && typeof v.code === "string";
}

export function msg(code: MessageCode, params?: MessageParams): Message {
  return params === undefined ? { code } : { code, params };
}

export const CATALOGUES: Record<Lang, Record<MessageCode, string>> = { fr: FR, en: EN };

const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;
const SELECT = /\{(\w+), select, ((?:\w+ \{[^{}]*\} ?)+)\}/g;
const BRANCH = /(\w+) \{([^{}]*)\}/g;
const PARAM = /\{(\w+)(?:, (eur|eur2|eurExact|pct|int|eurPlain|intPlain))?\}/g;

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

function plural(lang: Lang, n: number): Intl.LDMLPluralRule {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  return rules.select(n);
}

function param(
  lang: Lang,
  value: string | number | Message | undefined,
  format: string | undefined
): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return render(lang, value);
  switch (format) {
    case "eur":
      return unitText(lang, "EUR", value);
    case "eur2":
      return lang === "fr" ? `${numberText(lang, value, 2)} €` : `€${numberText(lang, value, 2)}`;
    case "eurExact":
      return lang === "fr" ? `${amountText(lang, value)} €` : `€${amountText(lang, value)}`;
    case "pct":
      return unitText(lang, "%", value);
    case "int":
      return numberText(lang, value);
    case "eurPlain":
      return lang === "fr"
        ? `${plainGroups(numberText(lang, value))} €`
        : `€${numberText(lang, value)}`;
    case "intPlain":
      return plainGroups(numberText(lang, value));
    default:
      return amountText(lang, value);
  }
}

/** French digit groups with ordinary spaces instead of narrow no-break spaces. */
function plainGroups(s: string): string {
  return s.replace(/\u202f/g, " ");
}

/** Fills a template with parameters (see the syntax above). */
export function format(lang: Lang, template: string, params: MessageParams = {}): string {
  return template
    .replace(SELECT, (_m, name: string, branches: string) => {
      const wanted = String(params[name] ?? "other");
      let other = "";
      for (const [, key, text] of branches.matchAll(BRANCH)) {
        if (key === wanted) return text;
        if (key === "other") other = text;
      }
      return other;
    })
    .replace(PLURAL, (_m, name: string, one: string, other: string) => {
      const v = params[name];
      const n = typeof v === "number" ? v : Number(v ?? 0);
      const form = plural(lang, n) === "one" ? one : other;
      return form.replace(/#/g, numberText(lang, n));
    })
    .replace(PARAM, (_m, name: string, fmt: string | undefined) => param(lang, params[name], fmt));
}

/** The message in the language; parameters that are messages themselves are not supported. */
export function render(lang: Lang, m: Message): string {
  return format(lang, CATALOGUES[lang][m.code], m.params);
}
