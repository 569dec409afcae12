/** EUR headline values are in euros (2 decimals); "%" values are between 0 and 100. */
export type Unit = "EUR" | "%" | "count" | "days" | "EUR/hab";
