/**
 * Relationship parts (_rels/*.rels): parsing, editing and writing, and part-name arithmetic
 * (a relationship target is relative to the folder of its source part).
 */
import { type Relationship } from "../../ooxml/rels";
import { escapeAttr, NS, XML_DECL } from "./xml";

export {
  parseRels,
  relsPathOf,
  resolveTarget,
  type Relationship,
} from "../../ooxml/rels";

/** A relative target from a source part to a part ("xl/worksheets/sheet1.xml" → "../tables/table1.xml"). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function relsXml(rels: Relationship[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ` TargetMode="External"` : ""}/>`
  );
  return XML_DECL + `<Relationships xmlns="${NS.rels}">${items.join("")}</Relationships>`;
}

/** A relationship id not used yet: rId1, rId2… */
export function freeRelId(rels: Relationship[], prefix = "rId"): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
