/**
 * The peer comparison of a CLI run (issue #15): the referentiel (the shipped default, a file, or
 * none), the DGCL table (the shipped 2023 one, or a newer .xlsx), the peers' fiches, and the
 * ComparisonView that the Comparaison sheet and the fiche are built from.
 */
import type { Analysis } from "../core/analyse";
import type { ContractLine } from "../core/model";
import type { BuyerCategory } from "../core/peers/categories";
import type { ComparisonView } from "../core/peers/comparison";
import type { DgclTable } from "../core/peers/dgcl";
import {
  comparisonOf,
  DEFAULT_REFERENTIEL_NAME,
  defaultDgcl,
  defaultReferentielData,
} from "../core/peers/defaults";
import type { Referentiel } from "../core/peers/referentiel";
import { readDgclXlsx } from "../file/dgcl-reader";
import { readFiches, readReferentielFile } from "../file/peer-files";

export interface ComparisonSetup {
  referentielFile: string | null;
  peers: string[];
  siren: string | null;
  dgclFile: string | null;
  category?: BuyerCategory | null;
  population?: number | null;
  anonymised?: boolean;
  runDate: string;
}

export async function loadDgcl(file: string | null, runDate: string): Promise<DgclTable> {
  if (file === null) return defaultDgcl();
  const read = await readDgclXlsx(file, {
    label: `Table DGCL des EPCI et communes membres (${file})`,
    origin: file,
    licence: "Licence Ouverte (DGCL)",
    extracted: runDate,
  });
  return read.table;
}

export async function loadReferentiel(
  file: string | null
): Promise<{ referentiel: Referentiel | null; name: string }> {
  if (file === null)
    return { referentiel: defaultReferentielData(), name: DEFAULT_REFERENTIEL_NAME };
  if (file.toLowerCase() === "aucun" || file.toLowerCase() === "none")
    return { referentiel: null, name: "aucun" };
  return { referentiel: await readReferentielFile(file), name: file };
}

export async function comparisonFor(
  contracts: readonly ContractLine[],
  analysis: Analysis,
  setup: ComparisonSetup
): Promise<ComparisonView> {
  const [ref, dgcl, peers] = await Promise.all([
    loadReferentiel(setup.referentielFile),
    loadDgcl(setup.dgclFile, setup.runDate),
    setup.peers.length > 0 ? readFiches(setup.peers) : Promise.resolve({ fiches: [], files: [] }),
  ]);
  return comparisonOf(contracts, analysis, setup.runDate, {
    referentiel: ref.referentiel,
    referentielName: ref.name,
    dgcl,
    peers: peers.fiches,
    siren: setup.siren,
    category: setup.category ?? null,
    population: setup.population ?? null,
    anonymised: setup.anonymised ?? false,
  });
}

/** The comparison options of an `analyse` command. */
export function setupOf(
  cmd: {
    referentielFile?: string | null;
    peers?: string | null;
    siren?: string | null;
    dgclFile?: string | null;
  },
  runDate: string
): ComparisonSetup {
  return {
    referentielFile: cmd.referentielFile ?? null,
    peers: (cmd.peers ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    siren: cmd.siren ?? null,
    dgclFile: cmd.dgclFile ?? null,
    runDate,
  };
}
