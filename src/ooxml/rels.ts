/**
 * Relationship parts (_rels/*.rels) as the readers and the writer see them, and part-name
 * arithmetic: a relationship target is relative to the folder of its source part.
 */
import { elementsOf } from "./xml";

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

export function parseRels(xml: string): Relationship[] {
  return elementsOf(xml, "Relationship").map((a) => ({
    id: a.Id ?? "",
    type: a.Type ?? "",
    target: a.Target ?? "",
    external: a.TargetMode === "External",
  }));
}

/** Type URIs end with the relationship kind (transitional and strict namespaces alike). */
export function relTypeIs(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}
