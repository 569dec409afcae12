import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { importDecp } from "../../src/core/decp";
import { importStreamedItem, streamDecpItems, type StreamedItem } from "../../src/file/decp-stream";
import { InputError } from "../../src/file/errors";

const FIX = path.join(__dirname, "../fixtures");

async function all(file: string): Promise<StreamedItem[]> {
  const out: StreamedItem[] = [];
  for await (const s of streamDecpItems(file)) out.push(s);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-decp-stream-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("streaming DECP reader: the same items as the whole-file import", () => {
  test("2019 PES file ({\"marches\": [...]}, 1 148 items): every item equals the parsed list's, in order", async () => {
    const file = path.join(FIX, "real/decp-2019-pes.json");
    const items = await all(file);
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")).marches as unknown[];
    expect(items).toHaveLength(1_148);
    expect(items.map((s) => s.item)).toEqual(parsed);
    expect(items.map((s) => s.row)).toEqual(parsed.map((_, i) => i + 1));
  });

  test("2024 format with concession and marché lists: numbered across lists in file order, kinds kept; imports agree with importDecp", async () => {
    const file = path.join(FIX, "decp/example-marches_concessions.json");
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    const concessions = json.marches["contrat-concession"].length;
    const marches = json.marches.marche.length;
    const items = await all(file);
    expect(items.map((s) => s.kind)).toEqual([
      ...Array(concessions).fill("concession"),
      ...Array(marches).fill("marche"),
    ]);
    const whole = importDecp(json, "t");
    const streamed = items.map((s) => importStreamedItem(s, "t"));
    expect(streamed.filter((s) => s.contract !== null).map((s) => s.contract!.contractRef)).toEqual(
      whole.contracts.map((c) => c.contractRef)
    );
    expect(streamed.flatMap((s) => s.anomalies.map((a) => a.row))).toEqual(whole.anomalies.map((a) => a.row));
  });

  test("a truncated file is an InputError saying so; a non-JSON file too", async () => {
    const text = fs.readFileSync(path.join(FIX, "real/megalis-decp-v2-2024-59920013600241.json"), "utf8");
    const cut = path.join(dir, "cut.json");
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    await expect(all(cut)).rejects.toThrow(/est tronqué/);
    const notJson = path.join(dir, "not.json");
    fs.writeFileSync(notJson, "id;acheteur\n1;2\n");
    await expect(all(notJson)).rejects.toBeInstanceOf(InputError);
  });

  test("memory stays bounded on a large generated DECP file (≈ 70 Mo, 60 000 contracts)", async () => {
    const file = path.join(dir, "big.json");
    const fd = fs.openSync(file, "w");
    fs.writeSync(fd, '{"marches": [\n');
    const N = 60_000;
    const filler = "x".repeat(900);
    for (let i = 0; i < N; i++) {
      const item = {
        id: `M${i}`,
        acheteur: { id: `2100000${String(i % 97).padStart(2, "0")}00017`, nom: "Commune" },
        objet: `Objet ${i} ${filler} « guillemets \\" et } accolades ] »`,
        codeCPV: "45210000-2",
        procedure: "Procédure adaptée",
        dateNotification: "2024-05-02",
        montant: 50_000 + i,
        titulaires: [{ typeIdentifiant: "SIRET", id: "85480074501125", denominationSociale: "X" }],
      };
      fs.writeSync(fd, (i > 0 ? ",\n" : "") + JSON.stringify(item));
    }
    fs.writeSync(fd, "\n]}\n");
    fs.closeSync(fd);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(60 * 1024 * 1024);

    // Streamed in a child process whose heap is capped at 96 MiB: holding the file (≈ 70 Mo of
    // text, 140 Mo as a UTF-16 string, more as objects) would run out of memory there.
    const run = spawnSync(
      process.execPath,
      [path.join(__dirname, "..", "..", "node_modules", "tsx", "dist", "cli.mjs"), path.join(__dirname, "..", "helpers", "stream-decp-count.ts"), file],
      { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=96" }, timeout: 110_000 }
    );
    expect({ status: run.status, stderr: run.stderr.slice(0, 500) }).toEqual({ status: 0, stderr: "" });
    expect(JSON.parse(run.stdout.trim())).toEqual({ count: N, lastId: `M${N - 1}` });
  }, 120_000);
});
