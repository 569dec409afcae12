/** Small building blocks shared by the steps: error messages, section headings, status badges. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { forwardRef, type ReactNode } from "react";
import type { UserMessage } from "../errors";
import { t, type Lang } from "../i18n";
import type { MappingStatus } from "../tables";

export const useCommonStyles = makeStyles({
  stack: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  tight: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  details: {
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    wordBreak: "break-word",
  },
  fullWidth: {
    width: "100%",
  },
  hidden: {
    display: "none",
  },
});

export function SectionTitle({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <Subtitle2 as="h3" id={id} style={{ margin: 0 }}>
      {children}
    </Subtitle2>
  );
}

/** An error the user can act on: the sentence, an optional action, the technical detail collapsed. */
export function ErrorMessage({ lang, error, onRetry, title }: { lang: Lang; error: UserMessage; onRetry?: () => void; title?: string }) {
  const styles = useCommonStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t(lang, "errorTitle")}</MessageBarTitle>
        {error.message}
        {error.detail && (
          <details className={styles.details}>
            <summary>{t(lang, "technicalDetail")}</summary>
            {error.detail}
          </details>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t(lang, "retry")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function StatusBadge({ lang, status }: { lang: Lang; status: MappingStatus }) {
  const map = {
    ok: { color: "success", key: "mappingOk" },
    missing: { color: "danger", key: "mappingMissing" },
    unknown: { color: "warning", key: "mappingUnknown" },
  } as const;
  const m = map[status];
  return (
    <Badge appearance="tint" color={m.color} shape="rounded">
      {t(lang, m.key)}
    </Badge>
  );
}

/** What the JSON file pickers accept. */
export const JSON_FILES = ".json,application/json";

/**
 * A hidden file input, opened by a button through its ref. Hands over the files chosen (none:
 * nothing happens) and forgets them, so that choosing the same file again is seen again.
 */
export const HiddenFileInput = forwardRef<
  HTMLInputElement,
  { accept: string; label: string; testId: string; multiple?: boolean; onFiles(files: File[]): void }
>(function HiddenFileInput({ accept, label, testId, multiple, onFiles }, ref) {
  const styles = useCommonStyles();
  return (
    <input
      ref={ref}
      className={styles.hidden}
      type="file"
      multiple={multiple}
      accept={accept}
      data-testid={testId}
      aria-label={label}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = "";
        if (files.length > 0) onFiles(files);
      }}
    />
  );
});
