/**
 * Relationship parts (_rels/*.rels): parsing, editing and writing, and part-name arithmetic
 * (a relationship target is relative to the folder of its source part).
 */
import { elementsOf } from "../xml";
import { escapeAttr, NS, XML_DECL } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  /** As written in the part. */
  target: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship target designates, from the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep as written
  }
  const segments = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.replace(/^\/+/, "").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  return segments.join("/");
}

/** A relative target from a source part to a part ("xl/worksheets/sheet1.xml" → "../tables/table1.xml"). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function parseRels(xml: string): Relationship[] {
  return elementsOf(xml, "Relationship").map((a) => ({
    id: a.Id ?? "",
    type: a.Type ?? "",
    target: a.Target ?? "",
    external: a.TargetMode === "External",
  }));
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
