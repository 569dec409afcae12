/**
 * xl/workbook.xml: the list of sheets (names, sheetIds, relationship ids, hidden state), edited in
 * place so that everything else the workbook holds (defined names, views, calculation settings,
 * extensions) is kept. Formulas are recalculated when the file is opened (fullCalcOnLoad): the
 * writer stores formulas without cached values.
 */
import { elementsOf, xmlTrue } from "../../ooxml/xml";
import type { PrintNames } from "./print-xml";
import { escapeAttr, escapeXml, findElement, NS, XML_DECL } from "./xml";

export const MINIMAL_WORKBOOK_XML =
  XML_DECL +
  `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><workbookPr/>` +
  `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews>` +
  `<sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  hidden: boolean;
  /** The element as written. */
  raw: string;
}

export function parseWorkbookSheets(xml: string): WorkbookSheet[] {
  const sheets = findElement(xml, "sheets");
  if (!sheets || sheets.text.endsWith("/>")) return [];
  const out: WorkbookSheet[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?sheet(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/g;
  for (const m of sheets.text.matchAll(re)) {
    const a = elementsOf(m[0].endsWith("/>") ? m[0] : m[0].replace(/>$/, "/>"), "sheet")[0] ?? {};
    out.push({
      name: a.name ?? "",
      sheetId: Number(a.sheetId ?? 0),
      relId: a["r:id"] ?? a.id ?? "",
      hidden: a.state === "hidden" || a.state === "veryHidden",
      raw: m[0].endsWith("/>") ? m[0] : m[0].replace(/>$/, "/>"),
    });
  }
  return out;
}

/** Problems that make a workbook one we must not update (French, for the user). */
export function unsupportedWorkbook(xml: string): string | null {
  if (xml.includes(NS.strictMain))
    return "est enregistré au format « Strict Open XML », que l'outil ne met pas à jour";
  const pr = elementsOf(xml, "workbookPr")[0];
  if (pr && xmlTrue(pr.date1904))
    return "utilise le calendrier depuis 1904 (option d'Excel pour Mac), que l'outil ne met pas à jour";
  return null;
}

export type SheetEntry =
  | { kind: "keep"; old: number; raw: string; rename?: string }
  | {
      kind: "write";
      old: number | null;
      name: string;
      sheetId: number;
      relId: string;
      hidden: boolean;
      /** Print area and repeated rows (replace the sheet's previous ones). */
      print?: PrintNames;
    };

/**
 * The workbook with a new sheet list. `entries` are in the final order; `old` is the sheet's
 * index in the existing list (null for a new sheet). Defined names local to a removed sheet are
 * dropped, the others follow their sheet; the active tab stays on its sheet when it can.
 */
export function rewriteWorkbook(xml: string, entries: SheetEntry[], oldCount: number): string {
  const root = /<((?:[A-Za-z_][\w.-]*:)?)workbook(?=[\s>])((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(xml);
  if (!root) throw new Error("workbook.xml illisible : élément workbook introuvable");
  const p = root[1];
  const rPrefix = new RegExp(
    `xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${NS.r.replace(/[.]/g, "\\.")}["']`
  ).exec(root[2])?.[1];
  const relAttr = (id: string) =>
    rPrefix ? `${rPrefix}:id="${escapeAttr(id)}"` : `xmlns:r="${NS.r}" r:id="${escapeAttr(id)}"`;

  const newIndex = new Map<number, number>();
  entries.forEach((e, i) => {
    if (e.old !== null) newIndex.set(e.old, i);
  });
  const items = entries.map((e) => {
    if (e.kind === "keep") {
      if (e.rename === undefined) return e.raw;
      return e.raw.replace(
        /(\sname\s*=\s*)("[^"]*"|'[^']*')/,
        `$1"${escapeAttr(e.rename).replace(/\$/g, "$$$$")}"`
      );
    }
    return `<${p}sheet name="${escapeAttr(e.name)}" sheetId="${e.sheetId}"${e.hidden ? ` state="hidden"` : ""} ${relAttr(e.relId)}/>`;
  });
  const sheets = findElement(xml, "sheets");
  let out: string;
  const list = `<${p}sheets>${items.join("")}</${p}sheets>`;
  if (sheets) out = xml.slice(0, sheets.start) + list + xml.slice(sheets.end);
  else {
    const at = xml.lastIndexOf(`</${p}workbook>`);
    out = xml.slice(0, at) + list + xml.slice(at);
  }

  // Defined names local to a sheet; the print names of a sheet written with new ones are replaced.
  const reprinted = new Set<number>();
  entries.forEach((e) => {
    if (e.kind === "write" && e.print && e.old !== null) reprinted.add(e.old);
  });
  out = out.replace(
    /<((?:[A-Za-z_][\w.-]*:)?)definedName(?=[\s>])((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1definedName>/g,
    (whole, _pre: string, attrs: string) => {
      const m = /\slocalSheetId\s*=\s*["'](\d+)["']/.exec(attrs);
      if (!m) return whole;
      const old = Number(m[1]);
      const now = newIndex.get(old);
      if (now === undefined) return "";
      if (reprinted.has(old) && /\sname\s*=\s*["']_xlnm\.Print_(Area|Titles)["']/i.test(attrs))
        return "";
      return whole.replace(/(\slocalSheetId\s*=\s*)["']\d+["']/, `$1"${now}"`);
    }
  );
  out = out.replace(
    /<((?:[A-Za-z_][\w.-]*:)?)definedNames(?=[\s>])[^>]*>\s*<\/\1definedNames>/,
    ""
  );

  out = withPrintNames(out, entries, p);

  // Active tab and first visible tab.
  const visible = entries.map((e) =>
    e.kind === "write" ? !e.hidden : !/\sstate\s*=\s*["'](hidden|veryHidden)["']/.test(e.raw)
  );
  const firstVisible = Math.max(0, visible.indexOf(true));
  out = out.replace(
    /<((?:[A-Za-z_][\w.-]*:)?)workbookView(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g,
    (whole, pre: string, attrs: string, slash: string) => {
      let a = attrs;
      const tab = /\sactiveTab\s*=\s*["'](\d+)["']/.exec(a);
      const oldTab = tab ? Number(tab[1]) : 0;
      let now = oldCount === 0 ? 0 : newIndex.get(oldTab);
      if (now === undefined || !visible[now]) now = firstVisible;
      a = tab
        ? a.replace(/(\sactiveTab\s*=\s*)["']\d+["']/, `$1"${now}"`)
        : `${a} activeTab="${now}"`;
      const first = /\sfirstSheet\s*=\s*["'](\d+)["']/.exec(a);
      if (first)
        a = a.replace(
          /(\sfirstSheet\s*=\s*)["']\d+["']/,
          `$1"${Math.min(now, newIndex.get(Number(first[1])) ?? 0)}"`
        );
      return `<${pre}workbookView${a}${slash}>`;
    }
  );

  // Recalculate on open.
  const calc = findElement(out, "calcPr");
  if (calc) {
    let tag = calc.text.endsWith("/>") ? calc.text : calc.text.slice(0, calc.text.indexOf(">") + 1);
    tag = /\sfullCalcOnLoad\s*=/.test(tag)
      ? tag.replace(/(\sfullCalcOnLoad\s*=\s*)("[^"]*"|'[^']*')/, `$1"1"`)
      : tag.replace(/(\/?>)$/, ` fullCalcOnLoad="1"$1`);
    out =
      out.slice(0, calc.start) +
      tag +
      out.slice(
        calc.start + (calc.text.endsWith("/>") ? calc.text.length : calc.text.indexOf(">") + 1)
      );
  } else {
    const later = [
      "oleSize",
      "customWorkbookViews",
      "pivotCaches",
      "smartTagPr",
      "smartTagTypes",
      "webPublishing",
      "fileRecoveryPr",
      "webPublishObjects",
      "extLst",
    ];
    let at = -1;
    for (const n of later) {
      const el = findElement(out, n);
      if (el && (at < 0 || el.start < at)) at = el.start;
    }
    if (at < 0) at = out.lastIndexOf(`</${p}workbook>`);
    out = out.slice(0, at) + `<${p}calcPr calcId="191029" fullCalcOnLoad="1"/>` + out.slice(at);
  }
  return out;
}

/**
 * Adds the print names of the written sheets (_xlnm.Print_Area, _xlnm.Print_Titles, local to
 * their sheet's new index) to definedNames, created after the sheet list when there is none.
 */
function withPrintNames(xml: string, entries: SheetEntry[], p: string): string {
  let names = "";
  entries.forEach((e, i) => {
    if (e.kind !== "write" || !e.print) return;
    names += `<${p}definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(e.print.area)}</${p}definedName>`;
    if (e.print.titles)
      names += `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(e.print.titles)}</${p}definedName>`;
  });
  if (names === "") return xml;
  const close = `</${p}definedNames>`;
  const at = xml.indexOf(close);
  if (at >= 0) return xml.slice(0, at) + names + xml.slice(at);
  const sheetsEnd = xml.indexOf(`</${p}sheets>`);
  let pos =
    sheetsEnd >= 0 ? sheetsEnd + `</${p}sheets>`.length : xml.lastIndexOf(`</${p}workbook>`);
  // functionGroups and externalReferences come between sheets and definedNames (CT_Workbook).
  for (const n of ["functionGroups", "externalReferences"]) {
    const lead = /^\s*/.exec(xml.slice(pos))![0].length;
    const el = findElement(xml, n, pos);
    if (el && el.start === pos + lead) pos = el.end;
  }
  return xml.slice(0, pos) + `<${p}definedNames>${names}</${p}definedNames>` + xml.slice(pos);
}
