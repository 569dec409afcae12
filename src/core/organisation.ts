/**
 * The collectivité a report is about, for the printed header of every sheet (issue #12): the
 * grouping entity (EPCI, communauté, métropole, syndicat) of the entities table when there is one,
 * else the only entity the data name; null when it cannot be told.
 */
import type { IntakeResult } from "./model";

const GROUPING = /^(epci|communaut|m[ée]tropole|syndicat|intercommunal|cc\b|ca\b|cu\b|sivom|sivu)/i;

export function organisationName(intake: Pick<IntakeResult, "entities" | "spend">): string | null {
  const groupings = intake.entities.filter(
    (e) => (e.type !== null && GROUPING.test(e.type.trim())) || GROUPING.test(e.entity.trim())
  );
  const names = new Set(groupings.map((e) => e.entity.trim()).filter((n) => n !== ""));
  if (names.size === 1) return [...names][0];
  const entities = new Set<string>();
  for (const e of intake.entities) if (e.entity.trim() !== "") entities.add(e.entity.trim());
  if (entities.size === 0)
    for (const l of intake.spend) {
      if (l.entity) entities.add(l.entity.trim());
      if (entities.size > 1) break;
    }
  return entities.size === 1 ? [...entities][0] : null;
}
