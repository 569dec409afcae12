/** Step 3 · Période et paramètres: the period, the entity type (DGP), thresholds and scenarios. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { dayFromYMD } from "../../core/dates";
import { defaultReferenceValues, dispenseRowAt } from "../../core/reference/values";
import { parameterLabel, toNumber, type ParameterDef } from "../../report/parameters";
import { MONTHS, formatEuros, formatNumber, t, type Lang } from "../i18n";
import { HOSPITAL_DELAY_ID, LOCAL_DELAY_ID, MAIN_PARAMETER_IDS, PANE_PARAMETERS, defaultParameterValues, entityTypeOf } from "../settings";
import { type PeriodChoice, type PeriodMode } from "../../workbook/settings";
import type { State } from "../state";
import { SectionTitle, useCommonStyles } from "./common";

const useStyles = makeStyles({
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  param: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  paramLine: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  input: { flexGrow: 1, minWidth: 0 },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export interface PeriodStepProps {
  state: State;
  onPeriod(period: PeriodChoice): void;
  onParameter(id: string, value: number | string | null): void;
}

const DEFAULTS = defaultParameterValues();

/** Sheet value (euros, fraction, days) → the number shown in the pane (euros, %, days). */
function shown(lang: Lang, def: ParameterDef, value: number | string | undefined): string {
  if (typeof value !== "number") return value ?? "";
  const n = def.kind === "percent" ? Math.round(value * 100 * 1000) / 1000 : value;
  const decimals = Math.min(3, (String(n).split(".")[1] ?? "").length);
  return formatNumber(lang, n, decimals);
}

function unitOf(def: ParameterDef, lang: Lang): string {
  if (def.kind === "eur") return "€";
  if (def.kind === "percent") return "%";
  return lang === "fr" ? "jours" : "days";
}

function ParameterInput({ lang, def, value, onCommit }: { lang: Lang; def: ParameterDef; value: number | string | undefined; onCommit(v: number | null): void }) {
  const styles = useStyles();
  const [text, setText] = useState(shown(lang, def, value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(shown(lang, def, value));
    setInvalid(false);
  }, [lang, def, value]);
  const reference = DEFAULTS[def.id];
  const changed = typeof value === "number" && typeof reference === "number" && Math.abs(value - reference) > 1e-9;
  const commit = () => {
    const n = toNumber(text);
    if (n === null || n < 0) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const sheetValue = def.kind === "percent" ? Math.round((n / 100) * 1e6) / 1e6 : n;
    if (sheetValue !== value) onCommit(sheetValue);
  };
  const id = `param-${def.id.replace(/\./g, "-")}`;
  const refText = typeof reference === "number" ? `${shown(lang, def, reference)} ${unitOf(def, lang)}` : "";
  return (
    <Field
      className={styles.param}
      label={{ children: parameterLabel(lang, def), htmlFor: id }}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? t(lang, "invalidNumber") : undefined}
      hint={t(lang, "defaultValue", { value: refText })}
    >
      <div className={styles.paramLine}>
        <Input
          id={id}
          className={styles.input}
          value={text}
          inputMode="decimal"
          contentAfter={<Text size={200}>{unitOf(def, lang)}</Text>}
          onChange={(_, d) => setText(d.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
          }}
          data-param={def.id}
        />
        {changed && (
          <>
            <Badge appearance="tint" color="warning" size="small">
              {t(lang, "modified")}
            </Badge>
            <Button size="small" appearance="subtle" onClick={() => onCommit(reference as number)} aria-label={`${t(lang, "reset")} : ${parameterLabel(lang, def)}`}>
              {t(lang, "reset")}
            </Button>
          </>
        )}
      </div>
    </Field>
  );
}

function YearInput({ lang, label, value, onChange }: { lang: Lang; label: string; value: number; onChange(v: number): void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <Field label={label}>
      <Input
        type="number"
        min={1990}
        max={2100}
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          const n = Number(d.value);
          if (Number.isInteger(n) && n >= 1990 && n <= 2100) onChange(n);
        }}
        aria-label={`${label} (${lang === "fr" ? "aaaa" : "yyyy"})`}
      />
    </Field>
  );
}

function MonthSelect({ lang, label, value, onChange }: { lang: Lang; label: string; value: number; onChange(v: number): void }) {
  return (
    <Field label={label}>
      <Select style={{ minWidth: 0 }} value={String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        {MONTHS[lang].map((m, i) => (
          <option key={m} value={String(i + 1)}>
            {m}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function PeriodStep({ state, onPeriod, onParameter }: PeriodStepProps) {
  const { lang, period } = state;
  const styles = useStyles();
  const common = useCommonStyles();
  const values: Record<string, number | string> = { ...DEFAULTS, ...state.sheetParameters, ...state.parameters };
  const entity = entityTypeOf(values);
  const set = (patch: Partial<PeriodChoice>) => onPeriod({ ...period, ...patch });
  const main = PANE_PARAMETERS.filter((p) => MAIN_PARAMETER_IDS.includes(p.id));
  const rest = PANE_PARAMETERS.filter((p) => !MAIN_PARAMETER_IDS.includes(p.id) && p.id !== LOCAL_DELAY_ID);
  const today = new Date();
  const dispense = dispenseRowAt(defaultReferenceValues(), dayFromYMD(today.getFullYear(), today.getMonth() + 1, today.getDate()));
  const anyChanged = PANE_PARAMETERS.some((p) => values[p.id] !== DEFAULTS[p.id]);
  const resetAll = () => {
    for (const p of PANE_PARAMETERS) {
      const inSheet = state.sheetParameters[p.id];
      onParameter(p.id, inSheet !== undefined && inSheet !== DEFAULTS[p.id] ? DEFAULTS[p.id] : null);
    }
  };

  return (
    <div className={common.stack}>
      <section className={common.tight} aria-labelledby="period-title">
        <SectionTitle id="period-title">{t(lang, "periodTitle")}</SectionTitle>
        <RadioGroup value={period.mode} onChange={(_, d) => set({ mode: d.value as PeriodMode })} aria-labelledby="period-title">
          {(["auto", "year", "month", "range"] as const).map((m) => (
            <Radio key={m} value={m} label={t(lang, `period_${m}`)} />
          ))}
        </RadioGroup>
        {(period.mode === "year" || period.mode === "month") && (
          <div className={styles.pair}>
            <YearInput lang={lang} label={t(lang, "year")} value={period.year} onChange={(year) => set({ year })} />
            {period.mode === "month" && <MonthSelect lang={lang} label={t(lang, "month")} value={period.month} onChange={(month) => set({ month })} />}
          </div>
        )}
        {period.mode === "range" && (
          <>
            <div className={styles.pair}>
              <MonthSelect lang={lang} label={t(lang, "from")} value={period.fromMonth} onChange={(fromMonth) => set({ fromMonth })} />
              <YearInput lang={lang} label={t(lang, "year")} value={period.fromYear} onChange={(fromYear) => set({ fromYear })} />
            </div>
            <div className={styles.pair}>
              <MonthSelect lang={lang} label={t(lang, "to")} value={period.toMonth} onChange={(toMonth) => set({ toMonth })} />
              <YearInput lang={lang} label={t(lang, "year")} value={period.toYear} onChange={(toYear) => set({ toYear })} />
            </div>
          </>
        )}
      </section>

      <section className={common.section} aria-labelledby="entity-title">
        <SectionTitle id="entity-title">{t(lang, "entityTitle")}</SectionTitle>
        <Caption1 className={common.muted}>{t(lang, "entityHint")}</Caption1>
        <RadioGroup
          value={entity}
          aria-labelledby="entity-title"
          onChange={(_, d) => onParameter(LOCAL_DELAY_ID, d.value === "sante" ? (values[HOSPITAL_DELAY_ID] as number) : 30)}
        >
          <Radio value="collectivite" label={t(lang, "entity_collectivite")} />
          <Radio value="sante" label={t(lang, "entity_sante")} />
          {entity === "custom" && <Radio value="custom" label={t(lang, "entity_custom", { n: String(values[LOCAL_DELAY_ID]) })} disabled />}
        </RadioGroup>
      </section>

      <section className={common.section} aria-labelledby="params-title">
        <SectionTitle id="params-title">{t(lang, "parametersTitle")}</SectionTitle>
        <Caption1 className={common.muted}>{t(lang, "parametersHint")}</Caption1>
        <Caption1 className={common.muted}>
          {t(lang, "dispenseNote", { ss: formatEuros(lang, dispense.suppliesServicesCents / 100), works: formatEuros(lang, dispense.worksCents / 100) })}
        </Caption1>
        <div className={styles.list}>
          {main.map((def) => (
            <ParameterInput key={def.id} lang={lang} def={def} value={values[def.id]} onCommit={(v) => onParameter(def.id, v)} />
          ))}
        </div>
        <Accordion collapsible>
          <AccordionItem value="all">
            <AccordionHeader size="small">{t(lang, "allParameters", { n: formatNumber(lang, rest.length) })}</AccordionHeader>
            <AccordionPanel>
              <div className={styles.list}>
                {rest.map((def) => (
                  <ParameterInput key={def.id} lang={lang} def={def} value={values[def.id]} onCommit={(v) => onParameter(def.id, v)} />
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
        {anyChanged && (
          <div>
            <Button size="small" onClick={resetAll}>
              {t(lang, "resetAll")}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
