/**
 * Preview only (`npm run preview`, the pane opened in a plain browser): an Excel-like page with the
 * workbook on the left (sheet tabs, generated sheets drawn from their spec) and the real task pane
 * on the right, working on an InMemoryWorkbook loaded from examples/achats-demo.xlsx or from a file
 * the user picks. URL parameters: `lang=en`, `width=320` (pane width, px), `scale=5` (repeat the
 * spend lines), `demo=none` (start without the demo file).
 */
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { detectTable } from "../../core/detect";
import type { Cell } from "../../core/model";
import { App } from "../App";
import { HiddenFileInput } from "../components/common";
import type { InMemoryWorkbook } from "../memory-workbook";
import { t, type Lang } from "../i18n";
import type { RunnerFactory } from "../runner";
import type { SheetKey, SheetSpec } from "../../report/spec";
import { loadWorkbook, localSettingsStore, UnreadableWorkbookError } from "./load-workbook";
import { SheetView, type SheetLookup } from "./SheetView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    "@media (max-width: 760px)": { flexDirection: "column-reverse", height: "auto" },
  },
  // Containment: repaints and layouts of the pane (progress bar) never touch the sheet view.
  book: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, minHeight: "320px", contain: "strict" },
  toolbar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: "#217346",
    color: "#fff",
  },
  toolbarTitle: { fontWeight: tokens.fontWeightSemibold, color: "#fff" },
  toolbarFile: { color: "#e6f2ea" },
  tabs: {
    display: "flex",
    overflowX: "auto",
    borderTop: "1px solid #d1d1d1",
    backgroundColor: "#f3f3f3",
    minHeight: "32px",
  },
  tab: {
    border: "none",
    borderRight: "1px solid #d1d1d1",
    background: "transparent",
    padding: "6px 12px",
    cursor: "pointer",
    whiteSpace: "nowrap",
    fontSize: "12px",
    color: "#333",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  tabActive: { backgroundColor: "#fff", color: "#217346", fontWeight: 600, borderBottom: "3px solid #217346" },
  tabOwned: { fontStyle: "italic" },
  pane: {
    flexShrink: 0,
    contain: "layout paint",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
  center: { padding: tokens.spacingHorizontalXL },
});

/** The demo workbook the preview opens first. */
const DEMO_FILE = "achats-demo.xlsx";

function useWorkbookVersion(workbook: InMemoryWorkbook | null): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!workbook) return () => undefined;
      return workbook.subscribe(() => {
        version.current++;
        notify();
      });
    },
    [workbook],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

const DATE_FIELDS = new Set(["date", "invoiceReceived", "paid", "launchDate", "notificationDate", "endDate"]);
const EURO_FIELDS = new Set(["amountHT", "amountTTC", "unitPrice", "amount", "estimatedAmount", "amendedAmount"]);

/** Display formats of a source sheet's columns, from the detected mapping (dates, amounts). */
function rawFormatsOf(rows: Cell[][], given: (string | null)[] | undefined): { formats: (string | undefined)[]; headerRow: number } {
  const d = detectTable({ name: "", rows: rows.slice(0, 60) });
  const formats: (string | undefined)[] = given ? given.map((f) => (f === null || f === "@" ? undefined : f)) : [];
  for (const [field, col] of Object.entries(d.mapping)) {
    if (formats[col]) continue;
    if (DATE_FIELDS.has(field)) formats[col] = "dd/mm/yyyy";
    else if (EURO_FIELDS.has(field)) formats[col] = '#,##0.00 "€"';
  }
  return { formats, headerRow: d.kind ? d.headerRowIndex : -1 };
}

function WorkbookView({ lang, workbook }: { lang: Lang; workbook: InMemoryWorkbook }) {
  const styles = useStyles();
  useWorkbookVersion(workbook);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(
    () =>
      workbook.subscribe((e) => {
        if (e.type === "activated" && e.sheet) setSelected(e.sheet);
      }),
    [workbook],
  );
  const names = workbook.sheetNames();
  const current = selected && names.includes(selected) ? selected : (names[0] ?? null);
  const owned = current ? workbook.ownedSheet(current) : undefined;
  // Stable lookup (the SheetView is memoised: a write must not redraw a source sheet).
  const lookup = useMemo<SheetLookup>(
    () => ({
      byKey: (key: SheetKey): SheetSpec | null => workbook.ownedByKey(key)?.spec ?? null,
      byName: (name: string): SheetSpec | null => workbook.specNamed(name),
    }),
    [workbook],
  );
  const source = current && !owned?.spec ? workbook.sourceTables().find((tb) => tb.sheet === current) : undefined;
  const raw = current && !owned?.spec ? (source?.rows ?? owned?.values ?? []) : null;
  const rawLayout = useMemo(() => (source ? rawFormatsOf(source.rows, source.numberFormats) : null), [source]);
  return (
    <>
      {current ? (
        <SheetView
          key={current}
          lang={lang}
          spec={owned?.spec ?? null}
          raw={raw}
          rawFormats={rawLayout?.formats}
          rawHeaderRow={rawLayout?.headerRow}
          lookup={lookup}
          onFollowLink={(key) => {
            const target = workbook.ownedByKey(key);
            if (target) setSelected(target.name);
          }}
        />
      ) : (
        <div className={styles.center}>{t(lang, "previewEmptySheet")}</div>
      )}
      <div className={styles.tabs} role="tablist" aria-label={t(lang, "previewSheets")} data-testid="sheet-tabs">
        {names.map((n) => {
          const isOwned = workbook.ownedSheet(n)?.spec != null;
          return (
            <button
              key={n}
              role="tab"
              aria-selected={n === current}
              className={mergeClasses(styles.tab, n === current && styles.tabActive, isOwned && styles.tabOwned)}
              onClick={() => setSelected(n)}
            >
              {n}
            </button>
          );
        })}
      </div>
    </>
  );
}

export interface PreviewShellProps {
  lang: Lang;
  paneWidth: number;
  scale: number;
  loadDemo: boolean;
  createRunner: RunnerFactory;
}

export function PreviewShell({ lang, paneWidth, scale, loadDemo, createRunner }: PreviewShellProps) {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState<InMemoryWorkbook | null>(null);
  const [fileName, setFileName] = useState<string>(DEMO_FILE);
  const [loading, setLoading] = useState<string | null>(loadDemo ? "achats-demo.xlsx" : null);
  const [error, setError] = useState<string | null>(loadDemo ? null : t(lang, "previewNoDemo"));
  const [generation, setGeneration] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const open = useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setLoading(name);
      setError(null);
      try {
        const wb = await loadWorkbook(await bytes(), { scale, settingsStore: localSettingsStore(`${name}${scale > 1 ? `x${scale}` : ""}`) });
        setWorkbook(wb);
        setFileName(name);
        setGeneration((g) => g + 1);
        (window as unknown as Record<string, unknown>).__OPTIMA_PREVIEW__ = wb;
      } catch (e) {
        console.warn("[Optima Achats] aperçu :", e instanceof Error ? e.message : e);
        if (e instanceof UnreadableWorkbookError) setError(t(lang, "previewUnreadable", { name, reason: e.message }));
        else setError(t(lang, name === DEMO_FILE ? "previewNoDemo" : "previewLoadError", { name }));
      } finally {
        setLoading(null);
      }
    },
    [lang, scale],
  );

  useEffect(() => {
    if (!loadDemo) return;
    void open("achats-demo.xlsx", async () => {
      const res = await fetch("examples/achats-demo.xlsx");
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.arrayBuffer();
    });
  }, [loadDemo, open]);

  return (
    <div className={styles.root}>
      <div className={styles.book}>
        <div className={styles.toolbar}>
          {/* The open file's name once another workbook is opened, not « Classeur de démonstration ». */}
          <Text className={styles.toolbarTitle} data-testid="toolbar-title">
            Excel · {fileName === DEMO_FILE ? t(lang, "previewWorkbook") : fileName}
          </Text>
          <Caption1 className={styles.toolbarFile}>{fileName}</Caption1>
          <Button size="small" onClick={() => input.current?.click()}>
            {t(lang, "previewOpenFile")}
          </Button>
          <HiddenFileInput
            ref={input}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            label={t(lang, "previewOpenFile")}
            testId="xlsx-file"
            onFiles={([file]) => void open(file.name, () => file.arrayBuffer())}
          />
        </div>
        {loading && (
          <div className={styles.center}>
            <Spinner label={t(lang, "previewLoadingFile", { name: loading })} />
          </div>
        )}
        {error && (
          <div className={styles.center}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          </div>
        )}
        {workbook && !loading && <WorkbookView lang={lang} workbook={workbook} />}
      </div>
      <aside className={styles.pane} style={{ width: `${paneWidth}px` }} aria-label="Optima Achats" data-testid="pane">
        {workbook ? (
          <App key={generation} host={null} lang={lang} gateway={workbook} createRunner={createRunner} />
        ) : (
          <div className={styles.center}>{loading ? <Spinner label={t(lang, "loading")} /> : null}</div>
        )}
      </aside>
    </div>
  );
}
