import { loadConversationDeps, type ConversationDeps } from "../../src/deps.js";

let cached: ConversationDeps | undefined;

/** The real flows/ and locales/, loaded once per test file. */
export function conversationDeps(): ConversationDeps {
  cached ??= loadConversationDeps();
  return cached;
}
