import type { Person } from "./emulator.js";

/**
 * Over the emulator, in English: from the welcome (after /start or /restart) to the images
 * question answered — "Let's begin", safe, blackmailed, then `images` (a label on that screen).
 */
export async function answerImagesQuestion(p: Person, images: string, waitMs: number): Promise<void> {
  await p.waitFor(/not your fault/i, waitMs);
  await p.tap("Let's begin");
  await p.waitFor("are you safe", waitMs);
  await p.tap("Yes, I'm safe");
  await p.waitFor("What happened?", waitMs);
  await p.tap("I'm being blackmailed");
  await p.waitFor("under 18 when they were taken?", waitMs);
  await p.tap(images);
  await p.waitFor("Where is it happening", waitMs);
}

/** Meets new people on an emulator and remembers them for the log scan at the end. */
export function meeter(emulator: () => { person(opts: { languageCode: string }): Person }, people: Person[]) {
  return (languageCode: "en" | "hi"): Person => {
    const person = emulator().person({ languageCode });
    people.push(person);
    return person;
  };
}
