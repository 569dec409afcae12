/**
 * Calendrier des concessions (issue #11 §3): each contrat de concession read from the DECP, with
 * its end date (start + duration), the months left at the end of the period and its status
 * (échue / à relancer dans les 24 mois / en cours), sorted by end date. Written only when the input
 * holds concessions. The rows come from core (contracts-concessions.ts), as of the period's end.
 */
import type { ConcessionStatus } from "../../core/contracts-concessions";
import { frenchDate, isoDate } from "../../core/dates";
import { dateSerial, textCell } from "../cells";
import { type Lang, type Pair, periodTitle, pick } from "../labels";
import { SheetBuilder, type BuildContext } from "../layout";
import type { CellValue, SheetSpec, TableColumn } from "../spec";

const LABELS = {
  title: ["Calendrier des concessions", "Concessions calendar"],
  note: [
    "Contrats de concession (DSP, concessions de travaux ou de services) lus dans les DECP. Fin = début d'exécution (sinon signature) + durée ; mois restants au {date}. Une concession se relance longtemps avant son terme (vote de l'assemblée sur le principe d'une DSP, art. L1411-4 du CGCT, puis la procédure) : celles qui finissent dans les 24 mois sont à relancer.",
    "Concession contracts (public service delegations, works or services concessions) read from the DECP. End = start of execution (else signature) + duration; months remaining as of {date}. A concession is relaunched long before it ends (the assembly votes on the principle of a delegation, art. L1411-4 CGCT, then the procedure): those ending within 24 months are to be relaunched.",
  ],
  ref: ["Référence", "Reference"],
  authority: ["Autorité concédante", "Granting authority"],
  description: ["Objet", "Subject"],
  nature: ["Nature", "Type"],
  concessionaires: ["Concessionnaires", "Concession holders"],
  value: ["Valeur globale HT", "Total value excl. VAT"],
  start: ["Début", "Start"],
  duration: ["Durée (mois)", "Duration (months)"],
  end: ["Fin", "End"],
  monthsRemaining: ["Mois restants", "Months remaining"],
  status: ["Statut", "Status"],
  expired: ["échue", "expired"],
  renewSoon: ["à relancer dans les 24 mois", "to relaunch within 24 months"],
  running: ["en cours", "running"],
  unknown: ["date de fin inconnue", "end date unknown"],
} as const satisfies Record<string, Pair>;

function t(lang: Lang, key: keyof typeof LABELS): string {
  return pick(lang, LABELS[key]);
}

/** The status in the language (a statut cell). */
export function concessionStatusText(lang: Lang, s: ConcessionStatus): string {
  return t(lang, s);
}

export function buildConcessions(ctx: BuildContext): SheetSpec | null {
  const rows = ctx.analysis.concessions ?? [];
  if (rows.length === 0) return null;
  const sb = new SheetBuilder(ctx, "concessions", "replace");
  sb.print({ orientation: "landscape" });
  const { analysis, lang } = ctx;
  sb.tabColor = "#7030A0";
  sb.header(`${t(lang, "title")} — ${periodTitle(lang, analysis.period)}`);
  const asOf = lang === "fr" ? frenchDate(analysis.period.end) : isoDate(analysis.period.end);
  sb.note(t(lang, "note").replace("{date}", asOf));
  sb.cursor++;
  const columns: TableColumn[] = [
    { key: "ref", header: t(lang, "ref"), width: 18, numberFormat: sb.f.text },
    { key: "authority", header: t(lang, "authority"), width: 28 },
    { key: "description", header: t(lang, "description"), width: 40, wrap: true },
    { key: "nature", header: t(lang, "nature"), width: 22 },
    { key: "concessionaires", header: t(lang, "concessionaires"), width: 28, wrap: true },
    { key: "value", header: t(lang, "value"), width: 16, numberFormat: sb.f.eur0 },
    { key: "start", header: t(lang, "start"), width: 12, numberFormat: sb.f.date },
    { key: "duration", header: t(lang, "duration"), width: 10, numberFormat: sb.f.int },
    { key: "end", header: t(lang, "end"), width: 12, numberFormat: sb.f.date },
    {
      key: "monthsRemaining",
      header: t(lang, "monthsRemaining"),
      width: 10,
      numberFormat: sb.f.int,
    },
    { key: "status", header: t(lang, "status"), width: 26 },
  ];
  const values: CellValue[][] = rows.map((r) => [
    textCell(r.ref),
    textCell(r.authority),
    textCell(r.description),
    textCell(r.nature),
    textCell(r.concessionaires.join(" ; ")),
    r.valueCents === null ? null : r.valueCents / 100,
    dateSerial(r.startDate),
    r.durationMonths,
    dateSerial(r.endDate),
    r.monthsRemaining,
    concessionStatusText(lang, r.status),
  ]);
  const top = sb.cursor;
  const placed = sb.rawTable("tblConcessions", top, 0, columns, values);
  const status = placed.columnRange("status");
  sb.highlightText(status, t(lang, "expired"), "kpiAlert");
  sb.highlightText(status, t(lang, "renewSoon"), "kpiWatch");
  sb.frozen = { rows: top + 1, cols: 0 };
  return sb.build();
}
