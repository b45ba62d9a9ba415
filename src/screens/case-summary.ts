import type { Content, PlatformId } from "../content/schema.js";
import type { ConversationContext } from "../conversation/machine.js";
import { evidenceSteps, imagePath } from "../conversation/steps.js";
import { ITEM_KINDS } from "../evidence/item.js";
import { platformOfUrl } from "../evidence/parse.js";
import { inline, lines, text, type Lines, type Text } from "./screen.js";

/**
 * /summary: a short, anonymous account of the case to paste into a helpline chat, read out on a
 * call or show at a cyber cell, so they need not tell it all again. Built only from what they chose
 * in the conversation and put in their log; no name, number or account of theirs is in it.
 */

/** Platforms they named, then any their links point to. */
export function casePlatforms(c: ConversationContext): PlatformId[] {
  const found: PlatformId[] = c.platforms.filter((p) => p !== "other");
  for (const item of c.evidence) {
    const platform = item.kind === "link" ? platformOfUrl(item.url) : undefined;
    if (platform && !found.includes(platform)) found.push(platform);
  }
  return found;
}

/** "3 links, 1 money demand, 2 file fingerprints" */
export function itemCounts(c: ConversationContext): Text[] {
  return ITEM_KINDS.map((kind) => ({ kind, n: c.evidence.filter((i) => i.kind === kind).length }))
    .filter(({ n }) => n > 0)
    .map(({ kind, n }) => text(`count-${kind}`, { n }));
}

/** What the summary says of the images' age; nothing when it wasn't asked, or all were adults. */
const AGE_LINES: Partial<Record<ConversationContext["age"], string>> = {
  minor: "summary-minor",
  "was-minor": "summary-was-minor",
  unsure: "summary-age-unsure",
};

export function caseSummary(content: Content, c: ConversationContext): Lines {
  const platforms = casePlatforms(c);
  const counts = itemCounts(c);
  const steps = evidenceSteps(content, c).length;
  const did: Text[] = [
    ...(c.done.length > 0 ? [text("summary-did-evidence", { done: c.done.length, total: steps })] : []),
    ...(c.evidence.length > 0 ? [text("summary-did-log")] : []),
    ...(c.visited.includes("takedown") ? [text("summary-did-takedown")] : []),
    ...(c.visited.includes("reporting") ? [text("summary-did-reporting")] : []),
  ];
  const needs: Text[] = [
    text("summary-need-takedown"),
    text(imagePath(c) === "minor" ? "summary-need-report-minor" : "summary-need-report"),
    text("summary-need-support"),
  ];
  return lines([
    text("summary-what", { what: text(`case-incident-${c.incident ?? "other"}`) }),
    ...(c.role === "helper" ? [text("summary-helper")] : []),
    ...(AGE_LINES[c.age] ? [text(AGE_LINES[c.age]!)] : []),
    text("summary-where", { platforms: platforms.length > 0 ? inline(platforms.map((p) => text(`platform-${p}`))) : text("summary-unknown") }),
    text("summary-country", { country: text(`country-${c.country}`) }),
    counts.length > 0 ? text("summary-evidence", { total: c.evidence.length, counts: inline(counts) }) : text("summary-evidence-none"),
    text("summary-done", { did: did.length > 0 ? inline(did) : text("summary-did-nothing") }),
    text("summary-needs", { needs: inline(needs) }),
  ]);
}
