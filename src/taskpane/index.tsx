import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

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

function render(info: HostInfo): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("Optima Achats: élément #container introuvable dans taskpane.html");
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App host={info.host} />
    </FluentProvider>
  );
}

whenOfficeReady()
  .catch((): HostInfo => ({ host: null, platform: null }))
  .then(render);
