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
import { useEffect, useRef, useState } from "react";
import { t, type Lang } from "../i18n";
import type { Download, ExchangeState } from "../state";
import { ErrorMessage, SectionTitle, useCommonStyles } from "./common";

const useStyles = makeStyles({
  hiddenInput: { display: "none" },
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
    <section
      className={common.section}
      aria-labelledby="exchange-title"
      data-testid="peer-exchange"
    >
      <SectionTitle id="exchange-title">{t(lang, "exchangeTitle")}</SectionTitle>
      <Caption1 className={common.muted}>{t(lang, "exchangeHint")}</Caption1>
      <Checkbox
        checked={anonymised}
        onChange={(_, d) => setAnonymised(d.checked === true)}
        label={t(lang, "ficheAnonymise")}
      />
      <div>
        <Button
          className={styles.wrap}
          appearance="secondary"
          onClick={() => onExportFiche(anonymised)}
          disabled={disabled || fiche.busy}
          data-testid="fiche-button"
        >
          {t(lang, "ficheExport")}
        </Button>
      </div>
      <div role="status" aria-live="polite" className={common.tight} data-testid="fiche-status">
        {fiche.busy && <Spinner size="tiny" label={t(lang, "ficheWriting")} />}
        {fiche.message && <Caption1>{fiche.message}</Caption1>}
      </div>
      {fiche.download && (
        <DownloadLink
          download={fiche.download}
          label={t(lang, "ficheDownload", { file: fiche.download.fileName })}
          testId="fiche-download"
        />
      )}
      {fiche.download && <CopyButton lang={lang} download={fiche.download} testId="fiche-copy" />}
      {fiche.error && (
        <ErrorMessage lang={lang} error={fiche.error} onRetry={() => onExportFiche(anonymised)} />
      )}

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
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept=".json,application/json"
        data-testid="peers-file"
        aria-label={t(lang, "peersImport")}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length > 0) onImportPeers(files);
        }}
      />
      <div role="status" aria-live="polite" className={common.tight} data-testid="peers-status">
        {peers.busy && <Spinner size="tiny" label={t(lang, "peersReading")} />}
        {peers.message && <Caption1>{peers.message}</Caption1>}
        {peers.files.length > 0 && !peers.busy && (
          <Caption1 className={common.muted}>
            {t(lang, "peersInUse", { files: peers.files.join(", ") })}
          </Caption1>
        )}
      </div>
      {peers.problems.length > 0 && (
        <ProblemList
          title={t(lang, "peersRefused")}
          problems={peers.problems}
          testId="peers-problems"
        />
      )}
      {peers.error && <ErrorMessage lang={lang} error={peers.error} />}
    </section>
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
    <section
      className={common.section}
      aria-labelledby="decp-export-title"
      data-testid="decp-export"
    >
      <SectionTitle id="decp-export-title">{t(lang, "decpExportTitle")}</SectionTitle>
      <Caption1 className={common.muted}>{t(lang, "decpExportHint")}</Caption1>
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
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        accept=".json,application/json"
        data-testid="complements-file"
        aria-label={t(lang, "decpComplementsPick")}
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          e.target.value = "";
          if (file) setComplements(file);
        }}
      />
      <div>
        <Button
          className={styles.wrap}
          appearance="secondary"
          onClick={() => onExportDecp(complements)}
          disabled={disabled || task.busy}
          data-testid="decp-export-button"
        >
          {t(lang, "decpExport")}
        </Button>
      </div>
      <div
        role="status"
        aria-live="polite"
        className={common.tight}
        data-testid="decp-export-status"
      >
        {task.busy && <Spinner size="tiny" label={t(lang, "decpExportWriting")} />}
        {task.message && <Caption1>{task.message}</Caption1>}
      </div>
      {task.download && (
        <DownloadLink
          download={task.download}
          label={t(lang, "decpExportDownload", { file: task.download.fileName })}
          testId="decp-download"
        />
      )}
      {task.download && <CopyButton lang={lang} download={task.download} testId="decp-copy" />}
      {task.error && (
        <ErrorMessage lang={lang} error={task.error} onRetry={() => onExportDecp(complements)} />
      )}
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
    </section>
  );
}
