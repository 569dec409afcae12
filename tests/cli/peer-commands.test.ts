import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs, UsageError, type AnalyseCommand } from "../../src/cli/args";
import { runAnalyseCommand } from "../../src/cli/analyse-command";
import { runPeerCommand } from "../../src/cli/peer-commands";
import type { PeerCommand } from "../../src/cli/peer-args";
import { makeFiche, type Fiche } from "../../src/core/peers/fiche";
import type { KpiValues } from "../../src/core/peers/kpis";
import { readFicheFile, writeFicheJson } from "../../src/file/peer-files";
import { writeWorkbook } from "../../src/file/write-workbook";
import { openXlsx } from "../../src/file/xlsx-reader";
import { buildFicheWorkbook } from "../../src/report/observatoire/workbook";

const CROIX = path.join(__dirname, "../fixtures/real/croix59-decp-v1-marches-securises-2019-2021.json");
const RAW = JSON.parse(fs.readFileSync(CROIX, "utf8")).marches as { id: string; procedure: string; dateNotification: string }[];

/** Croix's MAPA share of a year, counted on the raw file: items with an id (those without are rejected), known procedure. */
function croixMapaShare(year: string): number {
  const items = RAW.filter((m) => m.id && String(m.dateNotification).startsWith(year) && m.procedure);
  return (items.filter((m) => m.procedure === "Procédure adaptée").length / items.length) * 100;
}

let dir: string;
const io = () => {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: (t: string) => (out.stdout += t),
      stderr: { write: (t: string) => (out.stderr += t), isTTY: false },
      runDate: "2026-12-01",
    },
  };
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-peers-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function analyseCmd(output: string, extra: Partial<AnalyseCommand> = {}): AnalyseCommand {
  return { command: "analyse", inputs: [CROIX], output, period: "2020", parametersFile: null, mappingFile: null, json: false, lang: "fr", ...extra };
}

/** Peer i: direct-award share 0, 5, 10, 15, 20 % and MAPA share 10..50 %. */
function peer(i: number): Fiche {
  const kpis: KpiValues = {
    directAwardShare: { value: i * 5, n: 20 },
    mapaShare: { value: (i + 1) * 10, n: 20 },
  };
  return makeFiche({
    createdOn: "2026-11-30",
    producer: "test",
    anonymised: false,
    name: `Commune pair ${i}`,
    siren: `21000000${i}`,
    category: "commune",
    band: "c-20000",
    population: 25_000,
    period: { label: "2020", year: 2020 },
    kpis,
    indicators: { PF1: 50 + i },
  });
}

async function cellsOf(file: string, sheet: string): Promise<unknown[][]> {
  const book = await openXlsx(file);
  const rows: unknown[][] = [];
  await book.readRows(sheet, (row) => {
    rows.push(row);
  });
  return rows;
}

describe("arguments of referentiel, fiche, observatoire", () => {
  test("the three verbs parse; bad options are usage errors in French", () => {
    expect(parseArgs(["referentiel", "a.json", "b.csv", "-o", "r.json"])).toMatchObject({ command: "referentiel", inputs: ["a.json", "b.csv"], output: "r.json" });
    expect(parseArgs(["fiche", "x.xlsx", "-o", "f.xlsx", "--anonyme", "--categorie", "cc"])).toMatchObject({ command: "fiche", anonymised: true, category: "cc" });
    expect(parseArgs(["observatoire", "d/", "-o", "o.xlsx"])).toMatchObject({ command: "observatoire", inputs: ["d/"] });
    expect(parseArgs(["analyse", "x.json", "-o", "r.xlsx", "--referentiel", "aucun", "--pairs", "d/"])).toMatchObject({ referentielFile: "aucun", peers: "d/" });
    expect(() => parseArgs(["fiche", "x.xlsx", "-o", "f.csv"])).toThrow(UsageError);
    expect(() => parseArgs(["fiche", "x.xlsx", "-o", "f.json", "--categorie", "village"])).toThrow(/Catégorie inconnue/);
    expect(() => parseArgs(["observatoire", "d/", "-o", "o.json"])).toThrow(/observatoire.xlsx/);
    expect(() => parseArgs(["referentiel", "-o", "r.json"])).toThrow(/au moins un fichier DECP/);
  });
});

describe("fiche → import → Comparaison round trip", () => {
  test("peers' fiches (JSON and .xlsx, in a folder) give the peer quartiles next to the referentiel's", async () => {
    const peersDir = path.join(dir, "pairs");
    fs.mkdirSync(peersDir);
    for (let i = 0; i < 4; i++) await writeFicheJson(peer(i), path.join(peersDir, `pair-${i}.json`));
    const spec = buildFicheWorkbook(peer(4), { runDate: "2026-11-30", version: "t", sources: [], period: { label: "2020", start: "", end: "" }, parameters: "" });
    await writeWorkbook(spec, path.join(peersDir, "pair-4.xlsx"));
    expect(await readFicheFile(path.join(peersDir, "pair-4.xlsx"))).toEqual(peer(4));

    const report = path.join(dir, "croix-2020.xlsx");
    const { io: cio } = io();
    expect(await runAnalyseCommand(analyseCmd(report, { peers: peersDir }), cio)).toBe(0);
    const rows = await cellsOf(report, "Comparaison");
    const header = rows.find((r) => r[0] === "Indicateur")!;
    const col = (name: string) => header.indexOf(name);
    // Peers' direct-award shares 0, 5, 10, 15, 20 %: n = 5, h = 4p → Q1 = 5 %, median 10 %, Q3 15 %.
    // Croix notified no contract without competition in 2020 (0 %, ≤ Q1 and the lower the better).
    const direct = rows.find((r) => r[0] === "Part des marchés sans publicité ni mise en concurrence")!;
    expect(direct[col("Valeur de l'acheteur")]).toBe(0);
    expect(direct[col("Pairs (fiches)")]).toBe(5);
    expect([direct[col("Q1 pairs")], direct[col("Médiane pairs")], direct[col("Q3 pairs")]]).toEqual([0.05, 0.1, 0.15]);
    expect(direct[col("Appréciation / pairs")]).toBe("Meilleur quartile");
    // MAPA share: peers 10..50 % → Q1 20 %, median 30 %, Q3 40 %; Croix's own share from the raw file.
    const mapa = rows.find((r) => r[0] === "Part des procédures adaptées (MAPA)")!;
    expect(mapa[col("Valeur de l'acheteur")] as number).toBeCloseTo(croixMapaShare("2020") / 100, 5);
    expect([mapa[col("Q1 pairs")], mapa[col("Médiane pairs")], mapa[col("Q3 pairs")]]).toEqual([0.2, 0.3, 0.4]);
    expect(mapa[col("Appréciation / pairs")]).toBe("Profil");
    // The referentiel used is stated in the Comparaison and Paramètres sheets.
    expect(rows.some((r) => r[0] === "Référentiel" && /référentiel par défaut/.test(String(r[1])))).toBe(true);
    const params = await cellsOf(report, "Paramètres");
    expect(params.some((r) => /^Référentiel de comparaison \(feuille Comparaison\) : référentiel par défaut/.test(String(r[0])))).toBe(true);
    // The report holds Croix's fiche: the observatory and peers can read it back.
    const own = await readFicheFile(report);
    expect(own).toMatchObject({ siren: "215901638", category: "commune", band: "c-20000", period: { label: "2020", year: 2020 } });
    expect(own.kpis.mapaShare!.value).toBeCloseTo(croixMapaShare("2020"), 3);
  }, 60_000);

  test("fiche --anonyme: no name, no SIREN, no exact population; counts rounded down to 5", async () => {
    const out = path.join(dir, "anon.json");
    const { io: cio } = io();
    const cmd: PeerCommand = { command: "fiche", inputs: [CROIX], output: out, period: "2020", siren: null, category: null, population: null, anonymised: true, dgclFile: null, mappingFile: null };
    expect(await runPeerCommand(cmd, cio)).toBe(0);
    const f = JSON.parse(fs.readFileSync(out, "utf8")) as Fiche;
    expect(f.label).toBe("Collectivité anonyme");
    expect(f.siren).toBeNull();
    expect(f.population).toBeNull();
    expect(f.band).toBe("c-20000");
    expect(f.kpis.contracts!.value % 5).toBe(0);
    expect(JSON.stringify(f)).not.toMatch(/Croix|DECOPUB/i);
  });
});

describe("observatoire on several reports", () => {
  test("three yearly reports of one collectivité and five peers: rows, trend and anonymised names", async () => {
    const reports: string[] = [];
    for (const year of ["2019", "2021"]) {
      const out = path.join(dir, `croix-${year}.xlsx`);
      const { io: cio } = io();
      expect(await runAnalyseCommand(analyseCmd(out, { period: year, referentielFile: "aucun" }), cio)).toBe(0);
      reports.push(out);
    }
    reports.push(path.join(dir, "croix-2020.xlsx")); // written by the round-trip test above
    const out = path.join(dir, "observatoire.xlsx");
    const { io: cio, out: printed } = io();
    const cmd: PeerCommand = { command: "observatoire", inputs: [...reports, path.join(dir, "pairs")], output: out, anonymised: true };
    expect(await runPeerCommand(cmd, cio)).toBe(0);
    expect(printed.stdout).toMatch(/6 collectivités, 8 fiches/);
    const coll = await cellsOf(out, "Collectivités");
    const head = coll.findIndex((r) => r[0] === "Collectivité");
    const data = coll.slice(head + 1).filter((r) => r.length > 0 && r[0] !== null && r[0] !== undefined);
    expect(data).toHaveLength(8); // Croix × 3 periods + 5 peers
    expect(data.filter((r) => r[0] === "Collectivité 01").map((r) => r[3])).toEqual(["2019", "2020", "2021"]);
    const all = JSON.stringify([coll, await cellsOf(out, "Classements")]);
    expect(all).not.toMatch(/Croix|Commune pair/);

    const trends = await cellsOf(out, "Tendances");
    const mapa = trends.find((r) => r[0] === "Collectivité 01" && r[1] === "Part des procédures adaptées (MAPA)")!;
    expect(mapa[2]).toBe("2019");
    expect(mapa[3] as number).toBeCloseTo(croixMapaShare("2019") / 100, 5);
    expect(mapa[4]).toBe("2021");
    expect(mapa[5] as number).toBeCloseTo(croixMapaShare("2021") / 100, 5);

    // Distributions from the latest period of each of the 6 collectivités (≥ 5: published).
    const dist = await cellsOf(out, "Distributions");
    const direct = dist.find((r) => r[0] === "Part des marchés sans publicité ni mise en concurrence")!;
    expect(direct[1]).toBe(6);
  }, 90_000);
});
