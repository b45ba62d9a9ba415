import type { Content } from "../content/schema.js";
import type { ConversationContext, Share } from "../conversation/machine.js";
import { caseSummary } from "./case-summary.js";
import { itemLine } from "./evidence-log.js";
import { lines, text, type Lines, type Text } from "./screen.js";

/**
 * What the counsellors are told of her situation when a case opens (and on their /summary): only
 * what she chose to share. The summary is the same anonymous account /summary gives her; her
 * log's entries follow only if she chose "include my log". Nothing here names her.
 */
export function caseBriefing(content: Content, c: ConversationContext, share: Share): (Text | Lines)[] {
  if (share === "none") return [text("case-briefing-none")];
  const parts: (Text | Lines)[] = [text("case-briefing-summary"), caseSummary(content, c)];
  if (share === "log") {
    parts.push(
      c.evidence.length > 0
        ? lines([text("case-briefing-log", { n: c.evidence.length }), ...c.evidence.map((item, i) => itemLine(item, i + 1, c, content))])
        : text("case-briefing-log-empty"),
    );
  }
  return parts;
}
