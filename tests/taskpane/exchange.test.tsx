/** @jest-environment jsdom */
/**
 * The pane's peer exchange (issue #15 §4) and the buyer's DECP export (issue #11 §4), through the
 * whole App on an in-memory workbook, the engine in the same thread: « Exporter ma fiche » offers
 * the fiche as a download link (object URL; URL.createObjectURL is mocked and the Blob read back),
 * « Importer des fiches de pairs » checks every file with the CLI's schema and writes the
 * Comparaison sheet with the peers' quartiles, « Exporter mes données essentielles (DECP) » offers
 * the DECP 2024 JSON and lists every contract that cannot be written.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { createInlineRunner } from "../../src/taskpane/inline-runner";
import { readText } from "../../src/taskpane/exchange";
import { InMemoryWorkbook } from "../../src/taskpane/memory-workbook";
import type { TableSpec } from "../../src/report/spec";
import { DECP_JSON_SCHEMA, M1_COMPLEMENTS } from "../helpers/decp";
import { validateJson } from "../helpers/json-schema";

jest.setTimeout(60_000);

const schema = DECP_JSON_SCHEMA;

// A contracts register of one commune (SIRET 21930077000018 → SIREN 219300770), all notified in 2024:
//   M1 250 000 € appel d'offres ouvert, 4 offres
//   M2  12 000 € MAPA, 2 offres
//   M3  90 000 € MAPA, 3 offres
//   M4  60 000 € MAPA, 1 offre
//   M5  45 000 € appel d'offres ouvert, 1 offre
//   M6  30 000 € sans publicité ni mise en concurrence, 1 offre
// The data end on 4 July 2024: the automatic period is 2024 to date, labelled "2024-01..2024-07"
// (core/period.ts), hence the file names fiche-comparaison-2024-01-2024-07….json.
// Hand-computed KPIs of the fiche (core/peers/kpis.ts rules):
//   contracts 6 (anonymised: rounded down to a multiple of 5 → 5)
//   singleBidRate: competitive procedures with bids = M1..M5 (M6 is a direct award) → 2 single
//     bids (M4, M5) / 5 = 40 %
//   averageBids (4 + 2 + 3 + 1 + 1) / 5 = 2,2
//   mapaShare 3 / 6 = 50 %
//   averageAmount (250 000 + 12 000 + 90 000 + 60 000 + 45 000 + 30 000) / 6 = 81 166,67 €
//     → rounded to the nearest 1 000 € in a fiche → 81 000
// DECP (threshold 40 000 € HT, R2196-1): M2 and M6 below (2); M1, M3, M4, M5 lack the fields a
// register does not give (ccag, formePrix…) → not written (4), unless complements give them.
const HEADERS = [
  "id", "acheteur.id", "objet", "codeCPV", "procedure", "dateNotification", "dureeMois", "montant",
  "titulaire.id", "titulaire", "offresRecues", "marcheInnovant", "considerationsSociales",
  "considerationsEnvironnementales", "techniques",
];
const NONE_S = "Pas de considération sociale";
const NONE_E = "Pas de considération environnementale";
const AOO = "Appel d'offres ouvert";
const MAPA = "Procédure adaptée";
const DIRECT = "Marché passé sans publicité ni mise en concurrence préalable";
const ROWS: (string | number)[][] = [
  ["M1", "21930077000018", "Voirie", "45233140-2", AOO, "15/03/2024", 24, 250000, "32901414700022", "COLAS", 4, "non", NONE_S, NONE_E, "Sans objet"],
  ["M2", "21930077000018", "Papier", "30197630-1", MAPA, "20/03/2024", 12, 12000, "32901414700022", "COLAS", 2, "non", NONE_S, NONE_E, "Sans objet"],
  ["M3", "21930077000018", "Écoles", "45214200-2", MAPA, "01/04/2024", 12, 90000, "32901414700022", "COLAS", 3, "non", NONE_S, NONE_E, "Sans objet"],
  ["M4", "21930077000018", "Éclairage", "45316110-9", MAPA, "02/05/2024", 12, 60000, "32901414700022", "COLAS", 1, "non", NONE_S, NONE_E, "Sans objet"],
  ["M5", "21930077000018", "Toitures", "45261000-4", AOO, "03/06/2024", 12, 45000, "32901414700022", "COLAS", 1, "non", NONE_S, NONE_E, "Sans objet"],
  ["M6", "21930077000018", "Urgence", "45453000-7", DIRECT, "04/07/2024", 6, 30000, "32901414700022", "COLAS", 1, "non", NONE_S, NONE_E, "Sans objet"],
];
const COMPLEMENTS = M1_COMPLEMENTS;

function registerWorkbook(): InMemoryWorkbook {
  return new InMemoryWorkbook({
    tables: [{ name: "Registre", sheet: "Registre", rows: [HEADERS, ...ROWS], isExcelTable: true }],
  });
}

/** A peer's fiche as another collectivité's pane or CLI writes it (core/peers/fiche.ts format). */
function peerFiche(label: string, singleBidRate: number) {
  return {
    format: "optima-achats/fiche",
    version: 1,
    createdOn: "2025-02-01",
    producer: "Optima Achats",
    anonymised: true,
    label,
    siren: null,
    category: "commune",
    band: "all",
    population: null,
    period: { label: "2024", year: 2024 },
    kpis: { singleBidRate: { value: singleBidRate, n: 10 }, contracts: { value: 20, n: 20 } },
    indicators: {},
  };
}

function jsonFile(name: string, content: unknown): File {
  return new File([typeof content === "string" ? content : JSON.stringify(content)], name, { type: "application/json" });
}

let blobs: Blob[];
beforeEach(() => {
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
  blobs = [];
  let n = 0;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:optima/${++n}`;
  });
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => jest.restoreAllMocks());

function renderApp(wb: InMemoryWorkbook) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={null} lang="fr" gateway={wb} createRunner={() => createInlineRunner()} saveDelayMs={0} />
    </FluentProvider>,
  );
}

async function analysed(wb: InMemoryWorkbook) {
  const view = renderApp(wb);
  await screen.findByRole("heading", { level: 2, name: "Sources" }, { timeout: 20_000 });
  fireEvent.click(screen.getByRole("tab", { name: /Analyser/ }));
  fireEvent.click(screen.getByTestId("run-button"));
  await screen.findByTestId("kpis", {}, { timeout: 30_000 });
  return view;
}

/** The blob behind a download link (the object URL the mock handed out). */
async function blobText(link: HTMLElement): Promise<string> {
  const url = link.getAttribute("href") ?? "";
  const i = Number(url.split("/").pop()) - 1;
  expect(blobs[i]).toBeDefined();
  return readText(blobs[i]);
}

function comparisonRow(wb: InMemoryWorkbook, table: string, label: string): Record<string, unknown> {
  const spec = wb.specNamed("Comparaison");
  expect(spec).not.toBeNull();
  const t = spec!.tables.find((x) => x.name === table) as TableSpec;
  const row = t.rows.find((r) => r[0] === label);
  expect(row).toBeDefined();
  return Object.fromEntries(t.columns.map((c, i) => [c.key, row![i]]));
}

describe("« Exporter ma fiche » (issue #15 §4)", () => {
  it("offers the anonymised fiche of the analysis as a .json download link that takes the focus", async () => {
    await analysed(registerWorkbook());
    expect(screen.getByRole("checkbox", { name: /Anonymiser la fiche/ })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "Exporter ma fiche" }));
    const link = await screen.findByTestId("fiche-download", {}, { timeout: 20_000 });
    expect(link.getAttribute("download")).toBe("fiche-comparaison-2024-01-2024-07-anonyme.json");
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(screen.getByTestId("fiche-status").textContent).toMatch(/^Fiche prête : Collectivité anonyme, .*, période 2024-01\.\.2024-07, /);
    const fiche = JSON.parse(await blobText(link));
    expect(fiche.format).toBe("optima-achats/fiche");
    expect([fiche.label, fiche.siren, fiche.population, fiche.anonymised]).toEqual(["Collectivité anonyme", null, null, true]);
    expect(fiche.period).toEqual({ label: "2024-01..2024-07", year: 2024 });
    // Hand-computed above; anonymised counts are rounded down to a multiple of 5.
    expect(fiche.kpis.contracts).toEqual({ value: 5, n: 5 });
    expect(fiche.kpis.singleBidRate).toEqual({ value: 40, n: 5 });
    expect(fiche.kpis.averageBids.value).toBeCloseTo(2.2, 10);
    expect(fiche.kpis.mapaShare).toEqual({ value: 50, n: 5 });
    expect(fiche.kpis.averageAmount).toEqual({ value: 81_000, n: 5 });
  });

  it("where downloads are refused, the fiche's text can be copied to the clipboard instead", async () => {
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await analysed(registerWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "Exporter ma fiche" }));
    const link = await screen.findByTestId("fiche-download", {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: /^Copier le contenu/ }));
    expect(await screen.findByText(/^Contenu copié : collez-le dans un fichier texte nommé « fiche-comparaison-2024-01-2024-07-anonyme\.json »/)).toBeTruthy();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0][0]).toBe(await blobText(link));
    // A clipboard that refuses says what else to do.
    writeText.mockRejectedValueOnce(new Error("NotAllowedError"));
    fireEvent.click(screen.getByRole("button", { name: /^Copier le contenu/ }));
    expect(await screen.findByText(/^La copie n'est pas permise ici : utilisez le lien de téléchargement/)).toBeTruthy();
  });

  it("unticked, the fiche names the buyer by its SIREN (the first 9 digits of the SIRET)", async () => {
    await analysed(registerWorkbook());
    fireEvent.click(screen.getByRole("checkbox", { name: /Anonymiser la fiche/ }));
    fireEvent.click(screen.getByRole("button", { name: "Exporter ma fiche" }));
    const link = await screen.findByTestId("fiche-download", {}, { timeout: 20_000 });
    expect(link.getAttribute("download")).toBe("fiche-comparaison-2024-01-2024-07.json");
    const fiche = JSON.parse(await blobText(link));
    expect([fiche.siren, fiche.anonymised]).toEqual(["219300770", false]);
    expect(fiche.kpis.contracts).toEqual({ value: 6, n: 6 });
  });
});

describe("« Importer des fiches de pairs » (issue #15 §4)", () => {
  it("a bad file is named with its problem and nothing is imported", async () => {
    const wb = registerWorkbook();
    await analysed(wb);
    const before = comparisonRow(wb, "tblCompConcurrence", "Taux d'offre unique");
    expect(before.peerN).toBeNull();
    const files = [
      jsonFile("pair-ok.json", peerFiche("A", 10)),
      jsonFile("pair-casse.json", "{ pas du json"),
      jsonFile("pair-autre.json", { format: "autre-chose", version: 1 }),
      jsonFile("pair-v2.json", { ...peerFiche("B", 20), version: 2 }),
    ];
    await act(async () => {
      fireEvent.change(screen.getByTestId("peers-file"), { target: { files } });
    });
    const problems = await screen.findByTestId("peers-problems");
    const items = within(problems).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^Le fichier « pair-casse\.json » n'est pas un fichier JSON valide/);
    expect(items[1]).toMatch(/^Le fichier « pair-autre\.json » n'est pas une fiche de comparaison Optima Achats \(champ « format » différent de « optima-achats\/fiche »\)\. Demandez à la collectivité/);
    expect(items[2]).toMatch(/^Le fichier « pair-v2\.json » n'est pas une fiche de comparaison Optima Achats \(version 2 inconnue\)/);
    expect(screen.getByText("Aucune fiche n'a été importée : corrigez ou retirez ces fichiers, puis réessayez.")).toBeTruthy();
    expect(comparisonRow(wb, "tblCompConcurrence", "Taux d'offre unique").peerN).toBeNull();
  });

  it("five peers' fiches: the Comparaison sheet shows their quartiles; removing them writes it without", async () => {
    const wb = registerWorkbook();
    await analysed(wb);
    // Peers' single-bid rates 10, 20, 30, 40, 60 %: type-7 quartiles (h = (n − 1)·p, n = 5):
    // Q1 = x[1] = 20, median = x[2] = 30, Q3 = x[3] = 40 → fractions 0,2 / 0,3 / 0,4 in the sheet.
    const files = [10, 20, 30, 40, 60].map((v, i) => jsonFile(`pair-${i + 1}.json`, peerFiche(`Pair ${i + 1}`, v)));
    await act(async () => {
      fireEvent.change(screen.getByTestId("peers-file"), { target: { files } });
    });
    await waitFor(() => expect(screen.getByTestId("peers-status").textContent).toMatch(/Feuille « Comparaison » réécrite avec 5 fiche\(s\) de pairs\./), { timeout: 20_000 });
    expect(screen.getByTestId("peers-status").textContent).toMatch(/pair-1\.json, pair-2\.json, pair-3\.json, pair-4\.json, pair-5\.json/);
    const row = comparisonRow(wb, "tblCompConcurrence", "Taux d'offre unique");
    expect(row.peerN).toBe(5);
    expect(row.peerQ1 as number).toBeCloseTo(0.2, 10);
    expect(row.peerMedian as number).toBeCloseTo(0.3, 10);
    expect(row.peerQ3 as number).toBeCloseTo(0.4, 10);

    // A new analysis in the same session compares with the same peers.
    fireEvent.click(screen.getByRole("tab", { name: /Analyser/ }));
    fireEvent.click(screen.getByTestId("run-button"));
    await screen.findByTestId("peers-clear", {}, { timeout: 30_000 });
    expect(comparisonRow(wb, "tblCompConcurrence", "Taux d'offre unique").peerN).toBe(5);

    fireEvent.click(screen.getByTestId("peers-clear"));
    await waitFor(() => expect(screen.getByTestId("peers-status").textContent).toMatch(/réécrite sans fiches de pairs/), { timeout: 20_000 });
    expect(comparisonRow(wb, "tblCompConcurrence", "Taux d'offre unique").peerN).toBeNull();
  });

  it("the buyer's own fiche (same SIREN, same period) is set aside, and said so", async () => {
    const wb = registerWorkbook();
    await analysed(wb);
    const own = { ...peerFiche("Ma commune", 40), anonymised: false, siren: "219300770", period: { label: "2024-01..2024-07", year: 2024 } };
    const files = [jsonFile("ma-fiche.json", own), jsonFile("pair-1.json", peerFiche("Pair 1", 10))];
    await act(async () => {
      fireEvent.change(screen.getByTestId("peers-file"), { target: { files } });
    });
    await waitFor(() => expect(screen.getByTestId("peers-status").textContent).toMatch(
      /réécrite avec 1 fiche\(s\) de pairs\. 1 fiche\(s\) de votre propre collectivité pour la même période mise\(s\) de côté\./,
    ), { timeout: 20_000 });
  });

  it("fewer than 5 fiches: says that the peer quartiles need 5 (no figure from fewer than 5 buyers)", async () => {
    const wb = registerWorkbook();
    await analysed(wb);
    const files = [10, 20].map((v, i) => jsonFile(`pair-${i + 1}.json`, peerFiche(`Pair ${i + 1}`, v)));
    await act(async () => {
      fireEvent.change(screen.getByTestId("peers-file"), { target: { files } });
    });
    await waitFor(() => expect(screen.getByTestId("peers-status").textContent).toMatch(/2 fiche\(s\) de pairs\. Les quartiles des pairs s'affichent à partir de 5 fiches/), { timeout: 20_000 });
    expect(comparisonRow(wb, "tblCompConcurrence", "Taux d'offre unique").peerN).toBeNull();
  });
});

describe("« Exporter mes données essentielles (DECP) » (issue #11 §4, R2196-1)", () => {
  it("without complements: no contract can be written; each one is listed with its missing fields, and a template is offered", async () => {
    await analysed(registerWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "Exporter mes données essentielles (DECP)" }));
    await waitFor(() => expect(screen.getByTestId("decp-export-status").textContent).toBe(
      "0 marché(s) de 40 000 € HT ou plus écrit(s) au format DECP 2024 ; 4 non écrit(s) faute de champs obligatoires ; 2 sous le seuil de 40 000 € HT.",
    ), { timeout: 20_000 });
    expect(screen.queryByTestId("decp-download")).toBeNull();
    const lines = within(screen.getByTestId("decp-not-written")).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(lines.map((l) => /Marché « (M\d) »/.exec(l)?.[1])).toEqual(["M1", "M3", "M4", "M5"]);
    expect(lines[1]).toMatch(/^Marché « M3 » \(Registre, ligne \d+\) non publié, champs obligatoires manquants : modalitesExecution — .*ccag — indiquez le CCAG de référence/);
    const template = JSON.parse(await blobText(screen.getByTestId("decp-template")));
    expect(Object.keys(template)).toEqual(["M1", "M3", "M4", "M5"]);
    expect(template.M3.ccag).toBeNull();
    expect(template.M3.formePrix).toBeNull();
  });

  it("with a complements file: M1 is written as DECP 2024, valid against the official schema", async () => {
    await analysed(registerWorkbook());
    fireEvent.change(screen.getByTestId("complements-file"), { target: { files: [jsonFile("complements.json", COMPLEMENTS)] } });
    expect(screen.getByTestId("complements-name").textContent).toBe("Compléments : complements.json");
    fireEvent.click(screen.getByRole("button", { name: "Exporter mes données essentielles (DECP)" }));
    const link = await screen.findByTestId("decp-download", {}, { timeout: 20_000 });
    expect(link.getAttribute("download")).toMatch(/^decp-\d{4}-\d{2}-\d{2}\.json$/);
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(screen.getByTestId("decp-export-status").textContent).toMatch(/^1 marché\(s\) .* ; 3 non écrit\(s\) .* ; 2 sous le seuil/);
    const doc = JSON.parse(await blobText(link));
    expect(doc.marches.marche.map((m: { id: string; montant: number }) => [m.id, m.montant])).toEqual([["M1", 250_000]]);
    expect(validateJson(schema, doc)).toEqual([]);
    expect(within(screen.getByTestId("decp-not-written")).getAllByRole("listitem")).toHaveLength(3);
  });

  it("a complements file of the wrong shape is named, and nothing is exported", async () => {
    await analysed(registerWorkbook());
    fireEvent.change(screen.getByTestId("complements-file"), { target: { files: [jsonFile("compl.json", { M1: "Travaux" })] } });
    fireEvent.click(screen.getByRole("button", { name: "Exporter mes données essentielles (DECP)" }));
    expect(await screen.findByText(/^Le fichier « compl\.json » n'associe pas à chaque numéro de marché un objet de champs DECP\./)).toBeTruthy();
    expect(screen.queryByTestId("decp-download")).toBeNull();
  });

  it("the pane reopened since the last run analyses again without writing any sheet", async () => {
    const wb = registerWorkbook();
    const first = await analysed(wb);
    first.unmount();
    const write = jest.spyOn(wb, "writeWorkbook");
    renderApp(wb);
    await screen.findByTestId("kpis", {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: "Exporter mes données essentielles (DECP)" }));
    await waitFor(() => expect(screen.getByTestId("decp-export-status").textContent).toMatch(/4 non écrit\(s\)/), { timeout: 30_000 });
    expect(write).not.toHaveBeenCalled();
  });
});

describe("an exchange task that fails unexpectedly", () => {
  it("says so in French with the technical detail, drops the previous file, and « Réessayer » runs it again", async () => {
    // The engine's fiche fails on the 2nd call only: 1st call a file, 2nd the error, 3rd (the retry) a file again.
    let calls = 0;
    const createRunner = () => {
      const runner = createInlineRunner();
      const fiche = runner.fiche.bind(runner);
      runner.fiche = (options) => (++calls === 2 ? Promise.reject(new Error("disque plein")) : fiche(options));
      return runner;
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={null} lang="fr" gateway={registerWorkbook()} createRunner={createRunner} saveDelayMs={0} />
      </FluentProvider>,
    );
    await screen.findByRole("heading", { level: 2, name: "Sources" }, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("tab", { name: /Analyser/ }));
    fireEvent.click(screen.getByTestId("run-button"));
    await screen.findByTestId("kpis", {}, { timeout: 30_000 });
    const section = screen.getByTestId("peer-exchange");

    fireEvent.click(screen.getByRole("button", { name: "Exporter ma fiche" }));
    await screen.findByTestId("fiche-download", {}, { timeout: 20_000 });

    fireEvent.click(screen.getByRole("button", { name: "Exporter ma fiche" }));
    const alert = await within(section).findByRole("alert", {}, { timeout: 20_000 });
    expect(alert.textContent).toContain("Une erreur est survenue");
    expect(alert.textContent).toContain("Error: disque plein");
    expect(screen.queryByTestId("fiche-download")).toBeNull();
    expect(screen.queryByTestId("fiche-copy")).toBeNull();

    fireEvent.click(within(alert).getByRole("button", { name: "Réessayer" }));
    await screen.findByTestId("fiche-download", {}, { timeout: 20_000 });
    expect(within(section).queryByRole("alert")).toBeNull();
    expect(calls).toBe(3);
  });
});
