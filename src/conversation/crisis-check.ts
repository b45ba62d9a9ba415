/**
 * The crisis check the bot runs on every incoming text: the rules first (src/conversation/
 * crisis-detector.ts, flows/crisis-terms.yaml), then, only when they say nothing, the statistical
 * model (src/conversation/crisis-model.ts, weights in flows/crisis-model.json, trained by
 * scripts/crisis-train.ts). The model never changes a rule match's kind, and overrides one only by
 * its veto (VETO below): a short message the rules matched but the model is sure is everyday talk
 * ("ye umas to jaan le legi", "I used to self-harm, it's been years now"). An exclude, negation or
 * `recovered` phrase that silenced the rules does not silence the model (keeping it quiet there
 * lost more crises than false alarms in cross-validation).
 *
 * Why the model: on phrasings the rules had never seen (the first runs of dev5-dev9, each scored
 * by a model trained without that set), the rules alone found 62-94% of crises per language; the
 * model, asked when they were silent, found 128 of their 271 misses for 2 more false alarms over
 * all five sets at its threshold (report: /work/notes/h11-model.md).
 *
 * Pure: no I/O. The bot reads the model file when it builds the check, a second after start or at
 * the first text (src/deps.ts; the serverless file carries its text inside): a missing file, or
 * one that is not a model (parseCrisisModel), throws a CrisisModelError naming the file, and the
 * bot stops (src/main.ts); `npm run build` refuses such a file first. Scripts and tests read
 * other model files with readCrisisModel (src/deps.ts).
 */
import type { CrisisTerms } from "../content/schema.js";
import { createCrisisDetector, type CrisisDetector } from "./crisis-detector.js";
import { BUCKETS, createCrisisModelReader, packedParts, type CrisisModelData, type PackedCrisisModel } from "./crisis-model.js";

/** Thrown when the model file is missing or not a model; the message names the file. */
export class CrisisModelError extends Error {
  override name = "CrisisModelError";
}

/**
 * Checks that `data` is a model file as scripts/crisis-train.ts writes it (version 2, packed),
 * so a file cut short or edited by hand stops the start here, naming the file.
 */
export function parseCrisisModel(data: unknown, where: string): PackedCrisisModel {
  const fail = (why: string): never => {
    throw new CrisisModelError(`${where}: not a crisis model (${why}); retrain with npm run crisis:train`);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) return fail("not an object");
  const m = data as Partial<Record<keyof PackedCrisisModel, unknown>>;
  const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
  if (m.version !== 2) fail(`version ${String(m.version)}, expected 2`);
  if (m.buckets !== BUCKETS) fail(`${String(m.buckets)} buckets, expected ${BUCKETS}`);
  if (!finite(m.charWeight) || m.charWeight < 0) fail("charWeight");
  if (!finite(m.threshold) || m.threshold <= 0 || m.threshold >= 1) fail("threshold must be between 0 and 1");
  if (!Array.isArray(m.bias) || m.bias.length !== 2 || !m.bias.every(finite)) fail("bias");
  if (!finite(m.scale) || m.scale <= 0) fail("scale");
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
  if (typeof m.present !== "string" || !base64.test(m.present)) fail("present must be base64");
  if (typeof m.weights !== "string" || m.weights.length === 0 || !base64.test(m.weights)) fail("weights must be base64");
  try {
    packedParts(data as PackedCrisisModel);
  } catch (error) {
    fail((error as Error).message.replace(/^crisis model: /, ""));
  }
  return data as PackedCrisisModel;
}

/**
 * A rule match the model is sure is everyday talk is dropped (the veto): a message of at most
 * VETO_MAX_WORDS words to which the model gives a crisis probability below VETO. Chosen by leaving
 * one development set out (scripts/crisis-loso.ts, dev9-dev14, a model trained without that set):
 * at 0.25 it dropped 11-13 of the rules' 53 false alarms and none of the 1,088 crises the rules
 * caught; at 0.3 it began to drop crises (1-3). Only short messages: in a long one the model reads
 * the whole story, and a crisis said in one sentence of it weighs little against the rest.
 */
export const VETO = 0.25;
export const VETO_MAX_WORDS = 15;

/** The one `detectCrisis` the bot uses: the rules, then the model when they say nothing, and the
 * model's veto on a short rule match it is sure is everyday. */
export function createCrisisCheck(terms: CrisisTerms, model: CrisisModelData | PackedCrisisModel): CrisisDetector {
  const reader = createCrisisModelReader(model);
  // One normalisation a message: the rules hand the model the words they made.
  return createCrisisDetector(terms, (text, words, dev, found) => {
    if (!found) return reader.read(text, words, dev);
    // A text this long is a story, not a short message (and a capped one hands the head's words only).
    if (text.length > 40 * VETO_MAX_WORDS || words.length > VETO_MAX_WORDS) return found;
    const verdict = reader.judge(text, words);
    return verdict !== undefined && verdict.crisis < VETO ? undefined : found;
  });
}
