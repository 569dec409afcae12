/**
 * The task pane: header, host banner, notices, the five steps (Sources, Colonnes, Période et
 * paramètres, Analyser, Résultats) and the navigation between them. State and side effects come
 * from usePane (controller.ts); every dependency (gateway, runner) is passed in, nothing global.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { usePane } from "./controller";
import type { WorkbookGateway } from "../workbook/gateway";
import { t, type Lang } from "./i18n";
import type { RunnerFactory } from "./runner";
import { STEPS, isRunning, type StepId } from "./state";
import { MappingStep } from "./components/MappingStep";
import { PeriodStep } from "./components/PeriodStep";
import { ResultsStep } from "./components/ResultsStep";
import { RunStep } from "./components/RunStep";
import { SourcesStep } from "./components/SourcesStep";
import { ErrorMessage } from "./components/common";

export interface AppProps {
  /** Office host reported by Office.onReady (e.g. "Excel"), or null outside an Office client. */
  host: string | null;
  lang: Lang;
  gateway: WorkbookGateway;
  createRunner: RunnerFactory;
  /** Settings save debounce (tests). */
  saveDelayMs?: number;
}

const useStyles = makeStyles({
  // The pane's own width decides the layout (container queries): in Office the pane is the whole
  // viewport, in the browser preview it is a column of the page.
  container: { containerType: "inline-size" },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
    boxSizing: "border-box",
    minWidth: 0,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  tagline: { color: tokens.colorNeutralForeground2 },
  tabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalS})`,
    overflowX: "auto",
  },
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  num: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "22px",
    height: "22px",
    borderRadius: "50%",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  numActive: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  tabLabel: {
    marginLeft: tokens.spacingHorizontalXS,
    "@container (max-width: 479px)": { display: "none" },
  },
  stepHeading: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  stepTitle: { ...typographyStyles.subtitle1, margin: 0, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  nav: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  notices: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export function App({ host, lang, gateway, createRunner, saveDelayMs }: AppProps) {
  const styles = useStyles();
  const { state, actions } = usePane({ gateway, createRunner, lang, saveDelayMs });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepIndex = STEPS.indexOf(state.step);
  const running = isRunning(state);

  // Move focus to the step title when the step changes (keyboard and screen reader users).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [state.step]);

  const goTo = (step: StepId) => {
    if (!running) actions.goTo(step);
  };

  let body;
  if (state.loading) {
    body = <Spinner label={t(lang, "loading")} />;
  } else if (state.loadError) {
    body = <ErrorMessage lang={lang} error={state.loadError} onRetry={() => void actions.reload()} />;
  } else {
    switch (state.step) {
      case "sources":
        body = (
          <SourcesStep
            state={state}
            onToggle={(name, selected) => {
              const x = state.tables.find((tb) => tb.source.name === name);
              if (x) actions.setChoice(name, { ...x.choice, selected });
            }}
            onReload={() => void actions.reload()}
            onImportDecp={(file) => void actions.importDecp(file)}
          />
        );
        break;
      case "mapping":
        body = <MappingStep state={state} onSelectTable={actions.setMappingTable} onChange={actions.setChoice} />;
        break;
      case "period":
        body = <PeriodStep state={state} onPeriod={actions.setPeriod} onParameter={actions.setParameter} />;
        break;
      case "run":
        body = <RunStep state={state} onRun={() => void actions.run()} onCancel={actions.cancel} onGoTo={goTo} />;
        break;
      case "results":
        body = (
          <ResultsStep
            state={state}
            onOpenSheet={(name) => void actions.openSheet(name)}
            onWritePlan={() => void actions.writePlan()}
            onWriteDocuments={() => void actions.writeDocuments()}
            onGoToRun={() => actions.goTo("run")}
            onExportFiche={(anonymised) => void actions.exportFiche(anonymised)}
            onImportPeers={(files) => void actions.importPeers(files)}
            onExportDecp={(complements) => void actions.exportDecp(complements)}
          />
        );
        break;
    }
  }

  return (
    <div className={styles.container}>
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/logo-filled.png" alt="" />
        <div className={styles.titles}>
          <Title3 as="h1" style={{ margin: 0 }}>
            {t(lang, "appTitle")}
          </Title3>
          <Caption1 className={styles.tagline}>{t(lang, "appTagline")}</Caption1>
        </div>
      </header>

      {host === null && (
        <MessageBar intent="info" layout="multiline" data-testid="outside-office">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "outsideOfficeTitle")}</MessageBarTitle>
            {t(lang, "outsideOffice")}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.notices.length > 0 && (
        <div className={styles.notices} aria-live="polite">
          {state.notices.map((n) => (
            <MessageBar key={n.id} intent={n.intent} layout="multiline">
              <MessageBarBody>{n.text}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" size="small" aria-label={t(lang, "close")} onClick={() => actions.dismiss(n.id)}>
                    ×
                  </Button>
                }
              />
            </MessageBar>
          ))}
        </div>
      )}

      {!state.loading && !state.loadError && (
        <nav aria-label={t(lang, "stepsLabel")} className={styles.tabs}>
          <TabList selectedValue={state.step} onTabSelect={(_, d) => goTo(d.value as StepId)} size="small" disabled={running}>
            {STEPS.map((step, i) => (
              <Tab key={step} value={step} className={styles.tab} aria-label={`${i + 1}. ${t(lang, `step_${step}`)}`} data-step={step}>
                <span className={mergeClasses(styles.num, step === state.step && styles.numActive)}>{i + 1}</span>
                <span className={styles.tabLabel}>{t(lang, `step_${step}`)}</span>
              </Tab>
            ))}
          </TabList>
        </nav>
      )}

      {!state.loading && !state.loadError && (
        <div className={styles.stepHeading}>
          <Caption1 className={styles.tagline}>{t(lang, "stepOf", { n: stepIndex + 1, total: STEPS.length })}</Caption1>
          <h2 id="step-title" className={styles.stepTitle} ref={headingRef} tabIndex={-1} data-testid="step-title">
            {t(lang, `step_${state.step}`)}
          </h2>
        </div>
      )}

      <section aria-labelledby="step-title">{body}</section>

      {!state.loading && !state.loadError && (
        <div className={styles.nav}>
          <Button onClick={() => goTo(STEPS[stepIndex - 1])} disabled={stepIndex === 0 || running} data-testid="previous">
            {t(lang, "previous")}
          </Button>
          {stepIndex < STEPS.length - 1 && state.step !== "run" && (
            <Button appearance="primary" onClick={() => goTo(STEPS[stepIndex + 1])} disabled={running} data-testid="next">
              {t(lang, "next")}
            </Button>
          )}
        </div>
      )}
    </main>
    </div>
  );
}
