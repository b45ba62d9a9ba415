import { describe, expect, it } from "vitest";
import { errorOf, valueOf } from "../support/parsed.js";
import { DateFields, MoneyFields } from "../../src/evidence/item.js";
import { parseMoney, parseUtr, parseWhen } from "../../src/evidence/parse.js";

/**
 * Dates and money as typed in Bengali, Marathi, Telugu and Tamil (issue 16): each language's words
 * for today and yesterday, parts of the day, month names, its own digits, and paid / asked / "from
 * my … account". The parsers are given only her text, never her language, so a word is read the
 * same whichever language she chose.
 */


/** 20 March 2026, 12:00 in India: yesterday is the 19th, the day before the 18th. */
const now = new Date("2026-03-20T06:30:00Z");
const when = (text: string) => parseWhen(text, now);

/** The date (and time) saved, checked against the schema too. */
function whenOf(text: string): { when: string; what?: string } {
  const value = valueOf(when(text));
  expect(DateFields.parse(value)).toEqual(value);
  return value;
}

function moneyOf(text: string) {
  const value = valueOf(parseMoney(text));
  expect(MoneyFields.parse(value)).toEqual(value);
  return value;
}

interface Cases {
  dates: Array<[typed: string, date: string]>;
  relative: Array<[typed: string, date: string]>;
  times: Array<[typed: string, when: string]>;
  what: Array<[typed: string, when: string, what: string]>;
  unreadable: string[];
}

const languages: Record<"bn" | "mr" | "te" | "ta", Cases> = {
  bn: {
    dates: [
      ["১৪/০৩/২০২৬", "2026-03-14"],
      ["১৪ মার্চ ২০২৬", "2026-03-14"],
      ["১৪ই মার্চ", "2026-03-14"],
      ["২১শে ফেব্রুয়ারি ২০২৬", "2026-02-21"],
      ["১লা জানুয়ারি ২০২৬", "2026-01-01"],
      ["৪ঠা এপ্রিল ২০২৫", "2025-04-04"],
      ["মার্চের ১৪ তারিখ", "2026-03-14"],
      ["১৪ মার্চে", "2026-03-14"],
      ["2 সেপ্টেম্বর 2025", "2025-09-02"],
      ["৩১ ডিসেম্বর ২০২৫", "2025-12-31"],
    ],
    relative: [
      ["আজ", "2026-03-20"],
      ["আজকে", "2026-03-20"],
      ["গতকাল", "2026-03-19"],
      ["কাল", "2026-03-19"],
      ["কালকে", "2026-03-19"],
      ["গত পরশু", "2026-03-18"],
      ["৩ দিন আগে", "2026-03-17"],
    ],
    times: [
      ["গতকাল রাত 9টা", "2026-03-19T21:00"],
      ["গতকাল রাত ৯টায়", "2026-03-19T21:00"],
      ["গতকাল ৯টায়", "2026-03-19T09:00"],
      ["আজ সকাল ১০টায়", "2026-03-20T10:00"],
      ["আজ দুপুর ২টা", "2026-03-20T14:00"],
      ["গতকাল বিকেল ৪টায়", "2026-03-19T16:00"],
      ["গতকাল সন্ধ্যায় ৭টায়", "2026-03-19T19:00"],
      ["গতকাল রাত ২টায়", "2026-03-19T02:00"],
      ["১৪/০৩/২০২৬ রাত ৯:৩০টায়", "2026-03-14T21:30"],
      ["গতকাল ৯টা রাতে", "2026-03-19T21:00"],
      ["আজ রাত ৯টার সময়", "2026-03-20T21:00"],
      ["গতকাল রাত ৯টা বাজে", "2026-03-19T21:00"],
    ],
    what: [["গতকাল রাত ৯টায় ছবি পাঠিয়েছে", "2026-03-19T21:00", "ছবি পাঠিয়েছে"]],
    unreadable: ["পরশু", "আগামীকাল", "১লা বৈশাখ", "নভেম্বর ২০২৫", "গত সপ্তাহে"],
  },
  mr: {
    dates: [
      ["१४/०३/२०२६", "2026-03-14"],
      ["१४ मार्च २०२६", "2026-03-14"],
      ["14 एप्रिल 2025", "2025-04-14"],
      ["2 मे 2025", "2025-05-02"],
      ["5 जुलै 2025", "2025-07-05"],
      ["15 ऑगस्ट 2025", "2025-08-15"],
      ["1 जानेवारी 2026", "2026-01-01"],
      ["14 फेब्रुवारी 2026", "2026-02-14"],
      ["3 नोव्हेंबरला", "2025-11-03"],
      ["२५ डिसेंबर २०२५", "2025-12-25"],
    ],
    relative: [
      ["आज", "2026-03-20"],
      ["काल", "2026-03-19"],
      ["कालच", "2026-03-19"],
      ["२ दिवसांपूर्वी", "2026-03-18"],
      ["३ दिवस आधी", "2026-03-17"],
    ],
    times: [
      ["काल रात्री 9 वाजता", "2026-03-19T21:00"],
      ["काल रात्री ९ वाजता", "2026-03-19T21:00"],
      ["आज सकाळी 10 वाजता", "2026-03-20T10:00"],
      ["काल दुपारी 2 वाजता", "2026-03-19T14:00"],
      ["काल संध्याकाळी 7 वाजता", "2026-03-19T19:00"],
      ["काल पहाटे 4 वाजता", "2026-03-19T04:00"],
      ["काल 9 वाजता रात्री", "2026-03-19T21:00"],
      ["काल रात्री ९ वाजून ३० मिनिटांनी", "2026-03-19T21:30"],
      ["14 नोव्हेंबर 2025 रोजी रात्री 11 वाजता", "2025-11-14T23:00"],
    ],
    what: [["14 मार्च रोजी पहिली धमकी", "2026-03-14", "पहिली धमकी"]],
    unreadable: ["परवा", "उद्या", "चैत्र 1", "मार्च 2026", "मागच्या आठवड्यात"],
  },
  te: {
    dates: [
      ["౧౪/౦౩/౨౦౨౬", "2026-03-14"],
      ["14 మార్చి 2026", "2026-03-14"],
      ["మార్చి 14న", "2026-03-14"],
      ["మార్చి 14, 2026", "2026-03-14"],
      ["14 ఏప్రిల్ 2025", "2025-04-14"],
      ["1 జనవరి 2026", "2026-01-01"],
      ["15 ఆగస్టు 2025", "2025-08-15"],
      ["౨౫ డిసెంబర్ ౨౦౨౫", "2025-12-25"],
    ],
    relative: [
      ["ఈరోజు", "2026-03-20"],
      ["ఈ రోజు", "2026-03-20"],
      ["ఇవాళ", "2026-03-20"],
      ["నిన్న", "2026-03-19"],
      ["మొన్న", "2026-03-18"],
      ["3 రోజుల క్రితం", "2026-03-17"],
    ],
    times: [
      ["నిన్న రాత్రి 9 గంటలకు", "2026-03-19T21:00"],
      ["నిన్న రాత్రి ౯ గంటలకు", "2026-03-19T21:00"],
      ["ఈ రోజు ఉదయం 7 గంటలకు", "2026-03-20T07:00"],
      ["నిన్న మధ్యాహ్నం 2 గంటలకు", "2026-03-19T14:00"],
      ["మొన్న సాయంత్రం 6 గంటలకు", "2026-03-18T18:00"],
      ["నిన్న రాత్రి 9:30 గంటలకు", "2026-03-19T21:30"],
      ["నిన్న రాత్రి 9 గంటలు", "2026-03-19T21:00"],
      ["14 ఏప్రిల్ 2025 న రాత్రి 9 గంటలకు", "2025-04-14T21:00"],
    ],
    what: [["నిన్న రాత్రి 9 గంటలకు ఫోన్ చేశాడు", "2026-03-19T21:00", "ఫోన్ చేశాడు"]],
    unreadable: ["రేపు", "ఎల్లుండి", "మార్చి 2026", "గత వారం"],
  },
  ta: {
    dates: [
      ["௧௪/௦௩/௨௦௨௬", "2026-03-14"],
      ["14 மார்ச் 2026", "2026-03-14"],
      ["மார்ச் 14ஆம் தேதி", "2026-03-14"],
      ["14 ஏப்ரல் 2025", "2025-04-14"],
      ["ஏப்ரல் 1", "2025-04-01"],
      ["1 ஜனவரி 2026", "2026-01-01"],
      ["15 ஆகஸ்ட் 2025", "2025-08-15"],
      ["25 டிசம்பர் 2025", "2025-12-25"],
    ],
    relative: [
      ["இன்று", "2026-03-20"],
      ["இன்னைக்கு", "2026-03-20"],
      ["நேற்று", "2026-03-19"],
      ["நேத்து", "2026-03-19"],
      ["நேற்று முன்தினம்", "2026-03-18"],
      ["முந்தாநாள்", "2026-03-18"],
      ["3 நாட்களுக்கு முன்பு", "2026-03-17"],
    ],
    times: [
      ["நேற்று இரவு 9 மணிக்கு", "2026-03-19T21:00"],
      ["நேற்று இரவு ௯ மணிக்கு", "2026-03-19T21:00"],
      ["இன்று காலை 8 மணி", "2026-03-20T08:00"],
      ["நேற்று மதியம் 2 மணிக்கு", "2026-03-19T14:00"],
      ["நேற்று மாலை 6 மணிக்கு", "2026-03-19T18:00"],
      ["நேற்று 9.30 மணிக்கு", "2026-03-19T09:30"],
      ["நேற்று சுமார் 9 மணிக்கு", "2026-03-19T09:00"],
      ["14 மார்ச் அன்று இரவு 9 மணிக்கு", "2026-03-14T21:00"],
    ],
    what: [["14 நவம்பர் 2025 இரவு 9 மணிக்கு மிரட்டினான்", "2025-11-14T21:00", "மிரட்டினான்"]],
    unreadable: ["நாளை", "சித்திரை 1", "மார்ச் 2026", "போன வாரம்"],
  },
};

describe.each(Object.entries(languages))("dates typed in %s", (_language, cases) => {
  it.each(cases.dates)("%j is the date %s (day first, month names in the script, native digits)", (typed, date) => {
    expect(whenOf(typed)).toEqual({ when: date });
  });

  it.each(cases.relative)("%j is counted back from today: %s", (typed, date) => {
    expect(whenOf(typed)).toEqual({ when: date });
  });

  it.each(cases.times)("%j has the time: %s", (typed, expected) => {
    expect(whenOf(typed)).toEqual({ when: expected });
  });

  it.each(cases.what)("%j: the words after the date and time say what happened", (typed, date, what) => {
    expect(whenOf(typed)).toEqual({ when: date, what });
  });

  it.each(cases.unreadable)("%j is not read as a date: tomorrow, another calendar, a month alone, or a vague time", (typed) => {
    expect(errorOf(when(typed))).toBe("date-unreadable");
  });
});

describe("words that mean two things", () => {
  it("Bengali টা also counts things: '৫টা ছবি' (five photos) is not five o'clock", () => {
    expect(whenOf("গতকাল ৫টা ছবি পাঠিয়েছে")).toEqual({ when: "2026-03-19", what: "৫টা ছবি পাঠিয়েছে" });
    // With a part of the day, or at the end, it is a time.
    expect(whenOf("গতকাল ৫টা")).toEqual({ when: "2026-03-19T05:00" });
  });

  it("Tamil மணி நேரம் and Telugu గంటల పాటు are hours, not o'clock", () => {
    expect(whenOf("நேற்று 5 மணி நேரம் மிரட்டினான்")).toEqual({ when: "2026-03-19", what: "5 மணி நேரம் மிரட்டினான்" });
    expect(whenOf("నిన్న రాత్రి 2 గంటల పాటు")).toEqual({ when: "2026-03-19", what: "రాత్రి 2 గంటల పాటు" });
  });

  it("Marathi काल is yesterday (in Hindi काल is time or death, never a date, so nothing is lost); Hindi कल stays yesterday", () => {
    expect(whenOf("काल")).toEqual({ when: "2026-03-19" });
    expect(whenOf("कल")).toEqual({ when: "2026-03-19" });
    expect(errorOf(when("कालरात्री"))).toBe("date-unreadable");
  });

  it("the words for both 'day before yesterday' and 'day after tomorrow' stay unread, as Hindi परसों always has", () => {
    for (const typed of ["परसों", "परवा", "পরশু"]) expect(errorOf(when(typed))).toBe("date-unreadable");
    // Said only of the past, they are read.
    expect(whenOf("গত পরশু")).toEqual({ when: "2026-03-18" });
    expect(whenOf("మొన్న")).toEqual({ when: "2026-03-18" });
  });

  it("Marathi मे is May; Hindi मई too", () => {
    expect(whenOf("2 मे 2025")).toEqual({ when: "2025-05-02" });
    expect(whenOf("2 मई 2025")).toEqual({ when: "2025-05-02" });
  });
});

describe("the same forms in English and Hindi", () => {
  it.each([
    ["day before yesterday 9pm", "2026-03-18T21:00"],
    ["2 days ago", "2026-03-18"],
    ["2 दिन पहले", "2026-03-18"],
    ["2 din pehle", "2026-03-18"],
  ])("%j → %s", (typed, expected) => {
    expect(whenOf(typed)).toEqual({ when: expected });
  });
});

describe("impossible and future dates in the new scripts", () => {
  it.each([["৩১/০২/২০২৬"], ["३१ एप्रिल २०२५"], ["నిన్న రాత్రి 25 గంటలకు"], ["30 பிப்ரவரி 2024"]])("%j does not exist", (typed) => {
    expect(errorOf(when(typed))).toBe("date-impossible");
  });

  it.each([["২১/০৩/২০২৬"], ["1 एप्रिल 2026"], ["21 మార్చి 2026"], ["21 மார்ச் 2026"]])("%j is in the future", (typed) => {
    expect(errorOf(when(typed))).toBe("date-future");
  });
});

describe.each([
  ["bn", "৫০০০ টাকা", "২ লাখ টাকা", "200000"],
  ["mr", "५००० रुपये", "२ लाख रुपये", "200000"],
  ["te", "5000 రూపాయలు", "2 లక్షలు", "200000"],
  ["ta", "௫௦௦௦ ரூபாய்", "10 ஆயிரம் ரூபாய்", "10000"],
])("amounts typed in %s", (_language, rupees, withMultiplier, amount) => {
  it(`${rupees} is 5000 rupees`, () => {
    expect(moneyOf(rupees)).toEqual({ amount: "5000", currency: "INR" });
  });

  it(`${withMultiplier} is ${amount}`, () => {
    expect(moneyOf(withMultiplier).amount).toBe(amount);
  });
});

describe("money words in the new scripts", () => {
  it.each([
    ["রুপি ৫০০০", "5000"],
    ["రూ.5000", "5000"],
    ["ரூ.5000", "5000"],
    ["5 हजार रुपये", "5000"],
    ["৫ হাজার টাকা", "5000"],
    ["50 వేల రూపాయలు", "50000"],
    ["1 कोटी रुपये", "10000000"],
  ])("%j is %s rupees", (typed, amount) => {
    expect(moneyOf(typed)).toEqual({ amount, currency: "INR" });
  });

  it("৳ is Bangladesh's taka, not the rupee", () => {
    expect(moneyOf("৳5000")).toEqual({ amount: "5000", currency: "BDT" });
  });

  it.each([
    ["১২৩৪৫৬৭৮৯০১", { account: "12345678901" }],
    ["९८७६५४३२१०", { wallet: "9876543210" }],
    ["౯౮౭౬౫౪౩౨౧౦", { wallet: "9876543210" }],
    ["௧௨௩௪௫௬௭௮௯௦௧", { account: "12345678901" }],
  ])("native digits are read in an account or phone number: %j", (typed, expected) => {
    expect(moneyOf(typed)).toEqual(expected);
  });

  it.each([
    ["UTR নম্বর ৪১২৩৪৫৬৭৮৯০১"],
    ["UTR क्रमांक ४१२३४५६७८९०१"],
    ["UTR नंबर 412345678901"],
    ["UTR నంబర్ ౪౧౨౩౪౫౬౭౮౯౦౧"],
    ["UTR எண் ௪௧௨௩௪௫௬௭௮௯௦௧"],
  ])("%j is the UTR 412345678901, with its label in her language", (typed) => {
    expect(valueOf(parseUtr(typed))).toEqual({ utr: "412345678901" });
    expect(moneyOf(`${typed} ₹5000`)).toEqual({ utr: "412345678901", amount: "5000", currency: "INR" });
  });

  it("a labelled UTR in a Bengali sentence is a UTR, never an account number", () => {
    const value = moneyOf("৫০০০ টাকা দিয়েছি, UTR নম্বর ৪১২৩৪৫৬৭৮৯০১");
    expect(value).toMatchObject({ utr: "412345678901", amount: "5000", paid: true });
    expect(value.account).toBeUndefined();
  });
});

describe("paid or only demanded, in the new scripts", () => {
  it.each([
    // Bengali: first-person verbs say she did it.
    ["৫০০০ টাকা দিয়েছি abc@ybl-এ", true],
    ["abc@ybl-এ ৫০০০ টাকা পাঠিয়েছি", true],
    ["৫০০০ টাকা পাঠালাম abc@ybl এ", true],
    ["৫০০০ টাকা চাইছে abc@ybl এ", false],
    ["ও ৫০০০ টাকা চেয়েছে abc@ybl-এ", false],
    ["abc@ybl-এ ৫০০০ টাকা দিতে বলছে", false],
    ["৫০০০ টাকা দিইনি, ও চাইছে abc@ybl-এ", false],
    ["ও ছবি পাঠিয়েছে আর ৫০০০ টাকা চাইছে abc@ybl-এ", false],
    // Marathi
    ["मी 5000 रुपये दिले abc@ybl वर", true],
    ["abc@ybl वर 5000 पाठवले", true],
    ["त्याने 10000 रुपये मागितले abc@ybl वर", false],
    ["तो 5000 मागत आहे abc@ybl वर", false],
    ["मी पैसे दिले नाहीत, तो 5000 मागत आहे abc@ybl वर", false],
    ["त्याने मला फोटो पाठवले आणि 5000 मागितले abc@ybl वर", false],
    // Telugu
    ["abc@ybl కి 5000 రూపాయలు పంపాను", true],
    ["రూ.5000 ఇచ్చాను abc@ybl కి", true],
    ["వాడు 10 వేలు అడుగుతున్నాడు abc@ybl కి", false],
    ["5000 ఇవ్వమంటున్నాడు abc@ybl", false],
    ["నేను డబ్బులు ఇవ్వలేదు, 5000 అడుగుతున్నాడు abc@ybl", false],
    ["వాడు ఫోటోలు పంపాడు, 5000 అడిగాడు abc@ybl", false],
    // Tamil
    ["abc@ybl-க்கு 5000 ரூபாய் அனுப்பினேன்", true],
    ["ரூ.5000 கொடுத்தேன் abc@ybl", true],
    ["அவன் 10 ஆயிரம் ரூபாய் கேட்கிறான் abc@ybl", false],
    ["அவன் 5000 கேட்டான் abc@ybl", false],
    ["நான் பணம் கொடுக்கவில்லை, அவன் 5000 கேட்கிறான் abc@ybl", false],
    ["அவன் போட்டோ அனுப்பினான், 5000 கேட்கிறான் abc@ybl", false],
    // Hindi, where the verb does not say who: "उसने … भेजे" is him sending, and "दिए नहीं" is not paid.
    ["उसने फोटो भेजे और 5000 मांगे abc@ybl पर", false],
    ["5000 रुपये दिए नहीं abc@ybl", false],
    ["मैंने 5000 भेजे abc@ybl पर", true],
    ["usne photo bheje aur 5000 maange abc@ybl pe", false],
    ["maine 5000 bheje abc@ybl pe", true],
  ])("%j: paid is %s", (typed, paid) => {
    expect(moneyOf(typed).paid).toBe(paid);
  });

  it.each([["৫০০০ টাকা abc@ybl"], ["५००० रुपये abc@ybl"], ["5000 రూపాయలు abc@ybl"], ["5000 ரூபாய் abc@ybl"]])(
    "%j does not say, so nothing is guessed",
    (typed) => {
      expect(moneyOf(typed).paid).toBeUndefined();
    },
  );

  it.each([["দিয়েছি"], ["पाठवले"], ["ఇచ్చాను"], ["கொடுத்தேன்"], ["চাইছে"], ["টাকা"]])("%j alone is not money", (typed) => {
    expect(errorOf(parseMoney(typed))).toBe("money-unreadable");
  });
});

describe("her own side (paid from), in the new scripts", () => {
  it.each([
    // The example the Bengali money prompt gives.
    ["আমার SBI অ্যাকাউন্ট থেকে name@okaxis-এ ₹5,000 দিয়েছি, UTR 412345678901", "SBI অ্যাকাউন্ট", { upi: "name@okaxis", amount: "5000", utr: "412345678901" }],
    ["আমার অ্যাকাউন্ট ৫০১০০১২৩৪৫৬৭৮৯ থেকে ৩০০০ টাকা পাঠিয়েছি অ্যাকাউন্ট ১২৩৪৫৬৭৮৯০১ এ", "অ্যাকাউন্ট 50100123456789", { account: "12345678901", amount: "3000" }],
    ["मी माझ्या SBI खात्यातून 5000 रुपये abc@ybl वर पाठवले", "SBI खाते", { upi: "abc@ybl", amount: "5000" }],
    ["माझ्या Paytm वरून ५००० दिले raju@paytm ला", "Paytm", { upi: "raju@paytm", amount: "5000" }],
    ["माझ्या HDFC अकाउंटमधून 40000 रुपये दिले खाते 12345678901 IFSC sbin0001234", "HDFC अकाउंट", { account: "12345678901", ifsc: "SBIN0001234", amount: "40000" }],
    ["నా SBI అకౌంట్ నుండి abc@ybl కి 5000 రూపాయలు పంపాను", "SBI అకౌంట్", { upi: "abc@ybl", amount: "5000" }],
    ["నా అకౌంట్ ౫౦౧౦౦౧౨౩౪౫౬౭౮౯ నుంచి ౫౦౦౦ రూపాయలు పంపాను ఖాతా 12345678901 కి", "అకౌంట్ 50100123456789", { account: "12345678901", amount: "5000" }],
    ["என் SBI அக்கவுண்டிலிருந்து abc@ybl-க்கு 5000 ரூபாய் அனுப்பினேன்", "SBI அக்கவுண்ட்", { upi: "abc@ybl", amount: "5000" }],
    ["என் அக்கவுண்ட் 50100123456789-லிருந்து 3000 ரூபாய் அனுப்பினேன் அக்கவுண்ட் 12345678901-க்கு", "அக்கவுண்ட் 50100123456789", { account: "12345678901", amount: "3000" }],
    ["என் SBI account-ல இருந்து 5000 அனுப்பினேன் abc@ybl", "SBI account", { upi: "abc@ybl", amount: "5000" }],
  ])("%j: her side is %j, and the account or UPI ID that is theirs stays theirs", (typed, from, theirs) => {
    expect(moneyOf(typed)).toMatchObject({ from, paid: true, ...theirs });
  });

  it.each([
    ["আমার অ্যাকাউন্ট থেকে ৫০০০ টাকা দিয়েছি abc@ybl-এ"],
    ["माझ्या खात्यातून 5000 रुपये दिले abc@ybl वर"],
    ["నా అకౌంట్ నుండి 5000 రూపాయలు పంపాను abc@ybl కి"],
    ["என் அக்கவுண்டிலிருந்து 5000 ரூபாய் அனுப்பினேன் abc@ybl"],
  ])("%j: 'from my account' names nothing to copy, and the amount and UPI ID are still read", (typed) => {
    const value = moneyOf(typed);
    expect(value.from).toBeUndefined();
    expect(value).toMatchObject({ amount: "5000", upi: "abc@ybl", paid: true });
  });

  it("her account number is never put where the money went, with native digits or without", () => {
    for (const typed of [
      "আমার SBI অ্যাকাউন্ট ৫০১০০১২৩৪৫৬৭৮৯ থেকে ৫০০০ টাকা পাঠিয়েছি",
      "माझ्या SBI खाते ५०१००१२३४५६७८९ मधून ५००० रुपये पाठवले",
      "నా SBI అకౌంట్ 50100123456789 నుండి 5000 రూపాయలు పంపాను",
      "என் SBI அக்கவுண்ட் 50100123456789-லிருந்து 5000 ரூபாய் அனுப்பினேன்",
    ]) {
      const value = moneyOf(typed);
      expect(value.account).toBeUndefined();
      expect(value.from).toContain("50100123456789");
      expect(value.amount).toBe("5000");
    }
  });

  it("'my' without 'from' is not her side: the account he asked for is his", () => {
    const value = moneyOf("আমার কাছে ৫০০০ টাকা চাইছে ১২৩৪৫৬৭৮৯০১ অ্যাকাউন্টে");
    expect(value).toMatchObject({ account: "12345678901", paid: false });
    expect(value.from).toBeUndefined();
  });

  it("a span from 'my' to a later 'from' that holds the amount or an asking word is not her side", () => {
    const value = moneyOf("আমার কাছে abc@ybl এ টাকা চেয়েছে বাড়ি থেকে");
    expect(value.upi).toBe("abc@ybl");
    expect(value.from).toBeUndefined();
  });

  it("'from me' (আমার কাছ থেকে, என் கிட்ட இருந்து) names nothing to copy", () => {
    expect(moneyOf("আমার কাছ থেকে ৫০০০ টাকা নিয়েছে abc@ybl").from).toBeUndefined();
    expect(moneyOf("என் கிட்ட இருந்து 5000 ரூபாய் வாங்கினான் abc@ybl").from).toBeUndefined();
  });
});

describe("what she typed is kept when it says more than the fields", () => {
  it("only filler words around the numbers: nothing else is kept", () => {
    expect(moneyOf("मी माझ्या SBI खात्यातून 5000 रुपये abc@ybl वर पाठवले")).toStrictEqual({
      upi: "abc@ybl",
      amount: "5000",
      currency: "INR",
      from: "SBI खाते",
      paid: true,
    });
  });

  it.each([["৫০০০ টাকা না দিলে ছবি ছড়িয়ে দেবে abc@ybl"], ["5000 இல்லைனா போட்டோவை போடுவேன்னு மிரட்டுறான் abc@ybl"], ["5000 ఇవ్వకపోతే ఫోటోలు పెడతానన్నాడు abc@ybl"]])(
    "a threat in the same message is kept as typed: %j",
    (typed) => {
      expect(moneyOf(typed).what).toBe(typed);
    },
  );

  it("a time in Bengali or Marathi is not the amount", () => {
    expect(moneyOf("abc@ybl গতকাল রাত ৯টায় 5000 দিয়েছি")).toMatchObject({ amount: "5000", paid: true });
    expect(moneyOf("abc@ybl काल रात्री 9 वाजता 5000 दिले")).toMatchObject({ amount: "5000", paid: true });
  });
});

describe("a clock time with the part of the day but no o'clock word", () => {
  it.each([
    ["14/03/2026 रात 9:30 Instagram पर धमकी", "2026-03-14T21:30", "Instagram पर धमकी"],
    ["14/03/2026 9:30 रात धमकी आई", "2026-03-14T21:30", "धमकी आई"],
    ["kal raat 9:30 pm msg aaya", "2026-03-19T21:30", "msg aaya"],
    ["14/03/2026 सुबह 9:30 कॉल आया", "2026-03-14T09:30", "कॉल आया"],
    ["14/03/2026 21:30 रात धमकी", "2026-03-14T21:30", "धमकी"],
  ])("%s is %s, never the morning when she said night", (text, at, what) => {
    expect(whenOf(text)).toEqual({ when: at, what });
  });
});
