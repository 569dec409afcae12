/**
 * Colour tokens of the result tiles (Fluent UI v9 theme token names), kept here so that a test can
 * check every text of a tile against its background: contrast ≥ 4,5:1 (WCAG 2.1 AA, issue #12).
 * « À surveiller » was marigold foreground 1 (#d39300) on yellow background 1: 2,6:1; marigold
 * foreground 2 (#835b00) gives about 6:1.
 */
export const TILE_BACKGROUNDS = {
  good: "colorPaletteGreenBackground1",
  watch: "colorPaletteYellowBackground1",
  alert: "colorPaletteRedBackground1",
  neutral: "colorBrandBackground2",
} as const;

export const STATUS_FOREGROUNDS = {
  good: "colorPaletteGreenForeground1",
  watch: "colorPaletteMarigoldForeground2",
  alert: "colorPaletteRedForeground1",
} as const;

/** Label, reference and value texts of every tile. */
export const TILE_TEXT = ["colorNeutralForeground2", "colorNeutralForeground1"] as const;
