/**
 * The buyer's own DECP (issue #11 §4, R2196-1 and arrêté du 22 décembre 2022): contracts of
 * 40 000 € HT or more written as DECP 2024, valid against the official JSON schema (2.0.3) and XSD
 * (2.0.2); a contract missing a mandatory field is listed with the fix, never dropped silently.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dayFromIso } from "../../src/core/dates";
import { buildDecpExport, decpToXml, describeNotWritten, DECP_MANDATORY } from "../../src/core/decp-export";
import { parseXml } from "../../src/core/xml";
import { contract } from "../helpers/fixtures";
import { render } from "../../src/core/messages/render";
import { validateJson } from "../helpers/json-schema";

const DECP = path.join(__dirname, "../fixtures/decp");
const schema = JSON.parse(fs.readFileSync(path.join(DECP, "schema_decp_v2.0.3.json"), "utf8"));
const XSD = path.join(DECP, "schema_decp_v2.0.2.xsd");

function xsdErrors(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-decp-xsd-"));
  const file = path.join(dir, "decp.xml");
  fs.writeFileSync(file, xml);
  try {
    execFileSync(process.execPath, [path.join(__dirname, "../helpers/xsd-validate.mjs"), XSD, file], { encoding: "utf8" });
    return "";
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    if (err.status === 2) throw new Error(`validateur XSD absent : ${err.stderr}`);
    return err.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const complete = () =>
  contract({
    contractRef: "2024-017",
    entityId: "21930077000018",
    description: "Travaux de voirie 2024 & réseaux <lot 1>",
    cpv: "45233140-2",
    procedure: "Appel d'offres ouvert",
    notified: "2024-03-15",
    durationMonths: 24,
    amount: 250_000.5,
    bidsReceived: 4,
    techniques: "Accord-cadre",
    innovative: false,
    holders: [{ name: "COLAS", id: "32901414700022" }],
    socialConsideration: false,
    environmentalConsideration: true,
    environmentalClause: true,
    environmentalCriterion: false,
  });
const COMPLEMENTS = {
  "2024-017": {
    modalitesExecution: { modaliteExecution: ["Bons de commande"] },
    ccag: "Travaux",
    attributionAvance: false,
    lieuExecution: { code: "93077", typeCode: "Code commune" },
    typesPrix: { typePrix: ["Définitif révisable"] },
    formePrix: "Unitaire",
    sousTraitanceDeclaree: false,
  },
};

describe("DECP 2024 written from the buyer's contracts", () => {
  const publicationDay = dayFromIso("2024-04-02");

  test("a complete contract is written, valid against the official JSON schema 2.0.3", () => {
    const exp = buildDecpExport([complete()], { publicationDay, complements: COMPLEMENTS });
    expect([exp.written, exp.notWritten, exp.belowThreshold]).toEqual([1, [], 0]);
    const m = exp.document.marches.marche[0];
    expect(m).toMatchObject({
      id: "2024-017",
      acheteur: { id: "21930077000018" },
      codeCPV: "45233140",
      montant: 250_000.5,
      dateNotification: "2024-03-15",
      datePublicationDonnees: "2024-04-02",
      titulaires: [{ titulaire: { typeIdentifiant: "SIRET", id: "32901414700022" } }],
      considerationsEnvironnementales: { considerationEnvironnementale: ["Clause environnementale"] },
      techniques: { technique: ["Accord-cadre"] },
    });
    expect(validateJson(schema, exp.document)).toEqual([]);
  });

  test("the same document as XML is valid against the official XSD 2.0.2, and reads back", () => {
    const exp = buildDecpExport([complete()], { publicationDay, complements: COMPLEMENTS });
    const xml = decpToXml(exp.document);
    expect(xsdErrors(xml)).toBe("");
    const back = parseXml(xml) as { marches: { marche: Record<string, unknown> } };
    expect(back.marches.marche.objet).toBe("Travaux de voirie 2024 & réseaux <lot 1>");
    expect(back.marches.marche.montant).toBe("250000.5");
  });

  test("the schemas do reject a broken document (the checks can fail)", () => {
    const exp = buildDecpExport([complete()], { publicationDay, complements: COMPLEMENTS });
    const broken = JSON.parse(JSON.stringify(exp.document));
    delete broken.marches.marche[0].ccag;
    broken.marches.marche[0].acheteur.id = "123";
    expect(validateJson(schema, broken)).toEqual(
      expect.arrayContaining([expect.stringMatching(/champ obligatoire « ccag » absent/), expect.stringMatching(/acheteur\.id: « 123 »/)])
    );
    expect(xsdErrors(decpToXml(broken))).toMatch(/ccag|acheteur|id/);
  });

  test("under 40 000 € HT is not published; a contract missing mandatory fields is listed with each fix", () => {
    const small = contract({ contractRef: "P1", amount: 39_999.99 });
    const bare = complete();
    const exp = buildDecpExport([small, bare], { publicationDay });
    expect([exp.written, exp.belowThreshold]).toEqual([0, 1]);
    // Without complements: the 7 fields a register does not hold.
    expect(exp.notWritten.map((n) => [n.contractRef, n.missing.map((m) => m.field)])).toEqual([
      ["2024-017", ["modalitesExecution", "ccag", "attributionAvance", "lieuExecution", "typesPrix", "formePrix", "sousTraitanceDeclaree"]],
    ]);
    expect(render("fr", describeNotWritten(exp.notWritten[0]))).toMatch(/^Marché « 2024-017 » \(Marches, ligne \d+\) non publié, champs obligatoires manquants : modalitesExecution — indiquez/);
    expect(DECP_MANDATORY).toEqual(schema.definitions.marche.required);
  });

  test("a contract without amount or with several titulaires without SIRET is listed, not written", () => {
    const noAmount = contract({ contractRef: "X", amount: undefined });
    const exp = buildDecpExport([noAmount], { publicationDay });
    expect(exp.notWritten[0].missing.map((m) => m.field)).toContain("montant");
    expect(exp.notWritten[0].missing.map((m) => m.field)).toContain("titulaires");
  });
});
