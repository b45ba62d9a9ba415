import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parse } from "yaml";
import { checkSet as holdSet, type Floors } from "../support/crisis-sets.js";
import { CrisisTerms } from "../../src/content/schema.js";
import { createCrisisDetector } from "../../src/conversation/crisis-detector.js";

// The real data file: a phrase removed from flows/ by mistake must fail here, not in production.
const raw = parse(readFileSync(new URL("../../flows/crisis-terms.yaml", import.meta.url), "utf8")) as {
  crisis: unknown;
};
const terms = CrisisTerms.parse(raw.crisis);
const detect = createCrisisDetector(terms);

/** [who is typing, what they type] */
type Row = readonly [story: string, text: string];

const en: { crisis: Row[]; everyday: Row[] } = {
  crisis: [
    ["someone says it plainly", "I want to die"],
    ["someone shouts it", "I WANT TO DIE!!!"],
    ["someone texts in short form", "i wanna die"],
    ["someone uses a digit for 'to'", "want 2 die"],
    ["someone drops a vowel from 'want'", "i wnt to die"],
    ["someone stretches the word", "i just want to dieeeee"],
    ["someone adds filler words", "I really want to just die"],
    ["someone puts crying emoji between the words", "I want to 😭😭 die"],
    ["someone trails off between the words", "i... want... to... die"],
    ["someone's keyboard puts a zero-width space inside a word", "I want to d\u200Bie"],
    ["someone types full-width letters", "I want to ｄｉｅ"],
    ["someone says they will kill themselves", "I'm going to kill myself"],
    ["someone writes 'my self' apart and misspells kill", "i'll kil my self tonight"],
    ["someone uses 'kms'", "honestly im gonna kms"],
    ["someone misspells suicide", "I keep thinking about sucide"],
    ["someone has felt suicidal since the photos went out", "I have been feeling suicidal since the photos went out"],
    ["someone wants to end their life", "I want to end my life"],
    ["someone is going to end it all", "I'm going to end it all"],
    ["someone feels better off dead", "I'm better off dead"],
    ["someone thinks everyone is better off without them", "everyone would be better off without me"],
    ["someone has no reason to live", "there's no reason to live anymore"],
    ["someone wishes they were dead", "I wish I was dead"],
    ["someone cut themselves again", "I cut myself again last night"],
    ["someone has been self-harming", "I've been self-harming"],
    ["someone will take all their pills", "I'm going to take all my pills"],
    ["someone will jump off the roof", "I'll jump off the roof"],
    ["someone can't take it anymore", "I can't take it anymore"],
    ["someone does not want to be alive", "I don't want to be alive"],
    ["someone does not want to live anymore", "I do not want to live anymore"],
    ["someone says 'unalive'", "might just unalive myself"],
    ["someone complains about the battery and then says they want to die", "this app is killing my battery and I want to die"],
    ["someone's abuser is outside the house", "he's standing outside my house right now"],
    ["someone was threatened with death", "he threatened to kill me if I tell anyone"],
    ["someone quotes the abuser's threat", "he says he'll kill me"],
    ["someone was threatened with acid", "he threatened to throw acid on my face"],
  ],
  everyday: [
    ["someone complains about the battery", "this app is killing my battery"],
    ["someone is excited about a movie", "I'm dying to see the new movie"],
    ["someone talks about a film", "Suicide Squad was a terrible film"],
    ["someone is tired after work", "I'm dead tired after work"],
    ["someone praises a friend", "you're killing it!"],
    ["someone wants to dye their hair", "I want to dye my hair purple"],
    ["someone misspells dye", "I want to die my hair purple"],
    ["someone laughed at a meme", "I was killing myself laughing at that meme"],
    ["someone got hurt at cricket", "I hurt myself playing cricket"],
    ["someone cut a finger cooking", "I cut myself while cooking"],
    ["someone gives a distance", "the police station is 5 kms from my house"],
    ["someone reads the news", "there was a suicide bomber in the news"],
    ["someone says they are not suicidal", "I'm not suicidal, I just want the photos gone"],
    ["someone does not want to live in a city", "I don't want to live in Delhi anymore"],
    ["someone wants to take their life back", "I want to take my life back"],
    ["someone is angry at the abuser", "he deserves to die for what he did"],
    ["someone's phone died", "my phone died and the battery is dead"],
    ["someone wants pizza", "I'd die for a pizza right now"],
    ["someone is tired of the city", "I'm tired of living in this city"],
    ["someone cannot go on a trip", "I can't go on the trip this weekend"],
    ["someone's brother killed a spider", "he killed the spider in the bathroom"],
    ["someone wants coffee", "I could kill for a coffee"],
  ],
};

const hi: { crisis: Row[]; everyday: Row[] } = {
  crisis: [
    ["a woman says she wants to die", "मैं मरना चाहती हूँ"],
    ["a man says it with anusvara", "मैं मरना चाहता हूं"],
    ["someone writes हु without chandrabindu", "मरना चाहती हु"],
    ["someone adds बस", "मैं बस मरना चाहती हूँ"],
    ["someone stretches the matra", "मरनाााा चाहती हूँ"],
    ["someone puts emoji and dots between words", "मैं... मरना 😭 चाहती... हूँ"],
    ["someone's text has a zero-width space", "म\u200Bरना चाहती हूँ"],
    ["someone says मुझे मरना है", "मुझे मरना है"],
    ["a woman says she will die", "मैं मर जाऊँगी"],
    ["a man says he will die, anusvara spelling", "मैं मर जाऊंगा"],
    ["someone talks of आत्महत्या", "मैं आत्महत्या कर लूँगी"],
    ["someone misspells आत्महत्या", "आत्महात्या के ख्याल आ रहे हैं"],
    ["someone writes ख़ुदकुशी with nukta", "ख़ुदकुशी कर लूंगी"],
    ["someone will give her life", "मैं अपनी जान दे दूँगी"],
    ["someone no longer wants to live", "मैं अब जीना नहीं चाहती"],
    ["someone writes नही without anusvara", "जीना नही चाहता"],
    ["someone says living is over for them", "मुझे अब जीना नहीं है"],
    ["someone puts the no first", "मुझे अब नहीं जीना"],
    ["someone does not feel like living", "जीने का मन नहीं करता"],
    ["someone has no reason left to live", "जीने की कोई वजह नहीं बची"],
    ["someone says her life is over, with nukta", "मेरी ज़िंदगी ख़त्म हो गई"],
    ["someone spells जिन्दगी with half न and खतम", "जिन्दगी खतम कर दूँगी"],
    ["someone will kill herself", "मैं खुद को मार लूँगी"],
    ["someone will end herself", "अपने आप को खत्म कर दूँगी"],
    ["someone will eat poison", "मैं ज़हर खा लूँगी"],
    ["someone will hang herself", "फांसी लगा लूँगी"],
    ["someone will hang from the fan", "पंखे से लटक जाऊँगी"],
    ["someone will cut a vein", "नस काट लूँगी"],
    ["someone will jump from the roof", "छत से कूद जाऊँगी"],
    ["someone often feels like dying", "बहुत मरने का मन करता है"],
    ["someone thinks she should die", "मुझे मर जाना चाहिए"],
    ["someone's abuser will kill her", "वो मुझे मार डालेगा"],
    ["someone got a death threat", "उसने जान से मारने की धमकी दी है"],
    ["someone's abuser stands outside the house", "वो मेरे घर के बाहर खड़ा है"],
    ["someone will end everything", "सब खत्म कर दूँगी"],
  ],
  everyday: [
    ["someone's phone battery died", "मेरे फोन की बैटरी मर गई"],
    ["someone laughed so much", "हँसते हँसते मर जाऊँगी यार"],
    ["someone is hungry", "भूख से मर जाऊँगा आज"],
    ["someone finds it hot", "गर्मी से मर जाऊँगी"],
    ["someone wants mosquitoes killed", "ये मच्छर मार दो"],
    ["someone's film ended", "फिल्म खत्म हो गई"],
    ["someone ran out of money", "पैसे खत्म हो गए"],
    ["someone's exam is over", "परीक्षा खत्म हो गई आखिरकार"],
    ["someone's grandmother died last year", "पिछले साल मेरी दादी की मौत हो गई"],
    ["someone makes a romantic promise", "मैं तेरे लिए जान दे दूँगा"],
    ["someone has no wish to die, only needs help", "मरने की इच्छा नहीं है बस मदद चाहिए"],
    ["someone says life does not end like this", "ज़िंदगी खत्म नहीं होती ऐसे"],
    ["someone uses the poison-money idiom", "ज़हर खाने के पैसे भी नहीं हैं"],
    ["someone does not want to live with him", "मैं उसके साथ जीना नहीं चाहती"],
    ["someone will not live with him any more", "मुझे उसके साथ नहीं जीना"],
    ["someone wants to report (करना, not मरना)", "मैं रिपोर्ट करना चाहती हूँ"],
    ["someone wants to file a complaint", "मैं शिकायत दर्ज करना चाहता हूं"],
    ["someone saw the well of death at a fair", "मेले में मौत का कुआँ देखा"],
    ["someone has no time even to die (idiom)", "आज तो मरने की भी फुर्सत नहीं है"],
    ["someone forgave herself", "मैंने खुद को माफ़ कर दिया"],
    ["someone wants to live", "मैं जीना चाहती हूँ"],
  ],
};

const hinglish: { crisis: Row[]; everyday: Row[] } = {
  crisis: [
    ["a woman says it plainly", "main marna chahti hu"],
    ["a man says it with hoon", "mai marna chahta hoon"],
    ["someone writes hun and adds yaar", "marna chahti hun yaar"],
    ["someone shouts and stretches letters", "MAIN MARRRNA CHAHTI HUUU!!!"],
    ["someone writes chaahti", "marna chaahti hu"],
    ["someone adds bas", "main bas marna chahti hu"],
    ["someone says mujhe marna hai", "mujhe marna hai"],
    ["a woman says she will die", "main mar jaungi"],
    ["a man writes jaaunga", "mai mar jaaunga"],
    ["someone says suicide kar lungi", "suicide kar lungi"],
    ["someone misspells suicide and writes kr", "sucide kr lungi"],
    ["someone says khudkushi", "khudkushi kar lungi"],
    ["someone misspells khudkushi", "khudkhushi kar lunga"],
    ["someone writes aatmhatya", "aatmhatya kar lunga"],
    ["someone will give her life", "jaan de dungi"],
    ["someone will give his own life", "apni jaan de dunga"],
    ["someone does not want to live", "jeena nahi chahti"],
    ["someone writes nhi and adds ab", "jeena nhi chahta ab"],
    ["someone says living is over for them", "mujhe ab jeena nahi hai"],
    ["someone puts the no first", "mujhe ab nahi jeena"],
    ["someone writes jine ka mann", "jine ka mann nahi karta"],
    ["someone has no reason to live", "jeene ki koi wajah nahi"],
    ["someone says her life is over", "meri zindagi khatam ho gayi"],
    ["someone writes zindgi khtm", "meri zindgi khtm"],
    ["someone will end herself", "apne aap ko khatam kar lungi"],
    ["someone will kill herself", "khud ko maar lungi"],
    ["someone will eat poison", "zeher kha lungi"],
    ["someone writes jahar and will die", "jahar kha ke mar jaungi"],
    ["someone will hang herself", "phansi laga lungi"],
    ["someone will hang from the fan", "pankhe se latak jaungi"],
    ["someone will cut a vein", "nas kaat lungi"],
    ["someone will jump from the roof", "chhat se kood jaungi"],
    ["someone often feels like dying", "marne ka mann karta hai"],
    ["someone thinks she should die", "mujhe mar jana chahiye"],
    ["someone's abuser will kill her", "wo mujhe maar dalega"],
    ["someone got a death threat", "usne jaan se maarne ki dhamki di"],
    ["someone's abuser stands outside the house", "woh mere ghar ke bahar khada hai"],
    ["someone mixes English into Hinglish", "i want to die yaar sach me"],
  ],
  everyday: [
    ["someone's battery died", "mere phone ki battery mar gayi"],
    ["someone laughed a lot", "hass hass ke mar gaye yaar"],
    ["someone will die laughing", "has has ke mar jaungi"],
    ["someone is hungry", "bhook se mar jaungi aaj"],
    ["someone finds it hot", "garmi se mar jaunga"],
    ["someone's data ran out", "mera data khatam ho gaya"],
    ["someone's exam is over", "exam khatam ho gaya finally"],
    ["someone ran out of money", "paise khatam ho gaye"],
    ["someone wants mosquitoes killed", "machhar maar do please"],
    ["someone's movie is ending", "movie khatam hone wali hai"],
    ["someone wants to report (karna, not marna)", "main report karna chahti hu"],
    ["someone wants to complain", "complaint karna chahta hoon"],
    ["someone makes a romantic promise", "main tere liye jaan de dunga"],
    ["someone calls a partner 'my life'", "tu meri jaan hai"],
    ["someone has no time even to die (idiom)", "marne ki bhi fursat nahi hai"],
    ["someone uses the poison-money idiom", "zeher khane ke paise bhi nahi hai"],
    ["someone does not want to live with him", "main uske saath jeena nahi chahti"],
    ["someone will not live with him any more", "mujhe uske saath jeena nahi hai"],
    ["someone says the food tastes like poison", "ye khana zeher jaisa hai"],
    ["someone wants to live", "main jeena chahti hu"],
    ["someone says everyone dies one day", "ek din sabko marna hai"],
    ["someone has no wish to die", "marne ka mann nahi hai mera"],
    ["someone's battery life is over", "meri battery life khatam ho gayi"],
  ],
};

const groups = { en, hi, hinglish };

describe("crisis detector", () => {
  for (const [group, table] of Object.entries(groups)) {
    describe(group, () => {
      it("has a table of at least 40 phrasings, 15 of them everyday look-alikes", () => {
        expect(table.crisis.length + table.everyday.length).toBeGreaterThanOrEqual(40);
        expect(table.everyday.length).toBeGreaterThanOrEqual(15);
      });

      it.each(table.crisis)("%s → crisis numbers (%s)", (_story, text) => {
        expect(detect(text)).toBeDefined();
      });

      it.each(table.everyday)("%s → no crisis screen (%s)", (_story, text) => {
        expect(detect(text)).toBeUndefined();
      });
    });
  }

  it("names the language group of the phrase that matched", () => {
    expect(detect("I want to die")).toEqual({ kind: "self", group: "en" });
    expect(detect("मैं मरना चाहती हूँ")).toEqual({ kind: "self", group: "hi" });
    expect(detect("main marna chahti hu")).toEqual({ kind: "self", group: "hinglish" });
  });

  it("finds a crisis phrase at the end of a 4,096-character message", () => {
    const story = "He posted my photos and now everyone at college has seen them. ";
    const ending = " i want to end my life";
    const text = story.repeat(100).slice(0, 4096 - ending.length) + ending;
    expect(text).toHaveLength(4096);
    expect(detect(text)).toBeDefined();
  });

  it("ignores an empty message, emoji only and Arabic text", () => {
    expect(detect("")).toBeUndefined();
    expect(detect("   ")).toBeUndefined();
    expect(detect("😭😭😭 💔🙏")).toBeUndefined();
    expect(detect("أريد أن أعرف كيف أحذف الصور")).toBeUndefined();
  });

  it("never returns the text or the phrase that matched, only the kind and the group", () => {
    for (const text of [...en.crisis, ...hi.crisis, ...hinglish.crisis].map(([, t]) => t)) {
      const result = detect(text);
      expect(Object.keys(result ?? {}).sort()).toEqual(["group", "kind"]);
      expect(["self", "danger"]).toContain(result?.kind);
      // The kind is one of two fixed words ("my self" contains one); the group must leak nothing.
      const serialised = JSON.stringify(result?.group);
      expect(serialised).not.toContain(text);
      for (const word of text.split(/\s+/).filter((w) => w.length > 3)) {
        expect(serialised.toLowerCase()).not.toContain(word.toLowerCase());
      }
    }
  });

  it("lets an exclude cancel only the phrase it covers", () => {
    expect(detect("I want to die my hair")).toBeUndefined();
    expect(detect("I want to die my hair and then I want to kill myself")).toBeDefined();
  });

  it("fails fast on a phrase whose alternatives are not single words", () => {
    const phrases = (self: string[]) => ({ words: {}, groups: { en: { self, danger: [], exclude: [], recovered: [] } } });
    expect(() => createCrisisDetector(phrases(["wanna|want die"]))).toThrow(/exactly one word/);
    expect(() => createCrisisDetector(phrases(["@nosuchclass die"]))).toThrow(/unknown class/);
    expect(() => createCrisisDetector(phrases(["want? to die"]))).toThrow(/required word/);
  });
});

/** [what happens, what they type, what the bot should see] */
type Story = readonly [story: string, text: string, kind: "self" | "danger" | "none"];

const kindOf = (text: string) => detect(text)?.kind ?? "none";

describe("crisis detector: concepts, not only whole phrases", () => {
  const stories: Record<string, Story[]> = {
    en: [
      ["a message about pills she has already taken is a crisis", "I took 20 tablets", "self"],
      ["pills saved up for later are a crisis", "I have saved up my sleeping pills", "self"],
      ["a height she is standing on is a crisis", "standing on the terrace edge", "self"],
      ["a farewell is a crisis", "this is my goodbye", "self"],
      ["asking someone to pass on an apology to her mother is a farewell", "tell my mom I'm sorry", "self"],
      ["a time set is a crisis", "tonight it ends", "self"],
      ["hopelessness without the word 'die' is a crisis", "there's no point going on", "self"],
      ["feeling the family would be better off is a crisis", "everyone would be better without me", "self"],
      ["someone at the door is danger", "he is outside my door", "danger"],
      ["a threat to come and kill is danger", "he said he will come and kill me", "danger"],
      ["being hit right now is danger", "he's hitting me", "danger"],
      ["'this heat is killing me' is not", "this heat is killing me", "none"],
      ["'I'm dead tired' is not", "I'm dead tired", "none"],
      ["a phone that died is not", "my phone died", "none"],
      ["suspense that is killing her is not", "this suspense is killing me", "none"],
      ["'kill this chat' is not", "kill this chat", "none"],
      ["a threat to leak photos is the bot's everyday work, not danger", "he threatens to leak my photos", "none"],
      ["blackmail for money is not danger", "he is blackmailing me for money", "none"],
      ["a threat to share a video is not danger", "he will share my video", "none"],
      ["an ex who posted pictures is not danger", "my ex posted my pics", "none"],
      ["saying she does not want to die is not a crisis", "I don't want to die, I want justice", "none"],
      ["saying she will not kill herself is not a crisis", "I'm not going to kill myself", "none"],
      ["a man who would never hurt her is not danger", "he would never hurt me", "none"],
      ["two ordinary tablets for a headache are not a crisis", "i took 2 tablets for my headache", "none"],
    ],
    hi: [
      ["सारी गोलियाँ खा लेना संकट है", "मैंने सारी गोलियाँ खा ली", "self"],
      ["छत पर खड़ी होना संकट है", "छत पे खड़ी हूँ", "self"],
      ["सबको अलविदा कहना संकट है", "सबको अलविदा", "self"],
      ["आज रात का समय तय करना संकट है", "आज रात सब खत्म", "self"],
      ["'जीने का कोई मतलब नहीं' संकट है", "जीने का कोई मतलब नहीं", "self"],
      ["'वो मुझे मार डालेगा' ख़तरा है", "वो मुझे मार डालेगा", "danger"],
      ["'गर्मी से मर गए' संकट नहीं", "गर्मी से मर गए", "none"],
      ["'हँसते हँसते मर जाऊँगी' संकट नहीं", "हँसते हँसते मर जाऊँगी", "none"],
      ["फोटो लीक की धमकी ख़तरा नहीं, बॉट का रोज़ का काम है", "वो मेरी फोटो लीक करने की धमकी दे रहा है", "none"],
      ["'मैं मरना नहीं चाहती' संकट नहीं", "मैं मरना नहीं चाहती", "none"],
    ],
    hinglish: [
      ["swallowing all the pills is a crisis", "maine saari goliyan kha li", "self"],
      ["standing on the roof is a crisis", "chhat pe khadi hu", "self"],
      ["saying goodbye to everyone is a crisis", "sabko alvida", "self"],
      ["tonight set as the end is a crisis", "aaj raat sab khatam", "self"],
      ["'nothing is left now' is a crisis", "ab kuch nahi bacha", "self"],
      ["'he will kill me' is danger", "vo mujhe maar dalega", "danger"],
      ["dying laughing is not a crisis", "hass hass ke mar gayi", "none"],
      ["dying of tiredness is not a crisis", "thak ke mar gayi", "none"],
      ["dying of boredom is not a crisis", "bore hoke mar jaunga", "none"],
      ["dying of heat is not a crisis", "garmi se mar gaye", "none"],
      ["'I will not commit suicide' is not a crisis", "main suicide nahi karungi", "none"],
      ["a threat to leak photos is not danger", "vo meri photos leak karne ki dhamki de raha hai", "none"],
    ],
  };
  for (const [group, list] of Object.entries(stories)) {
    describe(group, () => {
      it.each(list)("%s (%s)", (_story, text, kind) => {
        expect(kindOf(text)).toBe(kind);
      });
    });
  }

  it("says danger when a message has both a threat and a wish to die: 112 comes first", () => {
    expect(detect("I want to die, he is outside my door")).toEqual({ kind: "danger", group: "en" });
    expect(detect("he said he will kill me and i want to die anyway")?.kind).toBe("danger");
    expect(detect("main marna chahti hu, vo mujhe maar dalega")?.kind).toBe("danger");
  });

  it("reports Hindi as hi in Devanagari, hinglish when romanised, hi when the scripts are mixed", () => {
    expect(detect("सबको अलविदा")?.group).toBe("hi");
    expect(detect("sabko alvida")?.group).toBe("hinglish");
    expect(detect("main मरना chahti hu")?.group).toBe("hi");
  });
});

describe("crisis detector: what people really type", () => {
  it.each([
    ["words typed without spaces", "iwanttodie"],
    ["Hinglish typed without spaces", "marnachahtihu"],
    ["Devanagari typed without spaces", "मरनाचाहतीहूँ"],
    ["digits for letters in 'die'", "i want to d1e"],
    ["digits for letters in 'kill myself'", "k1ll mys3lf"],
    ["digits for letters in 'suicide'", "thinking about su1c1d3"],
    ["a digit for 'to' inside a word", "want2die"],
    ["a number glued to the pills", "i took 20tablets"],
    ["Devanagari with nukta", "ज़िंदगी ख़त्म कर दूँगी"],
    ["Devanagari without nukta", "जिंदगी खत्म कर दूंगी"],
    ["both scripts in one message", "main मरना chahti hu"],
    ["repeated letters", "i wanna dieeeeee"],
    ["repeated letters in Hinglish", "marrrrna chahtiii huuu"],
  ])("%s is still a crisis (%s)", (_story, text) => {
    expect(detect(text)).toBeDefined();
  });
});

describe("crisis detector: long messages", () => {
  it("reads a 1 MB paste as its first and last 2,048 characters, so it answers at once and sees the ending", () => {
    const filler = "He posted my photos and everyone saw them. ".repeat(25_000);
    expect(filler.length).toBeGreaterThan(1_000_000);
    expect(detect(filler)).toBeUndefined();
    expect(detect(`${filler} I want to end my life`)).toEqual({ kind: "self", group: "en" });
    // The middle of a paste is not read: that is the price of a bounded scan.
    expect(detect(`${filler} I want to end my life ${filler}`)).toBeUndefined();
  });

  it("never joins the head and the tail of a long paste into one phrase", () => {
    const head = `${"x ".repeat(1019)}i want to `;
    const tail = `die ${"z ".repeat(1022)}`;
    expect([head.length, tail.length]).toEqual([2048, 2048]);
    expect(detect(`${head}${"m ".repeat(2000)}${tail}`)).toBeUndefined();
  });
});

describe("crisis detector: the tuning set", () => {
  const { cases } = parse(
    readFileSync(new URL("../fixtures/crisis/tuning.yaml", import.meta.url), "utf8"),
  ) as { cases: { lang: string; expect: "self" | "danger" | "none"; text: string }[] };

  it("has at least 80 crises and 80 everyday messages per language", () => {
    for (const lang of ["en", "hi", "hinglish"]) {
      expect(cases.filter((c) => c.lang === lang && c.expect !== "none").length, lang).toBeGreaterThanOrEqual(80);
      expect(cases.filter((c) => c.lang === lang && c.expect === "none").length, lang).toBeGreaterThanOrEqual(80);
    }
  });

  it("finds at least 97% of crises with at most 3% false alarms, per language", () => {
    for (const lang of ["en", "hi", "hinglish"]) {
      const mine = cases.filter((c) => c.lang === lang);
      const crises = mine.filter((c) => c.expect !== "none");
      const everyday = mine.filter((c) => c.expect === "none");
      const found = crises.filter((c) => detect(c.text) !== undefined);
      const alarms = everyday.filter((c) => detect(c.text) !== undefined);
      expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(0.97);
      expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(0.03);
      const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
      expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe("crisis detector: concepts that meet in one clause, in any order", () => {
  const stories: Record<string, Story[]> = {
    en: [
      ["dying named as the only option is a crisis", "dying is the only option left", "self"],
      ["a decision to die, said with a time, is a crisis", "I've decided, tonight I end my life", "self"],
      ["a bottle of pills beside her is a crisis", "there's a bottle of sleeping pills next to me", "self"],
      ["pills she has been storing are a crisis", "i have been storing my mom's sleeping tablets", "self"],
      ["rat poison bought is a crisis", "i bought rat poison today", "self"],
      ["toilet acid she is thinking of drinking is a crisis", "I keep looking at the toilet acid and thinking of drinking it", "self"],
      ["a rope she bought is a crisis", "I bought a rope today", "self"],
      ["a jump planned from a terrace is a crisis", "i'm on the terrace and i'm going to jump", "self"],
      ["scratching wrists till they bleed is self-harm", "scratched my wrists till they bled", "self"],
      ["burning her arm with a lighter is self-harm", "i burned my arm with a lighter again", "self"],
      ["a letter left for her mother is a farewell", "sorry mumma. i wrote you a letter, its under my pillow", "self"],
      ["being gone soon is a farewell", "everyone will be happier when i'm gone", "self"],
      ["not existing is a crisis", "what if i just didn't exist", "self"],
      ["no future is hopelessness", "I can't see a future for myself anymore", "self"],
      ["a burden is hopelessness", "My existence is a burden on my family", "self"],
      ["not surviving this is hopelessness", "i don't think i can survive this", "self"],
      ["a man drunk and screaming while she hides is danger", "i'm hiding in the bathroom, he's drunk and screaming", "danger"],
      ["hands around her neck are danger", "he put his hands around my neck", "danger"],
      ["a car following her is danger", "i think a car has been following me since i left college", "danger"],
      ["a threat to burn her is danger", "my in-laws are threatening to burn me", "danger"],
      ["an honour killing planned is danger", "my brothers are planning to kill me for honour", "danger"],
    ],
    hi: [
      ["तय करके दुनिया छोड़ना संकट है", "मैंने तय कर लिया है, ये दुनिया छोड़ दूँगी", "self"],
      ["रस्सी ले आना संकट है", "रस्सी ले आई हूँ बाज़ार से", "self"],
      ["तेज़ाब पीना संकट है", "तेज़ाब पी लूँगी मैं", "self"],
      ["पटरी पर लेटना संकट है", "रेल की पटरी पर लेट जाऊँगी कल सुबह", "self"],
      ["'मेरे मरने से सबकी परेशानी ख़त्म' संकट है", "मेरे मरने से सबकी परेशानी ख़त्म हो जाएगी", "self"],
      ["'जी के क्या करूँगी' संकट है", "अब जी के क्या करूँगी", "self"],
      ["सिर दीवार पर मारना खुद को चोट है", "दीवार पर सिर मार मार के खून निकाल लिया", "self"],
      ["'खुद को मार डालूँगी' अपनी जान का संकट है, किसी और का ख़तरा नहीं", "मैं खुद को मार डालूँगी", "self"],
      ["बेल्ट से मारना ख़तरा है", "चाचा ने बेल्ट से मारा", "danger"],
      ["गला दबाना ख़तरा है", "उसने मेरा गला दबाया", "danger"],
      ["कमरे में बंद करना ख़तरा है", "पति ने मुझे कमरे में lock कर दिया", "danger"],
      ["'बॉस जान से मार देगा' देर होने का मज़ाक है", "लेट हुई तो बॉस जान से मार देगा", "none"],
      ["'सस्पेंस मुझे मार डालेगा' मुहावरा है", "ये सस्पेंस मुझे मार डालेगा", "none"],
      ["'चाय के बिना मर जाऊँ' मुहावरा है", "चाय के बिना तो मैं मर जाऊँ", "none"],
      ["पहले के ख़याल, अब ठीक: संकट नहीं", "पहले मरने के ख्याल आते थे, अब नहीं आते", "none"],
      ["'उसकी ज़िंदगी नरक बना दी' दूसरे का किया है", "मेरी ज़िंदगी नरक बना दी उसने", "none"],
    ],
    hinglish: [
      ["vowels dropped in texting are still a crisis", "mrna h mujhe", "self"],
      ["not wanting to stay alive is a crisis", "ab zinda nahi rehna mujhe", "self"],
      ["'koi farak nahi padega' is hopelessness", "kisi ko farak nahi padega agar mai na rahu", "self"],
      ["rope bought is a crisis", "rassi le aayi hu market se, kisi ko nahi pata", "self"],
      ["'kuch kar baithungi' is a crisis", "aaj raat kuch kar baithungi", "self"],
      ["'maut acchi' is a crisis", "aisi zindagi se maut acchi", "self"],
      ["a quoted rape threat is danger", "bola rape kar dunga", "danger"],
      ["a threat to break her legs is danger", "bhaiya bole bahar nikli to taange tod denge", "danger"],
      ["being followed right now is danger", "wo mera peecha kar raha hai abhi", "danger"],
      ["a drunk man looking for her is danger", "wo nashe me hai aur mujhe dhoondh raha hai", "danger"],
      ["'nahi marne wali' is a refusal, not a crisis", "main is aadmi ki wajah se nahi marne wali, ladungi", "none"],
      ["'ab koi nahi maar raha, safe hu' is not danger", "ab koi nahi maar raha, hostel me safe hu", "none"],
      ["'mar mitti' is love, not a crisis", "is gaane pe to mar mitti main", "none"],
      ["a brother threatening the abuser is not danger to her", "mera bhai use maar dalega agar pata chala", "none"],
      ["'uski jaan le lungi' is anger at him, not a crisis", "main uski jaan le lungi agar wo mila", "none"],
      ["a fake id is not 'I'd die'", "kisi ne mere naam se fake id bana di", "none"],
    ],
  };
  for (const [group, list] of Object.entries(stories)) {
    describe(group, () => {
      it.each(list)("%s (%s)", (_story, text, kind) => {
        expect(kindOf(text)).toBe(kind);
      });
    });
  }

  it("keeps idioms, past and negated crises ordinary", () => {
    for (const text of [
      "I want to die of embarrassment",
      "bored to death waiting for the cyber cell to reply",
      "this heat will be the death of me",
      "I'm dead serious, he needs to be punished",
      "I thought about ending it once when I was 16 but I got help and I'm ok",
      "I used to be suicidal but I'm fine now",
      "i want all the photos gone forever",
      "i want to disappear from social media",
      "i've lost all hope in the police",
      "he hurt me so much emotionally, I trusted him",
      "my boss will kill me if I'm late again lol",
      "I take sleeping pills for insomnia sometimes",
      "the bridge near my office is closed so I'll be late to reply",
      "I'm not going to jump off the roof, don't worry",
      "he said he'd kill himself if I leave him",
    ]) {
      expect(detect(text), text).toBeUndefined();
    }
  });

  it("lets a farewell's words stand in separate short sentences (`&&`)", () => {
    expect(kindOf("goodbye. i love you all. i'm sorry")).toBe("self");
    expect(kindOf("अलविदा। सबको माफ़ करना")).toBe("self");
  });

  it("does not join concepts across a sentence end or a 'but'", () => {
    expect(detect("he posted my pics on the terrace group. i want to jump for joy")).toBeUndefined();
    expect(detect("he posted my video but i will kill him with my lawyer")).toBeUndefined();
  });
});

describe("crisis detector: the development set (written by someone else, then used to tune concepts)", () => {
  const { cases } = parse(readFileSync(new URL("../fixtures/crisis/dev.yaml", import.meta.url), "utf8")) as {
    cases: { lang: string; expect: "self" | "danger" | "none"; text: string }[];
  };

  it("finds at least 95% of crises with at most 5% false alarms and 95% of kinds right, per language", () => {
    for (const lang of ["en", "hi", "hinglish"]) {
      const mine = cases.filter((c) => c.lang === lang);
      const crises = mine.filter((c) => c.expect !== "none");
      const everyday = mine.filter((c) => c.expect === "none");
      const found = crises.filter((c) => detect(c.text) !== undefined);
      const alarms = everyday.filter((c) => detect(c.text) !== undefined);
      expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(0.95);
      expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(0.05);
      const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
      expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

// dev2.yaml (written by another helper without seeing the detector) was tuned on after its first
// run. First run, before any change for it (recall / kind right / false alarms):
//   en 76.9% / 97.6% / 14.3%, hi 67.0% / 100% / 10.5%, hinglish 69.8% / 98.6% / 7.5%.
// After tuning by concept families: en 95.4% / 100% / 0%, hi 98.1% / 100% / 0%, hinglish 98.1% / 100% / 0%.
// So it is no longer an unseen set: only the held-out set measures generalisation.
describe("crisis detector: the second development set (tuned on after its first run)", () => {
  const { cases } = parse(readFileSync(new URL("../fixtures/crisis/dev2.yaml", import.meta.url), "utf8")) as {
    cases: { lang: string; expect: "self" | "danger" | "none"; text: string }[];
  };

  it("finds at least 95% of crises with at most 2% false alarms and 95% of kinds right, per language", () => {
    for (const lang of ["en", "hi", "hinglish"]) {
      const mine = cases.filter((c) => c.lang === lang);
      const crises = mine.filter((c) => c.expect !== "none");
      const everyday = mine.filter((c) => c.expect === "none");
      const found = crises.filter((c) => detect(c.text) !== undefined);
      const alarms = everyday.filter((c) => detect(c.text) !== undefined);
      expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(0.95);
      expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(0.02);
      const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
      expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

// dev3.yaml (written by another helper without seeing the detector) was tuned on after its first
// run. First run, before any change for it (recall / kind right / false alarms):
//   en 76.1% / 97.7% / 10.9%, hi 68.8% / 97.4% / 8.7%, hinglish 70.8% / 97.5% / 11.8%.
// After tuning by concept families: en 96.5% / 100% / 0%, hi 100% / 100% / 0%, hinglish 99.1% / 100% / 0%.
// So it is no longer an unseen set either: only the held-out set measures generalisation.
describe("crisis detector: the third development set (tuned on after its first run)", () => {
  const { cases } = parse(readFileSync(new URL("../fixtures/crisis/dev3.yaml", import.meta.url), "utf8")) as {
    cases: { lang: string; expect: "self" | "danger" | "none"; text: string }[];
  };

  it("finds at least 95% of crises with at most 2% false alarms and 97% of kinds right, per language", () => {
    for (const lang of ["en", "hi", "hinglish"]) {
      const mine = cases.filter((c) => c.lang === lang);
      const crises = mine.filter((c) => c.expect !== "none");
      const everyday = mine.filter((c) => c.expect === "none");
      const found = crises.filter((c) => detect(c.text) !== undefined);
      const alarms = everyday.filter((c) => detect(c.text) !== undefined);
      expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(0.95);
      expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(0.02);
      const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
      expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(0.97);
    }
  });
});

describe("crisis detector: concept families beyond the sets' wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["intent not to exist, no death word", "there's no more me after tonight", "self"],
    ["not being there, and everyone happier", "main nahi rahungi to sab khush rahenge", "self"],
    ["not being there, in Devanagari", "मैं नहीं रहूंगी तो सब खुश रहेंगे", "self"],
    ["no reason to keep going", "i don't see a reason to keep going", "self"],
    ["better if I'm not here", "it's better if I'm not here", "self"],
    ["height and a farewell in separate sentences", "I'm on the terrace. it's very high. bye", "self"],
    ["a means with readiness: a fan checked", "pankha kaafi mazboot hai, check kiya", "self"],
    ["pills taken, then dizziness", "I swallowed the pills. feeling dizzy", "self"],
    ["a blade in hand", "the blade is in my hand", "self"],
    ["giving things away, in Hindi", "मैंने अपना सारा सामान बाँट दिया", "self"],
    ["nobody at home to stop her", "aaj koi rokne wala nahi hai, roommate ghar gayi", "self"],
    ["after my death, a request", "मेरे मरने के बाद उसे सज़ा दिलवाना", "self"],
    ["goons sent to the house", "wo gundon ko mere ghar bhejega", "danger"],
    ["a weapon shown", "उसने चाकू दिखाया और बोला चुप रहना", "danger"],
    ["a door being broken", "wo darwaza todne ki koshish kar raha hai", "danger"],
    ["a threat to throw her in a river", "they said they will throw me in the river if i talk", "danger"],
    ["a threat to harm the family", "वो मेरे परिवार को नुकसान पहुंचाएगा", "danger"],
    ["someone with a weapon searching for her", "bhai chaku leke mujhe dhoondh raha hai", "danger"],
    ["a threat to break her legs", "his brother said they'll break my legs", "danger"],
    ["standing on a bridge is her own danger, not someone else's", "bridge pe khadi hu, neeche bahut paani hai", "self"],
    ["romanised 'aa' still means come", "wo mere ghar aa raha hai", "danger"],
    ["romanised 'aa' before a train", "train ke aage aa jaungi", "self"],
    ["no later for me: not seeing myself past a time", "I can't see myself living past this year", "self"],
    ["no later for me: not making it through the night", "I don't think I'll make it through the night", "self"],
    ["no way forward", "I can't see any way forward", "self"],
    ["sleep and not wake", "I want to go to sleep and never wake up", "self"],
    ["looking down from a height", "I'm on the balcony looking down", "self"],
    ["a bridge over a river, in Hinglish", "main nadi ke pul pe hu", "self"],
    ["nobody will have to deal with me", "nobody will have to deal with me after this week", "self"],
    ["no strength to go on", "I don't have the strength to go on", "self"],
    ["a rope checked for strength", "my dupatta is strong enough", "self"],
    ["tablets by the sheet, kept", "papa ki dawai ki teen patti jama kar li hain", "self"],
    ["a knife under the pillow, in Devanagari", "चाकू तकिये के नीचे है", "self"],
    ["a window open high up, and a goodbye", "10th floor. window open. bye", "self"],
    ["better never born, in Hinglish", "kaash main paida hi na hoti", "self"],
    ["tired of living, in Devanagari", "मैं जीते जीते थक गई हूँ", "self"],
    ["nobody will remember me", "koi mujhe yaad nahi karega", "self"],
    ["no wish to even breathe", "ab saans lene ka bhi mann nahi karta", "self"],
    ["everyone better off if I'm not there", "sabki life easy ho jayegi agar main na rahu", "self"],
    ["a place no one comes back from", "aisi jagah jaana hai jahan se koi wapas nahi aata", "self"],
    ["won't last till tomorrow", "मैं कल तक नहीं टिकूंगी", "self"],
    ["everything to stop, in Devanagari", "बस सब रुक जाए", "self"],
    ["acid drunk is her own harm", "acid ki bottle bathroom me hai, aaj pi lungi", "self"],
    ["a threat quoted in her words", "he texted 'I will kill you'", "danger"],
    ["pushed down the stairs", "my husband pushed me down the stairs", "danger"],
    ["acid promised to her", "they said they'll pour acid on you tomorrow", "danger"],
    ["acid to be brought next time", "he broke in and said next time he'll bring acid", "danger"],
    ["a burial threatened, in Hinglish", "cousins bol rahe hai khet me gaad denge", "danger"],
    ["petrol carried outside", "he's at the end of my lane with petrol", "danger"],
    ["a spiked drink", "I think he put something in my drink", "danger"],
    ["a lesson to be taught", "they're coming tomorrow to teach me a lesson", "danger"],
    ["a vehicle followed", "he's following my auto right now", "danger"],
    ["keys taken, in Devanagari", "उसने चाबी ले ली, मुझे बाहर निकलने नहीं दे रहा", "danger"],
    ["beaten for an hour, even when she hides", "bhai ghante bhar se maar raha hai, maine khud ko band kar liya", "danger"],
    ["nobody needs me, the negation after the words", "kisi ko meri zarurat nahi hai", "self"],
    ["a blade in the bathroom, in Devanagari", "बाथरूम में ब्लेड लेकर बैठी हूँ", "self"],
    ["alone on a bridge now", "im on the bridge near college right now", "self"],
    ["set on fire", "he threatened to set me on fire", "danger"],
    ["waiting downstairs, and fear", "he is waiting for me downstairs and I'm terrified", "danger"],
    ["made to disappear, in Devanagari", "वो बोला तुझे गायब कर दूंगा", "danger"],
    ["someone trying the door, in Hinglish", "koi mera darwaza kholne ki koshish kar raha hai", "danger"],
    ["pills in her pocket, in Devanagari", "गोलियां मेरी जेब में हैं", "self"],
    ["a hyperbole joke never hides an English wish to die", "I want to die. lol he posted it", "self"],
    ["a decided 'mar jaungi' is not the joke form", "main mar jaungi. haha wo hasega", "self"],
    ["a friend's news in one sentence does not hide her own wish in the next", "my friend said he will leak it. I want to die", "self"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["someone else's suicide in the news", "news me padha ek ladki ne suicide kar liya"],
    ["someone else's suicide, in Devanagari", "अखबार में पढ़ा एक लड़की ने आत्महत्या कर ली"],
    ["a friend who harmed herself", "my friend tried to kill herself last year, she's ok now"],
    ["a film scene", "the movie had a suicide scene and it was badly done"],
    ["a parent and marks", "mummy mujhe maar dalegi agar number kam aaye"],
    ["a parent and a bunked class", "my mom will kill me if she finds out I skipped class haha"],
    ["an exam that will take her life", "ye exam meri jaan le lega"],
    ["traffic that kills", "ye traffic maar dalega"],
    ["taunts", "सब रिश्तेदार मुझे ताने मार रहे हैं"],
    ["laughing at a message", "uska sorry wala msg padh ke main toh mar hi gayi"],
    ["gone, about him", "he left the house, he's gone forever i hope"],
    ["'will' is not 'well' (a well of water)", "What should I do next, and will the police keep my name private?"],
    ["a pill for a headache before sleep", "I took a pill for my headache, going to sleep now"],
    ["a phone's battery", "my battery is about to die, will reply later"],
    ["off social media for a while", "kuch din social media se gayab rehna chahti hu"],
    ["over socially, but fighting", "I feel like my life is over socially, but I'm going to fight this"],
    ["past, and therapy helped", "I was suicidal last year but therapy helped, now I just want it removed"],
    ["not thinking of self-harm", "I'm scared but I'm not thinking of hurting myself"],
    ["a goodnight", "bye, talk tomorrow"],
    ["poison ivy", "I got poison ivy on a trek once"],
    ["the English article 'a' is not romanised 'aa' (come)", "I was in front of a truck on the road"],
    ["jumping back from a train", "a train came in front of me and i jumped back"],
    ["'like' is not 'leke'", "this tastes like poison"],
    ["a threat to expose, not to hurt", "he threatened to ruin my life if I don't send more pics"],
    ["dying inside, and acting", "I feel like I'm dying inside but I'll go to the police"],
    ["leaving college", "college chhod dungi main, sab dekh chuke hai"],
    ["leaving college, in Devanagari", "कॉलेज छोड़ दूंगी मैं, सब देख चुके हैं"],
    ["a past visit", "wo mere ghar aaya tha pichle hafte, abhi Delhi me hai"],
    ["disappearing from college", "I want to disappear from this college"],
    ["nothing left to revise", "exam is tomorrow and I have nothing left to revise"],
    ["no way out of a contract", "there's no way out of this contract"],
    ["waiting for a cab", "he is outside the house waiting for the cab"],
    ["a visit for dinner, in Devanagari", "वो कल खाने पर घर आ रहा है"],
    ["social media is poison", "social media is poison honestly, taking a break"],
    ["a story dying down", "my sister says I should let it die down"],
    ["a coffee overdose", "I overdosed on coffee before the hearing lol"],
    ["a question about the bot", "how do you handle users who talk about suicide?"],
    ["acid in the news", "news says a man threw acid on a woman, is there a law for that?"],
    ["someone else's suicide, told as news", "news me padha ek ladki ne photo leak hone ke baad suicide kar li"],
    ["a joke about a dress", "wo dress pehenne se acha main mar jaun haha"],
    ["a sentence the law should pass", "aise logo ko faansi honi chahiye!"],
    ["a friend who is fine now", "meri friend ne last year suicide try kiya tha, ab wo theek hai"],
    ["his empty threat, and she is fine", "wo bolta tha chhodogi to mar jaunga, sab drama tha, chhod diya aur main theek hu"],
    ["a lost phone and a mother", "mummy ko pata chala phone fir kho diya to maar dalegi"],
    ["someone else beaten", "meri dost ke bhai ne video leak karne wale ko peet diya"],
    ["past self-harm, clean now", "I used to cut myself in school but I've been clean for three years"],
    ["exam stress", "I can't take this exam stress anymore lol"],
    ["a friend who wanted to die", "my friend said she wanted to die after her breakup, how do I help her?"],
    ["a friend who wants to die, in Hinglish", "mera friend bola tha wo marna chahta hai, usko kaise help karu"],
    ["cutting him off for ever", "main usse hamesha ke liye door chali jaungi, block kar diya"],
    ["too late for me to apply", "it's too late for me to apply this year"],
    ["dead to him", "he said I'm dead to him"],
    ["someone knocking to return a charger", "he knocked on my door to return my charger"],
    ["peace from harassment", "I want peace, I want this harassment to stop"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

// Hindi puts the negation before the verb: a negation cancels only the word it negates, and
// "nahi chahti" after a word for living is itself a crisis, after a word for dying it is not.
describe("crisis detector: Hindi negation cancels only what it negates", () => {
  const crises: [story: string, text: string][] = [
    ["not wanting to live, in Hinglish", "main jeena nahi chahti"],
    ["not wanting to live, texted short", "mai jina nhi chahti"],
    ["not wanting to live, in Devanagari", "मैं जीना नहीं चाहती"],
    ["not wanting to stay alive, in Devanagari", "मैं ज़िंदा नहीं रहना चाहती"],
    ["no more living, negation first", "mujhe ab aur nahi jeena"],
    ["worthless negated, then a burden, in Hinglish", "main kisi kaam ki nahi hu, bas bojh hu"],
    ["worthless negated, then a burden, in Devanagari", "मैं किसी काम की नहीं हूँ, बस बोझ हूँ"],
    ["worthless with 'nhi', then a burden", "mai kisi kaam ki nhi hu bas bojh hu sabpe"],
  ];
  for (const [story, text] of crises) {
    it(`${story}: self`, () => {
      expect(detect(text)?.kind).toBe("self");
    });
  }

  const quiet: [story: string, text: string][] = [
    ["not wanting to die, in Hinglish", "main marna nahi chahti"],
    ["not wanting to die, texted short", "main marna nhi chahta"],
    ["not wanting to die, in Devanagari", "मैं मरना नहीं चाहती"],
    ["not wanting to die, negation first", "mujhe nahi marna"],
    ["not wanting to die but to live, in Devanagari", "मैं मरना नहीं चाहती, मैं बस जीना चाहती हूँ"],
    ["not wanting to die but to live, in Hinglish", "main marna nahi chahti, main bas jeena chahti hu"],
    ["no one is hitting her", "koi mujhe nahi maar raha, bas darr lagta hai"],
    ["won't hurt herself, in Devanagari", "मैं खुद को नुकसान नहीं पहुंचाऊंगी"],
    ["won't commit suicide, in Hinglish", "tension mat lo, suicide nahi karungi"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }

  it("leaves English negation as it was", () => {
    expect(detect("I don't want to die")).toBeUndefined();
    expect(detect("I'm not going to kill myself")).toBeUndefined();
    expect(detect("I will not jump off the roof")).toBeUndefined();
    expect(detect("I don't want to live anymore")?.kind).toBe("self");
  });
});

// dev4.yaml (Hindi and Hinglish only, written by another helper without seeing the detector) was
// tuned on after its first run. First run, after the Hindi negation fix but before any change for
// it (recall / kind right / false alarms): hi 87.6% / 97.8% / 12.9%, hinglish 84.1% / 97.8% / 12.9%.
// After tuning by concept families: hi 100% / 99.0% / 0%, hinglish 100% / 99.1% / 0%.
// So it is no longer an unseen set either: only the held-out set measures generalisation.
describe("crisis detector: the fourth development set (tuned on after its first run)", () => {
  const { cases } = parse(readFileSync(new URL("../fixtures/crisis/dev4.yaml", import.meta.url), "utf8")) as {
    cases: { lang: string; expect: "self" | "danger" | "none"; text: string }[];
  };

  it("finds at least 97% of crises with at most 2% false alarms and 97% of kinds right, per language", () => {
    for (const lang of ["hi", "hinglish"]) {
      const mine = cases.filter((c) => c.lang === lang);
      const crises = mine.filter((c) => c.expect !== "none");
      const everyday = mine.filter((c) => c.expect === "none");
      const found = crises.filter((c) => detect(c.text) !== undefined);
      const alarms = everyday.filter((c) => detect(c.text) !== undefined);
      expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(0.97);
      expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(0.02);
      const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
      expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(0.97);
    }
  });
});

describe("crisis detector: Hindi and Hinglish families in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["dead inside, a man writing", "mai andar se mar chuka hu yaar", "self"],
    ["dead inside, in Devanagari", "मैं अंदर से मर गई हूँ", "self"],
    ["being or not being makes no difference", "mere hone na hone se kisi ko fark nahi padta", "self"],
    ["going far from everyone for ever", "main hamesha ke liye sabse door chala jaunga", "self"],
    ["things given away after she is gone, in Devanagari", "मेरे जाने के बाद मेरी किताबें दीदी को दे देना", "self"],
    ["setting herself on fire", "khud ko aag laga lungi", "self"],
    ["the noose, spelt 'faasi'", "main faasi laga lungi", "self"],
    ["a negation before a comma negates nothing after it", "ab aur himmat nahi, chali jaungi sabse door hamesha ke liye", "self"],
    ["going 'up' for good, a man writing", "upar chala jaunga jaldi", "self"],
    ["sleeping for ever, 'k liye'", "hamesha k liye sona chahti hu", "self"],
    ["worthless in the first person, 'ni'", "main kisi kaam ki ni hu", "self"],
    ["everyone better off without her, in Hinglish", "mere bina sab ache rahenge", "self"],
    ["everyone better off without her, in Devanagari", "मेरे बिना सब बेहतर रहेंगे", "self"],
    ["a prayer to be taken is her own wish, not an abduction", "bhagwan mujhe utha le bas, ab aur nahi hota", "self"],
    ["he'll come home and 'see to' her", "wo bola ghar aake dekh lega tujhe", "danger"],
    ["your corpse", "usne kaha teri laash milegi", "danger"],
    ["shot, a man's threat", "usne bola goli maar dunga", "danger"],
    ["run over", "truck se kuchal dunga bola wo", "danger"],
    ["a threat to burn her", "usne jala dene ki dhamki di hai", "danger"],
    ["kept locked in by the in-laws", "mujhe kamre me band kar rakha hai sasural walo ne", "danger"],
    ["locked from outside, in Devanagari", "दरवाज़ा बाहर से बंद है, निकल नहीं सकती", "danger"],
    ["followed now", "ek aadmi mera picha kar raha hai abhi", "danger"],
    ["someone breaking in", "koi ghar me ghusne ki koshish kar raha hai", "danger"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["a scolding told with a laughing emoji", "mummy maar dalegi mujhe, dahi bhool gayi 😂"],
    ["a teacher and homework", "teacher jaan le legi, homework nahi kiya"],
    ["someone else's hanging last year", "hamare mohalle me ek ladke ne phansi laga li thi"],
    ["a friend's wish to die", "meri saheli bolti hai uska marne ka mann karta hai, kya karu"],
    ["the helpline asked for a friend", "suicide helpline ka number chahiye, meri dost ke liye"],
    ["freezing", "itni thand me toh jam ke mar jaungi"],
    ["holding on", "jeena toh padega, main haar nahi maanungi"],
    ["watching a match at home", "ghar aake dekh lunga match"],
    ["a shop closed yesterday", "kal dukaan band kar rakhi thi"],
    ["followed on Instagram", "meri bike follow kar raha hai koi instagram pe"],
    ["after she leaves, eat and take medicine", "mere jaane ke baad khana kha lena aur dawai le lena"],
    ["a corpse in a film", "us movie me heroine ki laash mili"],
    ["a threat of leaking photos is the bot's everyday talk", "usne photos viral karne ki dhamki di hai"],
    ["a phone kept switched off", "phone band kar rakha hai maine 2 din se"],
    ["locked out, the key forgotten", "gate bahar se band hai, chabi bhool gayi lol"],
    ["a father will look at the result at home", "papa ghar aake dekh lenge result"],
    ["followed around online", "wo mera picha kar raha hai instagram pe har jagah"],
    ["after she leaves for the village", "मेरे जाने के बाद कुत्ते को खाना दे देना, मैं गांव जा रही हूँ"],
    ["not in class after this", "iske baad main nahi hungi class me"],
    ["an exam 'killed', an idiom", "kal meri exam ki laash nikal gayi"],
    ["exasperation, 'they'll take my life'", "uff ye log jaan le lenge meri"],
    ["giving her life for someone, a love line", "main jaan de dungi tere liye yaar ❤️"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

describe("crisis detector: Devanagari spellings, loanwords and idioms", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["'myself' as two words, aimed at herself, is self not danger", "अपने आप को मार डालूंगी", "self"],
    ["'apne aap' romanised, aimed at herself", "apne aap ko maar dalungi", "self"],
    ["the formal word for poison", "मैं विष पी लूंगी", "self"],
    ["'end' in Devanagari", "मैं सब एंड कर दूंगी", "self"],
    ["'die' written in Devanagari", "मैं डाई करना चाहती हूँ", "self"],
    ["leaving this world", "मैं इस दुनिया से जाना चाहती हूँ", "self"],
    ["going from the world, a future verb", "इस दुनिया से चली जाऊंगी", "self"],
    ["leaving the world, romanised", "duniya chhod dungi", "self"],
    ["verb forms spelt every way: करुँगी", "मैं आत्महत्या करुँगी", "self"],
    ["verb forms spelt every way: लुंगी", "ज़हर पी लुंगी", "self"],
    ["verb forms spelt every way: जाउंगी", "मैं मर जाउंगी", "self"],
    ["short vowel slips: मै, हु", "मै मरना चाहता हु", "self"],
    ["'about suicide' while thinking of it is no topic", "आत्महत्या के बारे में सोच रही हूँ", "self"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["hair dye", "बालों में डाई करना चाहती हूँ"],
    ["away from social media", "मैं सोशल मीडिया की दुनिया से दूर जाना चाहती हूँ"],
    ["seeing the world", "मैं दुनिया घूमना चाहती हूँ"],
    ["a serial to die of", "ये सीरियल देख के मर जाऊंगी"],
    ["a slipper from mum, told laughing", "मम्मी ने चप्पल से मारा हाहा"],
    ["reading an article on suicide", "खुदकुशी के बारे में एक आर्टिकल पढ़ा"],
    ["a suicide-prevention day post", "आत्महत्या रोकथाम दिवस पर पोस्ट लिखनी है"],
    ["visarga spelling of sorrow", "दुःख बहुत है पर संभाल लूंगी"],
    ["dying of hunger", "भूख से मर रही हूँ"],
    ["news of someone else", "खबर में पढ़ा कि एक लड़की ने आत्महत्या कर ली"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

// First run on dev5, before any change made for it: recall hi 85.6%, hinglish 84.3%, en 94.0%;
// false alarms hi 7.1%, hinglish 5.5%, en 5.0%; kinds right hi 100%, hinglish 98.3%, en 97.9%.
// It was then tuned on (by concept and word family), so these thresholds no longer measure
// generalisation: only the held-out set does.
describe("crisis detector: the fifth development set (tuned on after its first run)", () => {
  const { cases } = parse(readFileSync(new URL("../fixtures/crisis/dev5.yaml", import.meta.url), "utf8")) as {
    cases: { lang: string; expect: "self" | "danger" | "none"; text: string }[];
  };

  it("finds at least 95% of crises with at most 3% false alarms and 97% of kinds right, per language", () => {
    for (const lang of ["hi", "hinglish", "en"]) {
      const mine = cases.filter((c) => c.lang === lang);
      const crises = mine.filter((c) => c.expect !== "none");
      const everyday = mine.filter((c) => c.expect === "none");
      const found = crises.filter((c) => detect(c.text) !== undefined);
      const alarms = everyday.filter((c) => detect(c.text) !== undefined);
      expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(0.95);
      expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(0.03);
      const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
      expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(0.97);
    }
  });
});

describe("crisis detector: families added after dev5, in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["her story is over", "मेरी कहानी अब ख़त्म", "self"],
    ["ending her own life, a formal decision", "मैंने अपनी ज़िंदगी का अंत करने का फैसला किया है", "self"],
    ["sleep and never wake, romanised", "bas sona chahti hu, kabhi nahi uthna", "self"],
    ["nobody can save her", "अब मुझे कोई नहीं बचा सकता", "self"],
    ["where rat poison is sold", "chuhe ka zeher kahan milega jaldi", "self"],
    ["her death would bring peace", "mere marne se sabko sukoon milega", "self"],
    ["pills taken, dizzy", "सारी दवाई खा ली, चक्कर आ रहे हैं", "self"],
    ["the tracks and the train's time", "patri pe baithi hu, train 5 minute me aayegi", "self"],
    ["going to God, in English", "i am going to god tonight", "self"],
    ["'open or I'll kill you' at the door", "gate khol warna maar dalunga, chilla raha hai", "danger"],
    ["fuel poured on her", "उसने मुझ पर पेट्रोल डाला है", "danger"],
    ["his goons will take her", "bola uske gunde utha lenge mujhe", "danger"],
    ["'your end has come'", "usne kaha aaj tera kaam tamaam", "danger"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["dying of a puppy's cuteness", "ye puppy dekh ke mar jaun, kitna cute hai"],
    ["rather die than pay", "मर जाऊंगी पर उसको एक पैसा नहीं दूंगी"],
    ["anger, then the law", "मन करता है उसे जान से मार दूँ पर केस करूंगी"],
    ["a project on suicide prevention", "suicide ki rokthaam par presentation banana hai"],
    ["a story in a film ended", "movie ki kahani khatam ho gayi"],
    ["the train times on the way home", "station pe hu, next train 10 minute me"],
    ["a headache tablet taken", "sar dard ki goli kha li, chakkar aa rahe the"],
    ["nobody threatens her body, in English", "Nobody is threatening to hurt me physically, it's only the photos."],
    ["holding her breath underwater", "paani ke neeche saans rok ke tairna seekh rahi hu"],
    ["a photo 'of' her posted ('posted' is one letter from 'pushed', 'of' folds like 'off')", "she posted a pic of me in the class group"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

/** Recall, false alarms and kinds per language on a development set, against per-language floors. */
/** Holds a development set to its floors (test/support/crisis-sets.ts). */
const checkSet = (file: string, floors: Floors): void => holdSet(detect, file, floors);

// First run on dev6, before any change made for it: recall hi 73.8%, hinglish 75.0%, en 80.0%;
// false alarms hi 10.0%, hinglish 14.0%, en 5.7%; kinds right hi 98.3%, hinglish 90.0%, en 100%.
// After tuning on it: recall 100 / 98.8 / 100%, no false alarms, all kinds right.
describe("crisis detector: the sixth development set (tuned on after its first run)", () => {
  it("finds at least 97% of crises with at most 2% false alarms and 97% of kinds right, per language", () => {
    const floor = { recall: 0.97, alarms: 0.02, kind: 0.97 };
    checkSet("dev6.yaml", { hi: floor, hinglish: floor, en: floor });
  });
});

// First run on dev7, before any change made for it: recall hi 58.8%, hinglish 60.0%, en 65.5%;
// false alarms hi 10.0%, hinglish 12.0%, en 11.4%; kinds right hi 95.7%, hinglish 93.8%, en 97.2%.
// After tuning on dev6 only (dev7 still unseen): recall 62.5 / 61.3 / 69.1%, false alarms
// 10.0 / 12.0 / 8.6%: dev6's families hardly generalised to dev7. After tuning on dev7 too:
// recall 95.0 / 90.0 / 92.7%, false alarms 0 / 2.0 / 0%, kinds 97.4 / 98.6 / 100%.
describe("crisis detector: the seventh development set (tuned on after its first run)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev7.yaml", {
      hi: { recall: 0.93, alarms: 0.02, kind: 0.96 },
      hinglish: { recall: 0.88, alarms: 0.04, kind: 0.96 },
      en: { recall: 0.9, alarms: 0.02, kind: 0.97 },
    });
  });
});

describe("crisis detector: families added after dev6 and dev7, in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["things given away, not needed", "I gave my guitar and clothes to my cousin, I won't need them anymore", "self"],
    ["her clothes, for after her", "मेरे जाने के बाद मेरे कपड़े दीदी को दे देना", "self"],
    ["tried before, sure now", "pichli baar koshish ki thi, ab pakka", "self"],
    ["something drunk, the world blurring", "मैंने कुछ पी लिया है, सब धुंधला दिख रहा है", "self"],
    ["don't save me", "please don't try to save me, there's no point", "self"],
    ["no use saving her", "मुझे बचाने का कोई फायदा नहीं", "self"],
    ["no one ashamed of her from tomorrow", "kal se meri wajah se kisi ko sharminda nahi hona padega", "self"],
    ["a vial of poison in hand", "ज़हर की शीशी मेरे हाथ में है", "self"],
    ["nobody to blame, and goodbye", "please don't blame anyone. goodbye", "self"],
    ["a household chemical drunk", "मच्छर वाली दवाई पी ली है", "self"],
    ["don't cry for me", "mere liye rona mat", "self"],
    ["fire, herself", "I'm going to set myself on fire tonight", "self"],
    ["peace made", "I made my peace with everything", "self"],
    ["her location tracked, he sets out", "usne meri location track kar li, nikal raha hu bola", "danger"],
    ["followed without a break", "wo ladka lagatar mere peeche aa raha hai", "danger"],
    ["a man of the house at her door at night", "sasur raat ko mere kamre ka darwaza kholne aate hai", "danger"],
    ["her throat seized", "usne mera gala pakad liya", "danger"],
    ["doors locked by a driver", "the uber driver locked the doors and changed the route", "danger"],
    ["climbing in", "someone is climbing the wall to my window", "danger"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["an assignment 'will take my life'", "ye assignment toh meri jaan le lega"],
    ["dying of cold, in the present", "ठंड से मर रहे हैं आज"],
    ["a hanging in the news", "news me dikhaya ek ladki ne blackmail ke baad phansi laga li"],
    ["a follower in the past", "ek time tha jab wo peecha karta tha"],
    ["an old phone handed down", "mera phone purana ho gaya, naya liya, purana behen ko de diya"],
    ["suicide said not to be an option", "suicide is not an option for me, I want justice"],
    ["'dropped' is not 'drugged'", "he dropped me at the metro"],
    ["a past beating, over", "my ex used to hit me, I'm okay now"],
    ["a wrong route that costs money", "cab wala galat route le raha, extra paise lagenge"],
    ["a film's villain and his poison", "movie me villain ne zeher mila diya tha"],
    ["a video going round", "uski video poore group me ghoom rahi hai"],
    ["a childhood beating left behind", "बचपन में पापा मारते थे, अब सब ठीक है"],
    ["'looking down' is not 'lurking'", "I'm looking down at the city from the office, beautiful view"],
    ["a song's title", "kabhi alvida na kehna gaana sun rahi hu"],
    ["suicide's signs in a class", "psychology ki class me suicide ke signs padhe"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

describe("crisis detector: a rule that mixes & and && does not load", () => {
  it("throws rather than silently never matching", () => {
    const broken = { ...terms, groups: { ...terms.groups, en: { ...terms.groups.en!, self: ["note & written && ready"] } } };
    expect(() => createCrisisDetector(broken)).toThrow(/mixes/);
  });
});

// The matcher itself, on small made-up term lists: each rule below is the only one, so a story
// shows what the matcher does with it, not what some other rule happens to catch.
describe("crisis detector: a concept's parts are placed where no negation turns them around", () => {
  const unused = ["unused one", "unused two", "unused three", "unused four", "unused five"];
  const only = (group: Record<string, string[]>) =>
    createCrisisDetector(CrisisTerms.parse({ words: { hharm: ["hurt", "kaatungi"] }, groups: { hi: { romanised: "hinglish", self: unused, ...group } } }));

  it("a train that didn't stop does not hide the next one: she walked to the tracks", () => {
    const detect = only({ self: ["tracks & train & next|minutes", ...unused] });
    // The first "train" is in the window but "didn't" stands between it and the tracks; the
    // second "train", after the tracks, is the one that matters.
    expect(detect("the train didn't stop, I walked to the tracks, the next train comes in 5 minutes")?.kind).toBe("self");
    // With no other train in the clause, the negation still turns it around.
    expect(detect("the train did not stop, I walked to the tracks, the next one comes soon")).toBeUndefined();
  });

  it("'I won't hurt him, I'll hurt myself': the second 'hurt' is hers", () => {
    const detect = only({ self: ["khud & @hharm", ...unused] });
    expect(detect("usko hurt nahi karungi, khud ko hurt karungi")?.kind).toBe("self");
    // ...but where the only harm is negated, no near-spelling ("karungi", one letter from
    // "kaatungi") stands in for it after the negation.
    expect(detect("khud ko hurt nahi karungi")).toBeUndefined();
    expect(detect("khud ko hurt nahi karungi, bas ye video hatwana hai")).toBeUndefined();
  });

  it("a message of many negated parts stays a bounded search", () => {
    const detect = only({ self: ["tracks & train & next|minutes", ...unused] });
    const text = `${"not the train, ".repeat(400)}the tracks, the next train`;
    const start = performance.now();
    detect(text);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("crisis detector: excludes and recovered phrases may be concepts too", () => {
  const unused = ["unused one", "unused two", "unused three", "unused four", "unused five"];
  const only = (group: Record<string, string[]>) =>
    createCrisisDetector(CrisisTerms.parse({ words: { hharm: ["hurt"] }, groups: { hi: { romanised: "hinglish", self: unused, ...group } } }));

  it("the heat 'will take her life' is weather, his threat is not", () => {
    const detect = only({ danger: ["jaan & le & lega|legi"], exclude: ["jaan le legi & garmi|umas"] });
    expect(detect("ye garmi to jaan le legi")).toBeUndefined();
    expect(detect("umas itni hai ki jaan le legi")).toBeUndefined();
    expect(detect("wo meri jaan le lega")?.kind).toBe("danger");
  });

  it("'now I have recovered a lot', however many words stand between", () => {
    const detect = only({ self: ["khud & @hharm", ...unused], recovered: ["ab & sambhal|guzar"] });
    expect(detect("pehle khud ko hurt karti thi, ab main kaafi sambhal gayi hu")).toBeUndefined();
    expect(detect("khud ko hurt karungi")?.kind).toBe("self");
  });
});

// First run on dev8, before any change made for it: recall hi 80.0%, hinglish 71.3%, en 85.5%;
// false alarms hi 12.0%, hinglish 7.4%, en 0%; kinds right hi 98.4%, hinglish 100%, en 97.9%.
// After tuning on it: recall 98.8 / 98.8 / 100%, no false alarms, all kinds right.
describe("crisis detector: the eighth development set (tuned on after its first run)", () => {
  it("finds at least 97% of crises with at most 2% false alarms and 97% of kinds right, per language", () => {
    const floor = { recall: 0.97, alarms: 0.02, kind: 0.97 };
    checkSet("dev8.yaml", { hi: floor, hinglish: floor, en: floor });
  });
});

// First run on dev9, before any change made for it: recall hi 67.9%, hinglish 71.3%, en 70.9%;
// false alarms hi 12.0%, hinglish 4.0%, en 17.1%; kinds right hi 94.5%, hinglish 98.2%, en 97.4%.
// After tuning on dev8 only (dev9 still unseen): recall 66.7 / 70.0 / 70.9%, false alarms
// 12.0 / 4.0 / 17.1%: dev8's families did not generalise to dev9 (two of its excludes even cost a
// crisis each; narrowed). After tuning on dev9 too: recall 98.8 / 95.0 / 94.5%, false alarms
// 0 / 0 / 2.9%, all kinds right.
describe("crisis detector: the ninth development set (tuned on after its first run)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev9.yaml", {
      hi: { recall: 0.97, alarms: 0.02, kind: 0.97 },
      hinglish: { recall: 0.93, alarms: 0.02, kind: 0.97 },
      en: { recall: 0.92, alarms: 0.03, kind: 0.97 },
    });
  });
});

// Phrasings written for these tests, not taken from dev8 or dev9: 19 of the 28 crises were missed
// and 8 of the 16 everyday messages alarmed before this round's families.
describe("crisis detector: families added after dev8 and dev9, in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["a strip of tablets swallowed", "maine neend wali poori patti nigal li", "self"],
    ["straight to the well", "ab seedhe kuen pe jaungi", "self"],
    ["what is living for", "aise jeene ka kya matlab hai", "self"],
    ["how many pills are enough", "kitni goliyan kaafi hoti hai marne ke liye", "self"],
    ["tablets laid out, door latched", "कमरा बंद है और सारी गोलियाँ सामने निकाल के रखी हैं", "self"],
    ["not even water", "ab main paani bhi nahi piyungi", "self"],
    ["time to leave the world", "ab is duniya ko chhodne ka waqt aa gaya", "self"],
    ["a leap into the water tank", "chhat wali tanki me chhalang maar dungi", "self"],
    ["my body, when found", "jab meri laash mile to papa ko mat dikhana", "self"],
    ["told to die, and she will", "sab kehte hai mar ja, to ab wahi karungi", "self"],
    ["a farewell at a height", "I'm on the terrace. goodbye", "self"],
    ["pills and drink", "took the pills. vodka too. done", "self"],
    ["a lethal dose asked", "what's a lethal dose of paracetamol", "self"],
    ["her pyre", "bas ab meri arthi uthegi", "self"],
    ["erasing herself", "main apne aap ko mita dungi", "self"],
    ["a last look at everyone", "aakhri baar sabko dekh liya", "self"],
    ["a stranger grabbed her wrist", "ek ajnabi aadmi ne bus me meri kalai pakad li", "danger"],
    ["the door forced", "koi darwaza todne ki koshish kar raha hai", "danger"],
    ["coming to settle scores", "aaj raat tera hisaab karne aa raha hu", "danger"],
    ["abduction threatened", "teri behen ko uthwa lunga warna paise bhej", "danger"],
    ["come alone", "akeli milne aa warna video daal dunga", "danger"],
    ["pushed into a van", "two men shoved me into a van", "danger"],
    ["you won't survive", "he said you won't survive the night", "danger"],
    ["a cab stopped somewhere lonely", "the driver stopped the car in a deserted spot", "danger"],
    ["hands tied", "unhone mere haath baandh diye hai", "danger"],
    ["held captive", "mujhe pakad ke rakha hai", "danger"],
    ["or else beaten", "chup chap chal warna yahin maarenge", "danger"],
    ["poison to be given", "sasural wale zehar de denge", "danger"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["a river walk", "kal nahar kinare ghoomne gaye the"],
    ["a fear that was", "darr tha ki wo ghar aa jayega, par nahi aaya"],
    ["her own court case", "main usko chhodungi nahi, court tak jaungi"],
    ["she is poison to me", "wo ladki mujhe zeher lagti hai"],
    ["dying for a pizza", "mar jaungi agar aaj pizza nahi mila"],
    ["a kite on the roof", "chhat pe patang uda rahe the"],
    ["staying alive is a song", "we were staying home all weekend with my family"],
    ["a tailor's mistake", "usko toh main maar dalungi, mera blouse kharab kar diya"],
    ["worry is not a pyre", "meri chinta mat karo, main theek hu"],
    ["a pool party", "we jumped into the pool at my cousin's party"],
    ["years clean", "I used to cut. Haven't in years."],
    ["cooking on the gas", "gas khol ke chai bana rahi hu"],
    ["holding her breath", "paani ke andar saans rok ke dekhi"],
    ["a finished paper", "paper khatam, sab ghar ja rahe hai"],
    ["a proverb", "jo dar gaya wo mar gaya, bas aage badho"],
    ["a rakhi tied", "bhai ke haath pe rakhi baandh di"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

// First runs on dev10 and dev11 (Hinglish-heavy, written without seeing the detector), rules then
// the model as shipped before it was retrained on them: recall hinglish 96.0 / 88.0%, hi 100 /
// 94.0%, en 97.3 / 89.2%; false alarms hinglish 18.3 / 20.0%, hi 10.0 / 10.0%, en 0 / 17.4%.
// The rules alone, just before this round (model already retrained on them): recall hinglish 88.0
// / 77.0%, hi 92.0 / 82.0%, en 94.6 / 78.4%; false alarms hinglish 13.3 / 16.7%, hi 10.0 / 10.0%,
// en 0 / 17.4% (everyday keyword traps: "dupatta pankhe me phas gaya", "ye maths mujhe maar
// dalega", "done with everything finally" after exams, rat poison for mice). After tuning on both
// (rules alone): dev10 recall 98.0 / 100 / 100%, dev11 93.0 / 98.0 / 100%; no false alarms.
describe("crisis detector: the tenth development set (tuned on after its first run)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev10.yaml", {
      hi: { recall: 0.97, alarms: 0.02, kind: 0.97 },
      hinglish: { recall: 0.96, alarms: 0.02, kind: 0.97 },
      en: { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
  });
});

describe("crisis detector: the eleventh development set (tuned on after its first run)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev11.yaml", {
      hi: { recall: 0.96, alarms: 0.02, kind: 0.97 },
      hinglish: { recall: 0.91, alarms: 0.02, kind: 0.97 },
      en: { recall: 0.97, alarms: 0.02, kind: 0.97 },
    });
  });
});

// Phrasings written for these tests, not taken from dev10 or dev11: with the terms as they were
// before this round, 10 of the 23 crises were missed and 7 of the 16 everyday messages alarmed.
describe("crisis detector: families added after dev10 and dev11, in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["nobody troubled because of her", "tuesday ke baad kisi ko meri wajah se pareshan nahi hona padega", "self"],
    ["giving away, won't need it", "mera sara gold mummy ko de dena, mujhe iske baad zaroorat nahi padegi", "self"],
    ["a burden who will go", "mai sabpe bojh hu, chala jaunga to sab khush rahenge", "self"],
    ["at the lake, the water deep", "jheel ke kinare khadi hu, paani kaafi gehra lag raha", "self"],
    ["tell papa to forgive me", "papa se kehna mujhe maaf kar dein", "self"],
    ["rat poison drunk", "chuhe maarne wali dawa pee li maine", "self"],
    ["going to be cut by a train", "train ke aage katne ja rahi hu aaj", "self"],
    ["gone by the time it is read", "jab tum ye message padhoge tab tak main ja chuka hounga", "self"],
    ["cut herself again", "aaj fir khud ko cut kar liya", "self"],
    ["a last goodbye", "aakhri baar sabko bye, ab kabhi nahi milenge", "self"],
    ["toilet cleaner drunk", "harpic pee liya thoda sa", "self"],
    ["on the tracks, waiting", "i'm sitting on the railway tracks waiting", "self"],
    ["carried off tonight", "wo log bol rahe ladki ko utha le jayenge raat ko", "danger"],
    ["pushed into a van", "mujhe van me daal ke le ja rahe hai", "danger"],
    ["the panchayat's order", "panchayat ne kaha ladki ko jala do, bahar bheed jama hai", "danger"],
    ["her ex will come and beat her", "mera ex bola ghar aake tujhe maarunga", "danger"],
    ["the door beaten", "koi lagatar darwaza peet raha hai aur wo chilla raha hai", "danger"],
    ["past the guard", "wo hostel ke gate pe khada hai, guard ki nahi sun raha", "danger"],
    ["caught on the way", "college ke raste me pakad lega bol raha tha", "danger"],
    ["pounding on the door", "some guy is pounding on my door and won't leave", "danger"],
    ["locked in", "they have locked me inside the room", "danger"],
    ["a drunk brother with a knife", "my brother is drunk and waving a knife at us", "danger"],
    ["a mob at the house", "a mob gathered outside our house shouting kill her", "danger"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["a paper that will kill her", "physics ka paper mujhe maar dalega"],
    ["the heat will take her life", "ye garmi meri jaan le legi"],
    ["dying for a ticket", "mar jaungi agar concert ki ticket nahi mili"],
    ["dying of tension", "tension se mar jaungi kal ke viva ki"],
    ["her own anger", "usko ek thappad maar du aisa mann karta hai"],
    ["an article about suicide", "aatmahatya par ek lekh padha, bahut dukh hua"],
    ["clothes on the roof", "chhat pe kapde daalne gayi thi"],
    ["a dupatta caught in the fan", "mera dupatta pankhe me atak gaya tha"],
    ["abuse in a group chat", "wo har din gaaliyan deta hai group me"],
    ["exams over", "finally done with everything, holidays yay"],
    ["exams done", "exams over, done with it all"],
    ["his wedding", "khatam ho gaya sab, uski shaadi ho gayi"],
    ["poison for cockroaches", "cockroach maarne ki dawa kahan milegi, kitchen me cockroaches hai"],
    ["anger at a spoiler", "I could bury him alive for spoiling the movie"],
    ["the bell rung by a delivery", "kachra wale ne ghanti bajayi lagatar, delivery wala bhi aaya"],
    ["a plumber at home", "someone is in my house, it's the plumber"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

// First run on dev12 (400, everyday-heavy, Hindi first; written without seeing the detector), before
// any change made for it. Rules alone: recall hi 85.0%, hinglish 82.5%, en 92.0%; false alarms hi
// 6.4%, hinglish 5.0%, en 5.5%. Rules then the model as shipped: recall 96.7 / 90.0 / 100%, false
// alarms 6.4 / 7.5 / 5.5%. The false alarms were past or recovered phrasings, negations ("sawal hi
// nahi", "aatmahatya jaisa kuch nahi"), idioms (humidity "will take my life", "zinda gaad denge 😅",
// "bore ho ke mar jaungi", "maut ka kuan", her own "muh tod du"), a film scene, school marks and a
// kitchen cut. After tuning on it (rules alone): recall 100% in every language; false alarms hi 0.7%
// (one: a family's joke whose 😅 stands beyond the window), hinglish and en 0%. Floors leave one case.
describe("crisis detector: the twelfth development set (tuned on after its first run)", () => {
  it("keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev12.yaml", {
      hi: { recall: 0.98, alarms: 0.015, kind: 0.97 },
      hinglish: { recall: 0.97, alarms: 0.0125, kind: 0.97 },
      en: { recall: 0.96, alarms: 0.0182, kind: 0.97 },
    });
  });
});

// Phrasings written for these tests, not taken from dev12: the same families in other words.
describe("crisis detector: families added after dev12, in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["everyone happier without her", "mere na hone se sab khush rahenge", "self"],
    ["can't any more, bye and thanks", "mujhse ab aur nahi hoga. bye. thanks for everything", "self"],
    ["given up for good", "hamesha ke liye haar maan li maine", "self"],
    ["at the river, not going back", "nadi kinare khadi hu, wapas nahi jaungi", "self"],
    ["on the roof, not coming down", "I'm on the roof and I'm not coming back down", "self"],
    ["fifteen tablets at once", "ek saath 15 goliyan kha li", "self"],
    ["a bike behind her for long", "wo bike wala kabse peeche laga hai", "danger"],
    ["slapped, and more to come", "usne do thappad maare aur bola phir maarega", "danger"],
    ["a knife, and he is looking for her", "चाकू लेके मुझे ढूंढ रहा है मेरा भाई", "danger"],
    ["threatened with an axe", "jeth ne dhamki di kulhadi se", "danger"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["the rain and the humidity 'took her life'", "is baarish aur umas ne to meri jaan le li, kapde sukhte hi nahi"],
    ["the heat will take her life", "aaj ki garmi jaan le legi yaar"],
    ["antiseptic on a scraped knee", "ghutne pe chot lagi thi, savlon laga diya"],
    ["a heroine's leap in a serial", "serial me heroine ne chhat se chhalang maar di, kya drama hai"],
    ["a brother's joke threat", "bhai bola phone todega to tujhe zinda gaad dunga 😂"],
    ["her own anger at him", "dil karta hai uska sir tod du"],
    ["nothing like suicide", "suicide jaisa kuch nahi soch rahi, bas thak gayi hu"],
    ["dying is out of the question", "marne ka to sawal hi nahi uthta, main ladungi"],
    ["therapy helped", "pehle cutting karti thi, ab therapy se kaafi behtar hu"],
    ["that time is over", "wo waqt nikal chuka, ab main khush hu"],
    ["years on, doing better", "I tried to overdose in 2019. I'm doing so much better these days"],
    ["board exam marks", "She keeps asking about my marks in the boards"],
    ["rice for lunch", "aaj lunch me dal chawal khaye"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});

// dev13-dev18 (written without seeing the detector), tuned on after their first runs, as classes (report:
// /work/notes/h11-tune-dev13-18.md). Rules alone, first run -> after: dev17 false alarms en 37.5 -> 25.0%,
// hinglish 27.3 -> 18.2%, hi 27.3 -> 15.2%; the other sets in the report. Floors leave about one case of slack.
describe("crisis detector: development sets dev13-dev18 (tuned on after their first runs)", () => {
  it("dev13: keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev13.yaml", {
      en: { recall: 0.666, alarms: 0.1167, kind: 0.94 },
      hi: { recall: 0.826, alarms: 0.1167, kind: 0.96 },
      hinglish: { recall: 0.68, alarms: 0.0667, kind: 0.96 },
    });
  });
  it("dev14: keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev14.yaml", {
      en: { recall: 0.71, alarms: 0.0968, kind: 0.98 },
      hi: { recall: 0.74, alarms: 0.0323, kind: 0.96 },
      hinglish: { recall: 0.723, alarms: 0.1312, kind: 0.94 },
    });
  });
  it("dev15: keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev15.yaml", {
      hinglish: { recall: 0.687, alarms: 0.1, kind: 0.98 },
      en: { recall: 0.687, alarms: 0.0695, kind: 0.94 },
      hi: { recall: 0.843, alarms: 0.0834, kind: 0.96 },
    });
  });
  it("dev16: keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev16.yaml", {
      hi: { recall: 0.712, alarms: 0.0334, kind: 0.98 },
      hinglish: { recall: 0.708, alarms: 0.125, kind: 0.88 },
      en: { recall: 0.656, alarms: 0.0834, kind: 0.9 },
    });
  });
  it("dev17: keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev17.yaml", {
      en: { recall: 0.708, alarms: 0.2614, kind: 0.96 },
      hinglish: { recall: 0.722, alarms: 0.197, kind: 0.92 },
      hi: { recall: 0.722, alarms: 0.1667, kind: 0.95 },
    });
  });
  it("dev18: keeps recall, false alarms and kinds at their tuned levels, per language", () => {
    checkSet("dev18.yaml", {
      en: { recall: 0.731, alarms: 0.0589, kind: 0.96 },
      hinglish: { recall: 0.85, alarms: 0.0705, kind: 0.98 },
      hi: { recall: 0.731, alarms: 0.0589, kind: 0.98 },
    });
  });
});

// Phrasings written for these tests, not taken from dev13-dev18: the classes added for them, in
// other words. Long stories with alarming words stay quiet; a live threat or a crisis said in one
// sentence of a long message still counts.
describe("crisis detector: classes added after dev13-dev18, in other wordings", () => {
  const crises: [story: string, text: string, kind: "self" | "danger"][] = [
    ["a live threat for tonight", "he messaged that he will come tonight and kill me", "danger"],
    ["a live threat, said in the past tense", "usne bola tha aaj raat ghar aake maar dalega", "danger"],
    ["an old threat, and he is hitting her now", "3 saal pehle usne dhamki di thi. aaj wo ghar aaya hai aur mujhe maar raha hai", "danger"],
    ["tablets minutes ago", "maine 25 goliyan kha li hain 15 min pehle", "self"],
    ["a story, then her own plan", "Last year a girl from my school jumped off a bridge after her photos leaked. Tonight I will jump off the same bridge", "self"],
    ["a village well, her plan", "nadi me kood jaungi aaj, gaon wale kuch bolen usse pehle", "self"],
    ["no future left", "after what he did there is no future for me", "self"],
    ["no tomorrow, in Hindi", "अब मेरे लिए कोई कल नहीं बचा", "self"],
    ["things given away, not needed", "Gave my guitar to my cousin. Won't be needing them", "self"],
    ["things given away, in Hinglish", "apni ghadi aur headphones dost ko de diye, mujhe ab inki zarurat nahi", "self"],
    ["not eating till the body stops", "teen din se kuch nahi khaya, dekhte hai ye sharir kitna chalega", "self"],
    ["how much of a means does it", "kitni neend ki goliyan lene se kaam ho jayega", "self"],
    ["a painless way", "aisa raasta batao jisme dard na ho", "self"],
    ["gas in a closed room", "I'll turn the cylinder on once they sleep, windows shut", "self"],
    ["a cutter on the arm", "cutter se kalai pe lines kheench rahi hu", "self"],
    ["an old attempt, and again now", "Last year I tried to hang myself and tonight I will do it again", "self"],
    ["no joke, said outright", "this is not a joke, I will jump from the terrace tonight", "self"],
    ["no joke, in Hinglish", "mazaak nahi kar rahi, pankhe se latak jaungi aaj", "self"],
    ["a nurse who took them", "I'm a nurse and tonight I swallowed 25 tablets from the ward", "self"],
    ["her mother's tablets", "took 15 of papa's bp tablets half an hour ago", "self"],
    ["far away, but here today", "he moved to another state but today he is standing outside my gate", "danger"],
    ["no way but suicide", "आत्महत्या के सिवा अब कोई हल नहीं दिखता", "self"],
    ["thinking about it, in Hinglish", "aaj kal suicide ke baare me bahut sochti hu", "self"],
  ];
  for (const [story, text, kind] of crises) {
    it(`${story}: ${kind}`, () => {
      expect(detect(text)?.kind).toBe(kind);
    });
  }

  const quiet: [story: string, text: string][] = [
    ["a threat from years ago", "Four years ago my ex told me he would stab me if I dated anyone. He's married abroad now. Can I report his old account?"],
    ["what he used to do", "My stepfather used to hit my mother when I was small. Now I live alone in Pune. Someone is sharing my photos on telegram"],
    ["a Hindi threat long past", "करीब दो साल पहले उसने धमकी दी थी कि जान से मार देगा। अब वो विदेश में है। मेरी फोटो हटवानी है"],
    ["someone else's act in the news", "Saw an article about a woman in Jaipur who took poison after her pictures went viral. Made me so sad. How do I report a page?"],
    ["a student in the paper", "अखबार में था कि एक छात्र ने नदी में छलांग लगा दी। बहुत बुरा लगा। मेरी शिकायत का क्या हुआ?"],
    ["an attempt years back, in a story", "Three years back I swallowed a strip of pills during my divorce. Now I want to know if I can sue my ex for the video"],
    ["a Hindi attempt long past", "पिछले साल मैंने ज़हर खा लिया था, अब सब ठीक है। बस एफआईआर के बारे में पूछना था"],
    ["a busy tomorrow", "kal ka din mere liye bahut lamba hai, exam hai"],
    ["gas forgotten on", "I forgot the gas on this morning and the windows were closed, scary"],
    ["a cousin's running joke", "My cousin always jokes that she'll drown herself in the lake if her team loses. Anyway, how do I report a fake profile?"],
    ["a roommate's joke in Hindi", "सहेली ने मज़ाक में कहा कि ये असाइनमेंट देख के ज़हर खा लूं। हम खूब हँसे"],
    ["a chemist's shop", "My father runs a chemist shop so there are sleeping pills and strips everywhere at home. That isn't why I'm writing, I need help with a morphed photo"],
    ["a survey on survivors", "A survey I saw says many survivors of image abuse think about suicide. Is there any support group in Delhi?"],
    ["an abuser telling her to do it", "usne DM me likha 'tu suicide kar le, sab khush honge'. main screenshot le chuki hu, report kaise karu"],
    ["a phone dying", "mera phone marne wala hai, charger dhoondh rahi hu"],
    ["exam dread in slang", "physics exam tomorrow, kms fr"],
    ["a chase in a film", "film me villain poori movie heroine ka peecha karta raha, boring tha"],
    ["he is far away", "he has my address but he lives in another country now. Should I worry?"],
    ["no thought of it", "suicide ka koi khayal nahi hai, bas neend nahi aati"],
    ["'such girls' judged", "padosan kehti hai aise logon ko jeene ka haq nahi. mujhe gussa aata hai bas"],
  ];
  for (const [story, text] of quiet) {
    it(`stays quiet: ${story}`, () => {
      expect(detect(text)).toBeUndefined();
    });
  }
});
