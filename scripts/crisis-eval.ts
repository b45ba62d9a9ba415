/**
 * `npm run crisis:eval -- <cases.yaml> [--verbose] [--rules | --model <file>]`: how the crisis
 * check does on a labelled set, per language. Cases: `{ lang, expect: self | danger | none, text }`.
 * Prints recall (a crisis detected, any kind), kind accuracy among detected crises and the false
 * alarm rate on `none`; `--verbose` lists every miss and false alarm.
 *
 * Without flags it measures what the bot ships: the real flows/ through the content loader, the
 * rules, then flows/crisis-model.json when they say nothing (src/conversation/crisis-check.ts).
 * `--rules`: the rules alone. `--model <file>` (another model from scripts/crisis-train.ts) prints
 * three tables: the rules alone, that model alone, and the check as it would ship with that model
 * (src/conversation/crisis-check.ts: the rules, the model when they say nothing, its veto).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { loadContent } from "../src/content/load.js";
import { createCrisisDetector, type CrisisDetector } from "../src/conversation/crisis-detector.js";
import { createCrisisCheck } from "../src/conversation/crisis-check.js";
import { createCrisisModelDetector } from "../src/conversation/crisis-model.js";
import { readCrisisModel, ROOT } from "../src/deps.js";

const Cases = z.object({
  cases: z.array(z.object({ lang: z.string(), expect: z.enum(["self", "danger", "none"]), text: z.string() })),
});

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const rulesOnly = args.includes("--rules");
const modelAt = args.indexOf("--model");
const modelFile = modelAt >= 0 ? args[modelAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && (modelAt < 0 || i !== modelAt + 1));
if (!file) {
  console.error("usage: node --import tsx scripts/crisis-eval.ts <cases.yaml> [--verbose] [--rules | --model <model.json>]");
  process.exit(2);
}

const { cases } = Cases.parse(parse(readFileSync(file, "utf8")));
const terms = loadContent(`${ROOT}/flows`).crisis;

interface Tally {
  crisis: number;
  found: number;
  rightKind: number;
  none: number;
  alarms: number;
  misses: string[];
  falseAlarms: string[];
  wrongKind: string[];
}

function evaluate(title: string, detect: CrisisDetector): void {
  const byLang = new Map<string, Tally>();
  for (const c of cases) {
    let t = byLang.get(c.lang);
    if (!t) byLang.set(c.lang, (t = { crisis: 0, found: 0, rightKind: 0, none: 0, alarms: 0, misses: [], falseAlarms: [], wrongKind: [] }));
    const got = detect(c.text);
    if (c.expect === "none") {
      t.none++;
      if (got) {
        t.alarms++;
        t.falseAlarms.push(`${got.kind}: ${c.text}`);
      }
    } else {
      t.crisis++;
      if (!got) t.misses.push(`${c.expect}: ${c.text}`);
      else {
        t.found++;
        if (got.kind === c.expect) t.rightKind++;
        else t.wrongKind.push(`${c.expect} as ${got.kind}: ${c.text}`);
      }
    }
  }

  const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`${file}: ${cases.length} cases${title ? ` — ${title}` : ""}`);
  console.log(`${"lang".padEnd(10)}${"recall".padStart(18)}${"kind right".padStart(18)}${"false alarms".padStart(18)}`);
  for (const [lang, t] of byLang) {
    console.log(
      `${lang.padEnd(10)}${`${pct(t.found, t.crisis)} (${t.found}/${t.crisis})`.padStart(18)}` +
        `${`${pct(t.rightKind, t.found)} (${t.rightKind}/${t.found})`.padStart(18)}` +
        `${`${pct(t.alarms, t.none)} (${t.alarms}/${t.none})`.padStart(18)}`,
    );
  }
  if (verbose) {
    for (const [lang, t] of byLang) {
      for (const [what, list] of [["missed", t.misses], ["false alarm", t.falseAlarms], ["wrong kind", t.wrongKind]] as const) {
        for (const line of list) console.log(`  ${lang} ${what} — ${line}`);
      }
    }
  }
}

const rules = createCrisisDetector(terms);
if (modelFile) {
  const other = readCrisisModel(modelFile);
  evaluate("rules alone", rules);
  evaluate(`model alone (${modelFile})`, createCrisisModelDetector(other));
  // The check the bot would run with that model: the same code as shipped, its veto included.
  evaluate(`rules, then ${modelFile}, with its veto (as it would ship)`, createCrisisCheck(terms, other));
} else if (rulesOnly) {
  evaluate("rules alone", rules);
} else {
  evaluate("rules, then flows/crisis-model.json (as shipped)", createCrisisCheck(terms, readCrisisModel(`${ROOT}/flows/crisis-model.json`)));
}
