#!/usr/bin/env node
/**
 * End-to-end tests of the task pane in the browser preview (`npm run test:e2e`): playwright-core
 * drives Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) against the preview build served
 * on 127.0.0.1. Fails — never skips — when Chromium is missing.
 *
 *   1. full flow on the demo workbook (French, 450 px pane): sources, columns, period, analysis,
 *      KPIs, reconciliation, the results step checked with axe-core (WCAG 2.1 AA), open the
 *      dashboard, a tile opens its detail sheet, create the plan, settings reloaded on reopen;
 *   2. a table with a missing required column (the sentence, the blocked run, the fix);
 *   3. a cancelled run on 100 000 lines: nothing written;
 *   4. the English UI (320 px pane);
 *   5. the longest main-thread task during a 100 000-line analysis (target < 200 ms);
 *   6. a DECP JSON import into a new contracts sheet;
 *   7. the peer exchange and the buyer's DECP at 320 px: « Exporter ma fiche » downloads the fiche,
 *      « Importer des fiches de pairs » reads it back, « Exporter mes données essentielles (DECP) »
 *      lists every contract it cannot write;
 *   8. the territorial demo (one intercommunalité with four pôles, Qualité de service, an answered
 *      Attentes des territoires sheet written by the command line) opened as the user's workbook:
 *      its tables detected, the questionnaire kept as a report sheet, the Territoires sheet written
 *      with its answer in short.
 *
 * Screenshots: test-output/e2e/*.png; measurements: test-output/e2e/perf.json. No console error is
 * allowed on any page. E2E_SKIP_BUILD=1 reuses test-output/e2e/dist.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startPreviewServer } from "../../scripts/preview-server.mjs";
import { makeXlsx } from "./xlsx-fixture.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = join(ROOT, "test-output", "e2e");
const DIST = join(OUT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const MAX_LONG_TASK_MS = Number(process.env.E2E_MAX_LONG_TASK_MS || 200);
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Chromium is a hard requirement: missing → the whole run fails (exit code 1).
if (!existsSync(CHROMIUM)) {
  console.error(`E2E : Chromium introuvable (${CHROMIUM}). Installez-le : apt-get install -y chromium (ou CHROMIUM_PATH=…).`);
  process.exit(1);
}

mkdirSync(OUT, { recursive: true });
let server;
let context;
let userDataDir;
const perf = {};

before(async () => {
  if (!(process.env.E2E_SKIP_BUILD === "1" && existsSync(join(DIST, "taskpane.html")))) {
    console.log("E2E : build de l'aperçu (webpack --env preview)…");
    execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", "preview", "--env", `outDir=${DIST}`], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  server = await startPreviewServer({ dir: DIST, port: 0, quiet: true });
  userDataDir = mkdtempSync(join(tmpdir(), "optima-e2e-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "fr-FR",
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  writeFileSync(join(OUT, "perf.json"), JSON.stringify(perf, null, 2) + "\n");
});

/** A fresh page with empty preview settings, console errors collected. */
async function openPane(query) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} ${JSON.stringify(m.location())}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}?demo=none`);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`${server.url}?${query}`);
  if (query.includes("demo=none")) await page.getByTestId("xlsx-file").waitFor({ state: "attached", timeout: 90_000 });
  else await page.getByTestId("step-title").waitFor({ timeout: 90_000 });
  return { page, errors, pane: page.getByTestId("pane") };
}

async function shot(target, name) {
  await target.screenshot({ path: join(OUT, `${name}.png`) });
}

async function next(page, title) {
  await page.getByTestId("next").click();
  await page.getByTestId("step-title").filter({ hasText: title }).waitFor();
}

async function waitResults(page, timeout = 180_000) {
  await page.getByTestId("kpis").waitFor({ timeout });
}

/**
 * axe-core's WCAG 2.1 A/AA rules (colour contrast included) on the pane as rendered: the list of
 * violations, each with its rule, impact and the first offending elements.
 */
async function axeViolations(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    // Fluent UI's focus manager (tabster) adds invisible focus sentinels (<i data-tabster-dummy>)
    // that hand the focus on at once: not content a user reaches, left out of the check.
    const context = { include: ['[data-testid="pane"]'], exclude: ["[data-tabster-dummy]"] };
    const result = await window.axe.run(context, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 300)} — ${n.failureSummary}`),
    }));
  });
}

function noErrors(errors) {
  assert.deepEqual(errors, [], `erreurs dans la console :\n${errors.join("\n")}`);
}

test("parcours complet sur le classeur de démonstration (FR, volet 450 px)", { timeout: 600_000 }, async () => {
  const { page, errors, pane } = await openPane("width=450");
  // 1. Sources
  const items = pane.locator("li").filter({ has: page.getByRole("checkbox") });
  assert.equal(await items.count(), 5);
  await assert.doesNotReject(pane.getByText("Dépenses", { exact: true }).first().waitFor());
  assert.equal(await pane.getByText("Colonnes reconnues").count(), 5);
  await shot(pane, "fr-450-1-sources");
  // 2. Colonnes
  await next(page, "Colonnes");
  assert.equal(await page.getByTestId("missing-required").count(), 0);
  assert.equal(await page.locator('select[data-field="amountHT"]').inputValue(), "16");
  await page.getByTestId("preview-table").waitFor();
  await shot(pane, "fr-450-2-colonnes");
  // 3. Période et paramètres
  await next(page, "Période et paramètres");
  await page.getByLabel("Une année").check();
  const year = page.getByRole("spinbutton", { name: /Année/ });
  await year.fill("2025");
  await shot(pane, "fr-450-3-periode");
  // 4. Analyser
  await next(page, "Analyser");
  await shot(pane, "fr-450-4-analyser");
  await page.getByTestId("run-button").click();
  await waitResults(page);
  // 5. Résultats
  await page.getByTestId("step-title").filter({ hasText: "Résultats" }).waitFor();
  const sp1 = await pane.locator('[data-kpi="SP1"]').innerText();
  assert.match(sp1, /Dépense totale HT/);
  assert.match(sp1, /\d.*€/);
  assert.match(await pane.getByText(/Période 2025/).innerText(), /2025/);
  assert.match(await page.getByTestId("reconciliation").innerText(), /Lues/);
  await pane.getByText("Rapprochement exact : rien n'est perdu.").waitFor();
  assert.match(await page.getByTestId("alert-count").innerText(), /\d/);
  // The data's own date range (issue #12): the demo's data end on 30/10/2026.
  assert.match(await page.getByTestId("data-range").innerText(), /Données du 02\/01\/2025 au 30\/10\/2026/);
  // Contrast of every text of the result tiles ≥ 4,5:1 (WCAG AA), computed from the rendered colours.
  const contrasts = await page.getByTestId("kpis").evaluate((list) => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const out = [];
    for (const tile of list.querySelectorAll("li")) {
      const bg = lum(rgb(getComputedStyle(tile).backgroundColor));
      for (const span of tile.querySelectorAll("span")) {
        if (!span.textContent.trim()) continue;
        const fg = lum(rgb(getComputedStyle(span).color));
        out.push({ text: span.textContent.trim(), ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) });
      }
    }
    return out;
  });
  assert.ok(contrasts.length > 10);
  for (const c of contrasts) assert.ok(c.ratio >= 4.5, `contraste ${c.ratio.toFixed(2)}:1 pour « ${c.text} »`);
  // The whole results step against axe-core's WCAG 2.1 AA rules (contrast, names, roles…).
  assert.deepEqual(await axeViolations(page), []);
  await shot(pane, "fr-450-5-resultats");
  // Open the dashboard sheet
  await pane.getByRole("button", { name: "Ouvrir Tableau de bord" }).click();
  await page.locator('[data-testid="sheet-view"][data-sheet-key="dashboard"]').waitFor();
  assert.equal(await page.getByRole("tab", { name: "Tableau de bord", selected: true }).count(), 1);
  await shot(page, "fr-450-6-tableau-de-bord");
  // A result tile opens the sheet of its detail lines (issue #12): SP1 → Cartographie.
  await pane.locator('[data-kpi="SP1"] button').click();
  await page.locator('[data-testid="sheet-view"][data-sheet-key="cartographie"]').waitFor();
  assert.equal(await page.getByRole("tab", { name: "Cartographie", selected: true }).count(), 1);
  // Plan stratégique + diagnostic 360
  await page.getByTestId("plan-button").click();
  await pane.getByText("Plan stratégique et diagnostic 360 écrits.").waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Plan stratégique" }).waitFor();
  await pane.getByRole("button", { name: "Ouvrir Plan stratégique" }).click();
  await page.locator('[data-testid="sheet-view"][data-sheet-key="plan"]').waitFor();
  await shot(page, "fr-450-7-plan-strategique");
  // Policy documents (issue #14): written on request, then the user's.
  await page.getByTestId("documents-button").click();
  await pane.getByText(/Documents écrits : « Charte de déontologie », « Code des fournisseurs »/).waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Charte de déontologie" }).waitFor();
  // Settings persist: reopen the pane, the last results and choices come back.
  await page.reload();
  await page.getByTestId("kpis").waitFor({ timeout: 90_000 });
  await page.getByRole("tab", { name: /Période et paramètres/ }).click();
  assert.equal(await page.getByLabel("Une année").isChecked(), true);
  assert.equal(await page.getByRole("spinbutton", { name: /Année/ }).inputValue(), "2025");
  noErrors(errors);
  await page.close();
});

test("table sans colonne obligatoire : message, analyse bloquée, correction", { timeout: 300_000 }, async () => {
  const { page, errors, pane } = await openPane("width=320&demo=none");
  const file = join(OUT, "sans-montant.xlsx");
  const day = (d) => 45_658 + d; // 2025-01-01 + d
  writeFileSync(
    file,
    makeXlsx({
      Dépenses: [
        ["Date", "Fournisseur", "Objet", "Total payé"],
        [day(3), "Papeterie Martin", "Ramettes de papier", 1240.5],
        [day(40), "Garage du Centre", "Entretien véhicule", 830],
        [day(95), "Papeterie Martin", "Enveloppes", 212.4],
      ],
    }),
  );
  // A file that is not a workbook: the reader's French sentence, not a generic failure.
  const notXlsx = join(OUT, "pas-un-classeur.xlsx");
  writeFileSync(notXlsx, "Ceci est un texte, pas un classeur.");
  await page.getByTestId("xlsx-file").setInputFiles(notXlsx);
  const unreadable = page.getByText(/« pas-un-classeur\.xlsx » ne peut pas être ouvert\. Le classeur .+ Choisissez un autre fichier\./);
  await unreadable.waitFor({ timeout: 60_000 });
  await page.getByTestId("xlsx-file").setInputFiles(file);
  await pane.getByText("Colonnes à compléter").waitFor({ timeout: 60_000 });
  // The toolbar names the open file, no longer the demo workbook (issue #12).
  assert.match(await page.getByTestId("toolbar-title").innerText(), /sans-montant\.xlsx/);
  await shot(pane, "fr-320-missing-1-sources");
  await next(page, "Colonnes");
  const alert = page.getByTestId("missing-required");
  assert.match(await alert.innerText(), /Colonne obligatoire introuvable : Montant HT ou Montant TTC\. Ajoutez-la/);
  await shot(pane, "fr-320-missing-2-colonnes");
  await page.getByRole("tab", { name: /Analyser/ }).click();
  assert.match(await page.getByTestId("run-blocker").innerText(), /« Dépenses » n'a pas toutes ses colonnes obligatoires/);
  assert.equal(await page.getByTestId("run-button").isDisabled(), true);
  await shot(pane, "fr-320-missing-3-analyse-bloquee");
  // Fix: map "Total payé" as the amount incl. VAT.
  await page.getByRole("tab", { name: /Colonnes/ }).click();
  await page.locator('select[data-field="amountTTC"]').selectOption({ label: "D · Total payé" });
  await alert.waitFor({ state: "detached" });
  await page.getByRole("tab", { name: /Analyser/ }).click();
  await page.getByTestId("run-button").click();
  await waitResults(page, 120_000);
  assert.match(await pane.locator('[data-kpi="SP1"]').innerText(), /€/);
  await shot(pane, "fr-320-missing-4-resultats");
  noErrors(errors);
  await page.close();
});

test("analyse annulée sur 100 000 lignes : aucune feuille écrite", { timeout: 300_000 }, async () => {
  const { page, errors, pane } = await openPane("width=320&scale=5");
  assert.match(await pane.innerText(), /100\s0\d\d lignes/);
  await page.getByRole("tab", { name: /Analyser/ }).click();
  await page.getByTestId("run-button").click();
  await page.getByTestId("progress").waitFor();
  // Wait until the worker is busy (contrôle or indicateurs), then cancel.
  await page.waitForFunction(() => {
    const li = document.querySelector('[data-stage="check"]');
    return li && /\d/.test(li.textContent ?? "") && !/en attente/.test(li.textContent ?? "");
  }, undefined, { timeout: 60_000 });
  await shot(pane, "fr-320-cancel-1-progression");
  await page.getByTestId("cancel-button").click();
  await page.getByTestId("run-cancelled").waitFor({ timeout: 20_000 });
  assert.match(await page.getByTestId("run-cancelled").innerText(), /aucune feuille n'a été modifiée/);
  await shot(pane, "fr-320-cancel-2-annulee");
  const sheets = await page.evaluate(() => window.__OPTIMA_PREVIEW__.sheetNames());
  assert.deepEqual(sheets, ["Mandats", "Marchés", "Entités", "Nomenclature", "Fournisseurs"]);
  const owned = await page.evaluate(() => window.__OPTIMA_PREVIEW__.listOwnedSheets());
  assert.deepEqual(owned, []);
  // The pane is usable again: the run button is back.
  await page.getByTestId("run-button").waitFor();
  noErrors(errors);
  await page.close();
});

test("interface en anglais (volet 320 px)", { timeout: 300_000 }, async () => {
  const { page, errors, pane } = await openPane("width=320&lang=en");
  await pane.getByText("Tick the tables to analyse.", { exact: false }).waitFor();
  await pane.getByText("Outside Excel").waitFor();
  await shot(pane, "en-320-1-sources");
  await next(page, "Columns");
  await shot(pane, "en-320-2-columns");
  await next(page, "Period and settings");
  await shot(pane, "en-320-3-period");
  await next(page, "Analyse");
  await page.getByTestId("run-button").click();
  await waitResults(page);
  await page.getByTestId("step-title").filter({ hasText: "Results" }).waitFor();
  assert.match(await pane.locator('[data-kpi="SP1"]').innerText(), /Total spend excl\. VAT/);
  await pane.getByText("Exact reconciliation: nothing is lost.").waitFor();
  await shot(pane, "en-320-4-results");
  await pane.getByRole("button", { name: "Open Dashboard" }).click();
  await page.locator('[data-testid="sheet-view"][data-sheet-key="dashboard"]').waitFor();
  await page.getByRole("tab", { name: "Dashboard", selected: true }).waitFor();
  await shot(page, "en-320-5-dashboard");
  noErrors(errors);
  await page.close();
});

test("tâche la plus longue du fil principal pendant une analyse de 100 000 lignes", { timeout: 600_000 }, async () => {
  const { page, errors, pane } = await openPane("width=320&scale=5");
  await page.getByRole("tab", { name: /Analyser/ }).click();
  await page.getByTestId("run-button").waitFor();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    window.__runStart = performance.now();
  });
  await page.getByTestId("run-button").click();
  await waitResults(page, 300_000);
  const m = await page.evaluate(() => {
    const end = performance.now();
    const tasks = window.__longTasks.filter((t) => t.start >= window.__runStart);
    return { runMs: Math.round(end - window.__runStart), longTasks: tasks.length, maxLongTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))) };
  });
  const lines = await pane.getByTestId("reconciliation").innerText();
  perf.analysis100k = { ...m, maxAllowedMs: MAX_LONG_TASK_MS, chromium: CHROMIUM, date: new Date().toISOString() };
  console.log(`E2E : 100 000 lignes, analyse ${m.runMs} ms, tâche la plus longue du fil principal ${m.maxLongTaskMs} ms (${m.longTasks} tâches > 50 ms)`);
  assert.match(lines, /100\s0\d\d/);
  await shot(pane, "fr-320-perf-resultats-100k");
  assert.ok(m.maxLongTaskMs < MAX_LONG_TASK_MS, `tâche de ${m.maxLongTaskMs} ms sur le fil principal (objectif < ${MAX_LONG_TASK_MS} ms)`);
  noErrors(errors);
  await page.close();
});

test("import d'un fichier DECP dans une nouvelle feuille de marchés", { timeout: 300_000 }, async () => {
  const { page, errors, pane } = await openPane("width=450");
  const decp = {
    marches: [
      {
        id: "2025-0001",
        acheteur: { id: "21450001900017" },
        nature: "Marché",
        objet: "Fourniture de mobilier scolaire",
        codeCPV: "39160000",
        procedure: "Procédure adaptée",
        dureeMois: 24,
        dateNotification: "2025-03-14",
        montant: 85000,
        titulaires: [{ typeIdentifiant: "SIRET", id: "55210055400013" }],
      },
      {
        id: "2025-0002",
        acheteur: { id: "21450001900017" },
        nature: "Marché",
        objet: "Maintenance des ascenseurs",
        codeCPV: "50750000",
        procedure: "Appel d'offres ouvert",
        dureeMois: 36,
        dateNotification: "2025-05-02",
        montant: 240000,
        offresRecues: 3,
        titulaires: [{ typeIdentifiant: "SIRET", id: "40483304800022" }],
      },
    ],
  };
  const file = join(OUT, "decp-exemple.json");
  writeFileSync(file, JSON.stringify(decp));
  await page.getByTestId("decp-file").setInputFiles(file);
  await pane.getByText(/2 marchés importés dans la feuille « Marchés DECP »/).waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Marchés DECP" }).waitFor();
  assert.equal(await pane.getByRole("checkbox", { name: /DECP_decp_exemple/ }).isChecked(), true);
  await shot(pane, "fr-450-decp-import");
  noErrors(errors);
  await page.close();
});

test("fiche de comparaison, fiches de pairs et données essentielles (volet 320 px)", { timeout: 300_000 }, async () => {
  const { page, errors, pane } = await openPane("width=320");
  await page.getByRole("tab", { name: /Analyser/ }).click();
  await page.getByTestId("run-button").click();
  await waitResults(page);
  // « Exporter ma fiche » (anonymised by default): a download link that takes the focus.
  await pane.getByRole("button", { name: "Exporter ma fiche" }).click();
  const link = pane.getByTestId("fiche-download");
  await link.waitFor({ timeout: 60_000 });
  assert.equal(await link.evaluate((a) => a === document.activeElement), true);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(download.suggestedFilename(), /^fiche-comparaison-.*-anonyme\.json$/);
  const saved = join(OUT, download.suggestedFilename());
  await download.saveAs(saved);
  const fiche = JSON.parse(readFileSync(saved, "utf8"));
  assert.equal(fiche.format, "optima-achats/fiche");
  assert.deepEqual([fiche.label, fiche.siren, fiche.population], ["Collectivité anonyme", null, null]);
  // « Importer des fiches de pairs »: the fiche just written is read back (one peer: too few for quartiles).
  await page.getByTestId("peers-file").setInputFiles(saved);
  await pane.getByText(/Feuille « Comparaison » réécrite avec 1 fiche\(s\) de pairs\./).waitFor({ timeout: 60_000 });
  // A file that is not a fiche is named, with its problem.
  const bad = join(OUT, "pas-une-fiche.json");
  writeFileSync(bad, JSON.stringify({ marches: [] }));
  await page.getByTestId("peers-file").setInputFiles(bad);
  await pane.getByText(/Le fichier « pas-une-fiche\.json » n'est pas une fiche de comparaison Optima Achats/).waitFor();
  // « Exporter mes données essentielles (DECP) »: every contract is written, listed or below the threshold.
  await pane.getByRole("button", { name: "Exporter mes données essentielles (DECP)" }).click();
  const status = pane.getByTestId("decp-export-status");
  await status.filter({ hasText: /au format DECP 2024/ }).waitFor({ timeout: 60_000 });
  const m = /(\d[\d\s]*) marché\(s\) .* ; (\d[\d\s]*) non écrit\(s\) .* ; (\d[\d\s]*) sous le seuil/.exec(await status.innerText());
  assert.ok(m, await status.innerText());
  const notWritten = Number(m[2].replace(/\s/g, ""));
  if (notWritten > 0) assert.equal(await pane.getByTestId("decp-not-written").locator("li").count(), notWritten);
  // Nothing wider than the 320 px pane.
  assert.equal(await pane.evaluate((el) => el.scrollWidth <= el.clientWidth), true);
  await shot(pane, "fr-320-echange-decp");
  noErrors(errors);
  await page.close();
});

test("intercommunalité à pôles territoriaux : qualité de service, attentes et feuille Territoires (volet 450 px)", { timeout: 300_000 }, async () => {
  // Issue #16: the territorial demo (one communauté de communes with four pôles, a Qualité de
  // service table and an answered Attentes des territoires sheet) opened as the user's workbook.
  const { page, errors, pane } = await openPane("width=450&demo=none");
  await page.getByTestId("xlsx-file").setInputFiles(join(ROOT, "examples", "achats-demo-territoires.xlsx"));
  await pane.getByText("Qualité de service", { exact: true }).first().waitFor({ timeout: 60_000 });
  assert.ok((await pane.getByText("Liste des territoires", { exact: true }).count()) >= 1);
  await shot(pane, "fr-450-territoires-1-sources");
  await page.getByRole("tab", { name: /Analyser/ }).click();
  await page.getByTestId("run-button").click();
  await waitResults(page);
  await pane.getByText("Rapprochement exact : rien n'est perdu.").waitFor();
  await pane.getByRole("button", { name: "Ouvrir Territoires" }).click();
  const sheet = page.locator('[data-testid="sheet-view"][data-sheet-key="territoires"]');
  await sheet.waitFor();
  const text = await sheet.innerText();
  // The four pôles of the demo, and Pôle Ouest under-served on Voirie (9 days for a 5-day target).
  for (const pole of ["Pôle Nord", "Pôle Sud", "Pôle Est", "Pôle Ouest"]) assert.match(text, new RegExp(pole));
  assert.match(text, /Voirie/);
  // The answer in short at the top of the sheet (issue #16): what to pool, what to bring closer.
  assert.match(text, /En bref : que mutualiser, que rapprocher des territoires/);
  assert.match(text, /Bilan des orientations/);
  await shot(page, "fr-450-territoires-2-feuille");
  // The answered questionnaire is the user's sheet: it is still there, its answers unchanged.
  await page.getByRole("tab", { name: "Attentes des territoires", exact: true }).waitFor();
  noErrors(errors);
  await page.close();
});
