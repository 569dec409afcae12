/**
 * Results step, peer exchange and publication: « Exporter ma fiche » and « Importer des fiches de
 * pairs » (issue #15 §4), « Exporter mes données essentielles (DECP) » (issue #11 §4). The files
 * are offered as download links (object URLs made by the controller) and nothing is sent
 * anywhere. Keyboard: every action is a button; the hidden file inputs are opened by a button;
 * the link of a file just made takes the focus; statuses are announced (role="status").
 */
import {
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { t, type Lang, type TextKey } from "../i18n";
import type { Download, ExchangeState, TaskState } from "../state";
import { ErrorMessage, HiddenFileInput, JSON_FILES, SectionTitle, useCommonStyles } from "./common";

const useStyles = makeStyles({
  // Long French labels wrap inside a 320 px pane instead of widening it.
  wrap: { maxWidth: "100%", height: "auto", whiteSpace: "normal", textAlign: "left" },
  link: { wordBreak: "break-all" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-word",
  },
  scroll: { maxHeight: "240px", overflowY: "auto" },
});

/** A download link that takes the focus when it appears (the file the user just asked for). */
function DownloadLink({
  download,
  label,
  testId,
}: {
  download: Download;
  label: string;
  testId: string;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => ref.current?.focus(), [download.url]);
  return (
    <Link
      ref={ref}
      className={styles.link}
      href={download.url}
      download={download.fileName}
      data-testid={testId}
    >
      {label}
    </Link>
  );
}

/**
 * Copies a file's text to the clipboard: the way out where the webview refuses downloads (Excel
 * for Mac, some Windows builds), to paste into a .json file.
 */
function CopyButton({
  lang,
  download,
  testId,
}: {
  lang: Lang;
  download: Download;
  testId: string;
}) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [status, setStatus] = useState<"copied" | "failed" | null>(null);
  useEffect(() => setStatus(null), [download.url]);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(download.text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <div className={common.tight}>
      <div>
        <Button
          className={styles.wrap}
          size="small"
          onClick={() => void copy()}
          data-testid={testId}
        >
          {t(lang, "copyFile")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status && (
          <Caption1 className={common.muted}>
            {t(lang, status === "copied" ? "copyDone" : "copyFailed", { file: download.fileName })}
          </Caption1>
        )}
      </div>
    </div>
  );
}

/** A list of French sentences in an error bar (one per bad file). */
function ProblemList({
  title,
  problems,
  testId,
}: {
  title: string;
  problems: string[];
  testId: string;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list} data-testid={testId}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** A task's live status: a spinner while it runs, then its message (and what `children` add). */
function TaskStatus({
  task,
  busyLabel,
  testId,
  children,
}: {
  task: TaskState;
  busyLabel: string;
  testId: string;
  children?: ReactNode;
}) {
  const common = useCommonStyles();
  return (
    <div role="status" aria-live="polite" className={common.tight} data-testid={testId}>
      {task.busy && <Spinner size="tiny" label={busyLabel} />}
      {task.message && <Caption1>{task.message}</Caption1>}
      {children}
    </div>
  );
}

/**
 * A task that makes a file: its button, its live status, then the file made (a download link that
 * takes the focus, and a copy button) or its error, whose retry runs the task again.
 */
function FileTask({
  lang,
  task,
  disabled,
  onRun,
  texts,
  testIds,
}: {
  lang: Lang;
  task: TaskState & { download: Download | null };
  /** A run is under way: the button waits. */
  disabled: boolean;
  onRun(): void;
  /** The button, the busy status, the download link (given `{file}`). */
  texts: { run: TextKey; busy: TextKey; download: TextKey };
  /** Test ids of the button and the status; `file`: prefix of `-download` and `-copy`. */
  testIds: { run: string; status: string; file: string };
}) {
  const styles = useStyles();
  return (
    <>
      <div>
        <Button
          className={styles.wrap}
          appearance="secondary"
          onClick={onRun}
          disabled={disabled || task.busy}
          data-testid={testIds.run}
        >
          {t(lang, texts.run)}
        </Button>
      </div>
      <TaskStatus task={task} busyLabel={t(lang, texts.busy)} testId={testIds.status} />
      {task.download && (
        <DownloadLink
          download={task.download}
          label={t(lang, texts.download, { file: task.download.fileName })}
          testId={`${testIds.file}-download`}
        />
      )}
      {task.download && (
        <CopyButton lang={lang} download={task.download} testId={`${testIds.file}-copy`} />
      )}
      {task.error && <ErrorMessage lang={lang} error={task.error} onRetry={onRun} />}
    </>
  );
}

/** One section of the results step: a heading (labelling the section) and its hint. */
function TitledSection({
  lang,
  titleId,
  title,
  hint,
  testId,
  children,
}: {
  lang: Lang;
  titleId: string;
  title: TextKey;
  hint: TextKey;
  testId: string;
  children: ReactNode;
}) {
  const common = useCommonStyles();
  return (
    <section className={common.section} aria-labelledby={titleId} data-testid={testId}>
      <SectionTitle id={titleId}>{t(lang, title)}</SectionTitle>
      <Caption1 className={common.muted}>{t(lang, hint)}</Caption1>
      {children}
    </section>
  );
}

export interface PeerExchangeProps {
  lang: Lang;
  exchange: ExchangeState;
  /** A run is under way: nothing else may start. */
  disabled: boolean;
  onExportFiche(anonymised: boolean): void;
  onImportPeers(files: File[]): void;
}

export function PeerExchangeSection({
  lang,
  exchange,
  disabled,
  onExportFiche,
  onImportPeers,
}: PeerExchangeProps) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [anonymised, setAnonymised] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);
  const { fiche, peers } = exchange;
  return (
    <TitledSection
      lang={lang}
      titleId="exchange-title"
      title="exchangeTitle"
      hint="exchangeHint"
      testId="peer-exchange"
    >
      <Checkbox
        checked={anonymised}
        onChange={(_, d) => setAnonymised(d.checked === true)}
        label={t(lang, "ficheAnonymise")}
      />
      <FileTask
        lang={lang}
        task={fiche}
        disabled={disabled}
        onRun={() => onExportFiche(anonymised)}
        texts={{ run: "ficheExport", busy: "ficheWriting", download: "ficheDownload" }}
        testIds={{ run: "fiche-button", status: "fiche-status", file: "fiche" }}
      />

      <div className={common.tight}>
        <div className={common.row}>
          <Button
            className={styles.wrap}
            onClick={() => fileInput.current?.click()}
            disabled={disabled || peers.busy}
            data-testid="peers-button"
          >
            {t(lang, "peersImport")}
          </Button>
          {peers.files.length > 0 && (
            <Button
              className={styles.wrap}
              appearance="subtle"
              onClick={() => onImportPeers([])}
              disabled={disabled || peers.busy}
              data-testid="peers-clear"
            >
              {t(lang, "peersClear")}
            </Button>
          )}
        </div>
        <Caption1 className={common.muted}>{t(lang, "peersImportHint")}</Caption1>
      </div>
      <HiddenFileInput
        ref={fileInput}
        accept={JSON_FILES}
        multiple
        testId="peers-file"
        label={t(lang, "peersImport")}
        onFiles={onImportPeers}
      />
      <TaskStatus task={peers} busyLabel={t(lang, "peersReading")} testId="peers-status">
        {peers.files.length > 0 && !peers.busy && (
          <Caption1 className={common.muted}>
            {t(lang, "peersInUse", { files: peers.files.join(", ") })}
          </Caption1>
        )}
      </TaskStatus>
      {peers.problems.length > 0 && (
        <ProblemList
          title={t(lang, "peersRefused")}
          problems={peers.problems}
          testId="peers-problems"
        />
      )}
      {peers.error && <ErrorMessage lang={lang} error={peers.error} />}
    </TitledSection>
  );
}

export interface DecpExportProps {
  lang: Lang;
  exchange: ExchangeState;
  disabled: boolean;
  onExportDecp(complements: File | null): void;
}

export function DecpExportSection({ lang, exchange, disabled, onExportDecp }: DecpExportProps) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [complements, setComplements] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const task = exchange.decpExport;
  return (
    <TitledSection
      lang={lang}
      titleId="decp-export-title"
      title="decpExportTitle"
      hint="decpExportHint"
      testId="decp-export"
    >
      <div className={common.row}>
        <Button
          className={styles.wrap}
          size="small"
          onClick={() => fileInput.current?.click()}
          disabled={disabled || task.busy}
          data-testid="complements-button"
        >
          {t(lang, "decpComplementsPick")}
        </Button>
        {complements && (
          <>
            <Caption1 data-testid="complements-name">
              {t(lang, "decpComplementsChosen", { file: complements.name })}
            </Caption1>
            <Button
              className={styles.wrap}
              size="small"
              appearance="subtle"
              onClick={() => setComplements(null)}
              disabled={task.busy}
            >
              {t(lang, "decpComplementsRemove")}
            </Button>
          </>
        )}
      </div>
      <HiddenFileInput
        ref={fileInput}
        accept={JSON_FILES}
        testId="complements-file"
        label={t(lang, "decpComplementsPick")}
        onFiles={([file]) => setComplements(file)}
      />
      <FileTask
        lang={lang}
        task={task}
        disabled={disabled}
        onRun={() => onExportDecp(complements)}
        texts={{ run: "decpExport", busy: "decpExportWriting", download: "decpExportDownload" }}
        testIds={{ run: "decp-export-button", status: "decp-export-status", file: "decp" }}
      />
      {task.notWritten.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t(lang, "decpNotWrittenTitle", { n: task.notWritten.length })}
            </MessageBarTitle>
            <ul
              className={mergeClasses(styles.list, styles.scroll)}
              data-testid="decp-not-written"
              tabIndex={0}
              aria-label={t(lang, "decpNotWrittenTitle", { n: task.notWritten.length })}
            >
              {task.notWritten.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {task.template && (
        <div className={common.tight}>
          {/* Not focused on appearance: the DECP file (or the list) comes first. */}
          <Link
            className={styles.link}
            href={task.template.url}
            download={task.template.fileName}
            data-testid="decp-template"
          >
            {t(lang, "decpTemplateDownload", { file: task.template.fileName })}
          </Link>
          <Caption1 className={common.muted}>{t(lang, "decpTemplateHint")}</Caption1>
        </div>
      )}
    </TitledSection>
  );
}
