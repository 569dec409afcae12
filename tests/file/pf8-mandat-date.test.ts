/**
 * PF8 (décret n° 2013-269, art. 12) through the file adapter: a CSV export whose line date column
 * is « Date mandat » and that has no « Date de transmission au comptable » column splits the délai
 * global between ordonnateur and comptable with the line date as mandat date (the file adapter
 * hands the headers to the intake).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyse, indicator } from "../../src/core/analyse";
import { yearPeriod } from "../../src/core/period";
import { loadInputs } from "../../src/file/load-inputs";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-pf8-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("« Date mandat » in a CSV export: ordonnateur 24 days (> 20), comptable 16 days (> 10), délai global 40 days", async () => {
  // received 01/03/2025, mandat 25/03/2025, paid 10/04/2025: 24 + 16 = 40 days > 30 → late 10 days
  const f = path.join(dir, "mandats.csv");
  fs.writeFileSync(
    f,
    "Date mandat;Fournisseur;Montant HT;Montant TTC;Date réception facture;Date paiement\n25/03/2025;Garage Dupuis;1 000,00;1 200,00;01/03/2025;10/04/2025\n"
  );
  const loaded = await loadInputs([f]);
  expect(loaded.mandateDateFromLineDate).toEqual([{ table: "mandats.csv", header: "Date mandat" }]);
  const pf8 = indicator(analyse(loaded, { period: yearPeriod(2025) }), "PF8");
  expect(pf8.tables.lateInvoices[0]).toMatchObject({ dgpDays: 40, daysLate: 10, ordonnateurDays: 24, comptableDays: 16 });
  expect(pf8.details.mandateDateFromLineDate).toBe("mandats.csv › Date mandat");
});
