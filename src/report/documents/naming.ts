/**
 * Names of the policy-document sheets (mode "document", issue #14). A document is the user's once
 * written: a new one never replaces it. When its name is taken, the new version goes beside it as
 * "Charte de déontologie (v2)", then "(v3)"… — within Excel's 31 characters. Used by both
 * renderers (the .xlsx writer and the Office.js renderer), which know the workbook's sheet names.
 */
export function documentSheetName(
  wanted: string,
  taken: (lowerName: string) => boolean,
  max = 31
): string {
  const base = wanted.slice(0, max);
  if (!taken(base.toLowerCase())) return base;
  for (let v = 2; ; v++) {
    const suffix = ` (v${v})`;
    const name = wanted.slice(0, max - suffix.length) + suffix;
    if (!taken(name.toLowerCase())) return name;
  }
}
