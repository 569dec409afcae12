/** Step 5 · Résultats: headline KPIs, reconciliation, counts, the generated sheets, the plan. */
import { STATUS_FOREGROUNDS, TILE_BACKGROUNDS } from "./tile-colors";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Kpi, RunSummary } from "../jobs";
import { formatEuros, formatNumber, t, type Lang } from "../i18n";
import { isRunning, type State } from "../state";
import { ErrorMessage, SectionTitle, useCommonStyles } from "./common";
import { DecpExportSection, PeerExchangeSection } from "./ExchangeSections";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  /** Read by screen readers, not shown. */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
  tileButton: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: 0,
    margin: 0,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    textAlign: "start",
    cursor: "pointer",
    minWidth: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  good: { borderLeftColor: tokens.colorPaletteGreenBorderActive, backgroundColor: tokens[TILE_BACKGROUNDS.good] },
  watch: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive, backgroundColor: tokens[TILE_BACKGROUNDS.watch] },
  alert: { borderLeftColor: tokens.colorPaletteRedBorderActive, backgroundColor: tokens[TILE_BACKGROUNDS.alert] },
  neutral: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens[TILE_BACKGROUNDS.neutral] },
  tileLabel: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  tileValue: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  tileStatus: { fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightSemibold, textTransform: "uppercase", letterSpacing: "0.02em" },
  // Contrast ≥ 4,5:1 on the tile backgrounds (tile-colors.ts, checked by a test).
  statusGood: { color: tokens[STATUS_FOREGROUNDS.good] },
  statusWatch: { color: tokens[STATUS_FOREGROUNDS.watch] },
  statusAlert: { color: tokens[STATUS_FOREGROUNDS.alert] },
  tileRef: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground2 },
  recon: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
    "& td": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  },
  sheets: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(136px, 1fr))",
    gap: tokens.spacingHorizontalXS,
  },
  sheetButton: { width: "100%", justifyContent: "flex-start", textAlign: "left" },
});

function KpiTile({ lang, kpi, onOpenSheet }: { lang: Lang; kpi: Kpi; onOpenSheet(name: string): void }) {
  const styles = useStyles();
  const tone = kpi.status === "good" ? styles.good : kpi.status === "watch" ? styles.watch : kpi.status === "alert" ? styles.alert : styles.neutral;
  const statusClass = kpi.status === "good" ? styles.statusGood : kpi.status === "watch" ? styles.statusWatch : styles.statusAlert;
  const content = (
    <>
      <span className={styles.tileLabel}>{kpi.label}</span>
      <span className={styles.tileValue}>{kpi.valueText}</span>
      {kpi.status && <span className={mergeClasses(styles.tileStatus, statusClass)}>{t(lang, `status_${kpi.status}`)}</span>}
      {kpi.referenceText && <span className={styles.tileRef}>{kpi.referenceText}</span>}
    </>
  );
  const sheet = kpi.sheet;
  return (
    <li className={mergeClasses(styles.tile, tone)} data-kpi={kpi.id} title={kpi.na ?? undefined}>
      {sheet ? (
        // Clicking a tile activates the sheet of its detail lines (issue #12).
        <button type="button" className={styles.tileButton} onClick={() => onOpenSheet(sheet)}>
          {content}
          {/* Read after the tile's visible text, which stays its accessible name. */}
          <span className={styles.hidden}>{t(lang, "openKpi", { name: sheet })}</span>
        </button>
      ) : (
        content
      )}
    </li>
  );
}

function CountTile({ label, value, tone, testId }: { label: string; value: string; tone: "good" | "watch" | "neutral"; testId: string }) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.tile, styles[tone])} data-testid={testId}>
      <span className={styles.tileLabel}>{label}</span>
      <span className={styles.tileValue}>{value}</span>
    </li>
  );
}

function Reconciliation({ lang, summary }: { lang: Lang; summary: RunSummary }) {
  const styles = useStyles();
  const r = summary.reconciliation;
  const eur = (x: number) => formatEuros(lang, x);
  return (
    <section aria-labelledby="recon-title" style={{ display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS }}>
      <SectionTitle id="recon-title">{t(lang, "reconciliationTitle")}</SectionTitle>
      <table className={styles.recon} data-testid="reconciliation">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" style={{ textAlign: "right" }}>
              {t(lang, "reconRows")}
            </th>
            <th scope="col" style={{ textAlign: "right" }}>
              {t(lang, "reconAmounts")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t(lang, "reconRead")}</th>
            <td>{formatNumber(lang, r.rowsRead)}</td>
            <td>{eur(r.amountRead)}</td>
          </tr>
          <tr>
            <th scope="row">{t(lang, "reconAnalysed")}</th>
            <td>{formatNumber(lang, r.rowsAnalysed)}</td>
            <td>{eur(r.amountAnalysed)}</td>
          </tr>
          <tr>
            <th scope="row">{t(lang, "reconRejected")}</th>
            <td>{formatNumber(lang, r.rowsRejected)}</td>
            <td>{eur(r.amountRejected)}</td>
          </tr>
        </tbody>
      </table>
      <Caption1>{t(lang, "reconWarnings", { n: r.rowsWithWarning })}</Caption1>
      <MessageBar intent={r.reconciled ? "success" : "warning"} layout="multiline">
        <MessageBarBody>{r.reconciled ? t(lang, "reconciled") : t(lang, "notReconciled")}</MessageBarBody>
      </MessageBar>
    </section>
  );
}

export interface ResultsStepProps {
  state: State;
  onOpenSheet(name: string): void;
  onWritePlan(): void;
  onWriteDocuments(): void;
  onGoToRun(): void;
  /** Peer exchange and the buyer's DECP (issues #15 §4, #11 §4). */
  onExportFiche(anonymised: boolean): void;
  onImportPeers(files: File[]): void;
  onExportDecp(complements: File | null): void;
}

/** A day number (days since 1970-01-01) as a local date: 02/01/2025. */
function dayText(lang: "fr" | "en", day: number): string {
  return new Date(day * 86_400_000).toLocaleDateString(lang === "fr" ? "fr-FR" : "en-GB", { timeZone: "UTC" });
}

export function ResultsStep({ state, onOpenSheet, onWritePlan, onWriteDocuments, onGoToRun, onExportFiche, onImportPeers, onExportDecp }: ResultsStepProps) {
  const { lang, summary, plan, documents } = state;
  const styles = useStyles();
  const common = useCommonStyles();
  if (!summary) {
    return (
      <div className={common.stack}>
        <Text>{t(lang, "noResults")}</Text>
        <div>
          <Button appearance="primary" onClick={onGoToRun}>
            {t(lang, "step_run")}
          </Button>
        </div>
      </div>
    );
  }
  const planExists = state.lastRun?.planSheets === true || summary.sheets.some((s) => s.key === "plan");
  const runDate = new Date(summary.runDate);
  const dateText = Number.isNaN(runDate.getTime()) ? summary.runDate : runDate.toLocaleDateString(lang === "fr" ? "fr-FR" : "en-GB");
  return (
    <div className={common.stack}>
      <Caption1 className={common.muted}>{t(lang, "resultsPeriod", { period: summary.period.label, date: dateText })}</Caption1>
      {summary.data && (
        <Caption1 className={common.muted} data-testid="data-range">
          {t(lang, "resultsData", { from: dayText(lang, summary.data.start), to: dayText(lang, summary.data.end), previous: summary.data.previousPeriod })}
        </Caption1>
      )}
      <section className={common.tight} aria-labelledby="kpi-title">
        <SectionTitle id="kpi-title">{t(lang, "kpisTitle")}</SectionTitle>
        <ul className={styles.grid} data-testid="kpis">
          {summary.kpis.map((k) => (
            <KpiTile key={k.id} lang={lang} kpi={k} onOpenSheet={onOpenSheet} />
          ))}
          <CountTile label={t(lang, "alerts")} value={formatNumber(lang, summary.alertCount)} tone={summary.alertCount > 0 ? "watch" : "good"} testId="alert-count" />
          <CountTile label={t(lang, "anomalies")} value={formatNumber(lang, summary.anomalyCount)} tone={summary.rejectedCount > 0 ? "watch" : "neutral"} testId="anomaly-count" />
        </ul>
      </section>
      <Reconciliation lang={lang} summary={summary} />
      <section className={common.tight} aria-labelledby="sheets-title">
        <SectionTitle id="sheets-title">{t(lang, "sheetsTitle")}</SectionTitle>
        <ul className={styles.sheets}>
          {summary.sheets.map((s) => (
            <li key={s.key}>
              <Button className={styles.sheetButton} size="small" onClick={() => onOpenSheet(s.name)} aria-label={t(lang, "openSheet", { name: s.name })} data-sheet={s.key}>
                {s.name}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section className={common.section} aria-labelledby="plan-title">
        <SectionTitle id="plan-title">{t(lang, "planTitle")}</SectionTitle>
        <Caption1 className={common.muted}>{t(lang, "planHint")}</Caption1>
        <div>
          <Button appearance="primary" onClick={onWritePlan} disabled={plan.busy} data-testid="plan-button">
            {planExists ? t(lang, "planUpdate") : t(lang, "planCreate")}
          </Button>
        </div>
        {plan.busy && <Spinner size="tiny" label={t(lang, "planWriting")} />}
        {plan.message && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{plan.message}</MessageBarBody>
          </MessageBar>
        )}
        {plan.error && <ErrorMessage lang={lang} error={plan.error} onRetry={onWritePlan} />}
      </section>
      <section className={common.section} aria-labelledby="documents-title">
        <SectionTitle id="documents-title">{t(lang, "documentsTitle")}</SectionTitle>
        <Caption1 className={common.muted}>{t(lang, "documentsHint")}</Caption1>
        <div>
          <Button appearance="secondary" onClick={onWriteDocuments} disabled={documents.busy} data-testid="documents-button">
            {t(lang, "documentsCreate")}
          </Button>
        </div>
        {documents.busy && <Spinner size="tiny" label={t(lang, "documentsWriting")} />}
        {documents.message && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{documents.message}</MessageBarBody>
          </MessageBar>
        )}
        {documents.error && <ErrorMessage lang={lang} error={documents.error} onRetry={onWriteDocuments} />}
      </section>
      <PeerExchangeSection lang={lang} exchange={state.exchange} disabled={isRunning(state)} onExportFiche={onExportFiche} onImportPeers={onImportPeers} />
      <DecpExportSection lang={lang} exchange={state.exchange} disabled={isRunning(state)} onExportDecp={onExportDecp} />
      <div>
        <Button appearance="secondary" onClick={onGoToRun}>
          {t(lang, "newAnalysis")}
        </Button>
      </div>
    </div>
  );
}
