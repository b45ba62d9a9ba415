import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parse } from "yaml";
import { checkSet as holdSet, type Floors } from "../support/crisis-sets.js";
import { CrisisTerms } from "../../src/content/schema.js";
import { createCrisisDetector } from "../../src/conversation/crisis-detector.js";

// Bengali, Marathi, Telugu and Tamil (issue 16), each in its own script and romanised, against the
// real flows/crisis-terms.yaml. The phrasings here were written for these tests, not taken from the
// dev sets, so a family that breaks fails here even when a dev set still passes.
const raw = parse(readFileSync(new URL("../../flows/crisis-terms.yaml", import.meta.url), "utf8")) as { crisis: unknown };
const detect = createCrisisDetector(CrisisTerms.parse(raw.crisis));

type Kind = "self" | "danger";
interface Lang {
  crisis: [text: string, kind: Kind][];
  everyday: string[];
}

const langs: Record<string, Lang> = {
  bn: {
    crisis: [
      ["আমি আর বাঁচতে চাই না", "self"],
      ["আমি মরে যেতে চাই", "self"],
      ["আজ রাতে আত্মহত্যা করব", "self"],
      ["নিজেকে শেষ করে দেব", "self"],
      ["মরে যাব, আর পারছি না", "self"],
      ["ঘুমের ওষুধ সব খেয়ে নিয়েছি", "self"],
      ["বিষ খেয়েছি একটু আগে", "self"],
      ["ছাদ থেকে ঝাঁপ দেব", "self"],
      ["ফ্যানে ওড়না বেঁধে ঝুলে পড়ব", "self"],
      ["আমি সবার কাছে বোঝা", "self"],
      ["ও আমাকে মেরে ফেলবে বলছে", "danger"],
      ["বর রোজ আমাকে মারে", "danger"],
      ["মুখে অ্যাসিড ছুঁড়বে বলেছে", "danger"],
      ["ও এখন বাড়ির বাইরে দাঁড়িয়ে আছে", "danger"],
    ],
    everyday: [
      "হেসে হেসে মরে গেলাম",
      "আমি মরব না, লড়াই করব",
      "আত্মহত্যা করব না, শুধু ছবিটা সরাতে চাই",
      "খবরে আত্মহত্যা নিয়ে একটা লেখা পড়লাম",
      "কাজের চাপে মরে যাচ্ছি",
      "ওর সাথে সব সম্পর্ক শেষ করে দিয়েছি",
      "ছবিটা কীভাবে রিপোর্ট করব?",
    ],
  },
  "bn-roman": {
    crisis: [
      ["ami r banchte chai na", "self"],
      ["ami more jabo", "self"],
      ["atmohotta korbo aj", "self"],
      ["nijeke sesh kore debo", "self"],
      ["ghumer oshudh sob kheye niyechi", "self"],
      ["o amake mere felbe bolche", "danger"],
    ],
    everyday: ["ami suicide korbo na", "hese hese more gelam", "kajer chape more jacchi", "ei chobita kivabe report korbo"],
  },
  mr: {
    crisis: [
      ["मला मरायचं आहे", "self"],
      ["मी आत्महत्या करणार", "self"],
      ["मी जीव देईन", "self"],
      ["स्वतःला संपवून टाकीन", "self"],
      ["मला आता जगायचं नाही", "self"],
      ["झोपेच्या सगळ्या गोळ्या घेतल्या", "self"],
      ["विष प्यायलं आहे मी", "self"],
      ["पंख्याला गळफास लावून घेईन", "self"],
      ["गच्चीवरून उडी मारेन", "self"],
      ["नवरा रोज मला मारतो", "danger"],
      ["तो मला मारून टाकेल असं म्हणतो", "danger"],
      ["तोंडावर ॲसिड फेकीन अशी धमकी दिली", "danger"],
    ],
    everyday: [
      "हसून हसून मेले",
      "मी आत्महत्या करणार नाही",
      "आई मला मारून टाकेल, रिझल्ट वाईट आला",
      "बातमीत आत्महत्येची बातमी वाचली",
      "फोटो कसा काढून टाकायचा?",
    ],
  },
  "mr-roman": {
    crisis: [
      ["mala marayche aahe", "self"],
      ["mi marun jain", "self"],
      ["jeev dein mi", "self"],
      ["mi swatahla sampavnar", "self"],
      ["mala jagaycha nahi", "self"],
    ],
    everyday: ["mi aatmahatya karnar nahi", "photo kasa delete karaycha", "result baghun aai mala marun takel"],
  },
  te: {
    crisis: [
      ["నేను చచ్చిపోతాను", "self"],
      ["నాకు చావాలని ఉంది", "self"],
      ["ఆత్మహత్య చేసుకుంటాను", "self"],
      ["ప్రాణం తీసుకుంటాను", "self"],
      ["నాకు బ్రతకాలని లేదు", "self"],
      ["నిద్ర మాత్రలు అన్నీ వేసుకున్నాను", "self"],
      ["పురుగుల మందు తాగాను", "self"],
      ["బిల్డింగ్ మీద నుంచి దూకుతాను", "self"],
      ["వాడు నన్ను చంపేస్తాడు", "danger"],
      ["నా భర్త నన్ను కొడుతున్నాడు", "danger"],
      ["యాసిడ్ పోస్తానని బెదిరించాడు", "danger"],
    ],
    everyday: [
      "నవ్వి నవ్వి చచ్చిపోయాను",
      "సిగ్గుతో చచ్చిపోయాను",
      "నాకు చావాలని లేదు, బతకాలనే ఉంది",
      "నేను చేస్తా, నువ్వు కంగారు పడకు",
      "ఆత్మహత్య గురించి ఒక ఆర్టికల్ చదివాను",
    ],
  },
  "te-roman": {
    crisis: [
      ["nenu chachipotanu", "self"],
      ["naku chavalani undi", "self"],
      ["aatmahatya chesukuntanu", "self"],
      ["pranam teesukuntanu", "self"],
      ["vaadu nannu champestadu", "danger"],
    ],
    everyday: ["nenu chachipovanu", "siggu tho chachipoyanu", "naku chavalani ledu", "complaint ela cheyali"],
  },
  ta: {
    crisis: [
      ["நான் சாகணும்", "self"],
      ["சாகப் போறேன்", "self"],
      ["தற்கொலை பண்ணிக்கப் போறேன்", "self"],
      ["உயிரை மாய்த்துக்கொள்வேன்", "self"],
      ["எனக்கு வாழ பிடிக்கல", "self"],
      ["தூக்க மாத்திரை எல்லாம் சாப்பிட்டேன்", "self"],
      ["பூச்சி மருந்து குடிச்சிட்டேன்", "self"],
      ["மாடியிலிருந்து குதிக்கப் போறேன்", "self"],
      ["அவன் என்னை கொன்னுடுவான்", "danger"],
      ["என் புருஷன் என்னை அடிக்கிறான்", "danger"],
      ["அவன் வீட்டு வாசல்ல நிக்கிறான்", "danger"],
    ],
    everyday: [
      "சிரிச்சு சிரிச்சு செத்துட்டேன்",
      "நான் சாக மாட்டேன்",
      "தற்கொலை பண்ண மாட்டேன்",
      "என் போன் செத்துப் போச்சு",
      "அம்மாவுக்கு தெரிஞ்சா என்னை கொன்னுடுவாங்க",
    ],
  },
  "ta-roman": {
    crisis: [
      ["naan saaganum", "self"],
      ["sethuduven", "self"],
      ["tharkolai pannikka poren", "self"],
      ["avan ennai konnuduvaan", "danger"],
    ],
    everyday: ["naan saaga maaten", "tharkolai panna maaten", "sirichu sirichu sethuten", "photo eppadi report panradhu"],
  },
};

describe("crisis detector: Bengali, Marathi, Telugu and Tamil, in their scripts and romanised", () => {
  for (const [lang, { crisis, everyday }] of Object.entries(langs)) {
    describe(lang, () => {
      for (const [text, kind] of crisis) {
        it(`${kind}: ${text}`, () => expect(detect(text)?.kind).toBe(kind));
      }
      for (const text of everyday) {
        it(`quiet: ${text}`, () => expect(detect(text)).toBeUndefined());
      }
    });
  }
});

describe("crisis detector: the group reported follows the script", () => {
  it("reports the language for its own script and lang-roman for romanised words", () => {
    expect(detect("আমি মরে যেতে চাই")?.group).toBe("bn");
    expect(detect("ami more jabo")?.group).toBe("bn-roman");
    expect(detect("मला मरायचं आहे")?.group).toBe("mr");
    expect(detect("నేను చచ్చిపోతాను")?.group).toBe("te");
    expect(detect("nenu chachipotanu")?.group).toBe("te-roman");
    expect(detect("நான் சாகணும்")?.group).toBe("ta");
    expect(detect("naan saaganum")?.group).toBe("ta-roman");
  });
});

describe("crisis detector: spellings people type in these scripts", () => {
  it("matches long and short vowel signs, nasal marks, virama and zero-width joiners alike", () => {
    expect(detect("নিজেকে শেষ করে দিবো")?.kind).toBe("self"); // দিবো for দেবো
    expect(detect("আত্\u200Cমহত্যা করব")?.kind).toBe("self"); // ZWNJ after the hasanta: no conjunct drawn
    expect(detect("ఆత్మహత్య")?.kind).toBe("self");
    expect(detect("ఆత\u200D్మహత్య")?.kind).toBe("self"); // ZWJ inside
    expect(detect("எனக்கு வாள பிடிக்கல")?.kind).toBe("self"); // ள typed for ழ
    expect(detect("தறகொலை")?.kind).toBe("self"); // pulli left out
    expect(detect("மாத்திரை 20 சாப்பிட்டேன்")?.kind).toBe("self");
    expect(detect("২০টা ঘুমের ওষুধ খেয়েছি")?.kind).toBe("self"); // Bengali digits, a number glued to its classifier
  });

  it("does not read a Telugu or Tamil word as another one letter away", () => {
    expect(detect("నేను చేస్తా")).toBeUndefined(); // 'I'll do', one code point from 'I'll kill'
    expect(detect("అది నేను చూస్తా")).toBeUndefined();
  });
});

describe("crisis detector: negation after the verb in these languages", () => {
  it("keeps 'I won't' quiet, across a light verb", () => {
    for (const text of [
      "আমি মরব না",
      "আত্মহত্যা করব না",
      "ami more jabo na",
      "मी मरणार नाही",
      "आत्महत्या करणार नाही",
      "చావాలని లేదు",
      "ఆత్మహత్య చేసుకోను",
      "நான் சாக மாட்டேன்",
      "தற்கொலை பண்ண மாட்டேன்",
    ]) {
      expect(detect(text), text).toBeUndefined();
    }
  });

  it("does not let a romanised Bengali 'na' or Tamil 'illa' negate Hinglish", () => {
    expect(detect("main mar jaungi na")?.kind).toBe("self");
    expect(detect("mujhe marna hai na")?.kind).toBe("self");
  });

  it("stays a crisis when the negation is about something else", () => {
    expect(detect("আমি আর বাঁচতে চাই না")?.kind).toBe("self");
    expect(detect("నాకు బ్రతకాలని లేదు")?.kind).toBe("self");
  });
});

/** Holds a development set to its floors (test/support/crisis-sets.ts). */
const checkSet = (file: string, floors: Floors): void => holdSet(detect, file, floors);

// First runs (rules alone), before any change made for the set: te 43.1% recall / 11.1% false
// alarms, te-roman 64.0 / 8.6%, ta 26.2 / 8.9%, ta-roman 40.0 / 5.7% (the first draft, written from
// the languages before any dev set). After tuning: te 98.5 / 2.2%, te-roman 100 / 0%, ta and
// ta-roman 100 / 0%, all kinds right.
describe("crisis detector: the Telugu and Tamil development sets (tuned on after their first runs)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels", () => {
    checkSet("dev-te.yaml", {
      te: { recall: 0.97, alarms: 0.03, kind: 0.97 },
      "te-roman": { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
    checkSet("dev-ta.yaml", {
      ta: { recall: 0.97, alarms: 0.02, kind: 0.97 },
      "ta-roman": { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
  });
});

// First runs (rules alone; after the Telugu/Tamil tuning, before any change made for these sets):
// bn 52.3% recall / 4.4% false alarms, bn-roman 62.0 / 8.6%, mr 35.4 / 11.1%, mr-roman 36.0 / 11.4%.
// After tuning: bn 96.9 / 0%, bn-roman 100 / 0%, mr 100 / 0%, mr-roman 100 / 0%; kinds 98-100%.
describe("crisis detector: the Bengali and Marathi development sets (tuned on after their first runs)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels", () => {
    checkSet("dev-bn.yaml", {
      bn: { recall: 0.95, alarms: 0.02, kind: 0.97 },
      "bn-roman": { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
    checkSet("dev-mr.yaml", {
      mr: { recall: 0.97, alarms: 0.02, kind: 0.97 },
      "mr-roman": { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
  });
});

// Second sets, written without seeing the detector. First runs (rules alone, before any change made
// for them): bn 72.3% recall / 2.2% false alarms, bn-roman 70.0 / 5.7%, mr 53.8 / 8.9%, mr-roman
// 68.0 / 11.4%, te 46.2 / 0%, te-roman 66.0 / 14.3%, ta 41.5 / 11.1%, ta-roman 62.0 / 14.3%.
// After tuning: bn and bn-roman 100 / 0%, mr 96.9 / 0%, mr-roman 98.0 / 5.7%, te 100 / 0%,
// te-roman 100 / 5.7%, ta 96.9 / 0%, ta-roman 100 / 2.9%; kinds 98-100%.
describe("crisis detector: the second Bengali, Marathi, Telugu and Tamil sets (tuned on after their first runs)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels", () => {
    checkSet("dev2-bn.yaml", {
      bn: { recall: 0.97, alarms: 0.02, kind: 0.97 },
      "bn-roman": { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
    checkSet("dev2-mr.yaml", {
      mr: { recall: 0.95, alarms: 0.02, kind: 0.97 },
      "mr-roman": { recall: 0.97, alarms: 0.06, kind: 0.97 },
    });
    checkSet("dev2-te.yaml", {
      te: { recall: 0.97, alarms: 0.02, kind: 0.97 },
      "te-roman": { recall: 0.97, alarms: 0.06, kind: 0.97 },
    });
    checkSet("dev2-ta.yaml", {
      ta: { recall: 0.95, alarms: 0.02, kind: 0.97 },
      "ta-roman": { recall: 0.97, alarms: 0.03, kind: 0.97 },
    });
  });
});

// dev3-bn/mr/te/ta (240 each, written by helpers who never saw the detector). The model behind the
// rules was trained on them; the rules were then tuned on them, as general classes and concepts.
// First runs (rules alone, at 49d3162, before any change made for them): bn 60.0% recall / 8.2%
// false alarms, bn-roman 70.0 / 5.0, mr 47.3 / 3.5, mr-roman 45.0 / 3.3, te 49.1 / 3.5, te-roman
// 47.5 / 5.0, ta 47.3 / 4.7, ta-roman 60.0 / 5.0. After tuning: bn, bn-roman 100 / 0, mr 96.4 / 0,
// mr-roman 100 / 0, te 100 / 0, te-roman 97.5 / 0, ta, ta-roman 100 / 0; kinds 100%. Floors: one
// case of slack.
describe("crisis detector: the third Bengali, Marathi, Telugu and Tamil sets (tuned on after their first runs)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels", () => {
    checkSet("dev3-bn.yaml", {
      bn: { recall: 0.98, alarms: 0.012, kind: 0.97 },
      "bn-roman": { recall: 0.975, alarms: 0.017, kind: 0.97 },
    });
    checkSet("dev3-mr.yaml", {
      mr: { recall: 0.945, alarms: 0.012, kind: 0.97 },
      "mr-roman": { recall: 0.975, alarms: 0.017, kind: 0.97 },
    });
    checkSet("dev3-te.yaml", {
      te: { recall: 0.98, alarms: 0.012, kind: 0.97 },
      "te-roman": { recall: 0.95, alarms: 0.017, kind: 0.97 },
    });
    checkSet("dev3-ta.yaml", {
      ta: { recall: 0.98, alarms: 0.012, kind: 0.97 },
      "ta-roman": { recall: 0.975, alarms: 0.017, kind: 0.97 },
    });
  });
});

// dev4-bn/mr/te/ta (about 200 each) were written while the rules were tuned on dev3-*, by a helper
// who saw neither: the check of how far that tuning carries. Rules alone, before it (a8da832) → after
// it, recall: bn 66.1 → 73.2%, bn-roman 48.9 → 55.6, mr 32.7 → 40.0, mr-roman 46.7 → 53.3, te 36.4 →
// 43.6, te-roman 55.6 → 57.8, ta 32.7 → 32.7, ta-roman 53.3 → 60.0 (false alarms 1.8-11.1%, about
// as before). Nobody has tuned on them: these floors (what the rules find now, one case of slack)
// only keep a change elsewhere from quietly losing these languages' catches.
describe("crisis detector: the fourth Bengali, Marathi, Telugu and Tamil sets (never tuned on)", () => {
  it("finds at least what the rules found in them untuned", () => {
    checkSet("dev4-bn.yaml", {
      bn: { recall: 0.71, alarms: 0.106, kind: 0.95 },
      "bn-roman": { recall: 0.53, alarms: 0.112, kind: 0.88 },
    });
    checkSet("dev4-mr.yaml", {
      mr: { recall: 0.38, alarms: 0.051, kind: 0.95 },
      "mr-roman": { recall: 0.51, alarms: 0.09, kind: 0.95 },
    });
    checkSet("dev4-te.yaml", {
      te: { recall: 0.41, alarms: 0.036, kind: 0.95 },
      "te-roman": { recall: 0.55, alarms: 0.067, kind: 0.95 },
    });
    checkSet("dev4-ta.yaml", {
      ta: { recall: 0.3, alarms: 0.053, kind: 0.9 },
      "ta-roman": { recall: 0.57, alarms: 0.09, kind: 0.8 },
    });
  });
});

// Concepts added from dev3-*'s first runs, each with its everyday counterpart. The phrasings are
// new, not copied from the sets.
describe("crisis detector: dev3 concepts in Bengali, Marathi, Telugu and Tamil, and their look-alikes", () => {
  const cases: [story: string, crisis: string, kind: Kind, everyday: string][] = [
    ["a Bengali message about standing on the roof's edge is a self crisis; sitting on the roof with tea is not",
      "ছাদের কার্নিশে উঠে দাঁড়িয়েছি", "self", "ছাদে বসে চা খাচ্ছি"],
    ["a Bengali message about a stock of sleeping pills is a self crisis; two paracetamol bought for a fever are not",
      "২৫টা ঘুমের বড়ি জমিয়ে রেখেছি", "self", "২টা প্যারাসিটামল কিনে রেখেছি জ্বরের জন্য"],
    ["a Bengali cloth tied to the fan is a self crisis; a saree drying in the fan's breeze is not",
      "ফ্যানে শাড়িটা বেঁধে ফেলেছি", "self", "শাড়িটা ফ্যানের হাওয়ায় শুকোচ্ছে"],
    ["a Banglish 'hiding in the bathroom, he is outside' is danger; a cooking cut is not a crisis",
      "bathroom e lukiye achi, o baire dariye", "danger", "ranna korte giye hat kete geche"],
    ["a Marathi 'nobody stop me' on a terrace is a self crisis; spraying pesticide in the field is not",
      "गच्चीवर आलेय. कोणी थांबवू नका", "self", "बाबा आज शेतात कीटकनाशक फवारतायत"],
    ["a Marathi 'without me all would be happier' is a self crisis; a parent's 'won't leave you alive' 😂 is not",
      "mi nastana sagle khush rahtil", "self", "aai mala jivant nahi sodnar 😂"],
    ["a Marathi man locking her in from outside is danger; sleeping pills bought for grandmother are not",
      "त्याने बाहेरून कडी लावली", "danger", "आजीसाठी झोपेच्या गोळ्या आणल्या"],
    ["a Telugu message about sleeping pills kept for tonight is a self crisis; never having thought of suicide is not",
      "నిద్ర మాత్రలు దాచాను, ఈ రాత్రికి", "self", "ఆత్మహత్య చేసుకోవాలని ఎప్పుడూ అనుకోలేదు"],
    ["a Telugu 'he is on his way to your house' is danger; a screen villain's acid is not",
      "అరగంటలో నీ ఇంటికి వస్తున్నా అన్నాడు", "danger", "సీరియల్ లో విలన్ హీరోయిన్ మీద యాసిడ్ పోస్తాడు"],
    ["a Telugu 'it would be good if my breath stopped' is a self crisis; 'if the rain stops it would be good' is not",
      "ఊపిరి ఆగిపోతే బాగుండు", "self", "వర్షం ఆగిపోతే బాగుండు"],
    ["a Tamil message about kerosene kept ready is a self crisis; 'I won't take any pills, don't worry' is not",
      "மண்ணெண்ணெய் எடுத்து வச்சிருக்கேன்", "self", "நான் எந்த மாத்திரையும் சாப்பிட மாட்டேன், கவலைப்படாதீங்க"],
    ["a Tamil cut on the wrist is a self crisis; a finger cut while chopping vegetables is not",
      "மணிக்கட்டுல கீறிட்டேன்", "self", "kathiyala kaai narukkum bodhu viral cut aayiduchu"],
    ["a Tanglish 'he is waiting outside the gate' is danger; a past violence now safe is not",
      "gate kitta wait panraan avan", "danger", "munnadi avan adipaan, ippo divorce aagiduchu, safe ah iruken"],
    ["a Tamil 'never thought of dying' is not a crisis, but 'if I'm gone all are at peace' is",
      "நான் இல்லாம போனா எல்லாருக்கும் நிம்மதி", "self", "சாகணும்னு எல்லாம் நினைக்கல, இத எப்படி நிறுத்துறது"],
  ];
  for (const [story, crisis, kind, everyday] of cases) {
    it(story, () => {
      expect(detect(crisis)?.kind, crisis).toBe(kind);
      expect(detect(everyday), everyday).toBeUndefined();
    });
  }
});
