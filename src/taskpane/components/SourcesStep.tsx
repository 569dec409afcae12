/** Step 1 · Sources: the workbook's tables and ranges, their kind, size and mapping status. */
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useRef } from "react";
import { t, kindLabel } from "../i18n";
import type { State } from "../state";
import { mappingStatus } from "../tables";
import { ErrorMessage, HiddenFileInput, JSON_FILES, StatusBadge, useCommonStyles } from "./common";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  meta: {
    paddingLeft: "32px",
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
});

export interface SourcesStepProps {
  state: State;
  onToggle(name: string, selected: boolean): void;
  onReload(): void;
  onImportDecp(file: File): void;
}

export function SourcesStep({ state, onToggle, onReload, onImportDecp }: SourcesStepProps) {
  const { lang, tables, decp } = state;
  const styles = useStyles();
  const common = useCommonStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const mainSelected = tables.some((x) => x.choice.selected && (x.choice.kind === "spend" || x.choice.kind === "contracts"));
  return (
    <div className={common.stack}>
      <Text as="p" className={common.muted} style={{ margin: 0 }}>
        {t(lang, "sourcesIntro")}
      </Text>
      {tables.length === 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "noTables")}</MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.list} aria-label={t(lang, "step_sources")}>
          {tables.map(({ source, choice }) => (
            <li key={source.name} className={mergeClasses(styles.item, choice.selected && styles.selected)}>
              <Checkbox
                checked={choice.selected}
                onChange={(_, data) => onToggle(source.name, data.checked === true)}
                label={<Text weight="semibold">{source.name}</Text>}
                aria-label={t(lang, "analyseTable", { name: source.name })}
              />
              <div className={styles.meta}>
                {choice.kind ? (
                  <Badge appearance="filled" color="brand" shape="rounded">
                    {kindLabel(lang, choice.kind)}
                  </Badge>
                ) : (
                  <Badge appearance="outline" color="informative" shape="rounded">
                    {t(lang, "kindUnknown")}
                  </Badge>
                )}
                <StatusBadge lang={lang} status={mappingStatus(choice)} />
              </div>
              <Caption1 className={mergeClasses(styles.meta, common.muted)}>
                {t(lang, "rows", { n: source.rowCount })} · {t(lang, "columns", { n: source.columnCount })} ·{" "}
                {source.isExcelTable ? t(lang, "excelTable") : t(lang, "plainRange")} · {source.sheet}!{source.address}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {tables.length > 0 && !mainSelected && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "noSpendSelected")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={common.row}>
        <Button onClick={onReload}>{t(lang, "refreshList")}</Button>
      </div>
      <div className={common.section}>
        <div className={common.tight}>
          <div>
            <Button onClick={() => fileInput.current?.click()} disabled={decp.busy}>
              {t(lang, "importDecp")}
            </Button>
          </div>
          <Caption1 className={common.muted}>{t(lang, "importDecpHint")}</Caption1>
        </div>
        <HiddenFileInput
          ref={fileInput}
          accept={JSON_FILES}
          testId="decp-file"
          label={t(lang, "importDecp")}
          onFiles={([file]) => onImportDecp(file)}
        />
        {decp.busy && <Spinner size="tiny" label={t(lang, "importingDecp")} />}
        {decp.message && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{decp.message}</MessageBarBody>
          </MessageBar>
        )}
        {decp.error && <ErrorMessage lang={lang} error={decp.error} />}
      </div>
    </div>
  );
}
