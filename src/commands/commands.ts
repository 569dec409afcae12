/* global Office */

/*
 * Ribbon commands without UI (manifest FunctionFile "Commands.Url" -> commands.html).
 * Each ExecuteFunction button names a function registered here with Office.actions.associate.
 */

/**
 * "Actualiser l'analyse" button (manifest FunctionName `refreshAnalysis`).
 * Office waits for `event.completed()`: it must be called on every path, errors included,
 * otherwise the button stays busy until Office times the command out.
 */
export async function refreshAnalysis(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // TODO(task pane issue #5): re-run the saved analysis here (read the mapped purchase tables,
    // recompute the indicators, rewrite the dashboard sheets) and report the outcome.
    // Until then the command is wired end to end but deliberately does nothing.
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to initialise yet: the commands are registered below, as soon as office.js is loaded.
  });
  Office.actions.associate("refreshAnalysis", refreshAnalysis);
}
