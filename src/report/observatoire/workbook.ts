/**
 * Workbooks without an analysis behind them (issue #15): the fiche de comparaison (.xlsx) and the
 * observatory (one row per collectivité, distributions, rankings, trends, charts). Plain
 * WorkbookSpec data, written by the same renderers as the main report.
 */
import type { Fiche } from "../../core/peers/fiche";
import { ficheRows } from "../../core/peers/fiche";
import { KPIS, KPI_GROUP_LABELS, type KpiGroup } from "../../core/peers/kpis";
import { OBSERVATORY_METRICS, type Metric, type Observatory } from "../../core/peers/observatory";
import { fraction, scalarCell, textCell, type Formats } from "../cells";
import type { Lang } from "../labels";
import type { CellValue, Stamp, TableColumn, WorkbookSpec } from "../spec";
import { PlainSheet, type PlainContext } from "./plain-sheet";

/** The metric of an observatory key (the keys come from the same list). */
function metricOf(key: string): Metric {
  return OBSERVATORY_METRICS.find((m) => m.key === key) as Metric;
}

/** A metric's label, or the key itself when it is not one. */
function metricLabel(key: string): string {
  return OBSERVATORY_METRICS.find((m) => m.key === key)?.label ?? key;
}

export interface PlainWorkbookOptions {
  lang?: Lang;
  runDate: string;
  version: string;
  sources: string[];
  period: { label: string; start: string; end: string };
  parameters: string;
}

function context(o: PlainWorkbookOptions): PlainContext {
  const stamp: Stamp = {
    sources: o.sources,
    period: o.period,
    parameters: o.parameters,
    runDate: o.runDate,
    version: o.version,
  };
  return { lang: o.lang ?? "fr", stamp, tableNames: new Set() };
}

function cellOf(unit: Metric["unit"], v: number | null | undefined): CellValue {
  if (v === null || v === undefined) return null;
  return unit === "%" ? fraction(v) : v;
}

function formatOf(f: Formats, unit: Metric["unit"]): string {
  return unit === "%" ? f.pct : unit === "EUR" ? f.eur0 : unit === "EUR/hab" ? f.eurHab : f.dec2;
}

/** The fiche de comparaison as a one-sheet workbook (readable table + tblFiche key/value table). */
export function buildFicheWorkbook(fiche: Fiche, o: PlainWorkbookOptions): WorkbookSpec {
  const ctx = context(o);
  const sb = new PlainSheet(ctx, "fiche");
  sb.tabColor = "#7030A0";
  sb.header(`Fiche de comparaison — ${fiche.label} — ${fiche.period.label}`);
  sb.note(
    "Une ligne d'indicateurs à partager avec d'autres collectivités : aucun nom de fournisseur, aucun montant de marché. Rien n'est envoyé : vous choisissez à qui transmettre ce fichier."
  );
  sb.cursor++;
  sb.section("Indicateurs");
  const metrics = OBSERVATORY_METRICS;
  const rows = metrics.map((m) => {
    const k = fiche.kpis[m.key as keyof Fiche["kpis"]];
    const v = k ? k.value : (fiche.indicators[m.key] ?? null);
    return [textCell(m.label), cellOf(m.unit, v), k ? k.n : null];
  });
  sb.table(
    "tblFicheIndicateurs",
    [
      { key: "indicator", header: "Indicateur", width: 46 },
      { key: "value", header: "Valeur", width: 14 },
      { key: "n", header: "Marchés", width: 10, numberFormat: sb.f.int },
    ],
    rows,
    "TableStyleMedium2",
    metrics.map((m, i) => ({ row: i, key: "value", numberFormat: formatOf(sb.f, m.unit) }))
  );
  sb.section("Fiche (lue par « optima-achats observatoire » et par l'import des pairs)");
  sb.table(
    "tblFiche",
    [
      { key: "key", header: "Clé", width: 34 },
      { key: "value", header: "Valeur", width: 24 },
    ],
    ficheRows(fiche).map(([k, v]) => [textCell(k), typeof v === "string" ? textCell(v) : scalarCell(v)]),
    "TableStyleLight9"
  );
  return { version: o.version, lang: ctx.lang, stamp: ctx.stamp, sheets: [sb.build()] };
}

const GROUPS: (KpiGroup | "analyse")[] = ["concurrence", "procedures", "responsables", "marches", "analyse"];

function groupOf(key: string): KpiGroup | "analyse" {
  return KPIS.find((k) => k.key === key)?.group ?? "analyse";
}

function groupTitle(g: KpiGroup | "analyse"): string {
  return g === "analyse" ? "Indicateurs de l'analyse" : KPI_GROUP_LABELS[g][0];
}

/** The observatory workbook: Collectivités, Distributions (charts), Classements, Tendances. */
export function buildObservatoryWorkbook(obs: Observatory, o: PlainWorkbookOptions & { anonymised: boolean }): WorkbookSpec {
  const ctx = context(o);
  const f = (sb: PlainSheet) => sb.f;

  // Collectivités: one row per collectivité × period.
  const coll = new PlainSheet(ctx, "obsCollectivites");
  coll.tabColor = "#7030A0";
  coll.header(`Observatoire des pratiques d'achat — ${obs.collectivites} collectivités, ${obs.fiches} fiches`);
  coll.note(
    `Une ligne par collectivité et par période${o.anonymised ? " ; noms remplacés par « Collectivité nn » (anonymisation demandée)" : ""}. « Bonnes pratiques » : indicateurs où la collectivité est dans le meilleur quartile de l'observatoire (dernière période).`
  );
  coll.cursor++;
  const columns: TableColumn[] = [
    { key: "name", header: "Collectivité", width: 30 },
    { key: "category", header: "Catégorie", width: 24 },
    { key: "band", header: "Strate", width: 20 },
    { key: "period", header: "Période", width: 12 },
    { key: "flags", header: "Bonnes pratiques", width: 12, numberFormat: f(coll).int },
    ...OBSERVATORY_METRICS.map((m) => ({ key: m.key, header: m.label, width: 14, numberFormat: formatOf(f(coll), m.unit) })),
  ];
  coll.table(
    "tblObsCollectivites",
    columns,
    obs.entries.map((e) => [
      textCell(e.name),
      textCell(e.categoryLabel),
      textCell(e.bandLabel),
      textCell(e.period),
      e.latest ? e.flags.length : null,
      ...OBSERVATORY_METRICS.map((m) => cellOf(m.unit, e.values[m.key])),
    ])
  );

  // Distributions, with one chart per group (Q1, median, Q3 of the percentage KPIs).
  const dist = new PlainSheet(ctx, "obsDistributions");
  dist.tabColor = "#7030A0";
  dist.header("Distributions par indicateur (dernière période de chaque collectivité)");
  dist.note("Quantiles de type 7 (interpolation linéaire, comme QUARTILE.INC d'Excel) ; publiés à partir de 5 collectivités.");
  dist.cursor++;
  let chartRow = dist.cursor;
  for (const g of GROUPS) {
    const list = obs.distributions
      .filter((d) => groupOf(d.metric.key) === g)
      .sort((a, b) => Number(a.metric.unit !== "%") - Number(b.metric.unit !== "%"));
    if (list.length === 0) continue;
    dist.section(groupTitle(g));
    const name = `tblObsDist${g[0].toUpperCase()}${g.slice(1)}`;
    const placed = dist.table(
      name,
      [
        { key: "metric", header: "Indicateur", width: 46 },
        { key: "n", header: "Collectivités", width: 12, numberFormat: dist.f.int },
        { key: "d1", header: "D1", width: 11 },
        { key: "q1", header: "Q1", width: 11 },
        { key: "median", header: "Médiane", width: 11 },
        { key: "q3", header: "Q3", width: 11 },
        { key: "d9", header: "D9", width: 11 },
        { key: "mean", header: "Moyenne", width: 11 },
        { key: "better", header: "Meilleure pratique", width: 16 },
      ],
      list.map((d) => {
        const x = d.distribution;
        return [
          textCell(d.metric.label),
          d.n,
          cellOf(d.metric.unit, x?.deciles[0]),
          cellOf(d.metric.unit, x?.q1),
          cellOf(d.metric.unit, x?.median),
          cellOf(d.metric.unit, x?.q3),
          cellOf(d.metric.unit, x?.deciles[8]),
          cellOf(d.metric.unit, x?.mean),
          textCell(d.metric.better === "low" ? "la plus basse" : d.metric.better === "high" ? "la plus haute" : "profil"),
        ];
      }),
      "TableStyleMedium2",
      list.flatMap((d, i) =>
        ["d1", "q1", "median", "q3", "d9", "mean"].map((key) => ({ row: i, key, numberFormat: formatOf(dist.f, d.metric.unit) }))
      )
    );
    const pct = list.filter((d) => d.metric.unit === "%").length;
    if (pct > 0) {
      const r1 = placed.firstDataRow;
      const r2 = r1 + pct - 1;
      dist.charts.push({
        id: `obs-${g}`,
        type: "bar",
        title: `${groupTitle(g)} : Q1, médiane, Q3`,
        categories: dist.ref(r1, placed.colOf("metric"), r2, placed.colOf("metric")),
        series: (["q1", "median", "q3"] as const).map((k) => ({
          name: dist.ref(placed.headerRow, placed.colOf(k)),
          values: dist.ref(r1, placed.colOf(k), r2, placed.colOf(k)),
        })),
        anchor: { row: chartRow, col: 10, widthCols: 8, heightRows: 14 },
        valueFormat: dist.f.pct,
        legend: "bottom",
      });
      chartRow += 15;
    }
  }
  if (obs.byCategory.length > 0) {
    dist.section("Par catégorie d'acheteur (à partir de 5 collectivités)");
    dist.table(
      "tblObsDistCategories",
      [
        { key: "category", header: "Catégorie", width: 24 },
        { key: "metric", header: "Indicateur", width: 46 },
        { key: "n", header: "Collectivités", width: 12, numberFormat: dist.f.int },
        { key: "q1", header: "Q1", width: 11 },
        { key: "median", header: "Médiane", width: 11 },
        { key: "q3", header: "Q3", width: 11 },
      ],
      obs.byCategory.map((c) => {
        const m = metricOf(c.metric);
        return [
          textCell(c.category),
          textCell(m.label),
          c.distribution.n,
          cellOf(m.unit, c.distribution.q1),
          cellOf(m.unit, c.distribution.median),
          cellOf(m.unit, c.distribution.q3),
        ];
      }),
      "TableStyleMedium2",
      obs.byCategory.flatMap((c, i) => {
        const m = metricOf(c.metric);
        return ["q1", "median", "q3"].map((key) => ({ row: i, key, numberFormat: formatOf(dist.f, m.unit) }));
      })
    );
  }

  // Classements: long table (indicator, rank, collectivité, value, best quartile), and a chart of
  // the number of best practices per collectivité.
  const rank = new PlainSheet(ctx, "obsClassements");
  rank.tabColor = "#7030A0";
  rank.header("Classements (dernière période ; rang 1 = meilleure pratique)");
  rank.cursor++;
  const latest = obs.entries.filter((e) => e.latest);
  const flagsPlaced = rank.table(
    "tblObsBonnesPratiques",
    [
      { key: "name", header: "Collectivité", width: 30 },
      { key: "count", header: "Indicateurs au meilleur quartile", width: 16, numberFormat: rank.f.int },
      { key: "list", header: "Lesquels", width: 80 },
    ],
    [...latest]
      .sort((a, b) => b.flags.length - a.flags.length || (a.name < b.name ? -1 : 1))
      .map((e) => [
        textCell(e.name),
        e.flags.length,
        textCell(e.flags.map((k) => metricLabel(k)).join(" ; ") || "—"),
      ])
  );
  if (latest.length > 0) {
    rank.charts.push({
      id: "obs-flags",
      type: "bar",
      title: "Bonnes pratiques par collectivité",
      categories: rank.ref(flagsPlaced.firstDataRow, 0, flagsPlaced.lastDataRow, 0),
      series: [
        {
          name: rank.ref(flagsPlaced.headerRow, 1),
          values: rank.ref(flagsPlaced.firstDataRow, 1, flagsPlaced.lastDataRow, 1),
        },
      ],
      anchor: { row: flagsPlaced.headerRow, col: 4, widthCols: 8, heightRows: 14 },
      valueFormat: rank.f.int,
      legend: "none",
    });
    rank.cursor = Math.max(rank.cursor, flagsPlaced.headerRow + 16);
  }
  const rankRows: CellValue[][] = [];
  const rankFormats: { row: number; key: string; numberFormat: string }[] = [];
  for (const r of obs.rankings) {
    const m = metricOf(r.metric);
    for (const row of r.rows) {
      rankFormats.push({ row: rankRows.length, key: "value", numberFormat: formatOf(rank.f, m.unit) });
      rankRows.push([
        textCell(m.label),
        row.rank,
        textCell(row.name),
        cellOf(m.unit, row.value),
        textCell(m.better === null ? "profil" : row.best ? "Oui" : "Non"),
      ]);
    }
  }
  rank.table(
    "tblObsClassements",
    [
      { key: "metric", header: "Indicateur", width: 46 },
      { key: "rank", header: "Rang", width: 8, numberFormat: rank.f.int },
      { key: "name", header: "Collectivité", width: 30 },
      { key: "value", header: "Valeur", width: 14 },
      { key: "best", header: "Meilleur quartile", width: 14 },
    ],
    rankRows,
    "TableStyleMedium2",
    rankFormats
  );

  // Tendances.
  const trend = new PlainSheet(ctx, "obsTendances");
  trend.tabColor = "#7030A0";
  trend.header("Tendances (collectivités suivies sur plusieurs périodes)");
  if (obs.trends.length === 0) trend.note("Aucune collectivité n'a de fiches pour plusieurs périodes : donnez des fiches de plusieurs années pour voir les tendances.");
  trend.cursor++;
  trend.table(
    "tblObsTendances",
    [
      { key: "name", header: "Collectivité", width: 30 },
      { key: "metric", header: "Indicateur", width: 46 },
      { key: "firstPeriod", header: "Première période", width: 12 },
      { key: "first", header: "Valeur initiale", width: 13 },
      { key: "lastPeriod", header: "Dernière période", width: 12 },
      { key: "last", header: "Dernière valeur", width: 13 },
      { key: "change", header: "Évolution", width: 12 },
      { key: "direction", header: "Sens", width: 12 },
    ],
    obs.trends.map((t) => {
      const m = metricOf(t.metric);
      return [
        textCell(t.name),
        textCell(m.label),
        textCell(t.firstPeriod),
        cellOf(m.unit, t.first),
        textCell(t.lastPeriod),
        cellOf(m.unit, t.last),
        cellOf(m.unit, t.change),
        textCell(t.direction ?? "—"),
      ];
    }),
    "TableStyleMedium2",
    obs.trends.flatMap((t, i) => {
      const m = metricOf(t.metric);
      return ["first", "last", "change"].map((key) => ({ row: i, key, numberFormat: formatOf(trend.f, m.unit) }));
    })
  );
  return {
    version: o.version,
    lang: ctx.lang,
    stamp: ctx.stamp,
    sheets: [coll.build(), dist.build(), rank.build(), trend.build()],
  };
}

