import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent } from "./content/load.js";
import { loadTexts, type Texts } from "./content/locales.js";
import type { Content } from "./content/schema.js";
import { createCrisisDetector, type CrisisMatch } from "./conversation/crisis-detector.js";
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
}

/**
 * Everything the conversation needs, loaded and validated once at start. Bad flows/ data or
 * locales fail here, naming the file, before any person is answered.
 */
export function loadConversationDeps(root: string = ROOT): ConversationDeps {
  const content = loadContent(`${root}/flows`);
  const texts = loadTexts(`${root}/locales`);
  return {
    content,
    texts,
    machine: createConversationMachine(content),
    detectCrisis: createCrisisDetector(content.crisis),
    translate: texts.forLocale,
  };
}
