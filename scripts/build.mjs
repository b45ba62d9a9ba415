/**
 * `npm run build`: src/ → plain JavaScript in dist/, with esbuild (no type checking here: that is
 * `npm run typecheck`, part of `npm test`).
 *
 *   dist/main.js           `npm start` / `node dist/main.js` (the long-polling or webhook server)
 *   dist/render-worker.js  the /report PDF worker thread (pdf-renderer.ts starts it on the first /report)
 *   dist/chunk-*.js        code both share, and what only a /report loads (pdfkit stays unloaded until then)
 *   dist/serverless.mjs    src/serverless.ts as ONE file for a fetch-style platform: every package
 *                          and the content of flows/ and locales/ inside it. Only /report needs
 *                          more: pdfkit and the Noto font package, loaded on the first /report.
 *
 * The server build leaves npm packages outside (they load from node_modules, installed with
 * `npm ci --omit=dev`); our own modules become a few files. flows/ and locales/ are read at start
 * from beside dist/, as from beside src/ (src/deps.ts).
 *
 * Writes into a fresh directory and swaps it in, so a bot already running from dist/ never loads
 * a half-written file; concurrent builds (several `npm start` at once) wait for each other.
 * `--if-stale` builds only when dist/ is missing or older than what it is built from.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
/** flows/ as the build parsed and checked it (JSON), beside main.js: src/deps.ts reads it at start. */
const CONTENT_FILE = "content.json";
/** What dist/ is made from: a change to any of these makes it stale. */
const INPUTS = ["src", "flows", "locales", "package.json", "package-lock.json", "scripts/build.mjs"];

/** Newest modification time (ms) among the build's inputs. */
export function newestInput(root = ROOT) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of INPUTS) visit(join(root, input));
  return newest;
}

/** True when dist/ is missing, unfinished, or older than src/ (or the manifests, or this script). */
export function isStale(root = ROOT) {
  const stamp = join(root, "dist", ".built");
  if (!existsSync(stamp)) return true;
  // Without src/ (a production image ships dist/ only) there is nothing to be newer than.
  if (!existsSync(join(root, "src"))) return false;
  return newestInput(root) > statSync(stamp).mtimeMs;
}

const shared = {
  platform: "node",
  target: "node20.19",
  format: "esm",
  bundle: true,
  logLevel: "warning",
  legalComments: "none",
  // Whitespace and comments out, names kept (below): the packages' doc comments (emoji among
  // them) made the file non-ASCII, which V8 then holds as a two-byte string: about 8 MB of heap
  // for the source alone, and more to scan at every start. Stack traces keep every function's
  // name; their positions are columns of one long line.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  charset: "ascii",
  // Lines of at most this many characters: Node prints the whole source line of an uncaught error.
  lineLimit: 160,
  // Class and function names as written: node-fetch (grammY's HTTP client on Node) checks
  // `signal.constructor.name === "AbortSignal"`, which a renamed class in a bundle fails.
  keepNames: true,
  // node-fetch 2 imports whatwg-url (and its 300 KB Unicode table, tr46) only to fall back on
  // when Node has no URL class; Node 20 has one, and node-fetch takes it (`Url.URL || whatwgUrl.URL`).
  alias: { "whatwg-url": fileURLToPath(new URL("./whatwg-url-stub.mjs", import.meta.url)) },
};

/**
 * Packages are bundled too: one file loads in about two thirds of the time Node takes to find
 * and load a hundred files in node_modules (the cold start). Left out: pdfkit (it loads its own
 * data files, and only the first /report needs it: render-pdf.ts imports it then) and the Noto
 * fonts (files pdfkit reads). CommonJS packages inside still call require() for Node's built-ins.
 */
const everythingBut = {
  external: ["pdfkit", "@expo-google-fonts/*"],
  // __dirname/__filename: ioredis passes __dirname to trim stack traces (friendly-error-stack mode
  // only); pino's transports would look for their worker file there (this bot uses none).
  banner: {
    js: [
      'import { createRequire as __nyfCreateRequire } from "node:module";',
      'import { fileURLToPath as __nyfFileURLToPath } from "node:url";',
      "const require = __nyfCreateRequire(import.meta.url);",
      "const __filename = __nyfFileURLToPath(import.meta.url);",
      'const __dirname = __filename.slice(0, Math.max(__filename.lastIndexOf("/"), __filename.lastIndexOf("\\\\")));',
    ].join(" "),
  },
};

/**
 * The serverless file reads no files: locales/*.ftl (and flows/*.yaml when flows/ is not built in
 * as JSON: src/deps.ts then reads it) are embedded, served to content/ by a stand-in for node:fs.
 * Base64 of their UTF-8: the file stays ASCII (V8 keeps an ASCII source at one byte a character;
 * one non-ASCII character anywhere makes it two) and a Tamil line takes 1.3 bytes a byte instead
 * of the 6 of a \u escape.
 */
function embeddedContent({ flows }) {
  const files = {};
  for (const dir of flows ? ["flows", "locales"] : ["locales"]) {
    // Only the content files themselves: locales/review/ (translation review state) is for tools, not the bot.
    for (const name of readdirSync(join(ROOT, dir))) if (/\.(ya?ml|ftl)$/.test(name)) files[`${dir}/${name}`] = readFileSync(join(ROOT, dir, name)).toString("base64");
  }
  return {
    name: "nyf-embedded-content",
    setup(b) {
      b.onResolve({ filter: /^node:fs$/ }, (args) => (args.importer.includes(join("src", "content")) ? { path: "embedded-fs", namespace: "nyf" } : undefined));
      b.onLoad({ filter: /^embedded-fs$/, namespace: "nyf" }, () => ({
        loader: "js",
        contents: `const FILES = ${JSON.stringify(files)};
export function readFileSync(path, encoding) {
  const key = String(path).split(/[\\\\/]/).slice(-2).join("/");
  if (!(key in FILES)) { const e = new Error("ENOENT: not in the bundle: " + key); e.code = "ENOENT"; throw e; }
  const bytes = Buffer.from(FILES[key], "base64");
  return encoding ? bytes.toString(encoding) : bytes;
}
export default { readFileSync };`,
      }));
    },
  };
}

/**
 * src/evidence/parse.ts writes its words in their own scripts inside String.raw regular
 * expressions, which esbuild cannot escape (a raw template's text is its value), and it and
 * office-hours.ts have dashes and quotes in regex literals, which it leaves too. One non-ASCII
 * character makes V8 hold the whole bundle as a two-byte string (2.2 MB more heap for the server,
 * 4.5 MB for the serverless file). Every such character becomes a \u escape here: all of that
 * file's raw templates are regular-expression sources, where \uXXXX means the character itself,
 * and in its strings, regex literals and comments it means the same. test/build/ascii-source.test.ts
 * checks that the parser reads the same with and without it.
 */
export const ASCII_SOURCES = /[\\/]src[\\/](?:evidence[\\/]parse|conversation[\\/]office-hours)\.ts$/;
export function escapeNonAscii(source) {
  return source.replace(/\P{ASCII}/gu, (c) => {
    const code = c.codePointAt(0);
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
export const asciiSources = {
  name: "nyf-ascii-sources",
  setup(b) {
    b.onLoad({ filter: ASCII_SOURCES }, (args) => ({ loader: "ts", contents: escapeNonAscii(readFileSync(args.path, "utf8")) }));
  },
};

/** As src/deps.ts's flowsFingerprint: SHA-256 over flows/*.yaml, names and bytes, in name order. */
function flowsFingerprint(dir) {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(dir, name)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * flows/ parsed and checked now (src/content/load.ts, bundled for the purpose), for src/deps.ts
 * to JSON.parse at start instead of parsing YAML. Content with an error is not built in: the bot
 * then reads flows/ at start and stops there with the usual one line naming the file.
 */
async function contentSnapshot(build, scratch) {
  const loader = join(scratch, "content-loader.mjs");
  await build({
    ...shared,
    stdin: { contents: 'export { loadContent } from "./src/content/load.ts"; export { loadConversationDeps } from "./src/deps.ts";', resolveDir: ROOT, loader: "ts" },
    outfile: loader,
    banner: everythingBut.banner,
  });
  const { loadContent, loadConversationDeps } = await import(pathToFileURL(loader).href);
  rmSync(loader, { force: true });
  let content;
  try {
    content = { json: JSON.stringify(loadContent(join(ROOT, "flows"))), fingerprint: flowsFingerprint(join(ROOT, "flows")) };
  } catch (error) {
    process.stderr.write(`build: flows/ not built in (${error.message}); the bot will read it at start\n`);
    return undefined;
  }
  // The bots build the crisis check after they start answering (src/deps.ts, lazyCrisisCheck):
  // a crisis check that cannot be built from these files stops the build instead, here.
  try {
    loadConversationDeps(ROOT).prepareCrisisCheck();
  } catch (error) {
    throw new Error(`the crisis check cannot be built from flows/: ${error.message}`);
  }
  return content;
}

async function buildInto(out) {
  // Imported here, not at the top: `npm start` asks isStale() from a production install, which has no esbuild.
  const { build } = await import("esbuild");
  mkdirSync(out, { recursive: true });
  const content = await contentSnapshot(build, out);
  // The server reads the built content from dist/content.json at start (src/deps.ts) instead of
  // carrying it in main.js: V8 keeps a module's whole source text for as long as it runs, so
  // every byte built in stays in memory twice (the source, and the string it makes).
  if (content) writeFileSync(join(out, CONTENT_FILE), content.json);
  await build({
    ...shared,
    entryPoints: { main: join(ROOT, "src/main.ts"), "render-worker": join(ROOT, "src/report/render-worker.ts") },
    outdir: out,
    splitting: true,
    chunkNames: "chunk-[hash]",
    ...everythingBut,
    define: content ? { __NYF_CONTENT_FILE__: JSON.stringify({ file: CONTENT_FILE, fingerprint: content.fingerprint }) } : {},
    plugins: [asciiSources],
  });
  // Serverless: one file that reads no files, so the content and the crisis model are inside it.
  // CommonJS packages inside it still call require() for Node's built-ins.
  const model = readFileSync(join(ROOT, "flows", "crisis-model.json"), "utf8");
  await build({
    ...shared,
    entryPoints: [join(ROOT, "src/serverless.ts")],
    outfile: join(out, "serverless.mjs"),
    ...everythingBut,
    define: { ...(content ? { __NYF_CONTENT__: JSON.stringify(content) } : {}), __NYF_CRISIS_MODEL__: JSON.stringify(model) },
    plugins: [asciiSources, embeddedContent({ flows: !content })],
  });
  writeFileSync(join(out, ".built"), `${new Date().toISOString()}\n`);
}

/** One build at a time in this checkout: a lock directory, taken over when its holder is gone. */
async function withLock(run) {
  const lock = join(ROOT, ".dist.lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // Being created right now: wait.
      }
      let alive = true;
      if (Number.isInteger(holder)) {
        try {
          process.kill(holder, 0);
        } catch {
          alive = false;
        }
      }
      if (!alive || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function buildDist({ ifStale = false } = {}) {
  return withLock(async () => {
    if (ifStale && !isStale()) return false;
    const started = performance.now();
    const out = join(ROOT, `.dist.${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    try {
      await buildInto(out);
      const old = join(ROOT, `.dist.old.${process.pid}`);
      if (existsSync(DIST)) renameSync(DIST, old);
      renameSync(out, DIST);
      rmSync(old, { recursive: true, force: true });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    return performance.now() - started;
  });
}

if (process.argv[1] && basename(process.argv[1]) === "build.mjs" && dirname(process.argv[1]) === dirname(fileURLToPath(import.meta.url))) {
  const ms = await buildDist({ ifStale: process.argv.includes("--if-stale") });
  if (ms !== false && !process.argv.includes("--quiet")) process.stderr.write(`built ${relative(process.cwd(), DIST) || "dist"}/ in ${Math.round(ms)} ms\n`);
}
