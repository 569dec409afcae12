/** Money helpers: amounts are integer cents. */

/** Cents of a euro amount, rounded half away from zero (robust to binary fractions). */
export function toCents(euros: number): number {
  // toPrecision(15) removes binary noise (1.005 * 100 = 100.49999999999999 -> 100.5).
  const scaled = Number((euros * 100).toPrecision(15));
  const rounded = Math.round(Math.abs(scaled));
  return scaled < 0 ? -rounded : rounded;
}

/** Euros of a cent amount (for display and sheet output). */
export function toEuros(cents: number): number {
  return cents / 100;
}

/** HT cents from TTC cents and a VAT rate in percent (e.g. 20), rounded to the cent. */
export function htFromTtc(ttcCents: number, vatPercent: number): number {
  return Math.round((ttcCents * 100) / (100 + vatPercent));
}

/** "1 234,56 €" (French grouping with a narrow no-break space). */
export function formatEuros(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const dec = String(abs % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${units},${dec} €`;
}
