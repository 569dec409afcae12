/**
 * The column mapping of one table: a dropdown per field (required fields first), the unmet
 * requirements in a sentence that says what to do, columns used twice. Controlled: the parent
 * owns the mapping.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { missingRequired } from "../../core/detect";
import { FIELDS, REQUIRED_GROUPS } from "../../core/fields";
import type { TableKind } from "../../core/model";
import { columnLetters, describeMissingFields, fieldName, t, type Lang } from "../i18n";
import { duplicateColumns } from "../tables";
import { SectionTitle, useCommonStyles } from "./common";

const useStyles = makeStyles({
  fields: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalS,
  },
  label: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    flexWrap: "wrap",
  },
  select: {
    minWidth: 0,
  },
});

export interface MappingEditorProps {
  lang: Lang;
  kind: TableKind;
  headers: string[];
  mapping: Record<string, number>;
  onChange(field: string, column: number | null): void;
}

/** Fields that are required alone or in an either/or group. */
export function requiredKeys(kind: TableKind): Set<string> {
  const keys = new Set(FIELDS[kind].filter((f) => f.required).map((f) => f.key));
  for (const group of REQUIRED_GROUPS[kind]) for (const k of group) keys.add(k);
  return keys;
}

export function MappingEditor({ lang, kind, headers, mapping, onChange }: MappingEditorProps) {
  const styles = useStyles();
  const common = useCommonStyles();
  const required = requiredKeys(kind);
  const single = new Set(FIELDS[kind].filter((f) => f.required).map((f) => f.key));
  const missing = missingRequired(kind, mapping);
  const missingKeys = new Set(missing.flat());
  const duplicates = duplicateColumns(mapping);
  const columns = headers.map((h, i) => ({ index: i, text: h })).filter((c) => c.text !== "");
  const main = FIELDS[kind].filter((f) => required.has(f.key));
  const others = FIELDS[kind].filter((f) => !required.has(f.key));
  const mappedOthers = others.filter((f) => mapping[f.key] !== undefined).length;

  const fieldSelect = (key: string) => {
    const id = `map-${kind}-${key}`;
    const isRequired = required.has(key);
    const col = mapping[key];
    const isMissing = missingKeys.has(key);
    return (
      <Field
        key={key}
        label={{
          children: (
            <span className={styles.label}>
              {fieldName(lang, kind, key)}
              {isRequired && (
                <Badge size="small" appearance="tint" color={isMissing ? "danger" : "informative"}>
                  {single.has(key) ? t(lang, "required") : t(lang, "oneOf")}
                </Badge>
              )}
            </span>
          ),
          htmlFor: id,
        }}
        validationState={isMissing && single.has(key) ? "error" : "none"}
      >
        <Select
          id={id}
          className={styles.select}
          value={col === undefined ? "" : String(col)}
          onChange={(_, data) => onChange(key, data.value === "" ? null : Number(data.value))}
          data-field={key}
        >
          <option value="">{t(lang, "notUsed")}</option>
          {columns.map((c) => (
            <option key={c.index} value={String(c.index)}>
              {columnLetters(c.index)} · {c.text}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  return (
    <div className={common.stack}>
      {missing.length > 0 && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="missing-required">
          <MessageBarBody>{describeMissingFields(lang, kind, missing)}</MessageBarBody>
        </MessageBar>
      )}
      {[...duplicates].map(([col, fields]) => (
        <MessageBar key={col} intent="warning" layout="multiline">
          <MessageBarBody>
            {t(lang, "duplicateColumn", { column: headers[col] ?? columnLetters(col), fields: fields.map((f) => fieldName(lang, kind, f)).join(", ") })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {main.length > 0 && (
        <div className={common.tight}>
          <SectionTitle>{t(lang, "fieldsMain")}</SectionTitle>
          <div className={styles.fields}>{main.map((f) => fieldSelect(f.key))}</div>
        </div>
      )}
      {others.length > 0 && (
        <Accordion collapsible defaultOpenItems={main.length === 0 ? ["others"] : []}>
          <AccordionItem value="others">
            <AccordionHeader size="small">
              {t(lang, "fieldsMore", { n: others.length })} · {mappedOthers}/{others.length}
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.fields}>{others.map((f) => fieldSelect(f.key))}</div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
