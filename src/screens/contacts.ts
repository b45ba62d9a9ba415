import type { Content, Helpline } from "../content/schema.js";
import { text, type Text } from "./screen.js";

/** Helplines by id, in the order given; an id flows/ doesn't know is left out. */
export function helplinesById(content: Content, ids: readonly string[]): Helpline[] {
  return ids.map((id) => content.helplines.find((h) => h.id === id)).filter((h): h is Helpline => h !== undefined);
}

/** "Name: number · link" then what it is for. Numbers and links come from flows/, words from locales. */
export function lineText(line: Helpline): Text {
  return text("contact-entry", {
    name: text(`line-${line.id}`),
    contact: [line.phone, line.url].filter(Boolean).join(" · "),
    about: text(`line-${line.id}-about`),
  });
}
