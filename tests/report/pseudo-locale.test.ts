/**
 * Pseudo-locale check of the written workbook (issue #9 §5): every sheet of a full analysis of the
 * demo data and of a small fixture is rendered in English and in French, and every text the
 * workbook shows is checked:
 * - English: no French sentence — no French word or accented word left once the data values (what
 *   the user's tables hold: names, labels, descriptions, procedures as legal terms) and the titles
 *   of the cited texts are taken out;
 * - both languages: no internal identifier — camelCase keys ("supplierId"), "SPEC §", section keys
 *   ("objectives/PF3"), "SP1 · EUR"-like unit codes.
 * A failure lists the offending cells with their sheet and place, so it says what to translate.
 */
import { analyse, type Analysis } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { runIntake, type MappedTable } from "../../src/core/intake";
import type { Cell, IntakeResult } from "../../src/core/model";
import { rangePeriod } from "../../src/core/period";
import { rangeA1 } from "../../src/report/a1";
import { plainValue, type Lang, type WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import * as path from "node:path";
import { loadInputs } from "../../src/file/load-inputs";
import { readOwnedInputs } from "../../src/file/write-workbook";
import { readUserInputs } from "../../src/report/inputs";
import { generateDemo, type DemoTable } from "../../scripts/demo/generate";
import { richIntake } from "./fixture";

const OPTIONS = { runDate: "2026-11-15", sources: ["Mandats", "Marches", "Entites"] };

/**
 * Every text the workbook shows, with where it is. Left out: the row keys of the sheets the user
 * edits (column "key" of their tables and the "#section" markers of column A), which the next run
 * reads back whatever the language — they are the structural keys of spec.ts, labelled "ne pas
 * modifier" in the sheets' notes.
 */
function texts(spec: WorkbookSpec): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, v: unknown) => {
    if (typeof v === "string" && v.trim() !== "") out.push({ where, text: v });
  };
  for (const s of spec.sheets) {
    add(`${s.key} (sheet name)`, s.name);
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const p = plainValue(v);
          if (typeof v === "object" && v !== null && "formula" in v) return;
          if (s.mode === "merge-inputs" && b.col + c === 0 && typeof p === "string" && p.startsWith("#")) return;
          add(`${s.key}!${rangeA1(b.row + r, b.col + c, b.row + r, b.col + c)}`, p);
        })
      );
    for (const t of s.tables) {
      for (const c of t.columns) add(`${s.key}!${t.name} header`, c.header);
      t.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "object" && v !== null && "formula" in v) return;
          if (s.mode === "merge-inputs" && t.columns[c].key === "key") return;
          add(`${s.key}!${t.name}[${r}].${t.columns[c].key}`, plainValue(v));
        })
      );
    }
    for (const ch of s.charts) add(`${s.key} chart ${ch.id}`, ch.title);
    for (const v of s.validations) {
      if (Array.isArray(v.list)) v.list.forEach((item) => add(`${s.key} list`, item));
      add(`${s.key} prompt`, v.prompt);
    }
  }
  return out;
}

/** The data values of the source tables (their cells) and the normalised values of the intake. */
function dataValues(tables: readonly { rows: Cell[][] }[], intake: IntakeResult, analysis: Analysis): string[] {
  const out = new Set<string>();
  for (const t of tables) for (const row of t.rows) for (const c of row) if (typeof c === "string") out.add(c.trim());
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || v === null) return;
    if (typeof v === "string") out.add(v.trim());
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (typeof v === "object") for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(intake.spend, 0);
  walk(intake.contracts, 0);
  walk(intake.entities, 0);
  walk(intake.suppliers, 0);
  walk(intake.nomenclature, 0);
  // Titles of the cited texts (sources of the reference values): names of documents, not sentences.
  walk(analysis.reference, 0);
  out.add(analysis.period.label);
  return [...out].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
}

const FRENCH_WORDS =
  /(?:^|[\s(«"'’,;:·/–-])(le|la|les|des|du|de|d'|l'|et|un|une|au|aux|pour|sur|avec|sans|par|dans|est|sont|ou|aucun|aucune|non|oui|lignes?|marchés?|fournisseurs?|dépense|montant|période|entités?|familles?|seuil|année|mois|jours)(?=$|[\s)»"',;:.·/–-])/i;
const ACCENTED = /[àâäçéèêëîïôöùûüÿœ]/i;
/** French words English keeps (legal terms, names of programmes and texts). */
const KEPT_IN_ENGLISH = [
  /\bdépartements?\b/gi,
  /\bLoi Climat\b/g,
  /\b[Pp]rocédure adaptée(?![\wÀ-ÿ])/g,
  /\bHors marché(?![\wÀ-ÿ])/g,
  /\bCour des comptes\b/g,
  /\bMalvy–Lambert\b/g,
  /\bÉtat\b/g,
];

/** Internal identifiers; `raw`: looked for in the whole text (data values included). */
const INTERNAL = [
  { name: "camelCase key", re: /\b[a-z]+[A-Z][A-Za-z]*\b/, raw: false },
  { name: "SPEC reference", re: /SPEC\s*§/, raw: true },
  {
    name: "section key",
    re: /\b(objectives|actions|renewals|responsible|mutualisation|evaluation|param|diagnostic)\/\S+/,
    raw: true,
  },
  { name: "unit code", re: /^[A-Z]{2}\d · (EUR|count|days|EUR\/hab)$/, raw: true },
];

function remainder(text: string, data: readonly string[]): string {
  let t = ` ${text} `;
  for (const d of data) if (t.includes(d)) t = t.split(d).join(" ");
  for (const re of KEPT_IN_ENGLISH) t = t.replace(re, " ");
  return t.replace(/\b[A-Z]{2}\d\b/g, " ");
}

function offenders(spec: WorkbookSpec, lang: Lang, data: readonly string[]): string[] {
  const out: string[] = [];
  for (const { where, text } of texts(spec)) {
    const rest = remainder(text, data);
    for (const i of INTERNAL)
      if (i.re.test(i.raw ? text : rest)) out.push(`${where}: ${i.name} in « ${text} »`);
    if (lang === "en" && (FRENCH_WORDS.test(rest) || ACCENTED.test(rest)))
      out.push(`${where}: French in « ${text} »`);
  }
  return [...new Set(out)];
}

function demoAnalysis(): { analysis: Analysis; data: string[] } {
  const demo = generateDemo();
  const tables: DemoTable[] = [demo.spend, demo.contracts, demo.entities, demo.nomenclature, demo.suppliers];
  const mapped = tables.map((t): MappedTable => {
    const table = { name: t.name, sheet: t.sheet, rows: t.rows, firstRow: t.firstRow };
    const d = detectTable(table);
    if (!d.kind) throw new Error(`table ${t.name} non détectée`);
    return { table, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
  });
  const intake = runIntake(mapped);
  const analysis = analyse(intake, { period: rangePeriod(2025, 1, 2026, 10) });
  return { analysis, data: dataValues(tables, intake, analysis) };
}

/**
 * Texts not translated yet, and who translates them. Each entry must still cover at least one
 * offender of the demo (checked below): when the texts are translated, the entry must go.
 */
const PENDING: { where: RegExp; why: string }[] = [];

function unexpected(found: string[]): string[] {
  return found.filter((o) => !PENDING.some((p) => p.where.test(o)));
}

const demo = demoAnalysis();
const richIn = richIntake();
const rich = analyse(richIn);
const richData = dataValues([], richIn, rich);

describe("pseudo-locale: the written workbook speaks the reader's language", () => {
  for (const lang of ["en", "fr"] as const) {
    test(`demo analysis (${lang}): no untranslated text, no internal key`, () => {
      expect(unexpected(offenders(buildWorkbookSpec(demo.analysis, { ...OPTIONS, lang }), lang, demo.data))).toEqual([]);
    });
    test(`small fixture (${lang}): no untranslated text, no internal key`, () => {
      expect(unexpected(offenders(buildWorkbookSpec(rich, { ...OPTIONS, lang }), lang, richData))).toEqual([]);
    });
  }
  test("every pending entry still covers untranslated texts (remove it once they are translated)", () => {
    const found = offenders(buildWorkbookSpec(demo.analysis, { ...OPTIONS, lang: "en" }), "en", demo.data);
    for (const p of PENDING) expect([p.why, found.some((o) => p.where.test(o))]).toEqual([p.why, true]);
  });
  test("the check finds a French sentence and an internal key in an English sheet", () => {
    const spec = buildWorkbookSpec(rich, { ...OPTIONS, lang: "en" });
    const sheet = { ...spec.sheets.find((s) => s.key === "dashboard")!, tables: [], charts: [], validations: [] };
    const planted: WorkbookSpec = {
      ...spec,
      sheets: [{ ...sheet, blocks: [{ row: 0, col: 0, values: [["Aucune ligne de dépense"], ["supplierId"], ["Total spend"]] }] }],
    };
    expect(offenders(planted, "en", [])).toEqual([
      "dashboard!A1: French in « Aucune ligne de dépense »",
      "dashboard!A2: camelCase key in « supplierId »",
    ]);
  });
});

/**
 * The territorial demo (examples/achats-demo-territoires.xlsx: one body with four pôles, quality of
 * service, answered expectations) fills the Territoires, Attentes and Organisation territoriale
 * parts the general demo leaves empty. Its data values: the intake's, plus the territories' and the
 * quality measures' names, services, indicators and units.
 */
describe("pseudo-locale: the territorial demo", () => {
  const FILE = path.join(__dirname, "..", "..", "examples", "achats-demo-territoires.xlsx");
  let analysis: Analysis;
  let data: string[];
  let previousInputs: ReturnType<typeof readUserInputs>;
  beforeAll(async () => {
    const intake = await loadInputs([FILE]);
    analysis = analyse(intake);
    const extra = [
      ...(intake.territories ?? []).map((t) => t.territory),
      ...(intake.quality ?? []).flatMap((q) => [q.territory, q.service, q.indicator, q.unit ?? ""]),
    ];
    data = [...new Set([...dataValues([], intake, analysis), ...extra])].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length);
    previousInputs = readUserInputs(await readOwnedInputs(FILE));
  });
  for (const lang of ["en", "fr"] as const)
    test(`territorial demo (${lang}): no untranslated text, no internal key`, () => {
      expect(unexpected(offenders(buildWorkbookSpec(analysis, { ...OPTIONS, lang, previousInputs }), lang, data))).toEqual([]);
    });
});
