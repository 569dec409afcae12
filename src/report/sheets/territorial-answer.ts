/**
 * The answer of the territorial analysis in one place (issue #16, "done when"): at the top of the
 * Territoires sheet, what to pool, what to bring closer to the territories, what each orientation
 * costs and gives, the under-served territories beside the spend per inhabitant, and the balance of
 * the orientations; the balance is repeated in the plan's Organisation territoriale section. Every
 * figure comes from core/territories/answer.ts (the scenarios and the quality already computed).
 */
import { territorialAnswer, type FamilyScenarios, type TerritorialAnswer } from "../../core/territories";
import { msg, type Message } from "../../core/messages/render";
import { unitText } from "../../core/messages/format";
import type { ScenarioId } from "../../core/territories/scenarios";
import { textCell } from "../cells";
import { listSeparator, message, type Lang } from "../labels";
import type { BuildContext, SheetBuilder } from "../layout";
import type { CellValue, TableColumn } from "../spec";
import { scenarioLabel, scenariosOf, userChoice } from "./territorial";

/** The answer of the build context (null without a territorial analysis). */
export function answerOf(ctx: BuildContext): { answer: TerritorialAnswer; families: FamilyScenarios[] } | null {
  const t = ctx.analysis.territorial;
  if (!t) return null;
  const families = scenariosOf(ctx);
  const pops = new Map(t.territories.map((x) => [x.territory, x.population] as const));
  const answer = territorialAnswer(families, (k) => userChoice(ctx, k), t.quality, (n) => pops.get(n) ?? null);
  return { answer, families };
}

/** "+3 550 €", "−1 200 €", "0 €" (whole euros of cents, signed). */
export function signedEuros(lang: Lang, cents: number): string {
  const value = Math.abs(Math.round(cents / 100));
  const sign = value === 0 ? "" : cents > 0 ? "+" : "−";
  return message(lang, msg("terr.signed", { sign, value }));
}

function rangeText(lang: Lang, low: number, high: number): string {
  return low === high
    ? signedEuros(lang, low)
    : message(lang, msg("terr.range", { low: signedEuros(lang, low), high: signedEuros(lang, high) }));
}

const euros = (cents: number) => Math.abs(Math.round(cents / 100));

function servedPart(lang: Lang, names: readonly string[], population: number): string {
  return names.length === 0
    ? ""
    : message(lang, msg("terr.answerServed", { list: names.join(", "), population }));
}

/** The sentences of the answer: pool, mixed, closer, none, under-served territories, balance. */
export function answerLines(ctx: BuildContext, answer: TerritorialAnswer): string[] {
  const lang = ctx.lang;
  const out: string[] = [];
  const group = (id: ScenarioId) => answer.orientations.filter((o) => o.scenario === id);
  const served = (os: ReturnType<typeof group>) => {
    const names = [...new Set(os.flatMap((o) => o.territoriesServed))];
    const pops = new Map(ctx.analysis.territorial?.territories.map((t) => [t.territory, t.population ?? 0]) ?? []);
    return servedPart(lang, names, names.reduce((s, n) => s + (pops.get(n) ?? 0), 0));
  };
  const sum = (os: ReturnType<typeof group>, k: "effectLowCents" | "effectCentralCents" | "effectHighCents") =>
    os.reduce((s, o) => s + o[k], 0);
  const list = (os: ReturnType<typeof group>) => os.map((o) => o.familyLabel).join(", ");
  const a = group("A");
  const c = group("C");
  const b = group("B");
  if (answer.orientations.length === 0) out.push(message(lang, msg("terr.answerNothing")));
  if (a.length > 0)
    out.push(
      message(lang, msg("terr.answerPool", {
        list: list(a),
        low: euros(sum(a, "effectLowCents")),
        high: euros(sum(a, "effectHighCents")),
        central: euros(sum(a, "effectCentralCents")),
      }))
    );
  if (c.length > 0)
    out.push(
      message(lang, msg("terr.answerMixed", {
        list: list(c),
        low: euros(sum(c, "effectLowCents")),
        high: euros(sum(c, "effectHighCents")),
        central: euros(sum(c, "effectCentralCents")),
        served: served(c),
      }))
    );
  if (b.length > 0)
    out.push(
      message(lang, msg("terr.answerCloser", {
        list: list(b),
        extra: euros(sum(b, "effectCentralCents")),
        served: served(b),
      }))
    );
  if (answer.unoriented.length > 0)
    out.push(message(lang, msg("terr.answerNone", { list: answer.unoriented.map((u) => u.familyLabel).join(", ") })));
  out.push(underServedLine(ctx, answer));
  const balance = balanceLine(ctx, answer);
  if (balance) out.push(balance);
  return out;
}

function underServedLine(ctx: BuildContext, answer: TerritorialAnswer): string {
  const lang = ctx.lang;
  if (answer.underServed === null) return message(lang, msg("terr.answerNoQuality"));
  if (answer.underServed.length === 0) return message(lang, msg("terr.answerNoUnderServed"));
  const perHab = (v: number | null) =>
    v === null ? message(lang, msg("terr.noPerInhabitant")) : unitText(lang, "EUR/hab", v);
  const te1 = ctx.analysis.indicators.find((i) => i.id === "TE1");
  const items = answer.underServed.map((u) =>
    message(lang, msg("terr.answerUnderServedItem", {
      territory: u.territory,
      services: u.services.join(", "),
      perInhabitant: perHab(u.perInhabitant),
    }))
  );
  return message(lang, msg("terr.answerUnderServed", {
    list: items.join(listSeparator(lang)),
    all: perHab(typeof te1?.value === "number" ? te1.value : null),
  }));
}

/**
 * The balance of the orientations (null when no family has one), saying only what applies: the
 * savings when some family is pooled (A, C), the extra cost when some is brought closer (B), the
 * range when its ends differ, the inhabitants targeted when there are some.
 */
export function balanceLine(ctx: BuildContext, answer: TerritorialAnswer): string | null {
  if (answer.orientations.length === 0) return null;
  const lang = ctx.lang;
  const t = answer.totals;
  const parts: Message[] = [];
  if (euros(t.savingsCentralCents) > 0) parts.push(msg("terr2.balanceSavings", { savings: euros(t.savingsCentralCents) }));
  if (euros(t.extraCostCents) > 0) parts.push(msg("terr2.balanceExtra", { extra: euros(t.extraCostCents) }));
  const low = signedEuros(lang, t.netLowCents);
  const high = signedEuros(lang, t.netHighCents);
  return message(lang, msg("terr2.balance", {
    net: signedEuros(lang, t.netCentralCents),
    range: low === high ? "" : msg("terr2.balanceRange", { low, high }),
    parts:
      parts.length === 0
        ? ""
        : parts.length === 1
          ? msg("terr2.balanceParts", { first: parts[0] })
          : msg("terr2.balanceBoth", { first: parts[0], second: parts[1] }),
    population: t.populationServed > 0 ? msg("terr2.balancePopulation", { population: t.populationServed }) : "",
  }));
}

function head(lang: Lang, code: Message["code"], key: string, width: number, extra: Partial<TableColumn> = {}): TableColumn {
  return { key, header: message(lang, msg(code)), width, ...extra };
}

/** The signed number format of the effect column ("+1 650 €", "−1 200 €"). */
function signedFormat(lang: Lang): string {
  // The minus sign (U+2212) quoted: Excel takes only a few literal characters unquoted.
  return lang === "fr" ? '+#,##0 "€";"−"#,##0 "€";0 "€"' : '+"€"#,##0;"−€"#,##0;"€"0';
}

/** The answer block of the Territoires sheet: sentences, then one row per oriented family. */
export function answerSection(sb: SheetBuilder, span: number): void {
  const ctx = sb.ctx;
  const lang = ctx.lang;
  const got = answerOf(ctx);
  if (!got) return;
  const { answer, families } = got;
  sb.section(message(lang, msg("terr.answerTitle")), 0, span);
  for (const line of answerLines(ctx, answer)) sb.span(sb.cursor++, 0, textCell(line), "box", span);
  sb.cursor++;
  if (answer.orientations.length > 0) {
    const byKey = new Map(families.map((f) => [f.familyKey, f] as const));
    const rows: CellValue[][] = answer.orientations.map((o) => {
      const label = scenarioLabel(o.scenario, lang);
      return [
        textCell(o.familyLabel),
        textCell(message(lang, msg(o.source === "choice" ? "terr.sourceChoice" : "terr.sourceCursor", { scenario: label }))),
        Math.round(o.cents) / 100,
        Math.round(o.effectCentralCents / 100),
        textCell(rangeText(lang, o.effectLowCents, o.effectHighCents)),
        o.populationServed,
        o.territoriesServed.length === 0 ? null : textCell(o.territoriesServed.join(", ")),
        textCell(message(lang, byKey.get(o.familyKey)!.scenarios[o.scenario].serviceImpact)),
      ];
    });
    const placed = sb.rawTable(
      "tblTerrReponse",
      sb.cursor,
      0,
      [
        { key: "family", header: sb.h("familyLabel"), width: 24, wrap: true },
        head(lang, "terr.hOrientation", "orientation", 24, { wrap: true }),
        { key: "amount", header: sb.h("amount"), width: 14, numberFormat: sb.f.eur2 },
        head(lang, "terr.hEffect", "effect", 14, { numberFormat: signedFormat(lang) }),
        head(lang, "terr.hRange", "range", 18, { wrap: true }),
        head(lang, "terr.hPopulation", "population", 12, { numberFormat: sb.f.int }),
        head(lang, "terr.hServed", "served", 18, { wrap: true }),
        head(lang, "terr.hGives", "gives", 30, { wrap: true }),
      ],
      rows,
      "TableStyleMedium2"
    );
    sb.cursor = placed.lastDataRow + 2;
  }
  sb.span(sb.cursor++, 0, textCell(message(lang, msg("terr.answerSource"))), "tileNote", span);
  sb.cursor++;
}
