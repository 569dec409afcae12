/**
 * The command line under adverse conditions (issue #13): output paths it cannot write (exit 2
 * before any work), interrupted runs (items 7: SIGKILL, SIGTERM, Ctrl+C), two runs on the same
 * output (item 6), a full disk (item 10). Runs go through the real launcher in child processes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOwnedInputs } from "../../src/file/write-workbook";
import { readUserInputs } from "../../src/report/inputs";

const ROOT = path.resolve(__dirname, "..", "..");
const LAUNCHER = path.join(ROOT, "scripts", "optima-achats.mjs");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-robust-"));
  // Bundle the CLI once, so that the timed parts below do not include it.
  spawnSync(process.execPath, [LAUNCHER, "--version"]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function small(name: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, "Date mandat;Fournisseur;Montant HT\n15/01/2025;Garage Dupuis;100,00\n20/02/2025;Papeterie;50,00\n");
  return f;
}

/**
 * A CSV whose write lasts long enough to be interrupted: 1 valid line and 150 000 unreadable
 * amounts, each listed on the Anomalies sheet.
 */
function big(name: string): string {
  const f = path.join(dir, name);
  const lines = ["Date mandat;Fournisseur;Montant HT", "15/01/2025;Garage;100,00", "20/02/2025;Garage;30,00"];
  for (let i = 0; i < 150_000; i++) lines.push(`15/01/2025;Fournisseur ${i % 500};montant${i}`);
  fs.writeFileSync(f, lines.join("\n") + "\n");
  return f;
}

function run(args: string[]) {
  return spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: "utf8" });
}

function leftovers(folder: string, base: string): string[] {
  return fs.readdirSync(folder).filter((f) => f.startsWith(`.${base}.`));
}

/** Waits until the child's temporary file exists (it is writing the workbook), then signals it. */
async function interruptWhileWriting(child: ChildProcess, folder: string, base: string, signal: NodeJS.Signals) {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, sig) => resolve({ code, signal: sig })),
  );
  const deadline = Date.now() + 60_000;
  let seen = false;
  while (Date.now() < deadline && child.exitCode === null) {
    if (fs.readdirSync(folder).some((f) => f.startsWith(`.${base}.`) && f.endsWith(".tmp"))) {
      seen = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const result = await exited;
  return { ...result, seen };
}

describe("usage errors on the output path: exit 2 before any work", () => {
  it("a missing output folder", () => {
    const res = run(["analyse", small("a.csv"), "-o", path.join(dir, "absent", "r.xlsx")]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/Le dossier du classeur à écrire n'existe pas : « .*absent »/);
    expect(res.stderr).not.toMatch(/lecture|Erreur inattendue/);
  }, 60_000);

  it("an output path that is a folder", () => {
    const folder = path.join(dir, "dossier.xlsx");
    fs.mkdirSync(folder);
    const res = run(["analyse", small("b.csv"), "-o", folder]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/« .*dossier\.xlsx » est un dossier, pas un classeur/);
    expect(res.stderr).not.toMatch(/lecture|Erreur inattendue|EISDIR/);
  }, 60_000);

  it("an output folder that is a file", () => {
    const file = small("c.csv");
    const res = run(["analyse", file, "-o", path.join(file, "r.xlsx")]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/n'est pas un dossier/);
  }, 60_000);
});

describe("interrupted runs leave no temporary file behind", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("%s while writing: temporary file and lock removed, the process ends by the signal", async (signal) => {
    const folder = fs.mkdtempSync(path.join(dir, "sig-"));
    const input = big(`big-${signal}.csv`);
    const child = spawn(process.execPath, [LAUNCHER, "analyse", input, "-o", path.join(folder, "r.xlsx")], { stdio: "ignore" });
    const res = await interruptWhileWriting(child, folder, "r.xlsx", signal);
    expect(res.seen).toBe(true);
    expect(res.signal).toBe(signal);
    expect(leftovers(folder, "r.xlsx")).toEqual([]);
    expect(fs.existsSync(path.join(folder, "r.xlsx"))).toBe(false);
  }, 120_000);

  it("SIGKILL leaves its temporary file and lock; the next run removes them and succeeds", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "kill-"));
    const input = big("big-kill.csv");
    const out = path.join(folder, "r.xlsx");
    const child = spawn(process.execPath, [LAUNCHER, "analyse", input, "-o", out], { stdio: "ignore" });
    const res = await interruptWhileWriting(child, folder, "r.xlsx", "SIGKILL");
    expect(res.seen).toBe(true);
    expect(res.signal).toBe("SIGKILL");
    const left = leftovers(folder, "r.xlsx");
    expect(left.some((f) => f.endsWith(".tmp"))).toBe(true);
    expect(left).toContain(".r.xlsx.lock");

    const next = run(["analyse", small("after-kill.csv"), "-o", out, "--periode", "2025"]);
    expect(next.stderr).toMatch(/Classeur créé/);
    expect(next.status).toBe(0);
    expect(leftovers(folder, "r.xlsx")).toEqual([]);
  }, 120_000);
});

describe("two runs on the same output", () => {
  it("both succeed and the history keeps both rows (the second waits for the first)", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "conc-"));
    const out = path.join(folder, "r.xlsx");
    const input = big("big-conc.csv"); // January and February 2025
    const start = (period: string) => {
      const child = spawn(process.execPath, [LAUNCHER, "analyse", input, "-o", out, "--periode", period], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
    };
    const [a, b] = await Promise.all([start("2025-01"), start("2025-02")]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // One of them found the other writing.
    expect(a.stderr + b.stderr).toMatch(/Une autre analyse écrit déjà « .*r\.xlsx » \(processus \d+/);
    const history = readUserInputs(await readOwnedInputs(out)).history.map((h) => h.period).sort();
    expect(history).toEqual(["2025-01", "2025-02"]);
    expect(leftovers(folder, "r.xlsx")).toEqual([]);
  }, 180_000);
});
