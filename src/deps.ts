import { fileURLToPath } from "node:url";
import { loadContent } from "./content/load.js";
import { loadTexts, type Texts } from "./content/locales.js";
import type { Content } from "./content/schema.js";
import { createCrisisDetector, type CrisisMatch } from "./conversation/crisis-detector.js";
import { createConversationMachine, type ConversationMachine } from "./conversation/machine.js";
import type { ReplyDeps } from "./screens/reply.js";

/** Project root: flows/ and locales/ sit beside src/. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

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
    translate: (locale) => texts.forLocale(locale),
  };
}
