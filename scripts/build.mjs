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
  // Readable stack traces in logs: names and line structure kept.
  minify: false,
  // Class and function names as written: node-fetch (grammY's HTTP client on Node) checks
  // `signal.constructor.name === "AbortSignal"`, which a renamed class in a bundle fails.
  keepNames: true,
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

/** The serverless file reads no files: flows/*.yaml and locales/*.ftl are embedded, served to content/ by a stand-in for node:fs. */
function embeddedContent() {
  const files = {};
  for (const dir of ["flows", "locales"]) {
    // Only the content files themselves: locales/review/ (translation review state) is for tools, not the bot.
    for (const name of readdirSync(join(ROOT, dir))) if (/\.(ya?ml|ftl)$/.test(name)) files[`${dir}/${name}`] = readFileSync(join(ROOT, dir, name), "utf8");
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
  return encoding ? FILES[key] : Buffer.from(FILES[key]);
}
export default { readFileSync };`,
      }));
    },
  };
}

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
  await build({ ...shared, entryPoints: [join(ROOT, "src/content/load.ts")], outfile: loader, banner: everythingBut.banner });
  const { loadContent } = await import(pathToFileURL(loader).href);
  rmSync(loader, { force: true });
  try {
    return { json: JSON.stringify(loadContent(join(ROOT, "flows"))), fingerprint: flowsFingerprint(join(ROOT, "flows")) };
  } catch (error) {
    process.stderr.write(`build: flows/ not built in (${error.message}); the bot will read it at start\n`);
    return undefined;
  }
}

async function buildInto(out) {
  // Imported here, not at the top: `npm start` asks isStale() from a production install, which has no esbuild.
  const { build } = await import("esbuild");
  mkdirSync(out, { recursive: true });
  const content = await contentSnapshot(build, out);
  const define = content ? { __NYF_CONTENT__: JSON.stringify(content) } : {};
  // The server: our code bundled, packages from node_modules.
  await build({
    ...shared,
    entryPoints: { main: join(ROOT, "src/main.ts"), "render-worker": join(ROOT, "src/report/render-worker.ts") },
    outdir: out,
    splitting: true,
    chunkNames: "chunk-[hash]",
    ...everythingBut,
    define,
  });
  // Serverless: one file. CommonJS packages inside it still call require() for Node's built-ins.
  await build({
    ...shared,
    entryPoints: [join(ROOT, "src/serverless.ts")],
    outfile: join(out, "serverless.mjs"),
    ...everythingBut,
    define,
    plugins: [embeddedContent()],
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
