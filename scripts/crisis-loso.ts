/**
 * `npm run crisis:loso -- <set> [<set> ...]`: how the model behind the rules would do on
 * phrasings it never saw, to choose its threshold honestly. For each named development set k, a
 * model is trained (shipped settings) on every other shipped set, and asked on k's cases wherever
 * the rules (as they are now) say nothing. Prints, per threshold, the crises it adds and the false
 * alarms it adds per language, summed over the left-out sets; and, for the veto
 * (src/conversation/crisis-check.ts), how many of the rules' crises and false alarms it would drop
 * at each veto level, counting only messages of at most VETO_MAX_WORDS words (env; default the
 * shipped one). Never give it a held-out set.
 */
import { createCrisisDetector, normalisedWords } from "../src/conversation/crisis-detector.js";
import { createCrisisModelReader } from "../src/conversation/crisis-model.js";
import { loadContent } from "../src/content/load.js";
import { ROOT } from "../src/deps.js";
import { VETO_MAX_WORDS } from "../src/conversation/crisis-check.js";
import { readCases, SHIPPED, SHIPPED_SETS, toExample, train } from "./crisis-train.js";

const left = process.argv.slice(2);
if (left.length === 0 || left.some((k) => k.startsWith("held-out"))) {
  console.error("usage: crisis-loso <dev set name> ... (never a held-out set)");
  process.exit(2);
}
const file = (name: string) => `${ROOT}/test/fixtures/crisis/${name}.yaml`;
const rules = createCrisisDetector(loadContent(`${ROOT}/flows`).crisis);
const thresholds = [0.5, 0.55, 0.6, 0.65, 0.68, 0.7, 0.75, 0.8, 0.85, 0.9];
const all = [...new Set([...SHIPPED_SETS, ...left])];

type Row = { crises: number; byRules: number; none: number; alarmsByRules: number; added: number[]; alarms: number[]; vetoLost: number[]; vetoSaved: number[] };
const vetoes = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
const vetoMaxWords = Number(process.env.VETO_MAX_WORDS ?? VETO_MAX_WORDS);
const rows = new Map<string, Row>();
for (const k of left) {
  const training = readCases(all.filter((s) => s !== k).map(file));
  const model = train(training.map((c) => toExample(c, SHIPPED.charWeight)), SHIPPED, SHIPPED.threshold);
  const reader = createCrisisModelReader(model);
  const perSet = new Map<string, Row>();
  for (const c of readCases([file(k)])) {
    const key = `${k} ${c.lang}`;
    for (const [name, table] of [[key, perSet], [`all ${c.lang}`, rows]] as const) {
      let r = table.get(name);
      if (!r) table.set(name, (r = { crises: 0, byRules: 0, none: 0, alarmsByRules: 0, added: thresholds.map(() => 0), alarms: thresholds.map(() => 0), vetoLost: vetoes.map(() => 0), vetoSaved: vetoes.map(() => 0) }));
      const ruled = rules(c.text) !== undefined;
      const words = normalisedWords(c.text).words;
      // Where the model says nothing (a command, too few words), 0.5: it neither adds nor vetoes.
      const p = reader.judge(c.text, words)?.crisis ?? 0.5;
      if (c.expect === "none") {
        r.none++;
        if (ruled) {
          r.alarmsByRules++;
          vetoes.forEach((v, i) => p < v && words.length <= vetoMaxWords && r.vetoSaved[i]!++);
        }
        else thresholds.forEach((t, i) => p > t && r.alarms[i]!++);
      } else {
        r.crises++;
        if (ruled) {
          r.byRules++;
          vetoes.forEach((v, i) => p < v && words.length <= vetoMaxWords && r.vetoLost[i]!++);
        }
        else thresholds.forEach((t, i) => p > t && r.added[i]!++);
      }
    }
  }
  for (const [name, r] of perSet) print(name, r);
}
console.log("--- summed over the left-out sets");
for (const [name, r] of rows) print(name, r);

function print(name: string, r: Row): void {
  const cells = thresholds.map((t, i) => `${t}: +${r.added[i]}/+${r.alarms[i]}`).join("  ");
  console.log(`${name.padEnd(16)} rules ${r.byRules}/${r.crises} crises, ${r.alarmsByRules}/${r.none} alarms | ${cells}`);
  console.log(`${"".padEnd(16)} veto of a rule match below p: ${vetoes.map((v, i) => `${v}: -${r.vetoLost[i]} crises/-${r.vetoSaved[i]} alarms`).join("  ")}`);
}
