/* global Office */

/*
 * Ribbon commands without UI (manifest FunctionFile "Commands.Url" -> commands.html).
 * Each ExecuteFunction button names a function registered here with Office.actions.associate.
 */
import { isCancellation, toUserMessage } from "../taskpane/errors";
import { detectLang } from "../taskpane/i18n";
import { recordRefresh, runSavedAnalysis } from "../taskpane/pipeline";
import { workerRunnerFactory } from "../taskpane/worker-client";

function displayLanguage(): string | null {
  try {
    return Office.context?.displayLanguage ?? null;
  } catch {
    return null;
  }
}

/**
 * "Actualiser l'analyse" button (manifest FunctionName `refreshAnalysis`): the last analysis again
 * (monthly refresh), with the settings saved in the workbook, through the same pipeline as the pane
 * (runSavedAnalysis: read → worker → all-or-nothing write).
 *
 * Function commands have no UI, and Excel offers no notification API to them (Outlook's
 * notificationMessages do not exist in Excel; a dialog would need a page of its own and interrupt
 * the user). So the outcome is recorded in the workbook settings (`lastRefresh`) and the pane shows
 * a failure the next time it opens; the technical detail goes to the console.
 *
 * Office waits for `event.completed()`: it is called on every path, errors included, otherwise the
 * button stays busy until Office times the command out.
 */
export async function refreshAnalysis(event: Office.AddinCommands.Event): Promise<void> {
  const lang = detectLang("", displayLanguage());
  let gateway: import("../workbook/gateway").WorkbookGateway | null = null;
  try {
    const { ExcelWorkbookGateway } = await import(/* webpackChunkName: "excel" */ "../excel");
    gateway = new ExcelWorkbookGateway();
    const outcome = await runSavedAnalysis(gateway, workerRunnerFactory);
    await recordRefresh(gateway, {
      date: new Date().toISOString(),
      ok: true,
      message: outcome.summary.period.label,
    });
  } catch (error) {
    if (!isCancellation(error)) {
      const message = toUserMessage(error, lang);
      console.warn("[Optima Achats] Actualiser l'analyse :", message.message, message.detail);
      if (gateway)
        await recordRefresh(gateway, {
          date: new Date().toISOString(),
          ok: false,
          message: message.message,
        });
    }
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to initialise: the commands are registered below, as soon as office.js is loaded.
  });
  Office.actions.associate("refreshAnalysis", refreshAnalysis);
}
