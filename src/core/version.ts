/** Product version, stamped on every generated sheet and machine-readable summary. Keep in step with package.json (a test checks). */
export const VERSION = "0.1.0";
