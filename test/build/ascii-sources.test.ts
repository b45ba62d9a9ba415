/**
 * The build writes the date and money parser's (and office hours') own-script words as \u escapes
 * (scripts/build.mjs, asciiSources) so the bundle stays ASCII. Those words are regular expressions:
 * the escaped parser must read every message exactly as the source does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import * as source from "../../src/evidence/parse.js";
import * as hoursSource from "../../src/conversation/office-hours.js";
import { REPO_ROOT } from "../support/bot-process.js";
import { asciiSources, escapeNonAscii } from "../../scripts/build.mjs";

const out = mkdtempSync(join(tmpdir(), "nyf-ascii-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundled<T>(entry: string): Promise<T> {
  const file = join(out, `${entry.replace(/\W/g, "_")}.mjs`);
  await build({ entryPoints: [join(REPO_ROOT, entry)], bundle: true, platform: "node", format: "esm", outfile: file, charset: "ascii", plugins: [asciiSources], logLevel: "silent" });
  return (await import(pathToFileURL(file).href)) as T;
}

const now = new Date("2026-03-20T06:30:00Z");
const dates = [
  "14/03/2026 9:30 pm first threat on Instagram", "yesterday 21:00 asked for money", "कल रात 9 बजे धमकी", "14/03/2026 रात 9:30 बजे धमकी",
  "14 मार्च 2026 सुबह 10 बजे", "গতকাল রাত ৯টায় হুমকি", "১৪ মার্চ ২০২৬ সন্ধ্যা ৭টা", "काल रात्री 9 वाजता", "14 मार्च रोजी रात्री 9 वाजून 30 मिनिटांनी",
  "నిన్న రాత్రి 9 గంటలకు", "14 మార్చి 2026 ఉదయం 8 గంటలకు", "நேற்று இரவு 9 மணிக்கு", "14 மார்ச் 2026 மாலை 6 மணி",
  "3 दिन पहले फोटो डाली", "२ दिन पहले", "«14/03/2026» – “threat”", "kal 9:30 raat ko msg aaya",
];
const money = [
  "paid ₹5,000 to name@okaxis from my SBI account, UTR 412345678901", "मेरे SBI अकाउंट से ₹5,000 भेजे name@okaxis पर, UTR 412345678901",
  "আমার SBI অ্যাকাউন্ট থেকে name@okaxis-এ ৫০০০ টাকা দিয়েছি", "माझ्या SBI खात्यातून name@okaxis वर ₹5,000 पाठवले",
  "నా SBI అకౌంట్ నుండి name@okaxis కి ₹5,000 పంపాను", "என் SBI அக்கவுண்டிலிருந்து name@okaxis-க்கு ₹5,000 அனுப்பினேன்",
  "2 लाख रुपये माँगे", "৳ 5000 চেয়েছে", "50 हज़ार नहीं दिए", "a/c 1234 5678 9012 IFSC sbin0001234", "£200 demanded", "ரூ. 10,000 கேட்கிறான்",
];

describe("the parser as the build escapes it", () => {
  it("leaves no character outside ASCII, and changes nothing else", () => {
    const escaped = escapeNonAscii("const a = /[«“–]/u; const b = String.raw`बजे|টায়`; // रात");
    expect(escaped).not.toMatch(/\P{ASCII}/u);
    expect(escaped).toContain("String.raw`\\u092c\\u091c\\u0947|");
    expect(escapeNonAscii("plain ascii, 100%")).toBe("plain ascii, 100%");
  });

  it("reads every date, time, amount and account as the source does, in all six languages", async () => {
    const built = await bundled<typeof source>("src/evidence/parse.ts");
    for (const text of dates) expect(built.parseWhen(text, now), text).toEqual(source.parseWhen(text, now));
    for (const text of money) expect(built.parseMoney(text), text).toEqual(source.parseMoney(text));
    for (const text of ["UTR 412345678901", "यूटीआर नंबर 412345678901", "UTR: 1234"]) expect(built.parseUtr(text), text).toEqual(source.parseUtr(text));
    // The battery reads something: these are not all failures.
    expect(dates.filter((t) => source.parseWhen(t, now).ok).length).toBeGreaterThan(12);
    expect(money.filter((t) => source.parseMoney(t).ok).length).toBeGreaterThan(9);
  }, 30_000);

  it("reads office hours with dashes as the source does", async () => {
    const built = await bundled<typeof hoursSource>("src/conversation/office-hours.ts");
    const read = (parse: typeof hoursSource.parseOfficeHours, text: string): string => {
      try {
        return JSON.stringify(parse(text));
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    };
    const texts = ["Mon–Fri 10:00–18:00", "Mon—Sat 09:00-17:00", "daily 10:00 – 20:00", "Mon—Sat 9-17"];
    for (const text of texts) expect(read(built.parseOfficeHours, text), text).toBe(read(hoursSource.parseOfficeHours, text));
    expect(texts.filter((t) => !read(hoursSource.parseOfficeHours, t).startsWith("error")).length).toBe(3);
  }, 30_000);
});
