/**
 * TE1 headline perimeter (issue #16 §1): the spend per inhabitant of the whole body.
 * - Entités perimeter first (as before): spend of the lines whose entity is in the Entités table ÷
 *   the inhabitants of that perimeter, each counted once.
 * - Else (one body with pôles, populations in the Territoires table or shipped): spend of the lines
 *   of the territories with a population ÷ Σ their populations.
 */
export interface PerimeterFigures {
  population: number;
  cents: number;
  lines: number;
}

export interface HeadlinePerimeter extends PerimeterFigures {
  /** "entites", "territoires", or null when no population is known. */
  source: "entites" | "territoires" | null;
}

export function territoryPerimeter(
  entities: PerimeterFigures,
  territories: readonly { cents: number; lines: number; population: number | null }[]
): HeadlinePerimeter {
  if (entities.population > 0) return { ...entities, source: "entites" };
  let population = 0;
  let cents = 0;
  let lines = 0;
  for (const t of territories) {
    if (t.population === null || t.population <= 0) continue;
    population += t.population;
    cents += t.cents;
    lines += t.lines;
  }
  if (population > 0) return { population, cents, lines, source: "territoires" };
  return { ...entities, source: null };
}
