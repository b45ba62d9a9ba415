import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent } from "./content/load.js";
import { loadTexts, type Texts } from "./content/locales.js";
import type { Content } from "./content/schema.js";
import { createCrisisCheck, CrisisModelError, parseCrisisModel } from "./conversation/crisis-check.js";
import type { PackedCrisisModel } from "./conversation/crisis-model.js";
import type { CrisisMatch } from "./conversation/crisis-detector.js";
import { createConversationMachine, type ConversationMachine } from "./conversation/machine.js";
import type { ReplyDeps } from "./screens/reply.js";

/**
 * Project root: the nearest folder above this module that holds flows/ and locales/. From src/
 * (tsx) and from dist/ (npm start, scripts/build.mjs) that is the folder beside them; a bundle
 * built elsewhere under the project (the benchmark's) finds it too. The serverless bundle carries
 * its content inside and needs none.
 */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "flows")) && existsSync(join(dir, "locales"))) return dir;
    if (dirname(dir) === dir) return dirname(from);
  }
}

export interface ConversationDeps extends ReplyDeps {
  content: Content;
  texts: Texts;
  machine: ConversationMachine;
  detectCrisis: (text: string) => CrisisMatch | undefined;
  /**
   * Builds the crisis check now if it is not built yet (it throws what building throws). With
   * `lazyCrisisCheck` the app calls it once it is answering (src/app.ts); otherwise it is built.
   */
  prepareCrisisCheck: () => void;
}

export interface LoadOptions {
  /**
   * Build the crisis check (the rules' word index; the model, read from flows/crisis-model.json,
   * and its dense weights) on the first text or when `prepareCrisisCheck` is called, instead of
   * now. The crisis terms are still checked now, as part of flows/; a model file that cannot be
   * read throws when the check is built (the bot then stops: src/main.ts). Building it is most
   * of a start's CPU and about 12 MB of heap; a /start or a tap needs none of it.
   */
  lazyCrisisCheck?: boolean;
  /**
   * Texts that are exactly one of the bot's own commands (`/start`, `/start@name_bot`): answered
   * as not a crisis without building the check, so a cold start's first /start does not wait for
   * it. test/app.test.ts checks that the check itself says the same for each of them.
   */
  ownCommands?: readonly string[];
}

/**
 * Everything the conversation needs, loaded and validated once at start. Bad flows/ data or
 * locales fail here, naming the file, before any person is answered.
 */
export function loadConversationDeps(root: string = ROOT, options: LoadOptions = {}): ConversationDeps {
  const content = builtContent(`${root}/flows`) ?? loadContent(`${root}/flows`);
  const texts = loadTexts(`${root}/locales`);
  // The rules, then the model when they say nothing (src/conversation/crisis-check.ts). The
  // model (850 KB) is read with the rest of the check, not at start: a start needs none of it.
  let check: ((text: string) => CrisisMatch | undefined) | undefined;
  const prepareCrisisCheck = (): void => {
    check ??= createCrisisCheck(content.crisis, crisisModel(root));
  };
  if (!options.lazyCrisisCheck) prepareCrisisCheck();
  const own = options.ownCommands?.length ? new RegExp(`^/(?:${options.ownCommands.join("|")})(?:@[A-Za-z0-9_]+)?$`) : undefined;
  return {
    content,
    texts,
    machine: createConversationMachine(content),
    detectCrisis: (text) => {
      if (own?.test(text)) return undefined;
      prepareCrisisCheck();
      return check!(text);
    },
    prepareCrisisCheck,
    translate: texts.forLocale,
  };
}

/**
 * Set in the serverless file by scripts/build.mjs: flows/crisis-model.json's text (that file reads
 * no files). Elsewhere the model is read from flows/ when the check is built.
 */
declare const __NYF_CRISIS_MODEL__: string | undefined;

/**
 * flows/crisis-model.json, checked: a missing or corrupt file throws a CrisisModelError naming it,
 * and the bot stops (src/main.ts; `npm run build` refuses such a file before that). Not kept once
 * the check is built from it: the check holds the weights it needs, the file's text can go.
 */
function crisisModel(root: string): PackedCrisisModel {
  if (typeof __NYF_CRISIS_MODEL__ === "string") return crisisModelFromText(__NYF_CRISIS_MODEL__, "flows/crisis-model.json");
  return readCrisisModel(`${root}/flows/crisis-model.json`);
}

/** Reads and checks a crisis model file from disk (the bot's own, scripts/crisis-eval.ts, tests). */
export function readCrisisModel(path: string): PackedCrisisModel {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CrisisModelError(`${path}: cannot be read (${(error as Error).message})`);
  }
  return crisisModelFromText(text, path);
}

/** A model file's text, parsed and checked; every failure is a CrisisModelError naming `where`. */
function crisisModelFromText(text: string, where: string): PackedCrisisModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CrisisModelError(`${where}: is not valid JSON (${(error as Error).message})`);
  }
  return parseCrisisModel(data, where);
}

/**
 * Set by scripts/build.mjs: flows/ as loadContent parsed and checked it at build time (JSON), and
 * the fingerprint of the files it was made from. Parsing the YAML and checking it with zod was
 * about half of a compiled start's CPU; JSON.parse of the result is a few ms. The serverless file
 * carries the JSON inside (__NYF_CONTENT__); dist/main.js reads it from dist/content.json
 * (__NYF_CONTENT_FILE__), so that its text does not stay in memory as part of main.js's source.
 */
declare const __NYF_CONTENT__: { json: string; fingerprint: string } | undefined;
declare const __NYF_CONTENT_FILE__: { file: string; fingerprint: string } | undefined;

/** SHA-256 over flows/*.yaml, names and bytes, in name order (scripts/build.mjs computes the same). */
export function flowsFingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(dir, name)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * The content built into dist/, when flows/ still holds exactly what it was built from; otherwise
 * undefined and flows/ is read as from src/ (an edit after the build is never ignored). Without
 * flows/ beside it (the serverless file, deployed alone) the built copy is the content.
 */
function builtContent(dir: string): Content | undefined {
  const built = typeof __NYF_CONTENT__ !== "undefined" ? __NYF_CONTENT__ : typeof __NYF_CONTENT_FILE__ !== "undefined" ? __NYF_CONTENT_FILE__ : undefined;
  if (built === undefined) return undefined;
  let fingerprint: string | undefined;
  try {
    fingerprint = flowsFingerprint(dir);
  } catch {
    fingerprint = undefined;
  }
  if (fingerprint !== undefined && fingerprint !== built.fingerprint) return undefined;
  if ("json" in built) return JSON.parse(built.json) as Content;
  try {
    return JSON.parse(readFileSync(new URL(built.file, import.meta.url), "utf8")) as Content;
  } catch {
    // dist/content.json gone or damaged: flows/ itself is the content, read as from src/.
    return undefined;
  }
}
