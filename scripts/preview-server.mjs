#!/usr/bin/env node
/**
 * Static server of the browser preview (`npm run preview`): serves the preview build (dist/ by
 * default) and the demo workbook (examples/achats-demo.xlsx under /examples/) on 127.0.0.1 only.
 *
 *   node scripts/preview-server.mjs [--dir dist] [--port 3001]
 *   PORT=4000 node scripts/preview-server.mjs
 *
 * Also imported by the e2e runner (tests/e2e/run.mjs): startPreviewServer({ dir, port: 0 }).
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file for a URL path under a base directory, or null (no traversal outside the base). */
function fileUnder(base, urlPath) {
  const target = normalize(join(base, urlPath));
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    return statSync(target).isFile() ? target : null;
  } catch {
    return null;
  }
}

export function startPreviewServer({ dir = join(ROOT, "dist"), port = 3001, host = "127.0.0.1", quiet = false } = {}) {
  const distDir = resolve(dir);
  const examplesDir = join(ROOT, "examples");
  if (!existsSync(join(distDir, "taskpane.html"))) {
    throw new Error(`Aucun build dans ${distDir} : lancez d'abord « npx webpack --mode production --env preview ».`);
  }
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/") {
      res.writeHead(302, { Location: "/taskpane.html" }).end();
      return;
    }
    const file = path.startsWith("/examples/") ? fileUnder(examplesDir, path.slice("/examples/".length)) : fileUnder(distDir, path);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Introuvable");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}/taskpane.html`;
      if (!quiet) console.log(`Aperçu Optima Achats : ${url}  (Ctrl+C pour arrêter)`);
      resolvePromise({ server, url, port: address.port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(arg("port") ?? process.env.PORT ?? process.env.OPTIMA_PREVIEW_PORT ?? 3001);
  startPreviewServer({ dir: arg("dir") ?? join(ROOT, "dist"), port }).catch((error) => {
    console.error(error.code === "EADDRINUSE" ? `Le port ${port} est déjà utilisé : PORT=4000 npm run preview` : error.message);
    process.exit(1);
  });
}
