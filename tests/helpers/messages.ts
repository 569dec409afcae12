import { render, type Message } from "../../src/core/messages/render";

/** The French text of a message (N/A reasons, reference labels), null stays null. */
export function fr(m: Message | null | undefined): string | null {
  return m ? render("fr", m) : null;
}
