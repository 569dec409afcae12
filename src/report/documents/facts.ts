/**
 * What the policy documents take from the analysis (issue #14): the buyer's name, the period, the
 * payment delay observed, the responsible-purchasing rates. Each figure is optional: a document
 * never invents one, it leaves a field to complete instead.
 *
 * Fields to complete are written "[à compléter : …]" (FIELD_PATTERN); they are the only bracketed
 * markers the documents contain, and the sheet styles the paragraphs holding one as inputs.
 */
import type { Analysis } from "../../core/analyse";
import { formatEuros } from "../../core/money";

export const FIELD_PATTERN = /\[à compléter : [^\]]+\]/g;

/** A field for the user to complete, with what to write. */
export function field(what: string): string {
  return `[à compléter : ${what}]`;
}

export interface DocumentFacts {
  /** Largest buyer of the period, or null (field to complete). */
  buyer: string | null;
  /** Every buyer of the period (several: an intercommunalité and its communes…). */
  buyers: string[];
  periodLabel: string;
  /** Run date, dd/mm/yyyy. */
  runDate: string;
  /** Net spend HT of the period, "1 234,56 €"; null when none. */
  spend: string | null;
  /** Average délai global de paiement observed (PF8), days; null when unknown. */
  averagePaymentDays: number | null;
  /** Legal délai global de paiement of a collectivité (R2192-10), days. */
  legalPaymentDays: number;
  /** Share of contracts with an environmental / social consideration (RE1, RE2), %; null when unknown. */
  environmentalShare: number | null;
  socialShare: number | null;
  /** EGalim share of the latest year (sustainable and quality), %; null when not measured. */
  egalimShare: number | null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function frDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function documentFacts(analysis: Analysis, runDate: string): DocumentFacts {
  const ind = (id: string) => analysis.indicators.find((i) => i.id === id) ?? null;
  const buyers = analysis.responsible?.buyers ?? [];
  const spendCents = buyers.reduce((s, b) => s + b.spendCents, 0);
  const egalimYears = analysis.responsible?.egalim.byYear ?? [];
  return {
    buyer: buyers[0]?.entity ?? null,
    buyers: buyers.map((b) => b.entity),
    periodLabel: analysis.period.label,
    runDate: frDate(runDate),
    spend: buyers.length > 0 ? formatEuros(spendCents) : null,
    averagePaymentDays: num(ind("PF8")?.details.averageDgpDays),
    legalPaymentDays: analysis.reference.paymentDelayDays.localAuthority,
    environmentalShare: num(ind("RE1")?.value),
    socialShare: num(ind("RE2")?.value),
    egalimShare: egalimYears.length > 0 ? egalimYears[egalimYears.length - 1].egalimShare : null,
  };
}

/** "12,5 %" */
export function pctText(v: number): string {
  return `${String(Math.round(v * 10) / 10).replace(".", ",")} %`;
}

/** A policy document: its articles, each with its legal basis. */
export interface DocumentArticle {
  /** "Article 1 — …" */
  title: string;
  /** Paragraphs of plain French; may hold fields to complete. */
  paragraphs: string[];
  /** Legal basis and public guides, cited. */
  basis: string;
}

export interface PolicyDocument {
  title: string;
  /** Lines under the title: what the document is and how to adopt it. */
  intro: string[];
  articles: DocumentArticle[];
  /** Closing lines (adoption, signature). */
  closing: string[];
}
