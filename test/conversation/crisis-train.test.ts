import { describe, it, expect } from "vitest";
import { modelHash, readCases, toExample, train, type Case } from "../../scripts/crisis-train.js";
import { createCrisisModelDetector, createCrisisScorer, denseWeights, forEachFeature, packCrisisModel, softmax3 } from "../../src/conversation/crisis-model.js";
import { MODEL_NEGATIONS, normalisedWords } from "../../src/conversation/crisis-detector.js";

// A tiny sample, written here: enough to check the training script, not to judge the model.
const sample: Case[] = [
  { lang: "en", expect: "self", text: "i can't see a way to keep living" },
  { lang: "en", expect: "self", text: "i have the pills counted out for tonight" },
  { lang: "en", expect: "danger", text: "he is at my door with a knife" },
  { lang: "en", expect: "none", text: "how do i report a fake profile" },
  { lang: "en", expect: "none", text: "thank you, that helped a lot" },
  { lang: "hinglish", expect: "self", text: "ab jeene ka mann nahi karta" },
  { lang: "hinglish", expect: "none", text: "screenshot kaise lete hai" },
  { lang: "hi", expect: "danger", text: "वो घर के बाहर चाकू लेकर खड़ा है" },
  { lang: "hi", expect: "none", text: "शिकायत कैसे दर्ज करूं" },
];
const params = { charWeight: 0.3, lambda: 1e-5, lr: 0.3, epochs: 3 };

describe("crisis model training (scripts/crisis-train.ts)", () => {
  it("is deterministic: the same cases and settings give the same weights", () => {
    const a = train(sample.map((c) => toExample(c, params.charWeight)), params, 0.9);
    const b = train(sample.map((c) => toExample(c, params.charWeight)), params, 0.9);
    expect(a.weights.length).toBeGreaterThan(0);
    expect(modelHash(a)).toBe(modelHash(b));
  });

  it("writes sparse weights rounded to 4 decimals, and the model it writes can be read back as a detector", () => {
    const model = train(sample.map((c) => toExample(c, params.charWeight)), params, 0.5);
    expect(model.weights.length % 3).toBe(0);
    for (let i = 0; i < model.weights.length; i += 3) {
      expect(Number.isInteger(model.weights[i])).toBe(true);
      expect(Math.round(model.weights[i + 1]! * 1e4) / 1e4).toBe(model.weights[i + 1]);
    }
    const detect = createCrisisModelDetector(model);
    expect(detect("")).toBeUndefined();
    expect(detect("he is at my door with a knife")?.kind).toBe("danger");
    expect(detect("वो घर के बाहर चाकू लेकर खड़ा है")?.group).toBe("hi");
  });

  it("packs the weights for the file (16-bit) without changing what the model says", () => {
    const model = train(sample.map((c) => toExample(c, params.charWeight)), params, 0.5);
    const packed = packCrisisModel(model);
    expect(packed.version).toBe(2);
    const a = createCrisisScorer(model, MODEL_NEGATIONS);
    const b = createCrisisScorer(packed, MODEL_NEGATIONS);
    for (const c of sample) {
      const words = normalisedWords(c.text).words;
      expect(b(words).kind).toBe(a(words).kind);
      expect(Math.abs(b(words).crisis - a(words).crisis)).toBeLessThan(1e-3);
    }
  });

  it("scores a message at detection exactly as training sees its features (one pass, no second copy of the features)", () => {
    const model = train(sample.map((c) => toExample(c, params.charWeight)), params, 0.5);
    const score = createCrisisScorer(model, MODEL_NEGATIONS);
    const w = denseWeights(model);
    const long = Array.from({ length: 120 }, (_, i) => sample[i % sample.length]!.text).join(". ");
    for (const text of [...sample.map((c) => c.text), long, "20 pills nahi, not now"]) {
      const words = normalisedWords(text).words;
      let z1 = model.bias[0];
      let z2 = model.bias[1];
      forEachFeature(words, MODEL_NEGATIONS, (b, v) => {
        z1 += w[2 * b]! * v;
        z2 += w[2 * b + 1]! * v;
      }, model.charWeight);
      const [p0, p1, p2] = softmax3(z1, z2);
      expect(score(words).crisis).toBeCloseTo(1 - p0, 9);
      expect(score(words).kind).toBe(p2 > p1 ? "danger" : "self");
    }
  });

  it("refuses the held-out set", () => {
    expect(() => readCases(["test/fixtures/crisis/held-out.yaml"])).toThrow(/held-out/);
  });
});
