import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectLang, t, type Lang } from "./i18n";
import { workerRunnerFactory } from "./worker-client";

/** Where the pane runs: `host` is null outside an Office client (plain browser preview). */
export interface HostInfo {
  host: string | null;
  platform: string | null;
}

/**
 * Waits for office.js. When office.js could not be loaded at all (CDN unreachable, page opened
 * without it) the `Office` global is missing: behave as a plain browser instead of throwing.
 */
function whenOfficeReady(): Promise<HostInfo> {
  if (typeof Office === "undefined") {
    return Promise.resolve({ host: null, platform: null });
  }
  // The typings declare HostType/PlatformType as enums; at runtime they are strings ("Excel") or null.
  return Office.onReady().then((info): HostInfo => ({
    host: info?.host ? String(info.host) : null,
    platform: info?.platform ? String(info.platform) : null,
  }));
}

function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null;
  }
}

/** The Office.js gateway could not be loaded (chunk missing, host too old): say so instead of failing. */
function ExcelUnavailable({ lang }: { lang: Lang }) {
  return (
    <main style={{ padding: 16 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, "appTitle")}</MessageBarTitle>
          {t(lang, "excelGatewayMissing")}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

async function render(info: HostInfo): Promise<void> {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("Optima Achats: élément #container introuvable dans taskpane.html");
  }
  const lang = detectLang(window.location.search, officeDisplayLanguage());
  document.documentElement.lang = lang;
  const root = createRoot(container);
  if (info.host === null) {
    // Plain browser: the preview shell with the in-memory workbook (loaded on demand, own chunk).
    const { PreviewShell } = await import(/* webpackChunkName: "preview" */ "./preview/PreviewShell");
    const params = new URLSearchParams(window.location.search);
    const width = Math.min(640, Math.max(280, Number(params.get("width")) || 350));
    const scale = Math.min(50, Math.max(1, Math.floor(Number(params.get("scale")) || 1)));
    root.render(
      <FluentProvider theme={webLightTheme}>
        <PreviewShell lang={lang} paneWidth={width} scale={scale} loadDemo={params.get("demo") !== "none"} createRunner={workerRunnerFactory} />
      </FluentProvider>,
    );
    return;
  }
  // In Excel: the Office.js gateway (src/excel), in its own chunk.
  let gateway;
  try {
    const { ExcelWorkbookGateway } = await import(/* webpackChunkName: "excel" */ "../excel");
    gateway = new ExcelWorkbookGateway();
  } catch (error) {
    console.warn("[Optima Achats] passerelle Excel :", error);
    root.render(
      <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
        <ExcelUnavailable lang={lang} />
      </FluentProvider>,
    );
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App host={info.host} lang={lang} gateway={gateway} createRunner={workerRunnerFactory} />
    </FluentProvider>,
  );
}

whenOfficeReady()
  .catch((): HostInfo => ({ host: null, platform: null }))
  .then(render)
  .catch((error) => console.warn("[Optima Achats] démarrage :", error));
