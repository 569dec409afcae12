/** DECP test data shared by the CLI's `decp` command tests and the pane's DECP export tests. */
import * as fs from "node:fs";
import * as path from "node:path";

/** The official DECP JSON schema 2.0.3 (tests/fixtures/decp, provenance in PROVENANCE-schemas.md). */
export const DECP_JSON_SCHEMA: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/decp/schema_decp_v2.0.3.json"), "utf8")
);

/**
 * A complements file for the contract « M1 » (Voirie, 250 000 € HT, appel d'offres ouvert) of the
 * registers used by those tests: the mandatory DECP 2024 fields a register does not give.
 */
export const M1_COMPLEMENTS = {
  M1: {
    modalitesExecution: { modaliteExecution: ["Sans objet"] },
    ccag: "Travaux",
    attributionAvance: false,
    lieuExecution: { code: "93077", typeCode: "Code commune" },
    typesPrix: { typePrix: ["Définitif ferme"] },
    formePrix: "Forfaitaire",
    sousTraitanceDeclaree: false,
  },
};
