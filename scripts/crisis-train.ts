/**
 * `npm run crisis:train -- [cases.yaml ...] [--out flows/crisis-model.json] [--chars C --lambda L --lr R --epochs E --threshold T] [--grid]`
 *
 * Without arguments: trains on every development set (SHIPPED_SETS) with the shipped settings
 * (SHIPPED) and writes flows/crisis-model.json, the model the bot ships (packed: see
 * src/conversation/crisis-model.ts).
 *
 * Trains the crisis detector's statistical second opinion (src/conversation/crisis-model.ts): a
 * 3-class (none / self / danger) logistic regression over hashed character 3-5-grams and word
 * uni/bigrams (and words near a negation, marked) of the detector's own normalised words, fitted with AdaGrad (per-example steps, a
 * fixed-seed shuffle, so the same input gives the same weights).
 *
 * With --grid (and without --chars/--lambda/--lr/--epochs/--threshold) it chooses them by 5-fold cross-validation inside the
 * given cases (folds stratified by language and label): for each setting the threshold is the
 * lowest at which the out-of-fold false alarms stay within FALSE_ALARM_BUDGET in every language,
 * and the setting with the best mean out-of-fold recall over the languages wins. Then it trains
 * on all the cases and writes the model. Default cases: the tuning and development sets.
 *
 * Never give it test/fixtures/crisis/held-out.yaml: that set is the honest measure.
 *
 * REPORT (first run, 2026-12-01; superseded: the model now ships, see /work/notes/h11-model.md).
 * - Cross-validation (5-fold, tuning + dev, 1,088 cases; grid chars {0, 0.3, 1} x λ {1e-5, 1e-3,
 *   1e-2} x lr {0.1, 0.3} x epochs {2, 5, 15}) chose chars 0.3, λ 1e-5, lr 0.3, 15 epochs,
 *   threshold 0.9407; out-of-fold, the model alone found only 30.6% of crises (en 34.3%, hi
 *   27.4%, hinglish 29.9%) at ≤ 2% false alarms. Its worst false alarms are negations and
 *   wishes to live ("main marna nahi chahti", "मैं जीना चाहती हूँ"), which n-grams cannot tell apart.
 * - Then once on dev2 (636 cases the model never saw; the rules were tuned on it). The model was
 *   asked only when the rules said nothing and no exclude or `recovered` phrase was present:
 *                  (a) rules alone            (b) model alone            (c) rules, then model
 *     en       recall 95.4% fa 0.0%       recall 26.9% fa 0.0%       recall 96.3% fa 0.0%
 *     hi       recall 98.1% fa 0.0%       recall 37.7% fa 0.0%       recall 98.1% fa 0.0%
 *     hinglish recall 98.1% fa 0.0%       recall 36.8% fa 0.0%       recall 98.1% fa 0.0%
 *   Kind right 100% everywhere. (c) gained one crisis, in English only ("i've decided. tonight."),
 *   so it failed the rule set in advance (higher recall than (a) in at least two languages).
 * - The model file was 610 KiB (28,620 buckets). The bench mix (bench/crisis.ts) went from 43 to
 *   52 µs a message with it (over the 50 µs budget), 4,096 characters of unseen words from 2.0 to 5.0 ms.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { MODEL_NEGATIONS, normalisedWords } from "../src/conversation/crisis-detector.js";
import { BUCKETS, forEachFeature, packCrisisModel, softmax3, type CrisisModelData } from "../src/conversation/crisis-model.js";
import { ROOT } from "../src/deps.js";

const Cases = z.object({
  cases: z.array(z.object({ lang: z.string(), expect: z.enum(["self", "danger", "none"]), text: z.string() })),
});
export type Case = z.infer<typeof Cases>["cases"][number];

export interface Params {
  /** Weight of a character n-gram against a word feature (0: words only). */
  charWeight: number;
  lambda: number;
  lr: number;
  epochs: number;
}

/**
 * The sets the shipped model is trained on (test/fixtures/crisis/<name>.yaml): every development set.
 * The Bengali, Marathi, Telugu and Tamil sets joined when a model trained with dev-bn..dev-ta caught
 * more of the unseen dev2-* sets' crises than the English/Hindi model (first runs, rules then model:
 * bn 80.0/82.0% against 72.3/70.0%, mr 61.5/78.0% against 53.8/72.0%, te 56.9/84.0% against
 * 46.2/72.0%, ta 50.8/72.0% against 41.5/66.0%, script/romanised) for at most one more false alarm
 * per language (te-roman one fewer).
 */
export const SHIPPED_SETS = [
  "tuning", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
  "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18",
  "dev-bn", "dev-mr", "dev-te", "dev-ta", "dev2-bn", "dev2-mr", "dev2-te", "dev2-ta", "dev3-bn", "dev3-mr", "dev3-te", "dev3-ta",
];
/**
 * The shipped settings. Hyperparameters: the grid's choice on tuning + dev..dev7 (--grid).
 * Threshold: chosen by leaving one set out (/work/notes/h11-model.md): for k in dev5..dev9, a
 * model trained on every other set, asked when the rules (as shipped, and as they were before
 * tuning on k) said nothing; 0.68 is the lowest at which the model added at most one false alarm
 * to any language of any k.
 */
export const SHIPPED = { charWeight: 0.3, lambda: 0.01, lr: 0.3, epochs: 15, threshold: 0.68 };

/** Out-of-fold false alarms allowed per language when the threshold is chosen (--grid). */
export const FALSE_ALARM_BUDGET = 0.02;
/** Weights smaller than this (both classes) are left out of the file; the rest are rounded to 4 decimals. */
export const PRUNE = 0.005;
const SEED = 20261201;
const FOLDS = 5;
const GRID: Params[] = [];
for (const charWeight of [0, 0.3, 1]) {
  for (const lambda of [1e-5, 1e-3, 1e-2]) {
    for (const lr of [0.1, 0.3]) {
      for (const epochs of [2, 5, 15]) GRID.push({ charWeight, lambda, lr, epochs });
    }
  }
}

const LABEL = { none: 0, self: 1, danger: 2 } as const;

interface Example {
  idx: Int32Array;
  val: Float64Array;
  y: 0 | 1 | 2;
  lang: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function toExample(c: Case, charWeight: number): Example {
  const idx: number[] = [];
  const val: number[] = [];
  forEachFeature(normalisedWords(c.text).words, MODEL_NEGATIONS, (b, v) => {
    idx.push(b);
    val.push(v);
  }, charWeight);
  return { idx: Int32Array.from(idx), val: Float64Array.from(val), y: LABEL[c.expect], lang: c.lang };
}

/** Fits the model; returns the sparse, pruned, rounded weights (threshold left to the caller). */
export function train(examples: Example[], p: Params, threshold = 0.5): CrisisModelData {
  const w = new Float64Array(BUCKETS * 2);
  const g = new Float64Array(BUCKETS * 2);
  const bias = [0, 0];
  const gb = [0, 0];
  const rand = mulberry32(SEED);
  const eps = 1e-8;
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (const ex of shuffle(examples, rand)) {
      let z1 = bias[0]!;
      let z2 = bias[1]!;
      for (let k = 0; k < ex.idx.length; k++) {
        const b = ex.idx[k]!;
        z1 += w[2 * b]! * ex.val[k]!;
        z2 += w[2 * b + 1]! * ex.val[k]!;
      }
      const [, p1, p2] = softmax3(z1, z2);
      const d = [p1 - (ex.y === 1 ? 1 : 0), p2 - (ex.y === 2 ? 1 : 0)];
      for (let c = 0; c < 2; c++) {
        gb[c]! += d[c]! * d[c]!;
        bias[c]! -= (p.lr * d[c]!) / (Math.sqrt(gb[c]!) + eps);
      }
      for (let k = 0; k < ex.idx.length; k++) {
        const b = ex.idx[k]!;
        for (let c = 0; c < 2; c++) {
          const i = 2 * b + c;
          const grad = d[c]! * ex.val[k]! + p.lambda * w[i]!;
          g[i]! += grad * grad;
          w[i]! -= (p.lr * grad) / (Math.sqrt(g[i]!) + eps);
        }
      }
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4 + 0; // + 0: no -0 in the file
  const weights: number[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const a = w[2 * b]!;
    const c = w[2 * b + 1]!;
    if (Math.abs(a) < PRUNE && Math.abs(c) < PRUNE) continue;
    weights.push(b, round(a), round(c));
  }
  return { version: 1, buckets: BUCKETS, charWeight: p.charWeight, threshold, bias: [round(bias[0]!), round(bias[1]!)], weights };
}

/** [crisis probability, predicted kind (1 self, 2 danger)] from stored weights. */
function predictor(m: CrisisModelData): (ex: Example) => [number, 1 | 2] {
  const w = new Float64Array(BUCKETS * 2);
  for (let i = 0; i < m.weights.length; i += 3) {
    w[2 * m.weights[i]!] = m.weights[i + 1]!;
    w[2 * m.weights[i]! + 1] = m.weights[i + 2]!;
  }
  return (ex) => {
    let z1 = m.bias[0];
    let z2 = m.bias[1];
    for (let k = 0; k < ex.idx.length; k++) {
      z1 += w[2 * ex.idx[k]!]! * ex.val[k]!;
      z2 += w[2 * ex.idx[k]! + 1]! * ex.val[k]!;
    }
    const [p0, p1, p2] = softmax3(z1, z2);
    return [1 - p0, p2 > p1 ? 2 : 1];
  };
}

interface CvResult {
  params: Params;
  threshold: number;
  recall: Record<string, number>;
  kind: Record<string, number>;
  alarms: Record<string, number>;
  meanRecall: number;
}

/** Folds stratified by language and label, from a fixed-seed shuffle. */
function folds(examples: Example[]): number[] {
  const fold = new Array<number>(examples.length);
  const strata = new Map<string, number[]>();
  examples.forEach((ex, i) => {
    const key = `${ex.lang}/${ex.y}`;
    const list = strata.get(key);
    if (list) list.push(i);
    else strata.set(key, [i]);
  });
  const rand = mulberry32(SEED + 1);
  for (const key of [...strata.keys()].sort()) {
    shuffle(strata.get(key)!, rand).forEach((i, k) => (fold[i] = k % FOLDS));
  }
  return fold;
}

function crossValidate(cases: Case[], params: Params): CvResult {
  const examples = cases.map((c) => toExample(c, params.charWeight));
  const fold = folds(examples);
  const oof = new Array<[number, 1 | 2]>(examples.length);
  for (let f = 0; f < FOLDS; f++) {
    const predict = predictor(train(examples.filter((_, i) => fold[i] !== f), params));
    examples.forEach((ex, i) => {
      if (fold[i] === f) oof[i] = predict(ex);
    });
  }
  const langs = [...new Set(examples.map((e) => e.lang))].sort();
  // Lowest threshold at which each language's out-of-fold false alarms stay within budget.
  let threshold = 0;
  for (const lang of langs) {
    const none = examples.flatMap((ex, i) => (ex.lang === lang && ex.y === 0 ? [oof[i]![0]] : [])).sort((a, b) => b - a);
    const allowed = Math.floor(FALSE_ALARM_BUDGET * none.length);
    threshold = Math.max(threshold, none[allowed] ?? 0);
  }
  threshold = Math.ceil(threshold * 1e4) / 1e4; // the file keeps 4 decimals; fires when above it
  const recall: Record<string, number> = {};
  const kind: Record<string, number> = {};
  const alarms: Record<string, number> = {};
  for (const lang of langs) {
    let crisis = 0;
    let found = 0;
    let right = 0;
    let none = 0;
    let fa = 0;
    examples.forEach((ex, i) => {
      if (ex.lang !== lang) return;
      const [p, k] = oof[i]!;
      if (ex.y === 0) {
        none++;
        if (p > threshold) fa++;
      } else {
        crisis++;
        if (p > threshold) {
          found++;
          if (k === ex.y) right++;
        }
      }
    });
    recall[lang] = found / crisis;
    kind[lang] = found ? right / found : 0;
    alarms[lang] = fa / none;
  }
  const meanRecall = langs.reduce((s, l) => s + recall[l]!, 0) / langs.length;
  return { params, threshold, recall, kind, alarms, meanRecall };
}

export function readCases(files: string[]): Case[] {
  return files.flatMap((f) => {
    if (f.includes("held-out")) throw new Error("the held-out set is never trained or tuned on");
    return Cases.parse(parse(readFileSync(f, "utf8"))).cases;
  });
}

/** Stable hash of a model's JSON, for the determinism check. */
export function modelHash(m: CrisisModelData): string {
  return createHash("sha256").update(JSON.stringify(m)).digest("hex");
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): number | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const valued = new Set(["--out", "--chars", "--lambda", "--lr", "--epochs", "--threshold"]);
  const files = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 ? args[outIndex + 1]! : `${ROOT}/flows/crisis-model.json`;
  const data = files.length > 0 ? files : SHIPPED_SETS.map((name) => `${ROOT}/test/fixtures/crisis/${name}.yaml`);
  const cases = readCases(data);
  console.log(`${cases.length} cases from ${data.join(", ")}`);

  let params: Params;
  let threshold: number;
  const grid = args.includes("--grid");
  const fixed = grid
    ? { charWeight: opt("chars"), lambda: opt("lambda"), lr: opt("lr"), epochs: opt("epochs"), threshold: opt("threshold") }
    : {
        charWeight: opt("chars") ?? SHIPPED.charWeight,
        lambda: opt("lambda") ?? SHIPPED.lambda,
        lr: opt("lr") ?? SHIPPED.lr,
        epochs: opt("epochs") ?? SHIPPED.epochs,
        threshold: opt("threshold") ?? SHIPPED.threshold,
      };
  if (fixed.charWeight !== undefined && fixed.lambda !== undefined && fixed.lr !== undefined && fixed.epochs !== undefined && fixed.threshold !== undefined) {
    params = { charWeight: fixed.charWeight, lambda: fixed.lambda, lr: fixed.lr, epochs: fixed.epochs };
    threshold = fixed.threshold;
    console.log(`fixed: ${JSON.stringify(params)} threshold ${threshold}`);
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    let best: CvResult | undefined;
    for (const p of GRID) {
      const r = crossValidate(cases, p);
      const per = Object.keys(r.recall)
        .map((l) => `${l} recall ${pct(r.recall[l]!)} kind ${pct(r.kind[l]!)} fa ${pct(r.alarms[l]!)}`)
        .join(" | ");
      console.log(`chars=${p.charWeight} λ=${p.lambda} lr=${p.lr} epochs=${p.epochs} t=${r.threshold}: mean recall ${pct(r.meanRecall)} — ${per}`);
      // Ties go to the earlier (more regularised, shorter) setting.
      if (!best || r.meanRecall > best.meanRecall + 1e-9) best = r;
    }
    params = best!.params;
    threshold = best!.threshold;
    console.log(`chosen by ${FOLDS}-fold CV: ${JSON.stringify(params)} threshold ${threshold}`);
  }
  const model = train(cases.map((c) => toExample(c, params.charWeight)), params, threshold);
  const json = JSON.stringify(packCrisisModel(model));
  writeFileSync(out, `${json}\n`);
  console.log(`wrote ${out}: ${model.weights.length / 3} buckets, ${(json.length / 1024).toFixed(0)} KiB, sha256 ${modelHash(model).slice(0, 16)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
