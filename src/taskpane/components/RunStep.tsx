/** Step 4 · Analyser: what will run, a determinate progress bar by stage with counts, Cancel. */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { STAGES, type StageId } from "../jobs";
import { toUserMessage } from "../errors";
import { MONTHS, formatNumber, t, type Lang } from "../i18n";
import { selectedTables } from "../pipeline";
import { periodOf, type PeriodChoice } from "../../workbook/settings";
import type { RunState, State, StepId } from "../state";
import { ErrorMessage, SectionTitle, useCommonStyles } from "./common";

const useStyles = makeStyles({
  stages: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  stage: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  waiting: { color: tokens.colorNeutralForeground3 },
  summary: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    "& li": { marginBottom: tokens.spacingVerticalXXS, wordBreak: "break-word" },
  },
});

/** Share of the whole run each stage represents, for the overall bar. */
const WEIGHTS: Record<StageId, number> = { read: 0.25, check: 0.3, indicators: 0.3, write: 0.15 };

export function overallProgress(run: RunState): number {
  let value = 0;
  const currentIndex = run.current ? STAGES.indexOf(run.current) : -1;
  STAGES.forEach((stage, i) => {
    const p = run.progress[stage];
    if (currentIndex > i) value += WEIGHTS[stage];
    else if (p && p.total > 0) value += WEIGHTS[stage] * Math.min(1, p.done / p.total);
  });
  return Math.max(0, Math.min(1, value));
}

export function periodText(lang: Lang, p: PeriodChoice): string {
  const m = (month: number) => MONTHS[lang][month - 1];
  switch (p.mode) {
    case "auto":
      return t(lang, "period_auto");
    case "year":
      return String(p.year);
    case "month":
      return `${m(p.month)} ${p.year}`;
    case "range":
      return `${m(p.fromMonth)} ${p.fromYear} – ${m(p.toMonth)} ${p.toYear}`;
  }
}

export interface RunStepProps {
  state: State;
  onRun(): void;
  onCancel(): void;
  onGoTo(step: StepId): void;
}

/** The step where the user fixes what blocks the run. */
function fixStep(code: string): StepId | null {
  if (code === "noTables") return "sources";
  if (code === "missingColumns" || code === "noKind") return "mapping";
  if (code === "period") return "period";
  return null;
}

export function RunStep({ state, onRun, onCancel, onGoTo }: RunStepProps) {
  const { lang, run } = state;
  const styles = useStyles();
  const common = useCommonStyles();
  const running = run.phase === "running" || run.phase === "cancelling";
  let blocker: ReturnType<typeof toUserMessage> | null = null;
  try {
    selectedTables({ version: 1, tables: state.tables.map((x) => x.choice), period: state.period, parameters: {}, lastRun: null });
    periodOf(state.period);
  } catch (error) {
    blocker = toUserMessage(error, lang);
  }
  const names = state.tables.filter((x) => x.choice.selected).map((x) => x.source.name);
  const changed = Object.keys(state.parameters).length;
  const value = overallProgress(run);
  const currentIndex = run.current ? STAGES.indexOf(run.current) : -1;

  return (
    <div className={common.stack}>
      <section className={common.tight} aria-labelledby="run-title">
        <SectionTitle id="run-title">{t(lang, "runTitle")}</SectionTitle>
        <ul className={styles.summary}>
          <li>{t(lang, "runSummaryTables", { names: names.join(", ") || "—" })}</li>
          <li>{t(lang, "runSummaryPeriod", { period: periodText(lang, state.period) })}</li>
          <li>{changed > 0 ? t(lang, "runSummaryParams", { n: changed }) : t(lang, "runSummaryParamsNone")}</li>
        </ul>
      </section>

      {blocker && !running && (
        <MessageBar intent="warning" layout="multiline" data-testid="run-blocker">
          <MessageBarBody>{blocker.message}</MessageBarBody>
          {fixStep(blocker.code) && (
            <MessageBarActions>
              <Button size="small" onClick={() => onGoTo(fixStep(blocker!.code)!)}>
                {t(lang, `step_${fixStep(blocker.code)!}`)}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {!running && (
        <div>
          <Button appearance="primary" onClick={onRun} disabled={blocker !== null || state.loading} data-testid="run-button">
            {t(lang, "runButton")}
          </Button>
        </div>
      )}

      {running && (
        <section className={common.tight} aria-live="polite">
          <Field label={t(lang, "progressLabel")} validationState="none">
            <ProgressBar value={value} max={1} thickness="large" aria-label={t(lang, "progressLabel")} aria-valuetext={`${Math.round(value * 100)} %`} data-testid="progress" />
          </Field>
          <ol className={styles.stages} aria-label={t(lang, "progressLabel")}>
            {STAGES.map((stage, i) => {
              const p = run.progress[stage];
              const isCurrent = i === currentIndex;
              const isDone = i < currentIndex || (p !== undefined && p.total > 0 && p.done >= p.total && !isCurrent);
              const count = p ? t(lang, `stageCount_${stage}`, { done: formatNumber(lang, p.done), total: formatNumber(lang, p.total) }) : t(lang, "stageWaiting");
              return (
                <li key={stage} className={mergeClasses(styles.stage, isCurrent ? styles.current : isDone ? styles.done : styles.waiting)} data-stage={stage}>
                  <span>
                    {i + 1}. {t(lang, `stage_${stage}`)}
                  </span>
                  <span>{isDone && !isCurrent ? `✓ ${t(lang, "stageDone")}` : count}</span>
                </li>
              );
            })}
          </ol>
          <div>
            <Button onClick={onCancel} disabled={run.phase === "cancelling"} data-testid="cancel-button">
              {run.phase === "cancelling" ? t(lang, "cancelling") : t(lang, "cancel")}
            </Button>
          </div>
        </section>
      )}

      {run.phase === "cancelled" && (
        <MessageBar intent="info" layout="multiline" data-testid="run-cancelled">
          <MessageBarBody>{t(lang, "cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "error" && run.error && <ErrorMessage lang={lang} error={run.error} onRetry={onRun} />}

      <Caption1 className={common.muted}>{t(lang, "runAgainHint")}</Caption1>
      {state.lastRun && !running && (
        <Text size={200} className={common.muted}>
          {lang === "fr" ? "Dernière analyse" : "Last analysis"} : {state.lastRun.periodLabel} · {state.lastRun.runDate.slice(0, 10)}
        </Text>
      )}
    </div>
  );
}
