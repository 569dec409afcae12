/* eslint-disable no-undef */
// Webpack build of the Optima Achats task pane and ribbon commands.
//
//   npm run build                    -> dist/ with production URLs in dist/manifest.xml
//   npx webpack --mode development   -> dist/ with https://localhost:3000/ URLs
//   npx webpack --env preview        -> HTML loads office.js from dist/office-js/ (browser preview
//                                       without network) instead of the Office CDN
//   npx webpack --env outDir=<dir>   -> build into <dir> instead of dist/ (the e2e tests build the
//                                       preview into test-output/e2e/dist)
//   npm run preview                  -> preview build + scripts/preview-server.mjs (127.0.0.1:3001)
//   npm run dev-server               -> https://localhost:3000 (http if no dev certificate)
//
// The production origin defaults to the placeholder below; override it at build time with
// `--env prodUrl=https://achats.example.org/` or the OPTIMA_ACHATS_URL environment variable.

const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PROD_URL_PLACEHOLDER = "https://optima-achats.example.fr/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const DEV_PORT = 3000;

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Rewrites a development manifest for production: every https://localhost:3000/ becomes the
 * production origin (global replacement, not only the first match). When a real origin is given,
 * links written directly against the placeholder origin (SupportUrl, help page) follow it too.
 */
function toProductionManifest(xml, prodUrl = PROD_URL_PLACEHOLDER) {
  const target = withTrailingSlash(prodUrl);
  let out = xml.replace(new RegExp(escapeRegExp(DEV_URL), "g"), target);
  if (target !== PROD_URL_PLACEHOLDER) {
    out = out.replace(new RegExp(escapeRegExp(PROD_URL_PLACEHOLDER), "g"), target);
  }
  return out;
}

/**
 * HTTPS options for `webpack serve` only (a build never touches certificates).
 * office-addin-dev-certs installs its CA with sudo on Linux, which the development machines do
 * not have: there, reuse certificates already present in ~/.office-addin-dev-certs, else serve
 * plain http (enough for the browser preview, not for sideloading into Office).
 */
async function devServerOptions(env) {
  if (!env.WEBPACK_SERVE || env.http) {
    return { type: "http" };
  }
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = {
    ca: path.join(certDir, "ca.crt"),
    cert: path.join(certDir, "localhost.crt"),
    key: path.join(certDir, "localhost.key"),
  };
  try {
    if (process.platform === "win32" || process.platform === "darwin") {
      const devCerts = require("office-addin-dev-certs");
      const options = await devCerts.getHttpsServerOptions();
      return { type: "https", options };
    }
    if (Object.values(files).every((file) => fs.existsSync(file))) {
      return {
        type: "https",
        options: {
          ca: fs.readFileSync(files.ca),
          cert: fs.readFileSync(files.cert),
          key: fs.readFileSync(files.key),
        },
      };
    }
    console.warn(`[optima-achats] no certificate in ${certDir}: dev server on plain http.`);
  } catch (error) {
    console.warn(
      `[optima-achats] HTTPS certificates unavailable (${error.message}): dev server on plain http.`
    );
  }
  return { type: "http" };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const preview = Boolean(env.preview);
  const prodUrl = withTrailingSlash(
    env.prodUrl || process.env.OPTIMA_ACHATS_URL || PROD_URL_PLACEHOLDER
  );
  const officeJsUrl = preview ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;

  // manifest*.xml is expanded here rather than given to CopyWebpackPlugin as a glob: a glob makes
  // webpack watch the whole project directory, so every edit anywhere would rebuild the pane.
  const manifests = fs.readdirSync(__dirname).filter((name) => /^manifest.*\.xml$/.test(name));
  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext]" },
    ...manifests.map((name) => ({
      from: path.join(__dirname, name),
      to: name,
      transform(content) {
        return production ? toProductionManifest(content.toString(), prodUrl) : content;
      },
    })),
  ];
  if (preview) {
    const officeJsDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
    copyPatterns.push(
      { from: path.join(officeJsDist, "office.js"), to: "office-js/office.js" },
      {
        from: path.join(officeJsDist, "o15apptofilemappingtable.js"),
        to: "office-js/o15apptofilemappingtable.js",
      }
    );
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Lazy chunks: the preview shell, and the Web Workers (analysis, .xlsx reader), which webpack
      // bundles from `new Worker(new URL("./x.worker.ts", import.meta.url))`.
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // Emit ES modules so webpack can tree-shake Fluent UI (tsconfig targets CommonJS for jest).
              compilerOptions: { module: "esnext", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    performance: {
      // React + Fluent UI weigh a few hundred kB; warn only well above that.
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
    },
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything is served from webpack's in-memory output (bundles, HTML, copied assets).
      static: false,
      server: await devServerOptions(env),
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.toProductionManifest = toProductionManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.PROD_URL_PLACEHOLDER = PROD_URL_PLACEHOLDER;
