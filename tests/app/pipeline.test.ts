/**
 * The one application pipeline (src/app/pipeline.ts) that the CLI and the pane's worker run:
 * user inputs → overrides → intake over row sources → analyse → spec, with progress and
 * cancellation. Fixtures are a few hand-written rows; the arithmetic is in the comments.
 */
import {
  overridesOf,
  PipelineCancelled,
  runPipeline,
  runPipelineSteps,
  type PipelineProgress,
  type PipelineRequest,
} from "../../src/app/pipeline";
import type { RowBlock, SourceTable } from "../../src/core/intake";
import type { Cell } from "../../src/core/model";
import { defaultReferenceValues, withOverrides } from "../../src/core/reference/values";
import { parseParametersFile } from "../../src/file/user-files";
import { emptyInputs } from "../../src/report/inputs";

const SPEND_MAPPING = { date: 0, supplierName: 1, familyCode: 2, amountHT: 3, amountTTC: 4 };

/** Spend rows from sheet row 2 (row 1 is the header), as an async source. */
function asyncSpend(rows: Cell[][], onPull?: (n: number) => void): SourceTable {
  return {
    name: "Mandats",
    kind: "spend",
    mapping: SPEND_MAPPING,
    rows: (async function* (): AsyncGenerator<RowBlock> {
      for (let i = 0; i < rows.length; i++) {
        onPull?.(i);
        yield { rows: [rows[i]], firstRow: 2 + i };
      }
    })(),
  };
}

function nomenclature(): SourceTable {
  return {
    name: "Familles",
    kind: "nomenclature",
    mapping: { familyCode: 0, label: 1, nature: 2 },
    rows: [{ rows: [["FOU", "Fournitures de bureau", "Fournitures"]], firstRow: 2 }],
  };
}

function request(tables: SourceTable[], extra: Partial<PipelineRequest> = {}): PipelineRequest {
  return {
    tables,
    previousInputs: emptyInputs(),
    runDate: "2026-02-01",
    lang: "fr",
    sources: tables.map((t) => t.name),
    ...extra,
  };
}

// 45678 = 2025-01-21 (Excel serial); every line dated in 2025.
const ROWS: Cell[][] = [
  [45678, "Alpha", "FOU", 100, null],
  [45679, "Beta", "FOU", 250.5, null],
  [45680, "Gamma", "FOU", null, 120],
];

describe("the application pipeline", () => {
  test("reads reference tables before spend whatever the order given (nomenclature labels reach spend lines)", async () => {
    const result = await runPipeline(request([asyncSpend(ROWS), nomenclature()]));
    expect(result.intake.spend.map((l) => l.familyLabel)).toEqual([
      "Fournitures de bureau",
      "Fournitures de bureau",
      "Fournitures de bureau",
    ]);
    // Reconciliation: 3 rows read, all analysed; HT 100 + 250,50 + 120 TTC / 1,20 = 100 → 450,50 €.
    expect(result.intake.reconciliation.rowsRead).toBe(3);
    expect(result.intake.reconciliation.amountAnalysedCents).toBe(45050);
    expect(result.spec.sheets.length).toBeGreaterThan(0);
  });

  test("a VAT rate from the Paramètres sheet reaches the intake; a --parametres override wins over it", async () => {
    // 120 € TTC at 10 % → 120 / 1,10 = 109,0909… → 10 909 cents; at 5,5 % → 120 / 1,055 = 113,744… → 11 374.
    // The Paramètres sheet holds rates as fractions (10 % = 0,1); a --parametres file as percents.
    const sheet = { ...emptyInputs(), parameters: { "defaultVatPercent.value": 0.1 } };
    const fromSheet = await runPipeline(request([asyncSpend([ROWS[2]])], { previousInputs: sheet }));
    expect(fromSheet.intake.spend[0].amountHTCents).toBe(10909);
    const fromFile = await runPipeline(
      request([asyncSpend([ROWS[2]])], { previousInputs: sheet, overrides: { defaultVatPercent: { value: 5.5 } } })
    );
    expect(fromFile.intake.spend[0].amountHTCents).toBe(11374);
  });

  test("the pane's edited parameters apply over the sheet's", async () => {
    const sheet = { ...emptyInputs(), parameters: { "defaultVatPercent.value": 0.1 } };
    const edited = await runPipeline(
      request([asyncSpend([ROWS[2]])], { previousInputs: sheet, parameterEdits: { "defaultVatPercent.value": 0.055 } })
    );
    expect(edited.intake.spend[0].amountHTCents).toBe(11374);
  });

  test("progress: check then indicators, never going back, ending at total", async () => {
    const seen: PipelineProgress[] = [];
    await runPipeline(request([asyncSpend(ROWS)], { rowCount: 3 }), { onProgress: (p) => seen.push(p) });
    const stages = seen.map((p) => p.stage);
    expect(stages[0]).toBe("check");
    expect(stages.lastIndexOf("check")).toBeLessThan(stages.indexOf("indicators"));
    for (let i = 1; i < seen.length; i++)
      if (seen[i].stage === seen[i - 1].stage) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    const lastCheck = seen.filter((p) => p.stage === "check").pop()!;
    expect(lastCheck).toEqual({ stage: "check", done: 3, total: 3 });
    const last = seen[seen.length - 1];
    expect(last.done).toBe(last.total);
  });

  test("cancelled: stops with PipelineCancelled and reads no further rows", async () => {
    // 100 000 rows: the intake reports progress every 20 000 rows, where cancelling is seen.
    const many: Cell[][] = Array.from({ length: 100_000 }, () => [45678, "Alpha", "FOU", 1, null]);
    let pulled = 0;
    let cancel = false;
    const gen = runPipelineSteps(
      request([asyncSpend(many, () => pulled++)], { cancelled: () => cancel })
    );
    await gen.next(); // before any row
    const first = await gen.next(); // after the first block
    expect(first.value).toMatchObject({ stage: "check" });
    cancel = true;
    await expect(gen.next()).rejects.toBeInstanceOf(PipelineCancelled);
    expect(pulled).toBeLessThan(many.length / 2);
  });

  test("onIntake may stop the run before the analysis (the CLI's « no analysable line »)", async () => {
    const stop = new Error("rien à analyser");
    let analysed = false;
    const run = runPipeline(request([asyncSpend([[null, null, null, null, null, "x"]])], {
      onIntake: (intake) => {
        if (intake.spend.length === 0) throw stop;
      },
      sources: () => {
        analysed = true;
        return [];
      },
    }));
    await expect(run).rejects.toBe(stop);
    expect(analysed).toBe(false);
  });
});

describe("parameters in force: Paramètres sheet, then a --parametres file", () => {
  test("an AGEC minimum given by the file keeps the other minimums of the category typed in the sheet (décret 2024-134)", () => {
    // Sheet: paper re-employment 30 % (a percent cell, read as the fraction 0.3);
    // file: paper recycled materials 40 %. Both apply; the décret 2021-254 paper share (40 %) stays.
    const inputs = { ...emptyInputs(), parameters: { "agec.papier.reuse2024": 0.3 } };
    const overrides = overridesOf({
      previousInputs: inputs,
      overrides: parseParametersFile({ agec: { papier: { recycled2024: 40 } } }, "p.json"),
    });
    const papier = withOverrides(defaultReferenceValues(), overrides).agec.papier;
    expect(papier).toMatchObject({ reuse2024: 30, recycled2024: 40, combined2021: 40 });
    expect(withOverrides(defaultReferenceValues(), overrides).agec.textiles).toEqual(defaultReferenceValues().agec.textiles);
  });
});
