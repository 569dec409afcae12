/** Step 2 · Colonnes: kind, header row and column mapping of each selected table, with a preview. */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { TABLE_KINDS } from "../../core/fields";
import type { TableKind } from "../../core/model";
import { coreText, fieldName, kindLabel, t, type Lang } from "../i18n";
import type { TableChoice } from "../../workbook/settings";
import type { State, TableState } from "../state";
import { PREVIEW_FIELDS, choiceFromDetection, previewTable, rowPreview, withField, withHeaderRow, withKind } from "../tables";
import { MappingEditor } from "./MappingEditor";
import { SectionTitle, useCommonStyles } from "./common";

const useStyles = makeStyles({
  tableWrap: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "left",
      whiteSpace: "nowrap",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
    "& th": {
      backgroundColor: tokens.colorNeutralBackground3,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
  // Field is a grid: without this a long option text widens the select beyond a 320 px pane.
  select: { minWidth: 0 },
  warn: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  rejected: { backgroundColor: tokens.colorPaletteRedBackground1 },
  anomalies: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    "& li": { marginBottom: tokens.spacingVerticalXXS },
  },
});

export interface MappingStepProps {
  state: State;
  onSelectTable(name: string): void;
  onChange(name: string, choice: TableChoice): void;
}

function headerRowLabel(lang: Lang, table: TableState, index: number): string {
  const row = table.sample?.rows[index] ?? [];
  // Dates as dates (a serial in a date column reads 02/01/2025), not as Excel serials.
  const preview = rowPreview(row, table.choice.mapping, table.sample?.date1904 === true, lang).join(", ");
  return `${(table.sample?.firstRow ?? 1) + index}${preview ? ` — ${preview.length > 48 ? preview.slice(0, 47) + "…" : preview}` : ""}`;
}

function Preview({ lang, table }: { lang: Lang; table: TableState }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const preview = useMemo(() => (table.sample ? previewTable(table.choice, table.sample) : null), [table.sample, table.choice]);
  const kind = table.choice.kind;
  if (!preview || !kind) return null;
  const fields = PREVIEW_FIELDS[kind];
  const warnings = preview.anomalies.filter((a) => a.severity === "warning").length;
  const rejected = preview.rows.filter((r) => r.status === "rejected").length;
  const warnedRows = preview.rows.filter((r) => r.status === "warning").length;
  const fieldTitle = (f: string) => (f === "family" ? (lang === "fr" ? "Famille" : "Family") : fieldName(lang, kind, f));
  return (
    <section className={common.tight} aria-labelledby="preview-title">
      <SectionTitle id="preview-title">{t(lang, "previewTitle")}</SectionTitle>
      {preview.rows.length === 0 ? (
        <Text>{t(lang, "previewNone")}</Text>
      ) : (
        <>
          <Caption1 className={common.muted}>
            {t(lang, "previewRows", { ok: preview.rows.length - rejected, n: preview.rows.length, warnings: warnedRows, rejected })}
          </Caption1>
          <div className={styles.tableWrap} tabIndex={0} aria-label={t(lang, "previewTitle")}>
            <table className={styles.table} data-testid="preview-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {fields.map((f) => (
                    <th key={f} scope="col">
                      {fieldTitle(f)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={r.status === "rejected" ? styles.rejected : r.status === "warning" ? styles.warn : undefined}>
                    <td>{r.row}</td>
                    {fields.map((f) => (
                      <td key={f}>{r.values[f] ?? ""}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {preview.anomalies.length > 0 && (
        <div className={common.tight}>
          <Text weight="semibold" size={200}>
            {t(lang, "warningsTitle")} ({warnings + preview.anomalies.filter((a) => a.severity === "rejected").length})
          </Text>
          <ul className={styles.anomalies}>
            {preview.anomalies.slice(0, 6).map((a, i) => (
              <li key={i}>
                {t(lang, "rowN", { row: String(a.row) })} : {coreText(lang, a.reason)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function MappingStep({ state, onSelectTable, onChange }: MappingStepProps) {
  const { lang } = state;
  const common = useCommonStyles();
  const styles = useStyles();
  const selected = state.tables.filter((x) => x.choice.selected);
  const table = selected.find((x) => x.source.name === state.mappingTable) ?? selected[0];
  if (!table) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t(lang, "noTableSelected")}</MessageBarBody>
      </MessageBar>
    );
  }
  const { choice, sample } = table;
  const headerOptions = Math.min(sample?.rows.length ?? 1, 30);
  const setChoice = (c: TableChoice) => onChange(table.source.name, c);
  return (
    <div className={common.stack}>
      <Text as="p" className={common.muted} style={{ margin: 0 }}>
        {t(lang, "mappingIntro")}
      </Text>
      {selected.length > 1 && (
        <Field label={t(lang, "tableToMap")}>
          <Select className={styles.select} value={table.source.name} onChange={(_, d) => onSelectTable(d.value)} data-testid="mapping-table">
            {selected.map((x) => (
              <option key={x.source.name} value={x.source.name}>
                {x.source.name}
                {x.choice.kind ? ` (${kindLabel(lang, x.choice.kind)})` : ""}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t(lang, "kindLabel")}>
        <Select
          className={styles.select}
          value={choice.kind ?? ""}
          onChange={(_, d) => sample && setChoice(withKind(choice, sample, d.value === "" ? null : (d.value as TableKind)))}
          disabled={!sample}
          data-testid="mapping-kind"
        >
          {choice.kind === null && <option value="">{t(lang, "chooseKind")}</option>}
          {TABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(lang, k)}
            </option>
          ))}
        </Select>
      </Field>
      {sample && (
        <Field label={t(lang, "headerRow")}>
          <Select className={styles.select} value={String(choice.headerRowIndex)} onChange={(_, d) => setChoice(withHeaderRow(choice, sample, Number(d.value)))} data-testid="mapping-header-row">
            {Array.from({ length: headerOptions }, (_, i) => (
              <option key={i} value={String(i)}>
                {headerRowLabel(lang, table, i)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choice.kind === null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "kindNeeded")}</MessageBarBody>
        </MessageBar>
      ) : (
        <MappingEditor
          lang={lang}
          kind={choice.kind}
          headers={choice.headers}
          mapping={choice.mapping}
          onChange={(field, column) => setChoice(withField(choice, field, column))}
        />
      )}
      {choice.edited && table.detection && (
        <div>
          <Button size="small" appearance="subtle" onClick={() => setChoice({ ...choiceFromDetection(table.source.name, table.detection!), selected: true })}>
            {t(lang, "resetMapping")}
          </Button>
        </div>
      )}
      <Preview lang={lang} table={table} />
    </div>
  );
}
