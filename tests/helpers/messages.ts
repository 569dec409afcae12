import { isMessage, render, type Message } from "../../src/core/messages/render";

/** The French text of a message (N/A reasons, reference labels), null stays null. */
export function fr(m: Message | null | undefined): string | null {
  return m ? render("fr", m) : null;
}

/** A row value as the French workbook shows it: messages rendered, lists of messages joined. */
export function frText(v: unknown): unknown {
  if (isMessage(v)) return render("fr", v);
  if (Array.isArray(v) && v.length > 0 && v.every(isMessage))
    return v.map((m) => render("fr", m)).join(" ; ");
  return v;
}

/** A row value as the English workbook shows it. */
export function enText(v: unknown): unknown {
  if (isMessage(v)) return render("en", v);
  if (Array.isArray(v) && v.length > 0 && v.every(isMessage))
    return v.map((m) => render("en", m)).join("; ");
  return v;
}
