/** [Content_Types].xml: defaults by extension and overrides by part name. */
import { elementsOf } from "../../ooxml/xml";
import { CONTENT_TYPE, escapeAttr, NS, XML_DECL } from "./xml";

export class ContentTypes {
  /** Extension (lower case) → content type. */
  readonly defaults = new Map<string, string>();
  /** Part name without leading "/" (case kept) → content type; looked up case-insensitively. */
  private readonly overrides = new Map<string, { part: string; type: string }>();

  static parse(xml: string | null): ContentTypes {
    const ct = new ContentTypes();
    if (xml) {
      for (const d of elementsOf(xml, "Default"))
        if (d.Extension) ct.defaults.set(d.Extension.toLowerCase(), d.ContentType ?? "");
      for (const o of elementsOf(xml, "Override"))
        if (o.PartName) ct.set(o.PartName, o.ContentType ?? "");
    }
    if (!ct.defaults.has("rels")) ct.defaults.set("rels", CONTENT_TYPE.rels);
    if (!ct.defaults.has("xml")) ct.defaults.set("xml", CONTENT_TYPE.xml);
    return ct;
  }

  set(part: string, type: string): void {
    const name = part.replace(/^\/+/, "");
    this.overrides.set(name.toLowerCase(), { part: name, type });
  }

  remove(part: string): void {
    this.overrides.delete(part.replace(/^\/+/, "").toLowerCase());
  }

  typeOf(part: string): string | undefined {
    const name = part.replace(/^\/+/, "");
    const o = this.overrides.get(name.toLowerCase());
    if (o) return o.type;
    const dot = name.lastIndexOf(".");
    return dot >= 0 ? this.defaults.get(name.slice(dot + 1).toLowerCase()) : undefined;
  }

  /** Part names with an override. */
  parts(): string[] {
    return [...this.overrides.values()].map((o) => o.part);
  }

  xml(): string {
    let s = XML_DECL + `<Types xmlns="${NS.contentTypes}">`;
    for (const [ext, type] of this.defaults)
      s += `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(type)}"/>`;
    for (const o of this.overrides.values())
      s += `<Override PartName="/${escapeAttr(o.part)}" ContentType="${escapeAttr(o.type)}"/>`;
    return s + `</Types>`;
  }
}
