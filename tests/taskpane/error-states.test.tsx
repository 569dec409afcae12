/** @jest-environment jsdom */
/**
 * The pane's error states, with the whole App on an in-memory workbook and the engine in the same
 * thread: every failure ends in a plain sentence with a way out (retry, another step), nothing
 * stays spinning, a cancelled run writes nothing, and the choices persist in the workbook.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { PaneError } from "../../src/taskpane/errors";
import type { Lang } from "../../src/taskpane/i18n";
import type { InMemoryWorkbook } from "../../src/taskpane/memory-workbook";
import { createInlineRunner } from "../../src/taskpane/inline-runner";
import type { AnalysisRunner, RunnerFactory } from "../../src/taskpane/runner";
import { demoWorkbook } from "./helpers";

jest.setTimeout(60_000);

// The pane logs the technical side of every failure with console.warn: expected here, kept quiet.
beforeEach(() => jest.spyOn(console, "warn").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

function renderApp(wb: InMemoryWorkbook, createRunner: RunnerFactory = () => createInlineRunner(), lang: Lang = "fr") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={null} lang={lang} gateway={wb} createRunner={createRunner} saveDelayMs={0} />
    </FluentProvider>,
  );
}

async function loaded() {
  await screen.findByRole("heading", { level: 2, name: "Sources" }, { timeout: 20_000 });
}

function goTo(name: RegExp) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

describe("task pane error states", () => {
  it("says the workbook does not answer, then recovers on retry", async () => {
    const wb = demoWorkbook();
    wb.failNext("listTables", "timeout");
    renderApp(wb);
    expect(
      await screen.findByText("Excel ne répond pas. Enregistrez votre classeur, puis réessayez ; si le problème persiste, fermez et rouvrez le volet."),
    ).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    await loaded();
    expect(screen.getAllByRole("checkbox")).toHaveLength(5);
  });

  it("shows the outside-Excel banner", async () => {
    renderApp(demoWorkbook());
    await loaded();
    expect(screen.getByText("Hors d'Excel")).toBeTruthy();
  });

  it("a write that fails says why and offers to retry; the retry succeeds", async () => {
    const wb = demoWorkbook();
    wb.failNext("writeWorkbook", "protected");
    renderApp(wb);
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    expect(await screen.findByText("Le classeur ou une feuille est protégé. Ôtez la protection, puis réessayez.", {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.queryByTestId("cancel-button")).toBeNull();
    expect(await wb.listOwnedSheets()).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    expect(screen.getByRole("heading", { level: 2, name: "Résultats" })).toBeTruthy();
  });

  it("a crashed worker becomes a sentence, not a stack trace", async () => {
    const crashing: RunnerFactory = () => {
      const inner = createInlineRunner();
      const runner: AnalysisRunner = { ...inner, run: async () => Promise.reject(new PaneError("worker", "", "RangeError: Array buffer allocation failed")) };
      return runner;
    };
    renderApp(demoWorkbook(), crashing);
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    expect(await screen.findByText(/Le calcul de l'analyse s'est arrêté de façon inattendue/)).toBeTruthy();
    expect(screen.getByText("RangeError: Array buffer allocation failed").closest("details")).toBeTruthy();
    expect(screen.getByTestId("run-button")).toBeTruthy();
  });

  it("cancel stops the run and writes nothing", async () => {
    const wb = demoWorkbook();
    renderApp(wb, () => createInlineRunner({ delayMs: 40 }));
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    const cancel = await screen.findByTestId("cancel-button");
    await waitFor(() => expect(screen.getByTestId("progress")).toBeTruthy());
    fireEvent.click(cancel);
    expect((await screen.findByTestId("run-cancelled", {}, { timeout: 20_000 })).textContent).toBe("Analyse annulée : aucune feuille n'a été modifiée.");
    expect(await wb.listOwnedSheets()).toEqual([]);
    expect(screen.getByTestId("run-button")).toBeTruthy();
  });

  it("without a spend or contracts table, says so and blocks the run", async () => {
    renderApp(demoWorkbook());
    await loaded();
    fireEvent.click(screen.getByRole("checkbox", { name: "Analyser Mandats" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Analyser Marches" }));
    expect(await screen.findByText("Sélectionnez au moins une table de dépenses ou de marchés.")).toBeTruthy();
    goTo(/Analyser/);
    expect(screen.getByTestId("run-blocker").textContent).toMatch(/Aucune table à analyser : cochez au moins une table de dépenses ou de marchés/);
    expect((screen.getByTestId("run-button") as HTMLButtonElement).disabled).toBe(true);
  });

  it("a file that is not DECP is named in the message", async () => {
    renderApp(demoWorkbook());
    await loaded();
    const file = new File(["{ pas du json"], "export.json", { type: "application/json" });
    fireEvent.change(screen.getByTestId("decp-file"), { target: { files: [file] } });
    expect(await screen.findByText(/Le fichier « export\.json » n'est pas un fichier DECP lisible/)).toBeTruthy();
  });

  it("a sheet that cannot be opened gives a notice, the pane stays usable", async () => {
    const wb = demoWorkbook();
    renderApp(wb);
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    wb.failNext("activateSheet", "sheetNotFound", "Cartographie");
    fireEvent.click(screen.getByRole("button", { name: "Ouvrir Cartographie" }));
    expect(await screen.findByText("La feuille « Cartographie » est introuvable : relancez l'analyse pour la recréer.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ouvrir Tableau de bord" }));
    await waitFor(() => expect(wb.activeSheet()).toBe("Tableau de bord"));
  });

  it("keeps the choices in the workbook and reloads them when the pane opens again", async () => {
    const wb = demoWorkbook();
    const first = renderApp(wb);
    await loaded();
    fireEvent.click(screen.getByRole("checkbox", { name: "Analyser Fournisseurs" }));
    await waitFor(async () => expect((await wb.loadSettings())?.tables.find((t) => t.name === "Fournisseurs")?.selected).toBe(false));
    first.unmount();
    renderApp(wb);
    await loaded();
    expect((screen.getByRole("checkbox", { name: "Analyser Fournisseurs" }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole("checkbox", { name: "Analyser Mandats" }) as HTMLInputElement).checked).toBe(true);
  });

  it("a parameter edited in the pane is written to the Paramètres sheet, which then holds it", async () => {
    const wb = demoWorkbook();
    renderApp(wb);
    await loaded();
    goTo(/Période/);
    const input = screen.getByLabelText("Scénario central d'économies de mutualisation") as HTMLInputElement;
    expect(input.value).toBe("5");
    fireEvent.change(input, { target: { value: "7,5" } });
    fireEvent.blur(input);
    expect(await screen.findByText("modifié")).toBeTruthy();
    goTo(/Analyser/);
    expect(screen.getByText("Paramètres modifiés : 1")).toBeTruthy();
    fireEvent.click(screen.getByTestId("run-button"));
    await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    expect((await wb.loadSettings())?.parameters).toEqual({});
    expect(wb.ownedValues("Paramètres")!.flat()).toContain(0.075);
    goTo(/Période/);
    expect((screen.getByLabelText("Scénario central d'économies de mutualisation") as HTMLInputElement).value).toBe("7,5");
    expect(screen.getByText("modifié")).toBeTruthy();
  });

  it("refreshing the list of tables keeps the user on the Sources step", async () => {
    const wb = demoWorkbook();
    renderApp(wb);
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    goTo(/Sources/);
    fireEvent.click(screen.getByRole("button", { name: "Actualiser la liste" }));
    await loaded();
    await waitFor(() => expect(screen.getAllByRole("checkbox")).toHaveLength(5));
    expect(screen.getByRole("heading", { level: 2, name: "Sources" })).toBeTruthy();
  });

  it("after a run, reopening the pane shows the last results", async () => {
    const wb = demoWorkbook();
    const first = renderApp(wb);
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    first.unmount();
    await act(async () => {
      renderApp(wb, undefined, "fr");
    });
    expect(await screen.findByTestId("kpis", {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Résultats" })).toBeTruthy();
  });
});

describe("task pane key indicators (issue #12: a tile opens its detail lines)", () => {
  it("clicking a tile activates the sheet of its detail lines, named in the tile's accessible name", async () => {
    const wb = demoWorkbook();
    renderApp(wb);
    await loaded();
    goTo(/Analyser/);
    fireEvent.click(screen.getByTestId("run-button"));
    const kpis = await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    // SP1's detail lines are on the Cartographie (tiles.ts: detail "cartographie").
    const sp1 = kpis.querySelector('[data-kpi="SP1"] button') as HTMLButtonElement;
    // Its accessible name: the visible text (label, value…), then where it leads.
    expect(sp1.textContent).toMatch(/^Dépense totale HT.*€.*Ouvrir le détail dans Cartographie$/);
    fireEvent.click(sp1);
    await waitFor(() => expect(wb.activeSheet()).toBe("Cartographie"));
    // PF3 has no detail sheet of its own: its line of the dashboard's indicator table.
    fireEvent.click(kpis.querySelector('[data-kpi="PF3"] button') as HTMLButtonElement);
    await waitFor(() => expect(wb.activeSheet()).toBe("Tableau de bord"));
  });
});
