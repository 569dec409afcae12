/**
 * What the OOXML scanners throw; each reader turns them into its own error (the CLI's InputError,
 * the preview's message) with the file and sheet.
 */

/** The part is not well-formed where the scanner needs it to be (technical detail, English). */
export class OoxmlSyntaxError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "OoxmlSyntaxError";
  }
}

/**
 * The part goes beyond one of Excel's limits (rows, columns, characters a cell, sizes): a crafted
 * or broken file, refused before it can exhaust memory. `problem` is a French clause without the
 * location ("contient une référence de cellule … au-delà de la colonne XFD"); `row` is the 1-based
 * sheet row when known.
 */
export class OoxmlLimitError extends Error {
  constructor(
    readonly problem: string,
    readonly row?: number
  ) {
    super(problem);
    this.name = "OoxmlLimitError";
  }
}

export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
