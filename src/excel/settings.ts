/**
 * Settings saved in the workbook (`workbook.settings`, ExcelApi 1.4): the pane's choices — tables
 * and their column mapping, period, pending parameters, last run — as the JSON of `PaneSettings`
 * under SETTINGS_KEY, so that a colleague who opens the shared file gets the same analysis.
 *
 * - Saved with the file, no `saveAsync` (that is the older `Office.context.document.settings`).
 *   Scope: the file *and the add-in ID*: the development and production manifests do not see each
 *   other's settings (the owned-sheet anchors, see ownership.ts, do not depend on it).
 * - Size: document settings are documented up to 2 MB per add-in, and they travel in the request.
 *   We keep one value under SETTINGS_MAX_BYTES (1 MB): past it, the header texts kept for change
 *   detection are dropped (the pane then re-detects), and if that is not enough the save fails
 *   with "tooLarge" rather than hitting the host's limit.
 * - Reading never trusts the stored value: parseSettings drops what it cannot read.
 */
import { SETTINGS_KEY } from "../workbook/gateway";
import { parseSettings, type PaneSettings } from "../workbook/settings";
import { ExcelGatewayError } from "./errors";
import type { ExcelSession } from "./excel-run";
import { utf8Length } from "./payload";

export const SETTINGS_MAX_BYTES = 1_000_000;

/** Queues the read of a setting; the returned function gives its value (or null) after the sync. */
export function queueReadSetting(session: ExcelSession, key: string): () => unknown {
  const item = session.workbook.settings.getItemOrNullObject(key).load("value");
  return () => (item.isNullObject ? null : (item.value as unknown));
}

/** Queues the write of a JSON string setting; throws "tooLarge" above SETTINGS_MAX_BYTES. */
export function queueWriteSetting(session: ExcelSession, key: string, json: string): void {
  const bytes = utf8Length(json);
  if (bytes > SETTINGS_MAX_BYTES) {
    throw new ExcelGatewayError(
      "tooLarge",
      `Réglage « ${key} » trop volumineux (${bytes} octets, maximum ${SETTINGS_MAX_BYTES}).`
    );
  }
  session.workbook.settings.add(key, json);
}

/** The JSON to store for the pane settings, made smaller when needed (see the module comment). */
export function settingsJson(settings: PaneSettings): string {
  const json = JSON.stringify(settings);
  if (utf8Length(json) <= SETTINGS_MAX_BYTES) return json;
  return JSON.stringify({
    ...settings,
    tables: settings.tables.map((t) => ({ ...t, headers: [] })),
  });
}

export async function loadPaneSettings(session: ExcelSession): Promise<PaneSettings | null> {
  const read = queueReadSetting(session, SETTINGS_KEY);
  await session.sync();
  const raw = read();
  return raw === null ? null : parseSettings(raw);
}

export async function savePaneSettings(
  session: ExcelSession,
  settings: PaneSettings
): Promise<void> {
  queueWriteSetting(session, SETTINGS_KEY, settingsJson(settings));
  await session.sync();
}
