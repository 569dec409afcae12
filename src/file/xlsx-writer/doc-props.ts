/**
 * Document properties: docProps/core.xml and app.xml of a new workbook, and the custom property
 * `optima.ownedSheets` (docProps/custom.xml) that records which sheets Optima Achats created — the
 * only sheets a later run may rewrite or delete. Excel keeps custom properties when it saves.
 *
 * Value: "dashboard=1:1,plan=10:2,…" — sheet key = workbook sheetId : layout version. The
 * sheetId survives a rename of the sheet by the user.
 */
import { decodeXmlText } from "../../ooxml/xml";
import type { SheetKey } from "../../report/spec";
import { escapeAttr, escapeXml, NS, XML_DECL } from "./xml";

export const OWNED_PROPERTY = "optima.ownedSheets";
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

export interface OwnedRecord {
  key: SheetKey;
  sheetId: number;
  layoutVersion: number;
}

export function formatOwned(records: OwnedRecord[]): string {
  return records.map((r) => `${r.key}=${r.sheetId}:${r.layoutVersion}`).join(",");
}

export function parseOwned(value: string): OwnedRecord[] {
  const out: OwnedRecord[] = [];
  for (const item of value.split(",")) {
    const m = /^\s*([A-Za-z]+)=(\d+)(?::(\d+))?\s*$/.exec(item);
    if (m)
      out.push({
        key: m[1] as SheetKey,
        sheetId: Number(m[2]),
        layoutVersion: m[3] ? Number(m[3]) : 1,
      });
  }
  return out;
}

const PROPERTY_RE =
  /<((?:[A-Za-z_][\w.-]*:)?)property(?=[\s>/])((?:[^>"']|"[^"]*"|'[^']*')*)(?:\/>|>([\s\S]*?)<\/\1property>)/g;

/** The text value of a custom property, or null. */
export function readCustomProperty(xml: string, name: string): string | null {
  for (const m of xml.matchAll(PROPERTY_RE)) {
    const n = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[2]);
    if (!n || decodeXmlText(n[1] ?? n[2] ?? "") !== name) continue;
    const v = /<(?:[A-Za-z_][\w.-]*:)?(?:lpwstr|lpstr|bstr)>([\s\S]*?)<\//.exec(m[3] ?? "");
    return v ? decodeXmlText(v[1]) : "";
  }
  return null;
}

/** docProps/custom.xml with the property set (added or replaced); other properties kept. */
export function setCustomProperty(xml: string | null, name: string, value: string): string {
  const base =
    xml ?? XML_DECL + `<Properties xmlns="${NS.customProps}" xmlns:vt="${NS.vt}"></Properties>`;
  let maxPid = 1;
  let kept = base;
  for (const m of base.matchAll(PROPERTY_RE)) {
    const n = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[2]);
    if (n && decodeXmlText(n[1] ?? n[2] ?? "") === name) {
      kept = kept.replace(m[0], "");
      continue;
    }
    const pid = /\spid\s*=\s*["'](\d+)["']/.exec(m[2]);
    if (pid) maxPid = Math.max(maxPid, Number(pid[1]));
  }
  const root =
    /<((?:[A-Za-z_][\w.-]*:)?)Properties(?=[\s>/])((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/.exec(kept);
  if (!root) throw new Error("docProps/custom.xml illisible");
  const vtPrefix = new RegExp(
    `xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${NS.vt.replace(/[.]/g, "\\.")}["']`
  ).exec(kept)?.[1];
  const vt = vtPrefix ?? "vt";
  const decl = vtPrefix ? "" : ` xmlns:vt="${NS.vt}"`;
  const p = root[1];
  const prop = `<${p}property fmtid="${FMTID}" pid="${maxPid + 1}" name="${escapeAttr(name)}"${decl}><${vt}:lpwstr>${escapeXml(value)}</${vt}:lpwstr></${p}property>`;
  if (root[3] === "/") {
    const open = root[0].slice(0, -2) + ">";
    return (
      kept.slice(0, root.index) +
      open +
      prop +
      `</${p}Properties>` +
      kept.slice(root.index + root[0].length)
    );
  }
  const close = kept.lastIndexOf(`</${p}Properties>`);
  return kept.slice(0, close) + prop + kept.slice(close);
}

export function coreXml(title: string, isoDateTime: string): string {
  return (
    XML_DECL +
    `<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="${NS.dc}" xmlns:dcterms="${NS.dcterms}" xmlns:xsi="${NS.xsi}">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Optima Achats</dc:creator><cp:lastModifiedBy>Optima Achats</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${isoDateTime}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoDateTime}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

export function appXml(): string {
  return (
    XML_DECL +
    `<Properties xmlns="${NS.extendedProps}" xmlns:vt="${NS.vt}"><Application>Optima Achats</Application><DocSecurity>0</DocSecurity></Properties>`
  );
}
