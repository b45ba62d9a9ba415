import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parse } from "yaml";
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
