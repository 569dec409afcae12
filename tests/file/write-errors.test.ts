/**
 * File-system failures while writing the output workbook (issue #13, item 10): a clear French
 * message (exit 1 from the CLI), the existing workbook untouched, no temporary file left.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isInputError } from "../../src/file/errors";
import { outputError, writeWorkbook } from "../../src/file/write-workbook";
import { demoSpec } from "./xlsx-writer-helpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-write-err-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe("write errors become French messages", () => {
  it.each([
    ["ENOSPC", /n'a pas pu être écrit : le disque est plein\. Libérez de la place/],
    ["EDQUOT", /le disque est plein/],
    ["ENOENT", /son dossier n'existe pas/],
    ["EISDIR", /est un dossier, pas un classeur/],
    ["EROFS", /lecture seule/],
    ["EACCES", /accès refusé/],
  ])("%s", (code, message) => {
    const e = outputError(errno(code), "rapport.xlsx");
    expect(isInputError(e)).toBe(true);
    expect((e as Error).message).toMatch(/^Le fichier « rapport\.xlsx » /);
    expect((e as Error).message).toMatch(message);
    expect((e as Error).message).toMatch(/n'a pas été modifié/);
  });

  it("leaves other errors as they are", () => {
    const e = new Error("autre");
    expect(outputError(e, "r.xlsx")).toBe(e);
  });

  it("a disk that fills up during the write: French error, old workbook intact, no temporary file", async () => {
    const spec = demoSpec();
    const out = path.join(dir, "plein.xlsx");
    fs.writeFileSync(out, "ancien contenu");
    const realOpen = fs.promises.open.bind(fs.promises);
    jest.spyOn(fs.promises, "open").mockImplementation(async (p, flags, mode) => {
      const fh = await realOpen(p, flags, mode);
      if (!String(p).endsWith(".tmp")) return fh;
      // Writes fail as on a full disk (the writer batches its output: the first write may be the only one).
      return new Proxy(fh, {
        get(target, prop, receiver) {
          if (prop === "write")
            return async () => {
              throw errno("ENOSPC");
            };
          const v = Reflect.get(target, prop, receiver);
          return typeof v === "function" ? v.bind(target) : v;
        },
      });
    });
    const err = await writeWorkbook(spec, out).catch((e: unknown) => e);
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toMatch(/« .*plein\.xlsx » n'a pas pu être écrit : le disque est plein/);
    expect(fs.readFileSync(out, "utf8")).toBe("ancien contenu");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
