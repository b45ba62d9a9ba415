/**
 * The crisis check runs on every incoming text before anything else, so its cost is paid by every
 * message. Measured here per language on short messages, on 4,096-character messages (Telegram's
 * longest) told in everyday words and made of words the detector has never seen (its word caches
 * do not help: the worst case), and on a mix of one long story per twenty short messages.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CrisisDetector } from "../src/conversation/crisis-detector.js";
import { loadConversationDeps } from "../src/deps.js";

export interface CrisisBench {
  en_us: number;
  hi_us: number;
  hinglish_us: number;
  long4096_us: number;
  long4096_unseen_words_us: number;
  mix_us: number;
}

const SHORT: Record<"en" | "hi" | "hinglish", string[]> = {
  en: [
    "hello, where do I report this?",
    "he posted my photos on instagram and I don't know what to do",
    "my ex is threatening to leak my pics unless I pay him",
    "can you help me get the video taken down",
    "I feel so ashamed, everyone at college has seen them",
    "I want to die",
    "this heat is killing me lol",
    "he is outside my door",
  ],
  hi: [
    "मुझे डर लग रहा है",
    "उसने मेरी फोटो इंस्टाग्राम पर डाल दी है",
    "वो पैसे मांग रहा है वरना वीडियो शेयर कर देगा",
    "पुलिस में शिकायत कैसे करूं",
    "मैं मरना चाहती हूँ",
    "गर्मी से मर गए आज",
  ],
  hinglish: [
    "mujhe samajh nahi aa raha kya karu",
    "usne meri pics leak kar di yaar",
    "wo paise maang raha hai warna video daal dega",
    "complaint kaise karu police me",
    "main marna chahti hu",
    "hass hass ke mar gayi",
  ],
};

/** A 4,096-character story told in the words people use here: most words repeat across messages. */
function storyMessage(seed: number): string {
  const words = [...SHORT.en, ...SHORT.hinglish, ...SHORT.hi].join(" ").split(" ");
  const out: string[] = [];
  let length = 0;
  for (let i = seed; length < 4096; i = (i * 31 + 7) % 9973) {
    const w = words[i % words.length]!;
    out.push(w);
    length += w.length + 1;
  }
  return out.join(" ").slice(0, 4096);
}

/** A 4,096-character message of made-up words: every one a cache miss, the worst case. */
function longMessage(seed: number): string {
  let x = seed * 2654435761 + 1;
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const words: string[] = [];
  let length = 0;
  while (length < 4096) {
    x = (x * 1103515245 + 12345) >>> 0;
    let w = "";
    for (let i = 0, n = 2 + (x % 9); i < n; i++) w += letters[(x >>> (i * 3)) % 26];
    words.push(w);
    length += w.length + 1;
  }
  return words.join(" ").slice(0, 4096);
}

function usPer(detect: CrisisDetector, texts: string[], runs: number): number {
  for (let i = 0; i < Math.min(runs, 200); i++) detect(texts[i % texts.length]!);
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) detect(texts[i % texts.length]!);
  return Number(process.hrtime.bigint() - start) / 1000 / runs;
}

export function measureCrisis(iterations: number): CrisisBench {
  // What the bot ships: the rules, then the model when they say nothing (src/conversation/crisis-check.ts).
  const detect: CrisisDetector = loadConversationDeps().detectCrisis;
  const runs = iterations * 5;
  const longs = Array.from({ length: 400 }, (_, i) => longMessage(i + 1));
  // Fresh long messages for the timed part: the warm-up must not have cached their words.
  const unseen = usPer(detect, longs, Math.min(400, Math.max(50, iterations / 5)));
  const stories = Array.from({ length: 50 }, (_, i) => storyMessage(i + 1));
  const shorts = [...SHORT.en, ...SHORT.hi, ...SHORT.hinglish];
  const mixed: string[] = [];
  for (let i = 0; i < 400; i++) mixed.push(i % 21 === 20 ? stories[i % stories.length]! : shorts[i % shorts.length]!);
  return {
    en_us: usPer(detect, SHORT.en, runs),
    hi_us: usPer(detect, SHORT.hi, runs),
    hinglish_us: usPer(detect, SHORT.hinglish, runs),
    long4096_us: usPer(detect, stories, Math.max(100, iterations / 5)),
    long4096_unseen_words_us: unseen,
    mix_us: usPer(detect, mixed, runs),
  };
}

/**
 * The measurement in a fresh process, as the bot runs the check: a process of its own with a small
 * heap. Inside `npm run bench`'s own process, after it has held thousands of sessions of both
 * bots, the same check measured about 40% slower (its garbage collections scan that heap).
 */
export function measureCrisisInOwnProcess(iterations: number): CrisisBench {
  const run = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--json"], {
    env: { ...process.env, BENCH_ITERATIONS: String(iterations) },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`bench/crisis.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as CrisisBench;
}

// `node --import tsx bench/crisis.ts [--json]`: this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measureCrisis(Number(process.env.BENCH_ITERATIONS ?? 2000));
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else for (const [k, v] of Object.entries(r) as [string, number][]) console.log(`${k.padEnd(14)} ${v.toFixed(1)} µs/message`);
}
