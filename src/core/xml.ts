/**
 * A small XML reader for DECP files (2019 and 2024 XML formats): elements → plain JSON values, the
 * shape the DECP JSON formats have, so that decp.ts reads both the same way.
 *
 * Rules: an element with only text is its text (entities and CDATA decoded, trimmed); an element
 * with child elements is an object of its children; a child name met twice becomes a list (in
 * document order); an empty element is "" ; attributes, comments, processing instructions and the
 * DOCTYPE are ignored (DECP carries no data in attributes). Namespace prefixes are dropped.
 * Malformed XML is an XmlError with the line of the problem (never a crash on hostile input: the
 * parse is iterative, nesting is bounded).
 */

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message);
    this.name = "XmlError";
  }
}

/** A DECP file nests a few levels; far deeper is not DECP (and is refused before it costs memory). */
export const MAX_XML_DEPTH = 64;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML/HTML character references (&amp; &#8211; &#x2013;); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? (body === "nbsp" ? "\u00a0" : whole);
  });
}

interface Frame {
  name: string;
  children: Record<string, unknown> | null;
  text: string[];
}

function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i >= 0 ? qname.slice(i + 1) : qname;
}

function addChild(parent: Frame, name: string, value: unknown): void {
  if (parent.children === null) parent.children = {};
  const c = parent.children;
  if (!(name in c)) c[name] = value;
  else if (Array.isArray(c[name]) && (c[name] as unknown[] & { __list?: true }).__list)
    (c[name] as unknown[]).push(value);
  else {
    const list = [c[name], value] as unknown[] & { __list?: true };
    Object.defineProperty(list, "__list", { value: true, enumerable: false });
    c[name] = list;
  }
}

function valueOf(f: Frame): unknown {
  if (f.children !== null) return f.children;
  return decodeEntities(f.text.join("")).trim();
}

/** Parses an XML document into `{ rootName: value }`. Throws XmlError when it is not well formed. */
export function parseXml(xml: string): Record<string, unknown> {
  let text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (text.trim() === "") throw new XmlError("le fichier est vide", 1);
  const lineAt = (pos: number) => {
    let n = 1;
    for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  const root: Frame = { name: "", children: null, text: [] };
  const stack: Frame[] = [root];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      if (stack.length > 1) top.text.push(text.slice(i));
      else if (text.slice(i).trim() !== "") throw new XmlError("du texte suit la fin du document", lineAt(i));
      break;
    }
    if (lt > i) {
      const chunk = text.slice(i, lt);
      if (stack.length > 1) top.text.push(chunk);
      else if (chunk.trim() !== "") throw new XmlError("du texte se trouve hors de tout élément", lineAt(i));
    }
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlError("un commentaire n'est pas fermé", lineAt(lt));
      i = end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end < 0) throw new XmlError("une section CDATA n'est pas fermée", lineAt(lt));
      // CDATA is literal text: protect its "&" from entity decoding.
      top.text.push(text.slice(lt + 9, end).replace(/&/g, "&amp;"));
      i = end + 3;
      continue;
    }
    if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("une instruction de traitement n'est pas fermée", lineAt(lt));
      i = end + 2;
      continue;
    }
    if (text.startsWith("<!", lt)) {
      const end = text.indexOf(">", lt + 2);
      if (end < 0) throw new XmlError("une déclaration n'est pas fermée", lineAt(lt));
      i = end + 1;
      continue;
    }
    const gt = findTagEnd(text, lt + 1);
    if (gt < 0) throw new XmlError("une balise n'est pas fermée", lineAt(lt));
    const inner = text.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith("/")) {
      const name = localName(inner.slice(1).trim());
      if (stack.length === 1 || top.name !== name)
        throw new XmlError(
          stack.length === 1
            ? `la balise fermante </${name}> n'a pas de balise ouvrante`
            : `la balise <${top.name}> est fermée par </${name}>`,
          lineAt(lt)
        );
      stack.pop();
      addChild(stack[stack.length - 1], name, valueOf(top));
      continue;
    }
    const selfClosing = inner.endsWith("/");
    const m = /^([^\s/>]+)/.exec(inner);
    if (!m) throw new XmlError("une balise n'a pas de nom", lineAt(lt));
    const name = localName(m[1]);
    if (stack.length === 1 && root.children !== null)
      throw new XmlError("le document a plusieurs éléments racine", lineAt(lt));
    if (selfClosing) {
      addChild(top, name, "");
      continue;
    }
    if (stack.length > MAX_XML_DEPTH)
      throw new XmlError(`les éléments sont imbriqués sur plus de ${MAX_XML_DEPTH} niveaux`, lineAt(lt));
    stack.push({ name, children: null, text: [] });
  }
  if (stack.length > 1)
    throw new XmlError(`le fichier s'arrête avant la fin de l'élément <${stack[stack.length - 1].name}> (fichier tronqué ?)`, lineAt(n));
  if (root.children === null) throw new XmlError("aucun élément XML n'a été trouvé", 1);
  text = "";
  return root.children;
}

/** Index of the ">" ending a tag that starts at `from` (quoted attribute values may hold ">"). */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -1;
  }
  return -1;
}
