import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/report/report-document.js";
import { renderPdf } from "../../src/report/render-pdf.js";
import {
  actualText,
  codePointCount,
  glyphCount,
  hasNotdef,
  missingGlyphs,
  pdfInfo,
  pdfPages,
  pdfText,
  squash,
  visualOrder,
} from "../support/pdf-text.js";
import { allText, drawnInRegular } from "./report-text.js";

const HASH_1 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const HASH_2 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const POST = "https://instagram.com/p/Xyz123abc";
const LONG_URL = `https://example-file-host.invalid/share/${"a1B2c3D4".repeat(16)}?download=1`;
const CREATED_AT = new Date("2026-11-25T09:30:00Z");

const COMPLAINT_EN =
  "I want to report the publication of a private image of me without my consent. On 12 November 2026 at about 21:40 an account " +
  `I do not know posted it on Instagram (${POST}). I ask for action under the Information Technology Act, 2000 — sections 66E ` +
  "and 67A, and for the post to be taken down. The SHA-256 fingerprints of the saved evidence are listed in this report.";

const COMPLAINT_HI =
  "मैं यह शिकायत दर्ज करना चाहती हूँ। 12 नवंबर 2026 को रात लगभग 9:40 बजे एक अनजान खाते ने मेरी निजी तस्वीर बिना मेरी सहमति के " +
  `इंस्टाग्राम पर डाली (${POST})। कृपया सूचना प्रौद्योगिकी अधिनियम, 2000 की धारा 66E और 67A के तहत कार्रवाई करें और पोस्ट हटवाएँ। ` +
  "सबूत के SHA-256 फ़िंगरप्रिंट इस रिपोर्ट में दिए गए हैं।";

function englishReport(timeline = 3): ReportDocument {
  return {
    locale: "en",
    title: "Your evidence report",
    intro: [
      "Prepared on 25 November 2026",
      "A record of what happened, for a police complaint or a platform report. Keep it where only you can open it.",
    ],
    sections: [
      {
        heading: "What happened",
        blocks: [
          {
            kind: "paragraph",
            text: "Someone shared a private photo of me without my consent and sent messages demanding ₹50,000 to stop. None of this is my fault.",
          },
        ],
      },
      {
        heading: "Timeline",
        blocks: Array.from({ length: timeline }, (_, i) => ({
          kind: "fields" as const,
          rows: [
            ["When", `${(i % 28) + 1} November 2026, 21:${String(i % 60).padStart(2, "0")}`],
            ["What", i === 0 ? "The photo was posted by an account pretending to be me." : `Entry ${i + 1}: another message asking for money.`],
            ["Where", POST],
            ["SHA-256", i % 2 === 0 ? HASH_1 : HASH_2],
          ] as [string, string][],
        })),
      },
      {
        heading: "Laws that apply",
        blocks: [
          {
            kind: "list",
            items: [
              "Information Technology Act, 2000 — section 66E (violation of privacy)",
              "Information Technology Act, 2000 — section 67A (sexually explicit material)",
              "Bharatiya Nyaya Sanhita, 2023 — section 77 (voyeurism)",
              "Bharatiya Nyaya Sanhita, 2023 — section 308 (extortion)",
            ],
          },
        ],
      },
      {
        heading: "Complaint to paste into cybercrime.gov.in",
        blocks: [
          { kind: "paragraph", text: "Copy the text in the box as it is." },
          { kind: "boxed", text: COMPLAINT_EN },
        ],
      },
      {
        heading: "File fingerprints",
        blocks: [{ kind: "mono", text: `photo-1.jpg  SHA-256 ${HASH_1}\nchat-2.png   SHA-256 ${HASH_2}\n${LONG_URL}` }],
      },
      {
        heading: "Help, any time",
        blocks: [{ kind: "list", items: ["Tele-MANAS: 14416 (free, 24×7)", "National Cyber Crime Helpline: 1930"] }],
      },
    ],
    footer: "Page {page} of {pages}",
    createdAt: CREATED_AT,
  };
}

function hindiReport(): ReportDocument {
  return {
    locale: "hi",
    title: "आपकी सबूत रिपोर्ट",
    intro: [
      "25 नवंबर 2026 को तैयार की गई",
      "जो हुआ उसका रिकॉर्ड, पुलिस शिकायत या प्लेटफ़ॉर्म रिपोर्ट के लिए। इसे ऐसी जगह रखें जहाँ सिर्फ़ आप इसे खोल सकें।",
    ],
    sections: [
      {
        heading: "क्या हुआ",
        blocks: [
          {
            kind: "paragraph",
            text: "किसी ने मेरी सहमति के बिना मेरी निजी तस्वीर साझा की और उसे हटाने के लिए ₹50,000 माँगे। इसमें मेरी कोई ग़लती नहीं है। मेरे सबूत सुरक्षित हैं।",
          },
        ],
      },
      {
        heading: "घटनाक्रम",
        blocks: [
          {
            kind: "fields",
            rows: [
              ["कब", "12 नवंबर 2026, रात 9:40"],
              ["क्या", "किसी ने मेरे नाम से खाता बनाकर इंस्टाग्राम पर मेरी निजी तस्वीर डाल दी।"],
              ["कहाँ", POST],
              ["SHA-256", HASH_1],
            ],
          },
          {
            kind: "fields",
            rows: [
              ["कब", "13 नवंबर 2026, सुबह 8:15"],
              ["क्या", "व्हाट्सऐप पर धमकी: पैसे न देने पर तस्वीरें परिवार को भेजने की बात।"],
              ["SHA-256", HASH_2],
            ],
          },
        ],
      },
      {
        heading: "लागू होने वाले क़ानून",
        blocks: [
          {
            kind: "list",
            items: [
              "सूचना प्रौद्योगिकी अधिनियम, 2000 — धारा 66E (निजता का उल्लंघन)",
              "सूचना प्रौद्योगिकी अधिनियम, 2000 — धारा 67A (यौन रूप से स्पष्ट सामग्री)",
              "भारतीय न्याय संहिता, 2023 — धारा 77 (दृश्यरतिकता)",
              "भारतीय न्याय संहिता, 2023 — धारा 308 (जबरन वसूली)",
            ],
          },
        ],
      },
      {
        heading: "cybercrime.gov.in पर चिपकाने के लिए शिकायत",
        blocks: [
          { kind: "paragraph", text: "बॉक्स का पाठ जैसा है वैसा ही कॉपी करें।" },
          { kind: "boxed", text: COMPLAINT_HI },
        ],
      },
      { heading: "फ़ाइलों के फ़िंगरप्रिंट", blocks: [{ kind: "mono", text: `${HASH_1}\n${HASH_2}` }] },
      {
        heading: "मदद, कभी भी",
        blocks: [{ kind: "list", items: ["Tele-MANAS: 14416 (मुफ़्त, 24 घंटे)", "राष्ट्रीय साइबर अपराध हेल्पलाइन: 1930"] }],
      },
    ],
    footer: "पृष्ठ {page} / {pages}",
    createdAt: CREATED_AT,
  };
}

describe("the evidence report PDF", () => {
  it("an English report carries the hashes, the link, the law sections and the complaint word for word", async () => {
    const pdf = await renderPdf(englishReport());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = squash(await pdfText(pdf));
    for (const phrase of [
      HASH_1,
      HASH_2,
      POST,
      LONG_URL,
      "Information Technology Act, 2000 — section 66E",
      "section 67A",
      "Bharatiya Nyaya Sanhita, 2023 — section 308",
      "Tele-MANAS: 14416",
      "₹50,000",
      COMPLAINT_EN,
      "Page 1 of",
    ]) {
      expect(text, phrase).toContain(squash(phrase));
    }
  });

  const HINDI_PHRASES = [
    "सूचना प्रौद्योगिकी अधिनियम, 2000 — धारा 66E",
    "भारतीय न्याय संहिता, 2023 — धारा 308",
    "राष्ट्रीय साइबर अपराध हेल्पलाइन: 1930",
    "मेरे सबूत सुरक्षित हैं।",
    "इसे ऐसी जगह रखें",
    COMPLAINT_HI,
    "पृष्ठ 1 / 1",
  ];

  it("a Hindi report reads back in the PDF's glyph order, hashes and link intact", async () => {
    const doc = hindiReport();
    const text = squash(await pdfText(await renderPdf(doc)));
    // The title is the first thing drawn in bold, so it reads as it lays out on its own.
    expect(text).toContain(squash(visualOrder(doc.title)));
    for (const phrase of HINDI_PHRASES) {
      expect(text, phrase).toContain(squash(visualOrder(phrase, drawnInRegular(doc))));
    }
    for (const phrase of [HASH_1, HASH_2, POST, "Tele-MANAS: 14416"]) expect(text, phrase).toContain(squash(phrase));
    // Not vacuous: what pdf.js reads differs from the words as written.
    expect(visualOrder("हिन्दी")).toBe("िहन्दी");
    expect(text).not.toContain(squash("शिकायत दर्ज करना"));
  });

  it("a Hindi line copies out as written where a viewer honours ActualText", async () => {
    const doc = hindiReport();
    const copied = squash(actualText(await renderPdf(doc)).join(""));
    for (const phrase of [doc.title, ...HINDI_PHRASES]) expect(copied, phrase).toContain(squash(phrase));
  });

  it("a Hindi report keeps its conjuncts shaped and has a glyph for every character", () => {
    for (const word of ["प्रधानमंत्री", "क्षत्रिय", "सुरक्षित", "प्रौद्योगिकी", "स्पष्ट"]) {
      expect(glyphCount(word), word).toBeLessThan(codePointCount(word));
    }
    expect(glyphCount("क्ष")).toBe(1);
    const everything = allText(hindiReport()) + allText(englishReport());
    expect(missingGlyphs(everything)).toEqual([]);
    expect(hasNotdef(everything)).toBe(false);
  });

  it("a 200-entry timeline runs over several pages, each numbered 'Page n of N', none blank", async () => {
    const pdf = await renderPdf(englishReport(200));
    const { total, pages } = await pdfPages(pdf);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(pages).toHaveLength(total);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${total}`);
      expect(squash(page).length, `page ${i + 1}`).toBeGreaterThan(squash(`Page ${i + 1} of ${total}`).length + 50);
    });
    const text = squash(pages.join("\n"));
    expect(text).toContain("Entry200:");
    expect(text).toContain(squash(COMPLAINT_EN));
  });

  it("says nothing about who made it: a title and dates, no author or creator", async () => {
    const pdf = await renderPdf(hindiReport());
    const info = await pdfInfo(pdf);
    expect(info.Title).toBe("आपकी सबूत रिपोर्ट");
    expect(String(info.CreationDate)).toMatch(/^D:20261125093000/);
    for (const key of ["Author", "Subject", "Keywords", "Creator", "Producer"]) expect(info[key], key).toBeUndefined();
    const raw = pdf.toString("latin1");
    expect(raw).not.toMatch(/\/(Author|Creator|Producer|Subject|Keywords)\b/);
    expect(raw).not.toContain("PDFKit");
  });

  it("renders the same bytes for the same report and date", async () => {
    const [a, b] = [await renderPdf(englishReport()), await renderPdf(englishReport())];
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(true);
  });
});
