/**
 * Editable parameters of the AGEC art. 58 and EGalim duties (issue #14), appended to the
 * Paramètres sheet (PARAMETERS in ./parameters.ts). Same shape as ParameterDef: id = path in
 * ReferenceValues, kind, [fr, en] label, source path. The décret 2024-134 minima have no default
 * (their figures were not checked): the value cell stays empty until the user types the annex's
 * figure, and the AGEC table shows "à renseigner" meanwhile.
 */
import { agecCategoryMessage } from "../core/indicators/re/re7";
import { render } from "../core/messages/render";
import { AGEC_2024_STEPS, AGEC_CATEGORIES } from "../core/reference/agec-egalim";

interface Def {
  id: string;
  kind: "percent";
  label: readonly [string, string];
  sourcePath: string;
}

const STEP_LABEL: Record<(typeof AGEC_2024_STEPS)[number], [string, string]> = {
  2024: ["2024-2026", "2024-2026"],
  2027: ["2027-2029", "2027-2029"],
  2030: ["à partir de 2030", "from 2030"],
};

export const RESPONSIBLE_PARAMETERS: readonly Def[] = [
  {
    id: "egalim.qualityPercent",
    kind: "percent",
    label: [
      "EGalim : produits durables et de qualité (part minimale des achats alimentaires)",
      "EGalim: sustainable and quality products (minimum share of food purchases)",
    ],
    sourcePath: "egalim.source",
  },
  {
    id: "egalim.organicPercent",
    kind: "percent",
    label: ["EGalim : dont produits biologiques", "EGalim: of which organic"],
    sourcePath: "egalim.source",
  },
  {
    id: "egalim.meatFishPercent",
    kind: "percent",
    label: [
      "EGalim : viandes et produits de la pêche durables et de qualité (depuis 2024)",
      "EGalim: sustainable and quality meat and fish (since 2024)",
    ],
    sourcePath: "egalim.source",
  },
  ...AGEC_CATEGORIES.flatMap((c) => {
    // The category's catalogue name in each language (the same name as the AGEC tables show).
    const name = [render("fr", agecCategoryMessage(c.id)), render("en", agecCategoryMessage(c.id))];
    return AGEC_2024_STEPS.flatMap((step): Def[] => [
      {
        id: `agec.${c.id}.reuse${step}`,
        kind: "percent",
        label: [
          `AGEC ${STEP_LABEL[step][0]} : ${name[0]}, part minimale issue du réemploi ou de la réutilisation`,
          `AGEC ${STEP_LABEL[step][1]}: ${name[1]}, minimum share from re-employment or reuse`,
        ],
        sourcePath: "agec.source",
      },
      {
        id: `agec.${c.id}.recycled${step}`,
        kind: "percent",
        label: [
          `AGEC ${STEP_LABEL[step][0]} : ${name[0]}, part minimale intégrant des matières recyclées`,
          `AGEC ${STEP_LABEL[step][1]}: ${name[1]}, minimum share with recycled materials`,
        ],
        sourcePath: "agec.source",
      },
    ]);
  }),
];
