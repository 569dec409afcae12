/**
 * Layer rules of the README, checked by tests/architecture.test.ts (npx depcruise src).
 * Dependencies point one way, from the front ends down to core:
 *
 *   core      -> core                                   (pure: no Node, Office, React, npm)
 *   ooxml     -> ooxml, core                            (platform-neutral OOXML parts)
 *   report    -> report, core, ooxml
 *   workbook  -> workbook, core, report                 (the workbook port: contract, errors, settings)
 *   app       -> app, core, report, ooxml               (the one application pipeline)
 *   excel     -> excel, workbook, core, report, ooxml   (Office.js adapter)
 *   file      -> file, app, core, report, ooxml         (Node adapter)
 *   cli       -> cli, file, app, core, report, ooxml
 *   taskpane  -> anything but file, cli and Node built-ins
 *   commands  -> commands, excel, workbook, app, core, report, and the pane's non-React modules
 *
 * and no import cycle anywhere in src/.
 */
const layer = (name, allowed, extra = {}) => ({
  name: `${name}-layer`,
  comment: `src/${name} may import only ${allowed.map((a) => `src/${a}`).join(", ")}`,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: {
    path: "^src/",
    pathNot: allowed.map((a) => `^src/${a}/`),
    ...extra,
  },
});

const NEUTRAL = ["core", "ooxml", "report", "workbook", "app"];

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "no import cycle",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    layer("core", ["core"]),
    layer("ooxml", ["ooxml", "core"]),
    layer("report", ["report", "core", "ooxml"]),
    layer("workbook", ["workbook", "core", "report"]),
    layer("app", ["app", "core", "report", "ooxml"]),
    layer("excel", ["excel", "workbook", "core", "report", "ooxml"]),
    layer("file", ["file", "app", "core", "report", "ooxml"]),
    layer("cli", ["cli", "file", "app", "core", "report", "ooxml"]),
    layer("taskpane", ["taskpane", "excel", "workbook", "app", "core", "report", "ooxml"]),
    layer("commands", ["commands", "taskpane", "excel", "workbook", "app", "core", "report", "ooxml"]),
    {
      name: "readers-not-writers",
      comment: "the .xlsx readers and the writer share src/ooxml, never each other",
      severity: "error",
      from: { path: "^src/file/(xlsx-reader|zip)\\.ts$" },
      to: { path: "^src/file/xlsx-writer/" },
    },
    {
      name: "commands-no-react",
      comment: "the ribbon commands use the pane's services, never its React components",
      severity: "error",
      from: { path: "^src/commands/" },
      to: { path: "^src/taskpane/.*\\.tsx$" },
    },
    {
      name: "neutral-no-node",
      comment: "core, ooxml, report, workbook and app run in Node, the browser and Office alike",
      severity: "error",
      from: { path: `^src/(${NEUTRAL.join("|")})/` },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "neutral-no-ui-or-office",
      comment: "no React, Fluent UI or Office.js below the front ends",
      severity: "error",
      from: { path: `^src/(${[...NEUTRAL, "file", "cli"].join("|")})/` },
      to: { path: "node_modules/(react|react-dom|@fluentui|@microsoft/office-js|office-addin-)" },
    },
    {
      name: "core-no-npm",
      comment: "src/core depends on no package at all",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "no-dev-deps-in-src",
      comment: "devDependencies (exceljs, test tools) are for tests and scripts only",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      comment: "every import resolves",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.d\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
